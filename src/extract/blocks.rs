//! Turns the chosen part of the page into blocks in document order: whitespace collapsed, `<br>`
//! kept as a line break, and for every block the text nodes it is made of with the byte offset
//! where each one's text starts, so that offsets map back to the page.

use super::dom::Dom;
use super::hints;
use super::score::BLOCK_TAGS;
use super::tree::{Item, Tree};
use crate::text::BlockKind;

/// One block of the article (a paragraph, heading, list item …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtractedBlock<N> {
    pub kind: BlockKind,
    /// Whitespace collapsed to single spaces; `\n` where the page has a `<br>`.
    pub text: String,
    /// The text nodes that make up the block, in order, each with the byte offset in `text` of its
    /// first non-whitespace char. Between that offset and the next piece's, `text` is the node's
    /// text with whitespace runs collapsed to one space (see [`ExtractedBlock::locate`]). Empty
    /// when the text does not come from visible nodes (a title taken from `<title>`).
    pub pieces: Vec<(N, usize)>,
}

/// Where a byte of a block's text lives in the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodePosition<N> {
    pub node: N,
    /// Byte offset into the node's text.
    pub byte: usize,
    /// The same offset in UTF-16 code units (what the DOM's `Range` speaks).
    pub utf16: usize,
}

impl<N: Copy + Eq> ExtractedBlock<N> {
    /// Maps a byte offset of `self.text` back to a text node and an offset inside it. Offsets on a
    /// collapsed space map to the start of the whitespace run; offsets past a node's text (a `<br>`
    /// line break) map to the end of the preceding node.
    pub fn locate<D: Dom<Node = N>>(&self, dom: &D, byte: usize) -> Option<NodePosition<N>> {
        let idx = self.pieces.partition_point(|&(_, start)| start <= byte).checked_sub(1)?;
        let (node, start) = self.pieces[idx];
        let raw = dom.text(node)?;
        let mut out = start;
        let mut at = None;
        let mut chars = raw.char_indices().skip_while(|(_, c)| c.is_whitespace()).peekable();
        while let Some((pos, c)) = chars.next() {
            if out >= byte {
                at = Some(pos);
                break;
            }
            if c.is_whitespace() {
                while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
                out += 1;
            } else {
                out += c.len_utf8();
            }
        }
        let pos = at.unwrap_or(raw.len());
        Some(NodePosition { node, byte: pos, utf16: raw[..pos].encode_utf16().count() })
    }

    /// Maps the end of a span of `self.text` (exclusive byte offset `byte` > 0) back to the page:
    /// the position just after the span's last char, in the text node that holds that char. (Where
    /// [`ExtractedBlock::locate`] would answer the start of the next node, a range ending here does
    /// not reach into the next element.)
    pub fn locate_end<D: Dom<Node = N>>(&self, dom: &D, byte: usize) -> Option<NodePosition<N>> {
        let idx = self.pieces.partition_point(|&(_, start)| start < byte).checked_sub(1)?;
        let (node, start) = self.pieces[idx];
        let raw = dom.text(node)?;
        let mut out = start;
        let mut pos = raw.len();
        let mut chars = raw.char_indices().skip_while(|(_, c)| c.is_whitespace()).peekable();
        while let Some((at, c)) = chars.next() {
            if out >= byte {
                break;
            }
            if c.is_whitespace() {
                while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
                out += 1;
                // A collapsed space ends the span: end before the whitespace run.
                if out >= byte {
                    pos = at;
                    break;
                }
            } else {
                out += c.len_utf8();
                if out >= byte {
                    pos = at + c.len_utf8();
                    break;
                }
            }
        }
        Some(NodePosition { node, byte: pos, utf16: raw[..pos].encode_utf16().count() })
    }
}

/// Accumulates the text of the block being read.
pub(crate) struct Builder<N> {
    pub blocks: Vec<ExtractedBlock<N>>,
    text: String,
    pieces: Vec<(N, usize)>,
    pending_space: bool,
}

impl<N: Copy> Builder<N> {
    pub fn new() -> Self {
        Builder { blocks: Vec::new(), text: String::new(), pieces: Vec::new(), pending_space: false }
    }

    fn push_text(&mut self, node: N, raw: &str) {
        let mut first = true;
        for c in raw.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.pending_space = false;
            if first {
                self.pieces.push((node, self.text.len()));
                first = false;
            }
            self.text.push(c);
        }
    }

    /// A `<br>`: a line break, and two in a row end the block (they separate paragraphs).
    fn line_break(&mut self, kind: BlockKind) {
        self.pending_space = false;
        if self.text.ends_with('\n') {
            self.text.pop();
            self.flush(kind);
        } else if !self.text.is_empty() {
            self.text.push('\n');
        }
    }

    pub fn flush(&mut self, kind: BlockKind) {
        self.pending_space = false;
        while self.text.ends_with(['\n', ' ']) {
            self.text.pop();
        }
        let credit =
            matches!(kind, BlockKind::Paragraph | BlockKind::Caption) && hints::is_credit_line(&self.text);
        if self.text.chars().any(char::is_alphanumeric) && !is_copyright_line(&self.text) && !credit {
            let text = std::mem::take(&mut self.text);
            let pieces = std::mem::take(&mut self.pieces);
            self.blocks.push(ExtractedBlock { kind, text, pieces });
        } else {
            self.text.clear();
            self.pieces.clear();
        }
    }
}

/// Copyright lines ("© AFP") are credits, not article text.
const MAX_COPYRIGHT_CHARS: usize = 80;

fn is_copyright_line(text: &str) -> bool {
    let start = text.trim_start();
    (start.starts_with('©') || start.to_lowercase().starts_with("copyright"))
        && text.chars().count() <= MAX_COPYRIGHT_CHARS
}

fn kind_of(tag: &str) -> Option<BlockKind> {
    Some(match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "blockquote" => BlockKind::BlockQuote,
        "li" => BlockKind::ListItem,
        "figcaption" | "caption" => BlockKind::Caption,
        _ => return None,
    })
}

/// A photo's box (`<figure>`, or an element whose class says caption) holds at most this many
/// chars of text; a longer one is content that happens to carry the name.
const CAPTION_MAX_CHARS: usize = 600;

/// A photo and its caption: what it holds is a caption, not article text (the analysis skips
/// captions), unless it says otherwise (a pull quote in a `<blockquote>`).
fn is_caption_box<N>(item: &Item<N>) -> bool {
    (item.tag == "figure" || hints::is_caption(&item.hints)) && item.text_chars <= CAPTION_MAX_CHARS
}

/// Elements whose content is never text to read (kept in the tree for counting only).
const SILENT_TAGS: &[&str] = &[
    "input", "button", "select", "textarea", "iframe", "embed", "object", "video", "audio", "img", "picture",
];

/// Emits the blocks of the subtree of `root`, skipping removed items and `skip` (the title).
pub(crate) fn emit<N: Copy>(
    tree: &Tree<N>,
    removed: &[bool],
    root: usize,
    skip: Option<usize>,
    base_kind: BlockKind,
    out: &mut Builder<N>,
) {
    let end = tree.items[root].end;
    // (end of the open element, kind outside it, whether it is a block)
    let mut open: Vec<(usize, BlockKind, bool)> = Vec::new();
    let mut kind = base_kind;
    let mut j = root;
    loop {
        while let Some(&(e, outer, block)) = open.last() {
            if e > j {
                break;
            }
            open.pop();
            if block {
                out.flush(kind);
            }
            kind = outer;
        }
        if j >= end {
            break;
        }
        let item = &tree.items[j];
        if removed[j] || Some(j) == skip {
            j = item.end;
            continue;
        }
        if item.is_text() {
            out.push_text(item.node, &item.text);
            j += 1;
            continue;
        }
        let tag = item.tag.as_str();
        if tag == "br" {
            out.line_break(kind);
            j = item.end;
            continue;
        }
        if SILENT_TAGS.contains(&tag) {
            j = item.end;
            continue;
        }
        let block = BLOCK_TAGS.contains(&tag);
        if block {
            out.flush(kind);
        }
        open.push((item.end, kind, block));
        if let Some(k) = kind_of(tag) {
            kind = k;
        } else if is_caption_box(item) {
            kind = BlockKind::Caption;
        }
        j += 1;
    }
    out.flush(kind);
}
