//! The input limits, shared by the CLI and the browser: how much of a page or a text is analysed,
//! and how much work an analysis may do. A longer input is cut (at a line break, or between
//! blocks) and the report says `truncated`; an analysis that runs out of work stops where it is
//! and the report says `too_complex`.
//!
//! Every stage is linear in its input by construction (each look-back, look-ahead and nesting
//! bound is a named constant beside the code it bounds: `quotes::MAX_OPEN_QUOTES`,
//! `cues::MAX_CUES_PER_SENTENCE`, the source windows in `attribution` and `sources`, the HTML bounds
//! in `extract::html` and `extract::tree`), so the work budget is a last guard for the browser
//! tab, not what keeps ordinary pages fast.

use std::cell::Cell;

/// The most HTML that is read and parsed. The heaviest news pages (inline scripts, styles and JSON
/// included) are a few MB of HTML, so this does not cut a real page; it bounds memory (the HTML tree
/// takes several times the page) and, since the rest is never read, an endless stream cannot hang
/// the tool.
pub const MAX_HTML_BYTES: usize = 4 << 20;

/// The most text that is analysed, whether given as plain text or extracted from a page: about
/// 170,000 words, five times the longest news features (some 30,000 words, under 200 KB).
/// Analysis time and memory grow with the text (the text model alone takes about six times it),
/// so longer text is not an article and not worth the wait.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// The default work budget, in work units (see [`Budget`]): about forty times what the densest
/// ordinary text of [`MAX_TEXT_BYTES`] takes, and above every input of `make bench-worst`, so that
/// the CLI never stops early on a real article. The browser sets its own, smaller one.
pub const DEFAULT_MAX_WORK: u64 = 400_000_000;

/// What the caller bounds in one analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most text analysed, in bytes (longer text is cut and the report says `truncated`).
    pub max_text_bytes: usize,
    /// The most work units spent (see [`Budget`]); beyond it the report says `too_complex`.
    pub max_work: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_text_bytes: MAX_TEXT_BYTES, max_work: DEFAULT_MAX_WORK }
    }
}

/// The work one analysis may still do. A unit is one token looked at by one step of the
/// attribution patterns (a sentence of n tokens with k cues costs n × (k + 1)) or one earlier
/// mention looked at by the coreference of sources; a unit takes well under a microsecond.
/// When it runs out the analysis stops taking new sentences and mentions, and finishes the report
/// with what it has.
#[derive(Debug)]
pub struct Budget {
    left: Cell<u64>,
    exhausted: Cell<bool>,
}

impl Budget {
    pub fn new(units: u64) -> Self {
        Budget { left: Cell::new(units), exhausted: Cell::new(false) }
    }

    pub fn unlimited() -> Self {
        Budget::new(u64::MAX)
    }

    /// Spends `units`; false (and from then on [`Budget::exhausted`]) when they were not left.
    pub fn spend(&self, units: u64) -> bool {
        match self.left.get().checked_sub(units) {
            Some(left) if !self.exhausted.get() => {
                self.left.set(left);
                true
            }
            _ => {
                self.exhausted.set(true);
                false
            }
        }
    }

    pub fn exhausted(&self) -> bool {
        self.exhausted.get()
    }

    /// The units spent so far out of `units` given at the start.
    pub fn spent(&self, units: u64) -> u64 {
        units - self.left.get()
    }
}

/// Where to cut `bytes` so that a whole number of lines (paragraphs, for plain text) is kept: the
/// last line break, if it is in the second half; else the last ASCII whitespace; else the last
/// char boundary. Always a UTF-8 char boundary, since these bytes never occur inside a char.
pub fn cut_point(bytes: &[u8]) -> usize {
    let half = bytes.len() / 2;
    if let Some(i) = bytes.iter().rposition(|&b| b == b'\n').filter(|&i| i >= half) {
        return i + 1;
    }
    if let Some(i) = bytes.iter().rposition(|b| b.is_ascii_whitespace()).filter(|&i| i >= half) {
        return i + 1;
    }
    // Drop the last char if it is incomplete: back off over its continuation bytes to its lead.
    let mut start = bytes.len();
    while start > 0 && bytes.len() - start < 3 && bytes[start - 1] & 0xC0 == 0x80 {
        start -= 1;
    }
    match start.checked_sub(1).map(|i| bytes[i]) {
        Some(lead) if lead >= 0xC0 => {
            let width = if lead >= 0xF0 {
                4
            } else if lead >= 0xE0 {
                3
            } else {
                2
            };
            if bytes.len() - (start - 1) < width {
                return start - 1;
            }
            bytes.len()
        }
        _ => bytes.len(),
    }
}

/// `text` cut to at most [`MAX_TEXT_BYTES`] (see [`cut_point`]), and whether it was cut.
pub fn cut_text(text: &str) -> (&str, bool) {
    cut_text_to(text, MAX_TEXT_BYTES)
}

/// `text` cut to at most `max` bytes (see [`cut_point`]), and whether it was cut.
pub fn cut_text_to(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    (&text[..cut_point(&text.as_bytes()[..max])], true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_whole_lines_and_chars() {
        assert_eq!(cut_point(b"abc\ndef"), 4);
        assert_eq!(cut_point("aé".as_bytes()), 3);
        assert_eq!(cut_point(&"aé".as_bytes()[..2]), 1);
        let long = "word ".repeat(MAX_TEXT_BYTES / 5 + 10);
        let (kept, cut) = cut_text(&long);
        assert!(cut && kept.len() <= MAX_TEXT_BYTES && kept.ends_with(' '));
    }

    #[test]
    fn a_budget_runs_out_once() {
        let budget = Budget::new(10);
        assert!(budget.spend(6) && !budget.exhausted());
        assert!(!budget.spend(6) && budget.exhausted());
        assert!(!budget.spend(1), "once out, always out");
        assert_eq!(budget.spent(10), 6);
    }
}
