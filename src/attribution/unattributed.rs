//! Unattributed claims: declarative sentences of the article body that assert something and
//! carry no attribution. Not questions, headings, captions, bylines, "Read more" lines or
//! boilerplate.

use super::Found;
use crate::text::{BlockKind, Document, Span};

/// Sentences shorter than this (in words) are not counted as claims.
const MIN_WORDS: usize = 6;

/// Lines that are furniture, not claims (lower-case prefixes).
const BOILERPLATE_PREFIXES: &[&str] = &[
    "by ",
    "read more",
    "read also",
    "read the rest",
    "click here",
    "subscribe",
    "sign up",
    "follow us",
    "follow ",
    "share this",
    "photo:",
    "image:",
    "copyright",
    "©",
    "all rights reserved",
    "advertisement",
    "related:",
    "see also",
    "watch:",
    "listen:",
    "updated",
    "published",
    "posted",
    "this article",
    "this story",
    "editor's note",
    "(",
    "[",
];

pub fn unattributed(doc: &Document, found: &[Found]) -> Vec<Span> {
    let mut out = Vec::new();
    let index = super::SpanIndex::new(found);
    let cues = super::SpanIndex::of(found.iter().map(|f| f.cue));
    let mut with_claims = vec![false; doc.sentences.len()];
    for f in found {
        with_claims[f.sentence] = true;
    }
    for (i, sentence) in doc.sentences.iter().enumerate() {
        if doc.blocks[sentence.block].kind != BlockKind::Paragraph {
            continue;
        }
        let text = doc.slice(sentence.span);
        // Only the start is compared with the prefixes (the longest is 13 chars).
        let lower = text.chars().take(40).collect::<String>().to_lowercase();
        let words = text.split_whitespace().take(MIN_WORDS).count();
        if words < MIN_WORDS
            || !text.ends_with(['.', '!', '"', '”', '’', '\''])
            || text.contains('?')
            || BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p))
            || !text.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
        {
            continue;
        }
        // Covered by an attribution: its cue is here, or its content is most of the sentence.
        let covered = with_claims[i]
            || index.overlapping(sentence.span).map(|j| &found[j]).any(|f| {
                sentence.span.contains(f.cue)
                    || overlap(f.content, sentence.span) * 2 >= sentence.span.len()
                    || f.content.contains(sentence.span)
            })
            || cues
                .overlapping(sentence.span)
                .map(|j| &found[j])
                .any(|f| sentence.span.contains(f.cue) && f.content.start <= sentence.span.end);
        if !covered {
            out.push(sentence.span);
        }
    }
    out
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}
