//! Layout attributions, whose cue is punctuation: a quotation signed with a dash and a line
//! opened by a speaker's name and a colon.

use super::words::NON_SPEAKER_LABELS;
use super::Found;
use crate::lexicon::Class;
use crate::quotes::Quote;
use crate::report::ClaimKind;
use crate::text::{Document, Span};

/// Longest signature or speaker label, in words.
const MAX_LABEL_WORDS: usize = 5;

/// Layout attributions, whose cue is punctuation: a quotation signed with a dash
/// ("“…” ― Steve Quinlan.") and a line opened by a speaker's name and a colon
/// ("PENCE: …", "Politifact: Trump is right").
pub(crate) fn layout_attributions(doc: &Document, quotes: &[Quote]) -> Vec<Found> {
    let mut out = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        let text = block.span.slice(&doc.text);
        // The block's sentences and quotations, by binary search (both are in text order).
        let from = doc.sentences.partition_point(|s| s.block < b);
        let to = doc.sentences.partition_point(|s| s.block <= b);
        let sentences: Vec<usize> = (from..to).collect();
        let (Some(&first), Some(&last)) = (sentences.first(), sentences.last()) else { continue };
        let q_from = quotes.partition_point(|q| q.outer.start < block.span.start);
        let q_to = quotes.partition_point(|q| q.outer.start < block.span.end);
        // "“…” ― Name."
        for q in
            quotes[q_from..q_to.max(q_from)].iter().filter(|q| q.depth == 0 && block.span.contains(q.outer))
        {
            let after = &doc.text[q.outer.end..block.span.end];
            let trimmed = after.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
            let Some(dash) = trimmed.chars().next().filter(|c| matches!(c, '―' | '—' | '–')) else {
                continue;
            };
            let name = trimmed[dash.len_utf8()..].trim().trim_end_matches('.');
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.is_empty()
                || words.len() > MAX_LABEL_WORDS
                || !words.iter().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        || matches!(*w, "de" | "van" | "von" | "al" | "bin")
                })
            {
                continue;
            }
            let dash_at = q.outer.end + (after.len() - trimmed.len());
            let name_at = doc.text[dash_at..].find(name).map(|i| dash_at + i).unwrap_or(dash_at);
            let at = Span::new(q.outer.start, q.outer.start);
            let k = from + doc.sentences[from..to].partition_point(|s| s.span.end < at.start);
            let sentence = (k..to)
                .take_while(|&s| doc.sentences[s].span.start <= at.start)
                .find(|&s| doc.sentences[s].span.contains(at))
                .unwrap_or(first);
            out.push(Found {
                content: q.outer,
                source: Some(Span::new(name_at, name_at + name.len())),
                cue: Span::new(dash_at, dash_at + dash.len_utf8()),
                kind: ClaimKind::DirectQuote,
                sentence,
                channel: None,
                via: None,
                cue_entry: crate::cues::layout_cue(Class::Signature),
                object: false,
                participial: false,
                basis: None,
            });
        }
        // "NAME: content" (perhaps inside a quotation that opens the paragraph)
        let lead = text.len() - text.trim_start_matches(['"', '“', '\'', '‘']).len();
        if let Some(colon) = text.find(':').filter(|&c| c > lead) {
            let label = &text[lead..colon];
            let words: Vec<&str> = label.split_whitespace().collect();
            let rest = text[colon + 1..].trim();
            let lower = label.trim().to_lowercase();
            if !words.is_empty()
                && words.len() <= MAX_LABEL_WORDS
                && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
                && !NON_SPEAKER_LABELS.contains(&lower.as_str())
                && rest.split_whitespace().count() >= 4
                && !label.contains(['“', '"', '(', ')'])
            {
                let start = block.span.start
                    + colon
                    + 1
                    + (text[colon + 1..].len() - text[colon + 1..].trim_start().len());
                let mut end = block.span.end;
                while doc.text[..end].ends_with(['.', ' ']) && end > start {
                    end -= 1;
                }
                out.push(Found {
                    content: Span::new(start, end),
                    source: Some(Span::new(
                        block.span.start + lead,
                        block.span.start + lead + label.trim_end().len(),
                    )),
                    cue: Span::new(block.span.start + colon, block.span.start + colon + 1),
                    kind: ClaimKind::Indirect,
                    sentence: first,
                    channel: None,
                    via: None,
                    cue_entry: crate::cues::layout_cue(Class::Label),
                    object: false,
                    participial: false,
                    basis: None,
                });
            }
        }
        let _ = last;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::PATTERN_WORDS;

    fn labels(line: &str) -> usize {
        let doc = Document::from_plain_text(&format!("Title\n{line}"));
        let quotes = crate::quotes::find_quotes(&doc);
        layout_attributions(&doc, &quotes).iter().filter(|f| f.cue_entry.class == Class::Label).count()
    }

    /// A non-speaker label opens no speaker's line; a name in capitals does.
    #[test]
    fn non_speaker_label_examples() {
        let e = PATTERN_WORDS.iter().find(|e| e.name == "non_speaker_labels").expect("entry");
        for ex in e.examples {
            assert_eq!(labels(ex), 0, "{ex:?}");
        }
        for ex in e.counterexamples {
            assert_eq!(labels(ex), 1, "{ex:?}");
        }
    }
}
