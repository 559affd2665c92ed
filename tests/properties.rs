//! Properties that hold for any input, however odd: the analysis never panics, every span of the
//! report and of the text model lies inside the text, on char boundaries, in order, and says the
//! same thing in every unit (chars, UTF-16, the text it claims to cover).

use claimlens::report::{Report, REPORT_VERSION};
use claimlens::{analyze_text, analyze_text_with, Document, Limits, Notice};
use proptest::prelude::*;

/// Pieces that exercise the engine: English prose and reporting cues (so that claims are found),
/// quote marks of every style, emoji, CJK, combining marks, odd whitespace and control characters.
const PIECES: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "that",
    "is",
    "for",
    "was",
    "said",
    "told",
    "according to",
    "in a statement",
    "wrote in",
    "the president",
    "Alibaba",
    "Financial Times",
    "a spokesperson",
    "sources familiar with the matter",
    "he",
    "she",
    "they",
    "it",
    "reportedly",
    "could not independently verify",
    "denied",
    "Mr.",
    "U.S.",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "‟",
    "‚",
    "「",
    "」",
    "`",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "…",
    "—",
    "-",
    "(",
    ")",
    "[",
    "]",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\u{200b}",
    "😀",
    "👨‍👩‍👧",
    "🇫🇷",
    "中国",
    "北京",
    "日本語",
    "한국어",
    "العربية",
    "עברית",
    "\u{301}",
    "\u{308}",
    "e\u{301}",
    "\u{0}",
    "\u{7f}",
    "\u{feff}",
    "\u{fffd}",
    "𝔘",
];

/// Text built from the pieces, mostly English so the language check lets it through.
fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| {
        let mut s = String::new();
        for p in pieces {
            s.push_str(p);
            if p.chars().all(char::is_alphanumeric) {
                s.push(' ');
            }
        }
        s
    })
}

/// Any string at all, or the pieces above.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![4 => article(), 1 => any::<String>(), 1 => "\\PC{0,200}", 1 => "[\"“”'‘’«» a-zA-Z.,\n]{0,200}"]
}

fn chars_to_utf16(chars: &[char], at: usize) -> usize {
    chars[..at].iter().map(|c| c.len_utf16()).sum()
}

fn check_report(report: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(report.version, REPORT_VERSION);
    let chars: Vec<char> = report.text.chars().collect();
    let n = chars.len();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let mut previous_start = 0;
    for c in &report.claims {
        prop_assert!(c.start <= c.end && c.end <= n, "claim span {}..{} of {}", c.start, c.end, n);
        prop_assert_eq!(&c.text, &slice(c.start, c.end));
        prop_assert_eq!(c.utf16.0, chars_to_utf16(&chars, c.start));
        prop_assert_eq!(c.utf16.1, chars_to_utf16(&chars, c.end));
        prop_assert!(c.start >= previous_start, "claims out of order");
        previous_start = c.start;
        if let Some(s) = &c.source {
            prop_assert!(s.start <= s.end && s.end <= n, "source span {}..{} of {}", s.start, s.end, n);
            prop_assert_eq!(&s.mention, &slice(s.start, s.end));
        }
        if let Some(cue) = &c.cue {
            prop_assert!(
                cue.start <= cue.end && cue.end <= n,
                "cue span {}..{} of {}",
                cue.start,
                cue.end,
                n
            );
            prop_assert_eq!(&cue.text, &slice(cue.start, cue.end));
        }
    }
    for s in &report.sources {
        prop_assert!(
            s.claims.iter().all(|&i| i < report.claims.len()),
            "source {} names a missing claim",
            s.name
        );
        prop_assert!(s.claims.windows(2).all(|w| w[0] < w[1]), "source {} lists claims out of order", s.name);
    }
    // The report survives its own JSON.
    let json = serde_json::to_string(report).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(&back, report);
    Ok(())
}

fn check_document(doc: &Document) -> Result<(), TestCaseError> {
    let text = &doc.text;
    let on_boundaries = |s: claimlens::text::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut previous_end = 0;
    for b in &doc.blocks {
        prop_assert!(on_boundaries(b.span) && !b.span.is_empty(), "block {:?}", b.span);
        prop_assert!(b.span.start >= previous_end, "blocks out of order");
        previous_end = b.span.end;
    }
    let mut previous_end = 0;
    let mut previous_token = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        prop_assert!(on_boundaries(s.span) && !s.span.is_empty(), "sentence {:?}", s.span);
        prop_assert!(s.block < doc.blocks.len());
        prop_assert!(doc.blocks[s.block].span.contains(s.span), "sentence {} outside its block", i);
        prop_assert!(s.span.start >= previous_end, "sentences out of order");
        previous_end = s.span.end;
        prop_assert!(s.tokens.start == previous_token && s.tokens.end <= doc.tokens.len());
        previous_token = s.tokens.end;
        let mut token_end = s.span.start;
        for t in doc.sentence_tokens(i) {
            prop_assert!(on_boundaries(t.span) && !t.span.is_empty(), "token {:?}", t.span);
            prop_assert!(s.span.contains(t.span), "token {:?} outside sentence {:?}", t.span, s.span);
            prop_assert!(t.span.start >= token_end, "tokens out of order");
            token_end = t.span.end;
        }
    }
    prop_assert_eq!(previous_token, doc.tokens.len());
    // Every span edge converts to the same char and UTF-16 offsets as counting does.
    let edges = doc.blocks.iter().map(|b| b.span).chain(doc.sentences.iter().map(|s| s.span));
    for span in edges.chain(doc.tokens.iter().map(|t| t.span)).take(200) {
        for byte in [span.start, span.end] {
            let p = doc.offsets.position(byte);
            prop_assert_eq!(p.char, text[..byte].chars().count());
            prop_assert_eq!(p.utf16, text[..byte].encode_utf16().count());
        }
    }
    Ok(())
}

/// 256 cases keep the suite fast; `PROPTEST_CASES=10000 cargo test --test properties` digs deeper.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn analyze_text_never_panics_and_its_spans_hold(text in any_text()) {
        check_report(&analyze_text(&text))?;
    }

    #[test]
    fn plain_text_documents_are_well_formed(text in any_text()) {
        check_document(&Document::from_plain_text(&text))?;
    }

    #[test]
    fn documents_from_parts_are_well_formed(parts in prop::collection::vec(any_text(), 0..6)) {
        let doc = Document::from_parts(parts.iter().map(|p| (claimlens::BlockKind::Paragraph, p.as_str())));
        check_document(&doc)?;
        check_report(&claimlens::analyze_document(&doc))?;
    }
}

#[test]
fn the_seed_article_holds_too() {
    let text = include_str!("../samples/seed-article.txt");
    check_report(&analyze_text(text)).unwrap();
    check_document(&Document::from_plain_text(text)).unwrap();
    // Shifted by one char of every width, offsets must follow.
    for prefix in ["x", "é", "€", "😀"] {
        check_report(&analyze_text(&format!("{prefix}{text}"))).unwrap();
    }
}

/// A work budget too small for the article stops the analysis cleanly: a well-formed report with
/// the claims found so far and the notice `too_complex`; the default budget never bites on it.
#[test]
fn a_small_work_budget_stops_cleanly_with_a_notice() {
    let text = include_str!("../samples/seed-article.txt");
    let full = analyze_text(text);
    assert_eq!(full.notice, None);
    let attributed = |r: &Report| r.claims.iter().filter(|c| c.source.is_some()).count();
    for max_work in [0, 100, 500] {
        let r = analyze_text_with(text, &Limits { max_work, ..Limits::default() });
        assert_eq!(r.notice, Some(Notice::TooComplex), "budget {max_work}");
        check_report(&r).unwrap();
        assert!(attributed(&r) < attributed(&full), "budget {max_work}");
    }
}
