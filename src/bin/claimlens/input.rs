//! Reading an input safely: at most [`MAX_INPUT_BYTES`], recognised as HTML or plain text, refused
//! when it is binary, UTF-16 or invalid UTF-8 (with the offset of the first bad byte), and cut at a
//! line break when it is longer than the limit for its kind.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

pub use claimlens::limits::{cut_point, MAX_HTML_BYTES as MAX_INPUT_BYTES, MAX_TEXT_BYTES};

/// The limit for an input of this kind.
pub fn limit(html: bool) -> usize {
    if html {
        MAX_INPUT_BYTES
    } else {
        MAX_TEXT_BYTES
    }
}

/// The longest JSONL line read: JSON escapes (`\u00e9`, `\n`) make an article up to several times
/// longer than its text, which is then held to [`MAX_INPUT_BYTES`] like any input.
pub const MAX_JSONL_LINE_BYTES: usize = 4 * MAX_INPUT_BYTES;

/// How much of the start is looked at to tell HTML from text.
const SNIFF_BYTES: usize = 1024;

/// How much of the start is looked at for control characters.
const CONTROL_SAMPLE_BYTES: usize = 8192;

/// Text has almost no control characters besides tab, line feed, carriage return and form feed;
/// more than this share in the sample means binary data.
const MAX_CONTROL_SHARE: f64 = 0.10;

/// Why an input cannot be analysed.
#[derive(Debug, PartialEq, Eq)]
pub enum BadInput {
    /// A NUL byte: text never has one.
    NulByte { offset: usize },
    /// Too many control characters at the start.
    ControlBytes { percent: usize },
    /// A UTF-16 byte-order mark.
    Utf16,
    /// `offset` is the first byte that is not valid UTF-8.
    InvalidUtf8 { offset: usize },
}

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadInput::NulByte { offset } => {
                write!(f, "binary data, not text or HTML (NUL byte at byte {offset})")
            }
            BadInput::ControlBytes { percent } => {
                write!(f, "binary data, not text or HTML ({percent}% control bytes at the start)")
            }
            BadInput::Utf16 => {
                write!(f, "UTF-16 text is not supported; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)")
            }
            BadInput::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte {offset} (the input must be UTF-8 text or HTML)")
            }
        }
    }
}

/// The first [`MAX_INPUT_BYTES`] of `reader`, and whether there was more (never read).
pub fn read_capped(reader: impl Read) -> io::Result<(Vec<u8>, bool)> {
    let mut bytes = Vec::new();
    reader.take(MAX_INPUT_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    let more = bytes.len() > MAX_INPUT_BYTES;
    bytes.truncate(MAX_INPUT_BYTES);
    Ok((bytes, more))
}

/// An input ready for analysis.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Set when the input was longer than the limit: how many bytes of it are kept.
    pub kept: Option<usize>,
}

/// Checks and decodes `bytes`; when they are longer than `limit`, or `more` says the input went
/// on beyond them, they are cut at a line break. Offsets in errors count from the start of the
/// input.
pub fn decode(mut bytes: Vec<u8>, more: bool, limit: usize) -> Result<Decoded, BadInput> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(BadInput::Utf16);
    }
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
    check_not_binary(&bytes)?;
    let kept = if more || bytes.len() > limit {
        let end = cut_point(&bytes[..bytes.len().min(limit)]);
        bytes.truncate(end);
        Some(end)
    } else {
        None
    };
    bytes.drain(..bom);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text, kept }),
        Err(e) => Err(BadInput::InvalidUtf8 { offset: bom + e.utf8_error().valid_up_to() }),
    }
}

/// Refuses data with a NUL byte or mostly control characters at the start.
pub fn check_not_binary(bytes: &[u8]) -> Result<(), BadInput> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(BadInput::NulByte { offset });
    }
    let sample = &bytes[..bytes.len().min(CONTROL_SAMPLE_BYTES)];
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    if !sample.is_empty() && control as f64 > MAX_CONTROL_SHARE * sample.len() as f64 {
        return Err(BadInput::ControlBytes { percent: control * 100 / sample.len() });
    }
    Ok(())
}

/// Whether an input is HTML: by its file extension, else by its first kilobyte.
pub fn looks_like_html(path: Option<&Path>, bytes: &[u8]) -> bool {
    if let Some(ext) = path.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        match ext.to_ascii_lowercase().as_str() {
            "html" | "htm" | "xhtml" => return true,
            "txt" | "text" | "md" => return false,
            _ => {}
        }
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(SNIFF_BYTES)]);
    let head = head.trim_start_matches('\u{feff}').trim_start().to_ascii_lowercase();
    // Tags that only a page has count anywhere; tags an article could mention in passing count
    // only when the input starts with markup.
    const PAGE_TAGS: &[&str] = &["<!doctype html", "<html", "<head>", "<head ", "<body"];
    const MARKUP_TAGS: &[&str] = &[
        "<p>", "<p ", "<div", "<article", "<section", "<main", "<span", "<br", "<h1", "<h2", "<h3", "<meta",
        "<title", "<!--", "<?xml",
    ];
    PAGE_TAGS.iter().any(|t| head.contains(t))
        || (head.starts_with('<') && MARKUP_TAGS.iter().any(|t| head.contains(t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_first_bad_byte() {
        let mut bytes = b"Hello world. ".to_vec();
        bytes.push(0xC3); // a lead byte followed by ASCII
        bytes.extend_from_slice(b"x and more");
        assert_eq!(decode(bytes.clone(), false, MAX_TEXT_BYTES), Err(BadInput::InvalidUtf8 { offset: 13 }));
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(&bytes);
        assert_eq!(decode(with_bom, false, MAX_TEXT_BYTES), Err(BadInput::InvalidUtf8 { offset: 16 }));
        assert!(BadInput::InvalidUtf8 { offset: 13 }.to_string().contains("at byte 13"));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"PK\x03\x04\0\0abc".to_vec(), false, MAX_TEXT_BYTES),
            Err(BadInput::NulByte { offset: 4 })
        );
        assert!(matches!(
            decode(vec![1, 2, 3, 4, 5, b'a'], false, MAX_TEXT_BYTES),
            Err(BadInput::ControlBytes { .. })
        ));
        assert_eq!(decode(vec![0xFF, 0xFE, b'a', 0], false, MAX_TEXT_BYTES), Err(BadInput::Utf16));
        assert!(decode(b"tab\tand\r\nform\x0cfeed".to_vec(), false, MAX_TEXT_BYTES).is_ok());
    }

    #[test]
    fn long_input_is_cut_at_a_line_break() {
        let d = decode(
            "A first line, long enough.\nThe second is cut he".as_bytes().to_vec(),
            true,
            MAX_TEXT_BYTES,
        )
        .unwrap();
        assert_eq!(d.text, "A first line, long enough.\n");
        assert_eq!(d.kept, Some(27));
        let d = decode("no line break at all, only words".as_bytes().to_vec(), true, MAX_TEXT_BYTES).unwrap();
        assert_eq!(d.text, "no line break at all, only ");
        // A char cut in the middle at the limit is dropped, not reported as invalid.
        let mut bytes = "日本語日本語".as_bytes().to_vec();
        bytes.pop();
        assert_eq!(decode(bytes, true, MAX_TEXT_BYTES).unwrap().text, "日本語日本");
        // Over the limit for its kind, though all of it was read.
        let d = decode(b"Title\nFirst paragraph.\nSecond paragraph.\n".to_vec(), false, 30).unwrap();
        assert_eq!((d.text.as_str(), d.kept), ("Title\nFirst paragraph.\n", Some(23)));
        assert_eq!(decode(b"short\n".to_vec(), false, 30).unwrap().kept, None);
    }

    #[test]
    fn cut_point_is_a_char_boundary() {
        let s = "aé€😀";
        for n in 0..=s.len() {
            let end = cut_point(&s.as_bytes()[..n]);
            assert!(end <= n && s.is_char_boundary(end), "{n} -> {end}");
        }
    }

    #[test]
    fn html_is_recognised() {
        assert!(looks_like_html(None, "\u{feff}  <!DOCTYPE html><html>".as_bytes()));
        assert!(looks_like_html(None, "<p>Just a fragment.</p>".as_bytes()));
        assert!(looks_like_html(Some(Path::new("a.HTM")), "plain".as_bytes()));
        assert!(!looks_like_html(Some(Path::new("a.txt")), "<html>".as_bytes()));
        assert!(!looks_like_html(None, "An article that mentions the <div> tag and <p> too.".as_bytes()));
        assert!(!looks_like_html(None, "Title\nBody text.".as_bytes()));
    }
}
