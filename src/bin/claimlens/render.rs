//! The report for people: the article with each claim marked `⟦n⟧…⟦/n⟧`, the badges of the claims
//! that start in a paragraph under it, then the sourcing summary and the notice. Everything from
//! the input goes through [`escape`] first: it is printed to a terminal.

use claimlens::report::Report;
use std::borrow::Cow;
use std::io::{self, Write};

/// Characters a terminal would act on rather than show: C0 and C1 controls (ESC starts the
/// sequences that clear the screen or retitle the window, U+009B is a one-byte CSI, BEL rings, BS
/// moves back), DEL, and the bidirectional controls that reorder what follows (U+202E). Line feed
/// and tab are layout and stay.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every character a terminal would act on written as `\u{…}` (its code point), so
/// that it is seen, not obeyed. For one line of output: a line feed is escaped too.
pub fn escape(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| is_unsafe(c) || c == '\n';
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

const OPEN: (&str, &str) = ("⟦", "⟧");
const CLOSE: (&str, &str) = ("⟦/", "⟧");

/// One marker to insert before the char at `at`.
struct Mark {
    at: usize,
    /// Order among marks at the same place: closings of earlier claims, then openings, then the
    /// closing of an empty claim, so that marks never cross needlessly.
    rank: u8,
    claim: usize,
}

pub fn write_text(report: &Report, out: &mut impl Write) -> io::Result<()> {
    let chars = report.text.chars().count();
    let mut marks = Vec::with_capacity(report.claims.len() * 2);
    for (i, c) in report.claims.iter().enumerate() {
        // Offsets come from the engine; clamp them rather than trust them blindly.
        let start = c.start.min(chars);
        let end = c.end.clamp(start, chars);
        marks.push(Mark { at: start, rank: 1, claim: i });
        marks.push(Mark { at: end, rank: if end == start { 2 } else { 0 }, claim: i });
    }
    marks.sort_by_key(|m| (m.at, m.rank, if m.rank == 0 { usize::MAX - m.claim } else { m.claim }));

    let claims = report.claims.len();
    writeln!(
        out,
        "ClaimLens: {} claim{}, {} source{}\n",
        claims,
        plural(claims),
        report.sources.len(),
        plural(report.sources.len())
    )?;

    let mut marks = marks.into_iter().peekable();
    let mut line = String::new();
    let mut starting_here: Vec<usize> = Vec::new();
    let mut chars = report.text.chars().chain(['\n']).enumerate().peekable();
    while let Some((pos, c)) = chars.next() {
        while let Some(m) = marks.next_if(|m| m.at == pos) {
            let (open, close) = if m.rank == 1 { OPEN } else { CLOSE };
            line.push_str(open);
            line.push_str(&(m.claim + 1).to_string());
            line.push_str(close);
            if m.rank == 1 {
                starting_here.push(m.claim);
            }
        }
        // A line ends at LF, CR LF or a lone CR (old Mac files).
        let crlf = c == '\r' && chars.peek().is_some_and(|&(_, d)| d == '\n');
        if c != '\n' && (c != '\r' || crlf) {
            if !crlf {
                line.push(c);
            }
            continue;
        }
        if !line.trim().is_empty() {
            writeln!(out, "{}", escape(&line))?;
            for &i in &starting_here {
                writeln!(out, "    [{}] {}", i + 1, escape(&Report::badge(&report.claims[i])))?;
            }
            writeln!(out)?;
        }
        line.clear();
        starting_here.clear();
    }

    if claims > 0 {
        writeln!(out, "Sources")?;
        for s in &report.sources {
            let refs: Vec<String> = s.claims.iter().map(|i| format!("[{}]", i + 1)).collect();
            writeln!(
                out,
                "  {} ({}): {} claim{} {}",
                escape(&s.name),
                s.kind.label(),
                s.claims.len(),
                plural(s.claims.len()),
                refs.join(" ")
            )?;
        }
        let unsourced: Vec<String> = report
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.source.is_none())
            .map(|(i, _)| format!("[{}]", i + 1))
            .collect();
        if !unsourced.is_empty() {
            writeln!(
                out,
                "  no source given: {} claim{} {}",
                unsourced.len(),
                plural(unsourced.len()),
                unsourced.join(" ")
            )?;
        }
    }
    if let Some(notice) = report.notice {
        if claims > 0 {
            writeln!(out)?;
        }
        writeln!(out, "Note: {}.", notice.message())?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimlens::report::{Claim, ClaimKind, SourceRef, SourceSummary, SourceType, Utf16Span};

    fn claim(start: usize, end: usize, text: &str, source: Option<&str>) -> Claim {
        Claim {
            start,
            end,
            utf16: Utf16Span(start, end),
            text: text.to_string(),
            kind: if source.is_some() { ClaimKind::Indirect } else { ClaimKind::Unattributed },
            source: source.map(|name| SourceRef {
                name: name.to_string(),
                mention: name.to_string(),
                start: 0,
                end: 0,
                kind: SourceType::Organization,
                descriptor: None,
            }),
            cue: None,
            via: Vec::new(),
            based_on: None,
            channel: None,
            markers: Vec::new(),
            pattern: None,
        }
    }

    #[test]
    fn claims_are_marked_and_badged_under_their_paragraph() {
        let mut report = Report::empty("Title\nAcme said it won. Rain fell.\n".to_string(), None);
        report.claims = vec![claim(16, 23, "it won.", Some("Acme")), claim(24, 34, "Rain fell.", None)];
        report.sources =
            vec![SourceSummary { name: "Acme".into(), kind: SourceType::Organization, claims: vec![0] }];
        let mut out = Vec::new();
        write_text(&report, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("Acme said ⟦1⟧it won.⟦/1⟧ ⟦2⟧Rain fell.⟦/2⟧\n    [1] Acme · paraphrase\n    [2] no source given · unattributed\n"), "{out}");
        assert!(out.contains("Acme (organization): 1 claim [1]"), "{out}");
        assert!(out.contains("no source given: 1 claim [2]"), "{out}");
    }

    /// Control characters from the input (ESC sequences that clear the screen or retitle the
    /// window, OSC, BEL, BS, a one-byte CSI, a right-to-left override) were written to the terminal
    /// as they are, in the text, in claims and in source names.
    #[test]
    fn control_characters_are_shown_escaped() {
        let text = "Title\n\u{1b}[2JAcme\u{7} said \u{1b}]0;owned\u{7}it\u{8} won\u{9b}1m \u{202e}gnol.\rNext line.\r\nLast.";
        let mut report = Report::empty(text.to_string(), None);
        let start = text[..text.find("it\u{8}").unwrap()].chars().count();
        report.claims = vec![claim(start, start + 3, "it\u{8}", Some("\u{1b}[31mAcme\u{202e}"))];
        report.sources = vec![SourceSummary {
            name: "\u{1b}[31mAcme\u{202e}".into(),
            kind: SourceType::Organization,
            claims: vec![0],
        }];
        let mut out = Vec::new();
        write_text(&report, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(!out.chars().any(|c| is_unsafe(c) || c == '\r'), "{out:?}");
        assert!(
            out.contains(
                r"\u{1B}[2JAcme\u{7} said \u{1B}]0;owned\u{7}⟦1⟧it\u{8}⟦/1⟧ won\u{9B}1m \u{202E}gnol."
            ),
            "{out}"
        );
        assert!(out.contains("\nNext line.\n") && out.contains("\nLast.\n"), "a lone CR ends a line: {out}");
        assert!(out.contains(r"[1] \u{1B}[31mAcme\u{202E} · paraphrase"), "{out}");
        assert!(out.contains(r"  \u{1B}[31mAcme\u{202E} (organization): 1 claim [1]"), "{out}");
    }

    #[test]
    fn bad_offsets_do_not_panic() {
        let mut report = Report::empty("é".to_string(), None);
        report.claims = vec![claim(5, 2, "", None), claim(0, 1, "é", None)];
        let mut out = Vec::new();
        write_text(&report, &mut out).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("⟦2⟧é⟦/2⟧⟦1⟧⟦/1⟧"));
    }
}
