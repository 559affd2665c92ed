//! The text model: a document is its text, split into blocks (title, headings, paragraphs …),
//! sentences and tokens. Every piece is a byte [`Span`] into the text; [`OffsetIndex`] gives the
//! char and UTF-16 offsets.

mod segment;
mod span;
mod tokens;

pub use segment::{is_abbreviation, split_sentences};
pub use span::{OffsetIndex, Position, Span};
pub use tokens::{tokenize, LowerTokens, Token, TokenKind};

use serde::Serialize;

/// What a block of the article is, as far as the analysis is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Title,
    Heading,
    Paragraph,
    BlockQuote,
    ListItem,
    Caption,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Document::blocks`].
    pub block: usize,
    /// Range into [`Document::tokens`].
    pub tokens: std::ops::Range<usize>,
}

/// An article ready for analysis.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub text: String,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Every token in lower case, computed once: the cues, patterns and markers look words up
    /// by token index instead of lowering them again at each lookup.
    pub lower: LowerTokens,
    pub offsets: OffsetIndex,
}

/// The longest line that still reads as a heading when it lacks final punctuation.
const MAX_HEADING_CHARS: usize = 120;

impl Document {
    /// Builds a document from plain text: every non-empty line is a block; the first is the title,
    /// short lines without final punctuation are headings. A line ends at LF, CR LF or a lone CR
    /// (old Mac files, where a CR-only text was one line: the title ran into the body).
    pub fn from_plain_text(text: &str) -> Self {
        let mut blocks = Vec::new();
        let mut start = 0;
        for line in lines(text) {
            let span = Span::new(start, start + line.len()).trim(text);
            start += line.len();
            if span.is_empty() {
                continue;
            }
            let kind = if blocks.is_empty() {
                BlockKind::Title
            } else if looks_like_heading(span.slice(text)) {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            blocks.push(Block { span, kind });
        }
        Self::from_blocks(text.to_string(), blocks)
    }

    /// Builds a document from blocks that are already known (article extraction). The blocks are
    /// joined with blank lines into the document's text.
    pub fn from_parts<'a>(parts: impl IntoIterator<Item = (BlockKind, &'a str)>) -> Self {
        let mut text = String::new();
        let mut blocks = Vec::new();
        for (kind, part) in parts {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            // Inside a block, line breaks are layout, not structure.
            for (i, line) in part.split('\n').enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                text.push_str(line.trim_end_matches('\r'));
            }
            blocks.push(Block { span: Span::new(start, text.len()), kind });
        }
        Self::from_blocks(text, blocks)
    }

    fn from_blocks(text: String, blocks: Vec<Block>) -> Self {
        let mut sentences = Vec::new();
        let mut tokens = Vec::new();
        for (b, block) in blocks.iter().enumerate() {
            for span in split_sentences(&text, block.span) {
                let first = tokens.len();
                tokenize(&text, span, &mut tokens);
                sentences.push(Sentence { span, block: b, tokens: first..tokens.len() });
            }
        }
        let offsets = OffsetIndex::new(&text);
        let lower = LowerTokens::new(&text, &tokens);
        Document { text, blocks, sentences, tokens, lower, offsets }
    }

    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        &self.tokens[self.sentences[s].tokens.clone()]
    }

    /// Token `i` in lower case, with `’` written `'` (see [`LowerTokens`]).
    pub fn lower(&self, i: usize) -> &str {
        self.lower.get(i)
    }

    pub fn block_of_sentence(&self, s: usize) -> &Block {
        &self.blocks[self.sentences[s].block]
    }
}

/// The lines of `text`, each with its line end (LF, CR LF or a lone CR).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let from = start;
        let mut end = bytes[from..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |i| from + i + 1);
        if bytes[end - 1] == b'\r' && bytes.get(end) == Some(&b'\n') {
            end += 1;
        }
        start = end;
        Some(&text[from..end])
    })
}

/// Days, months and relative days ("monday", "march", "today"), lower case.
pub fn is_calendar_word(lower: &str) -> bool {
    const CALENDAR: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
    ];
    CALENDAR.contains(&lower)
}

/// A line that is short and does not end like a sentence.
pub fn looks_like_heading(line: &str) -> bool {
    let line = line.trim();
    let last = line.chars().last().unwrap_or('.');
    line.chars().count() <= MAX_HEADING_CHARS
        && !matches!(last, '.' | '!' | '?' | ':' | ';' | ',' | '…')
        && line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || !c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_blocks() {
        let doc =
            Document::from_plain_text("Title here\n\nFirst para. Second sentence.\nA heading\nLast para.\n");
        let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Title, BlockKind::Paragraph, BlockKind::Heading, BlockKind::Paragraph]);
        assert_eq!(doc.sentences.len(), 5);
        assert_eq!(doc.slice(doc.sentences[2].span), "Second sentence.");
    }

    /// A CR-only text was one block: the title ran into the body and a source came out as
    /// "Title of the story\rThe minister".
    #[test]
    fn every_line_end_ends_a_line() {
        for text in ["T\nA b.\nC d.\n", "T\r\nA b.\r\nC d.\r\n", "T\rA b.\rC d.\r", "T\rA b.\nC d.\r\n"] {
            let doc = Document::from_plain_text(text);
            let blocks: Vec<&str> = doc.blocks.iter().map(|b| doc.slice(b.span)).collect();
            assert_eq!(blocks, ["T", "A b.", "C d."], "{text:?}");
        }
    }

    #[test]
    fn parts_are_joined_with_blank_lines() {
        let doc = Document::from_parts([(BlockKind::Title, " T "), (BlockKind::Paragraph, "A b.\nC d.")]);
        assert_eq!(doc.text, "T\n\nA b. C d.");
        assert_eq!(doc.slice(doc.blocks[1].span), "A b. C d.");
    }
}
