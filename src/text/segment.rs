//! Sentence segmentation inside one block. A sentence ends at `.`, `!`, `?` or `…` (with any
//! closing quotes and brackets after it) when what follows starts a new sentence, unless the
//! period belongs to an abbreviation ("U.S.", "Sept.", "Mr."), an initial ("George W. Bush") or a
//! number ("3.5").

use super::Span;

/// Abbreviations that are followed by a period and rarely end a sentence.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "pres", "rev", "hon", "st", "mt", "ft", "sr", "jr", "messrs", "mme", "no", "nos",
    "vs", "v", "etc", "approx", "dept", "est", "fig", "inc", "corp", "ltd", "co", "bros", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ave", "blvd", "e.g", "i.e",
    "a.m", "p.m", "al", "ariz", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la",
    "mass", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex",
    "va", "vt", "wash", "wis", "wyo",
];

/// Abbreviations after which a sentence may well end ("… in the U.S. The president …").
const MAY_END_SENTENCE: &[&str] = &["inc", "corp", "ltd", "co", "etc", "jr", "sr", "a.m", "p.m", "bros"];

pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    TITLE_ABBREVIATIONS.contains(&w.as_str())
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '“')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '(' | '[' | '”')
}

/// The word (letters, digits, inner periods) that ends just before byte `end`.
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '&'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..end]
}

/// Splits the block `block` of `text` into sentence spans (trimmed, never empty).
pub fn split_sentences(text: &str, block: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = block.start;
    let bytes = text.as_bytes();
    let mut iter = block.slice(text).char_indices().peekable();
    while let Some((rel, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let at = block.start + rel;
        // Swallow further terminators and closing quotes / brackets.
        let mut end = at + c.len_utf8();
        while let Some(&(r, d)) = iter.peek() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                end = block.start + r + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        // A break needs whitespace after it …
        let rest = &text[end..block.end];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() || trimmed.is_empty() {
            continue;
        }
        // … and something that starts a sentence.
        let next_word: &str =
            trimmed.split(|ch: char| ch.is_whitespace()).next().unwrap_or("").trim_start_matches(is_opener);
        let first = trimmed.chars().next().unwrap();
        let starts = first.is_uppercase()
            || first.is_numeric()
            || (is_opener(first) && next_word.chars().next().is_some_and(|x| !x.is_lowercase()));
        if !starts {
            continue;
        }
        if c == '.' && at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
            let word = word_before(text, at);
            let lower = word.to_lowercase();
            let starter = opens_sentence(next_word.trim_end_matches(|x: char| !x.is_alphanumeric()));
            let single_initial = word.chars().count() == 1 && word.chars().all(|x| x.is_uppercase());
            let dotted = word.contains('.'); // U.S, D.C, e.g
            if (single_initial && !starter)
                || (TITLE_ABBREVIATIONS.contains(&lower.as_str())
                    && !MAY_END_SENTENCE.contains(&lower.as_str())
                    && !starter)
                || (dotted && !starter && !MAY_END_SENTENCE.contains(&lower.as_str()))
                || (MAY_END_SENTENCE.contains(&lower.as_str()) && !starter)
            {
                continue;
            }
        }
        let span = Span::new(start, end).trim(text);
        if !span.is_empty() {
            out.push(span);
        }
        start = end;
    }
    let span = Span::new(start, block.end).trim(text);
    if !span.is_empty() {
        out.push(span);
    }
    out
}

/// Abbreviations (the ones that can end a sentence, like "Inc." or "U.S.") never swallow a break
/// before one of these words (`rules/sentence_openers.toml`).
fn opens_sentence(word: &str) -> bool {
    use crate::lexicon::sentence_openers::{OPENERS_AFTER_ABBREVIATION, SENTENCE_OPENERS};
    SENTENCE_OPENERS.contains(&word) || OPENERS_AFTER_ABBREVIATION.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, Span::new(0, text.len())).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Smith met Sen. Jones on Sept. 5 in Washington, D.C. on Monday. They talked."),
            ["Mr. Smith met Sen. Jones on Sept. 5 in Washington, D.C. on Monday.", "They talked."]
        );
    }

    #[test]
    fn dotted_abbreviation_can_end_a_sentence() {
        assert_eq!(
            split("He moved to the U.S. The move was hard."),
            ["He moved to the U.S.", "The move was hard."]
        );
        assert_eq!(split("The U.S. Army said so."), ["The U.S. Army said so."]);
    }

    #[test]
    fn initials_and_decimals() {
        assert_eq!(
            split("George W. Bush said growth was 3.5 percent. Fine."),
            ["George W. Bush said growth was 3.5 percent.", "Fine."]
        );
    }

    #[test]
    fn quotes_that_end_sentences() {
        assert_eq!(
            split("He said: “We will win.” The crowd cheered. “Really?” she asked."),
            ["He said: “We will win.”", "The crowd cheered.", "“Really?” she asked."]
        );
        assert_eq!(split("“Is it?” he asked."), ["“Is it?” he asked."]);
    }

    #[test]
    fn ellipsis_mid_sentence() {
        assert_eq!(split("He said … nothing at all."), ["He said … nothing at all."]);
    }
}
