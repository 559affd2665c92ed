//! Article extraction: finds the article body of a web page (title, headings, paragraphs, block
//! quotes) and leaves navigation, sidebars, share bars, "Read also" boxes, cookie banners,
//! comments and scripts out. One algorithm, generic over the read-only [`Dom`] trait.

mod blocks;
mod dom;
mod hints;
#[cfg(feature = "native")]
pub mod html;
mod score;
mod title;
mod tree;

pub use blocks::{ExtractedBlock, NodePosition};
pub use dom::{Children, Dom};
pub use title::clean_title;

use crate::text::{BlockKind, Document};
use blocks::Builder;
use score::Flags;
use tree::Tree;

/// Below this many chars of text, the attempt switches heuristics off and tries again
/// (Readability's `charThreshold`).
const MIN_ARTICLE_CHARS: usize = 500;
/// A paragraph counts towards "this page has an article" by the square root of its length beyond
/// this many chars (Readability's `isProbablyReaderable`) …
const READERABLE_MIN_PARAGRAPH_CHARS: usize = 140;
/// … and the page has an article when the sum reaches this, …
const READERABLE_MIN_SCORE: f64 = 20.0;
/// … or when its paragraphs of at least [`PROSE_MIN_PARAGRAPH_CHARS`] chars add up to this many
/// chars (short-paragraph news pages).
const PROSE_MIN_CHARS: usize = 300;
const PROSE_MIN_PARAGRAPH_CHARS: usize = 40;

/// The article of a page: its title (also the first block, of kind `Title`) and its blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article<N> {
    pub title: Option<String>,
    pub blocks: Vec<ExtractedBlock<N>>,
    /// The page had more nodes than extraction reads: the rest was left out.
    pub truncated: bool,
    /// The page nested deeper than extraction follows: the deepest parts were flattened.
    pub flattened: bool,
}

impl<N> Article<N> {
    /// The blocks as a [`Document`] ready for analysis. Block texts keep their byte lengths, so
    /// a block's span in the document plus an offset in the block's text is the document offset.
    pub fn document(&self) -> Document {
        Document::from_parts(self.blocks.iter().map(|b| (b.kind, b.text.as_str())))
    }

    /// The text of every block but the title, blocks separated by blank lines.
    pub fn body_text(&self) -> String {
        let parts: Vec<&str> =
            self.blocks.iter().filter(|b| b.kind != BlockKind::Title).map(|b| b.text.as_str()).collect();
        parts.join("\n\n")
    }
}

/// The passes tried in turn until one finds enough text: each switches one more heuristic off.
const ATTEMPTS: [Flags; 4] = [
    Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
    Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
    Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
    Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
];

/// Finds the article in a page. `None` when the page has no article (a login form, a list of
/// links, an empty page).
pub fn extract<D: Dom>(dom: &D) -> Option<Article<D::Node>> {
    let tree = Tree::build(dom);
    if tree.items.is_empty() {
        return None;
    }
    let mut base = vec![false; tree.items.len()];
    score::remove_furniture(&tree, &mut base);
    let title = title::choose(&tree, &base);
    let title_item = match title {
        Some(title::Title::Heading(i)) => Some(i),
        _ => None,
    };

    let mut best: Option<(usize, Vec<ExtractedBlock<D::Node>>)> = None;
    for flags in ATTEMPTS {
        let sel = score::select(&tree, &base, flags);
        let mut out = Builder::new();
        for &r in &sel.roots {
            blocks::emit(&tree, &sel.removed, r, title_item, BlockKind::Paragraph, &mut out);
        }
        let chars: usize = out.blocks.iter().map(|b| b.text.chars().count()).sum();
        let enough = chars >= MIN_ARTICLE_CHARS;
        if !matches!(&best, Some((c, _)) if *c >= chars) {
            best = Some((chars, out.blocks));
        }
        if enough {
            break;
        }
    }
    let (_, body) = best?;
    if !is_readerable(&body) {
        return None;
    }

    let mut blocks = Vec::with_capacity(body.len() + 1);
    let title_text = match title {
        Some(title::Title::Heading(i)) => {
            let mut out = Builder::new();
            blocks::emit(&tree, &vec![false; tree.items.len()], i, None, BlockKind::Title, &mut out);
            out.blocks.into_iter().next()
        }
        Some(title::Title::Text(text)) => {
            Some(ExtractedBlock { kind: BlockKind::Title, text, pieces: Vec::new() })
        }
        None => None,
    };
    let title = title_text.map(|mut b| {
        b.kind = BlockKind::Title;
        b.text = b.text.replace('\n', " ");
        let t = b.text.clone();
        blocks.push(b);
        t
    });
    let same_as_title = |b: &ExtractedBlock<D::Node>| title.as_deref().is_some_and(|t| b.text == t);
    blocks.extend(body.into_iter().filter(|b| !(b.kind == BlockKind::Heading && same_as_title(b))));
    Some(Article { title, blocks, truncated: tree.truncated, flattened: tree.flattened })
}

/// Everything readable under the DOM's root, as the article: for a root the caller already knows to
/// be the article (an extension's reader page, the text a demo page was given), where scoring the
/// page's parts would only risk dropping some. Scripts, styles and hidden parts are still left out;
/// a heading that comes first is the title. `None` when there is no text at all.
pub fn whole<D: Dom>(dom: &D) -> Option<Article<D::Node>> {
    let tree = Tree::build(dom);
    let removed = vec![false; tree.items.len()];
    let mut out = Builder::new();
    let mut i = 0;
    while i < tree.items.len() {
        blocks::emit(&tree, &removed, i, None, BlockKind::Paragraph, &mut out);
        i = tree.items[i].end.max(i + 1);
    }
    let mut blocks = out.blocks;
    let first = blocks.first_mut()?;
    let title = (first.kind == BlockKind::Heading).then(|| {
        first.kind = BlockKind::Title;
        first.text = first.text.replace('\n', " ");
        first.text.clone()
    });
    Some(Article { title, blocks, truncated: tree.truncated, flattened: tree.flattened })
}

/// Whether the extracted blocks read like an article rather than a list of links or a form.
fn is_readerable<N>(blocks: &[ExtractedBlock<N>]) -> bool {
    let lengths = || {
        blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::BlockQuote))
            .map(|b| b.text.chars().count())
    };
    let score: f64 = lengths()
        .filter(|&n| n >= READERABLE_MIN_PARAGRAPH_CHARS)
        .map(|n| ((n - READERABLE_MIN_PARAGRAPH_CHARS) as f64).sqrt())
        .sum();
    let prose: usize = lengths().filter(|&n| n >= PROSE_MIN_PARAGRAPH_CHARS).sum();
    score >= READERABLE_MIN_SCORE || prose >= PROSE_MIN_CHARS
}

/// Token F1 of two texts: lowercase word tokens (letters and digits; every CJK char is a token
/// of its own), compared as multisets. The measure of `examples/eval_pages.rs` and the tests.
pub fn token_f1(found: &str, expected: &str) -> f64 {
    use std::collections::HashMap;
    let count = |t: &str| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for tok in word_tokens(t) {
            *m.entry(tok).or_default() += 1;
        }
        m
    };
    let (a, b) = (count(found), count(expected));
    let (na, nb): (usize, usize) = (a.values().sum(), b.values().sum());
    if na == 0 || nb == 0 {
        return if na == nb { 1.0 } else { 0.0 };
    }
    let overlap: usize = a.iter().map(|(k, v)| (*v).min(b.get(k).copied().unwrap_or(0))).sum();
    let (p, r) = (overlap as f64 / na as f64, overlap as f64 / nb as f64);
    if overlap == 0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn word_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if is_cjk(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    /// A hand-built tree, as a live-DOM backend would hand it out: nodes are arena indices.
    struct VecDom {
        nodes: Vec<(Option<&'static str>, &'static str, Vec<usize>)>, // (tag, text or class, children)
    }

    impl VecDom {
        fn add(&mut self, tag: Option<&'static str>, s: &'static str, kids: Vec<usize>) -> usize {
            self.nodes.push((tag, s, kids));
            self.nodes.len() - 1
        }
    }

    impl Dom for VecDom {
        type Node = usize;
        fn root(&self) -> usize {
            self.nodes.len() - 1
        }
        fn first_child(&self, n: usize) -> Option<usize> {
            self.nodes[n].2.first().copied()
        }
        fn next_sibling(&self, n: usize) -> Option<usize> {
            let parent = self.nodes.iter().position(|(_, _, k)| k.contains(&n))?;
            let kids = &self.nodes[parent].2;
            kids.get(kids.iter().position(|&k| k == n)? + 1).copied()
        }
        fn tag(&self, n: usize) -> Option<Cow<'_, str>> {
            self.nodes[n].0.map(Cow::Borrowed)
        }
        fn attr(&self, n: usize, name: &str) -> Option<Cow<'_, str>> {
            (name == "class" && self.nodes[n].0.is_some()).then(|| Cow::Borrowed(self.nodes[n].1))
        }
        fn text(&self, n: usize) -> Option<Cow<'_, str>> {
            self.nodes[n].0.is_none().then(|| Cow::Borrowed(self.nodes[n].1))
        }
    }

    const PARA: &str = "  The council adopted the budget on Tuesday, the mayor said, after a long debate \
        about schools, roads and clinics in the northern districts of the town, which had waited years.";

    #[test]
    fn generic_over_any_dom() {
        let mut d = VecDom { nodes: Vec::new() };
        let t = d.add(None, "Budget adopted after long debate", vec![]);
        let h1 = d.add(Some("h1"), "", vec![t]);
        let mut paras = vec![h1];
        for _ in 0..3 {
            let t = d.add(None, PARA, vec![]);
            paras.push(d.add(Some("p"), "", vec![t]));
        }
        let nav_text = d.add(None, "Home World Sport", vec![]);
        let nav = d.add(Some("nav"), "", vec![nav_text]);
        let article = d.add(Some("article"), "story", paras);
        let body = d.add(Some("body"), "", vec![nav, article]);
        d.add(Some("html"), "", vec![body]);

        let a = extract(&d).expect("an article");
        assert_eq!(a.title.as_deref(), Some("Budget adopted after long debate"));
        assert_eq!(a.blocks.len(), 4);
        assert!(a.blocks[1..].iter().all(|b| b.kind == BlockKind::Paragraph && b.text == PARA.trim()));
        assert_eq!(a.blocks[0].pieces, vec![(t, 0)]);
        let pos = a.blocks[1].locate(&d, 4).expect("a position");
        assert_eq!((pos.byte, pos.utf16), (6, 6)); // two leading spaces skipped
        assert!(!a.body_text().contains("Home"));
        assert_eq!(a.document().blocks.len(), 4);
    }
}
