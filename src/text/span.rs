//! Byte spans into a document's text, and the index that turns byte offsets into the char
//! offsets of the report and the UTF-16 offsets the DOM speaks.

use serde::Serialize;

/// A half-open byte range `[start, end)` into a document's text, always on char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    /// The span with leading and trailing whitespace and the given edge characters removed.
    pub fn trim_with(&self, text: &str, edge: impl Fn(char) -> bool) -> Span {
        let s = self.slice(text);
        let head = s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || edge(c)).len();
        let rest = &s[head..];
        let tail = rest.trim_end_matches(|c: char| c.is_whitespace() || edge(c)).len();
        Span::new(self.start + head, self.start + head + tail)
    }
    pub fn trim(&self, text: &str) -> Span {
        self.trim_with(text, |_| false)
    }
}

/// One position in all three units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub byte: usize,
    pub char: usize,
    pub utf16: usize,
}

/// Converts byte offsets to char and UTF-16 offsets. It stores one checkpoint per non-ASCII
/// char, so a pure-ASCII text costs nothing and a large text costs memory only for what is
/// outside ASCII.
#[derive(Clone, Debug, Default)]
pub struct OffsetIndex {
    /// `(byte offset just after the char, chars before that, UTF-16 units before that)`.
    checkpoints: Vec<(usize, usize, usize)>,
}

impl OffsetIndex {
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::new();
        let (mut chars, mut units) = (0usize, 0usize);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // A run of ASCII counts one char and one unit per byte; only other chars are decoded.
            let run = bytes[i..].iter().position(|&b| !b.is_ascii()).unwrap_or(bytes.len() - i);
            chars += run;
            units += run;
            i += run;
            if let Some(c) = text[i..].chars().next() {
                chars += 1;
                units += c.len_utf16();
                i += c.len_utf8();
                checkpoints.push((i, chars, units));
            }
        }
        OffsetIndex { checkpoints }
    }

    /// The position of byte offset `byte`, which must be on a char boundary.
    pub fn position(&self, byte: usize) -> Position {
        let k = self.checkpoints.partition_point(|&(b, _, _)| b <= byte);
        match k.checked_sub(1).map(|i| self.checkpoints[i]) {
            None => Position { byte, char: byte, utf16: byte },
            Some((b, c, u)) => Position { byte, char: c + (byte - b), utf16: u + (byte - b) },
        }
    }

    /// The byte offset of char offset `char` (the inverse of [`OffsetIndex::position`]).
    pub fn byte_of_char(&self, char: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(_, c, _)| c <= char);
        match k.checked_sub(1).map(|i| self.checkpoints[i]) {
            None => char,
            Some((b, c, _)) => b + (char - c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_in_all_units() {
        let text = "a€b😀c";
        let index = OffsetIndex::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let p = index.position(byte);
            assert_eq!(p.char, text[..byte].chars().count());
            assert_eq!(p.utf16, text[..byte].encode_utf16().count());
            assert_eq!(index.byte_of_char(p.char), byte);
        }
    }

    #[test]
    fn trim_removes_edges() {
        let text = "  “hello,”  ";
        let s = Span::new(0, text.len()).trim_with(text, |c| c == '“' || c == '”' || c == ',');
        assert_eq!(s.slice(text), "hello");
    }
}
