//! The input limits, shared by the CLI and the browser: how much of a page or a text is analysed.
//! A longer input is cut (at a line break, or between blocks) and the report says `truncated`.

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
    if text.len() <= MAX_TEXT_BYTES {
        return (text, false);
    }
    (&text[..cut_point(&text.as_bytes()[..MAX_TEXT_BYTES])], true)
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
}
