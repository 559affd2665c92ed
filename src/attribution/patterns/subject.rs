//! Subject finding: where the source phrase of a verb starts and ends, to its left ("X said"),
//! to its right ("…, said X, a …"), in the main clause ("…, saying C") or on the verb a
//! participle hangs on ("…,” X said, adding …").

use super::sentence::Sent;
use super::words::*;
use super::{MAX_APPOSITIVE_TOKENS, MAX_SOURCE_TOKENS};
use crate::cues::Cue;
use crate::text::{Span, TokenKind};

/// Pronouns that can only be a clause's subject.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

/// Where the subject phrase that ends just before token `end` starts, scanning leftwards.
pub(super) fn subject_start(s: &Sent, end: usize) -> Option<usize> {
    let mut i = end;
    let limit = end.saturating_sub(MAX_SOURCE_TOKENS).max(s.first);
    while i > limit {
        let k = i - 1;
        let w = s.w(k);
        let kind = s.kind(k);
        if w == ")" {
            // "Rep. Jim Jordan (R-Ohio)": a parenthesis belongs to the phrase.
            match (limit..k).rev().find(|&j| s.w(j) == "(") {
                Some(j) => {
                    i = j;
                    continue;
                }
                None => break,
            }
        }
        if s.is_mark(k) || (kind == TokenKind::Punct && !matches!(w, "." | "&" | "-")) {
            break;
        }
        // "an Oklahoma Republican who warned": the relative pronoun is the subject (its
        // antecedent is found when sources are resolved).
        if s.raw(k) == "who" {
            if i == end {
                i = k;
            }
            break;
        }
        if w == "and" && k > s.first && s.is_capitalised(k - 1) && i < end && s.is_capitalised(i) {
            i = k; // "Smith and Jones"
            continue;
        }
        if w == "and" && i < end {
            // "The economic and financial daily": adjectives joined under one determiner.
            let from = k.saturating_sub(3).max(s.first);
            if let Some(j) = (from..k).rev().find(|&j| matches!(s.w(j), "the" | "a" | "an")) {
                if (j + 1..k).all(|x| s.kind(x) == TokenKind::Word && !s.is_verb(x)) {
                    i = j;
                    continue;
                }
            }
        }
        // "A report by the watchdog": a verb form after a determiner is a noun of the phrase.
        // "Many reports suggest": so is an "-s" form after a plural quantifier.
        let noun = k > s.first
            && (matches!(s.w(k - 1), "a" | "an" | "the" | "its" | "their" | "his" | "her")
                || w.ends_with('s') && PLURAL_QUANTIFIERS.contains(&s.w(k - 1)));
        if LEFT_BOUNDARY.contains(&w) || s.is_verb(k) && !noun {
            break;
        }
        i = k;
    }
    if i == end {
        return None;
    }
    // "This isn't the first time the Snopes.com writer has …": a determiner right after a noun
    // starts a new phrase, the subject.
    if let Some(k) = (i + 1..end).rev().find(|&k| {
        matches!(s.w(k), "the" | "a" | "an")
            && s.kind(k - 1) == TokenKind::Word
            && !matches!(
                s.w(k - 1),
                "of" | "for"
                    | "at"
                    | "in"
                    | "on"
                    | "with"
                    | "from"
                    | "by"
                    | "to"
                    | "and"
                    | "or"
                    | "&"
                    | "about"
                    | "over"
                    | "under"
                    | "into"
                    | "near"
                    | "among"
                    | "between"
                    | "across"
                    | "behind"
            )
            && !s.is_capitalised(k - 1)
    }) {
        i = k;
    }
    // "… released code he said exploits …": a personal pronoun inside the phrase starts a
    // relative clause with no "that"; the pronoun is the subject.
    if let Some(k) = (i + 1..end).rev().find(|&k| SUBJECT_PRONOUNS.contains(&s.w(k))) {
        if s.w(k - 1) != "and" && s.w(k - 1) != "or" {
            i = k;
        }
    }
    // Leave out a leading adverbial: "On Thursday Anthropic", "In a statement the company".
    if LEADING_ADVERBIAL.contains(&s.w(i)) {
        if let Some(j) = (i + 1..end).find(|&j| {
            let w = s.w(j);
            matches!(w, "the" | "a" | "an") && j > i + 1
                || (s.is_capitalised(j) && !is_time_word(w) && j > i + 1)
        }) {
            i = j;
        } else if (i..end).all(|j| is_time_word(s.w(j)) || s.w(j) == "in") {
            return None;
        }
    }
    Some(i)
}

/// Steps left from a verb over auxiliaries, adverbs and catenatives ("has also", "really",
/// "continues to") to where its subject ends.
pub(super) fn skip_to_subject(s: &Sent, verb: usize) -> usize {
    let mut end = verb;
    loop {
        if end <= s.first {
            return end;
        }
        let w = s.w(end - 1);
        if BETWEEN_SUBJECT_AND_VERB.contains(&w)
            || (w.ends_with("ly") && w.len() > 4 && !s.is_capitalised(end - 1) && !LY_NOUNS.contains(&w))
        {
            end -= 1;
        } else if w == "to" && end >= s.first + 2 && CATENATIVES.contains(&s.w(end - 2)) {
            end -= 2;
        } else {
            return end;
        }
    }
}

/// The source to the left of a verb at `verb`: skips auxiliaries and adverbs, then takes the
/// subject phrase, with an appositive between commas ("Liu Pengyu, spokesperson for …, wrote").
pub(super) fn left_source(s: &Sent, verb: usize) -> Option<Span> {
    let end = skip_to_subject(s, verb);
    if end > s.first && s.is_comma(end - 1) {
        // "X, an appositive, said": the appositive and the name before it.
        let app_end = end - 1;
        if let Some(app_start) = subject_start(s, app_end) {
            if app_start > s.first && s.is_comma(app_start - 1) {
                // The name opens its clause: "…, used to fill in trenches, freeze, said X" has
                // no subject before the verb, only the end of another clause.
                let opens_clause = |k: usize| {
                    (k == s.first || s.kind(k - 1) != TokenKind::Word || LEFT_BOUNDARY.contains(&s.w(k - 1)))
                        && looks_like_source_start(s, k)
                };
                if let Some(name_start) = subject_start(s, app_start - 1).filter(|&k| opens_clause(k)) {
                    return Some(s.cover(name_start, app_end));
                }
            }
        }
        // "X, who/which …, said": a relative clause between the name and the verb.
        let limit = app_end.saturating_sub(MAX_APPOSITIVE_TOKENS).max(s.first);
        let open = (limit..app_end).rev().find(|&i| s.is_comma(i))?;
        if matches!(s.w(open + 1), "who" | "which" | "whose" | "whom")
            && (open + 1..app_end).all(|i| !s.is_mark(i))
        {
            let name_start = subject_start(s, open)?;
            return Some(s.cover(name_start, app_end));
        }
        return None;
    }
    let start = subject_start(s, end)?;
    Some(s.cover(start, end))
}

/// Whether the words after an inverted verb can start its subject ("said Smith", "said the
/// minister", "said one official"), rather than its object ("stressed her support").
pub(super) fn looks_like_source_start(s: &Sent, i: usize) -> bool {
    let mut i = i;
    while i < s.end && is_time_adverb(s.w(i)) {
        i += 1;
    }
    let title_then_name = !NOT_CLAUSE_STARTERS.contains(&s.w(i))
        && !GAP_PREPOSITIONS.contains(&s.w(i))
        && (i + 1..s.end.min(i + 4)).any(|j| s.is_capitalised(j))
        && (i..s.end.min(i + 4))
            .take_while(|&j| !s.is_capitalised(j))
            .all(|j| s.kind(j) == TokenKind::Word && !s.is_verb(j));
    i < s.end
        && (s.is_capitalised(i)
            || title_then_name
            || super::super::speaker::is_speaking_noun(s.w(i)) && s.w(i).ends_with('s')
            || matches!(
                s.w(i),
                "the"
                    | "a"
                    | "an"
                    | "one"
                    | "two"
                    | "three"
                    | "another"
                    | "several"
                    | "some"
                    | "many"
                    | "he"
                    | "she"
                    | "they"
                    | "officials"
                    | "experts"
                    | "analysts"
                    | "sources"
                    | "critics"
                    | "police"
                    | "authorities"
                    | "residents"
                    | "witnesses"
            ))
}

/// Whether the words at `j` can open an appositive to a name ("a spokesman for …", "vice
/// president of …", "45, a teacher", "who …"), rather than a clause of the content ("…, say
/// economists, marks a journey …").
pub(super) fn appositive_start(s: &Sent, j: usize) -> bool {
    j < s.end
        && (s.is_capitalised(j)
            || s.kind(j) == TokenKind::Number
            || matches!(
                s.w(j),
                "a" | "an"
                    | "the"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "one"
                    | "who"
                    | "which"
                    | "whose"
                    | "also"
            )
            || (j..s.end.min(j + 3))
                .take_while(|&k| s.kind(k) == TokenKind::Word)
                .any(|k| super::super::speaker::is_speaking_noun(s.w(k)) || s.is_capitalised(k)))
}

/// The source after an inverted verb: "…, said Lotfi Azzouz, Tunisia country director for
/// Amnesty International."
pub(super) fn right_source(s: &Sent, from: usize) -> Option<(Span, usize)> {
    let mut i = from;
    while i < s.end && is_time_adverb(s.w(i)) {
        i += 1;
    }
    let start = i;
    // "said C. Eugene Steuerle": the full stop of an initial is part of the name.
    let initial = |i: usize| {
        s.raw(i) == "."
            && i > start
            && s.raw(i - 1).len() == 1
            && s.is_capitalised(i - 1)
            && s.is_capitalised(i + 1)
    };
    while i < s.end
        && (!matches!(s.raw(i), "," | "." | ";" | ":" | "—" | "!" | "?") || initial(i))
        && !s.is_mark(i)
    {
        let channel_next = CHANNEL_WORDS.contains(&s.w(i + 1))
            || CHANNEL_WORDS.contains(&s.w(i + 2))
            || is_date_word(s.w(i + 1))
            || is_date_word(s.w(i + 2));
        if s.is_verb(i)
            || (matches!(s.w(i), "who" | "that") || matches!(s.w(i), "in" | "on") && channel_next)
                && i > start
        {
            break;
        }
        i += 1;
    }
    if i == start || i - start > MAX_SOURCE_TOKENS {
        return None;
    }
    let mut end = i;
    // An appositive that runs to the end of the sentence belongs to the source: "said Erin
    // Murphy, a former Clinton aide who accompanied her to Burma in 2011."
    if i < s.end && s.is_comma(i) && appositive_start(s, i + 1) {
        let mut j = i + 1;
        while j < s.end && !matches!(s.raw(j), ";" | ":" | "—") && !s.is_mark(j) {
            if s.is_participle(j) {
                break;
            }
            // ", at a meeting with staff": circumstances, not the source; the appositive ends here.
            if s.is_comma(j) && GAP_PREPOSITIONS.contains(&s.w(j + 1)) {
                if j > i + 1 && j - i <= MAX_APPOSITIVE_TOKENS {
                    return Some((s.cover(start, j), j));
                }
                break;
            }
            j += 1;
        }
        let mut stop = j;
        while stop > i + 1 && matches!(s.raw(stop - 1), "." | "," | "!" | "?") {
            stop -= 1;
        }
        if (j == s.end || j == stop + 1) && stop > i + 1 && stop - i <= MAX_APPOSITIVE_TOKENS {
            end = stop;
        }
    }
    Some((s.cover(start, end), end))
}

/// "issued a statement calling …", "released a video showing …": a document just issued by the
/// sentence's subject stands before the participle.
pub(super) fn issued_document(s: &Sent, verb: usize) -> bool {
    let from = verb.saturating_sub(4).max(s.first);
    (from..verb).any(|i| ISSUE_VERBS.contains(&s.w(i)))
        && verb > s.first
        && DOCUMENT_NOUNS.contains(&s.w(verb - 1))
}

/// "“…,” DuVernay said, emphasizing …", "…, said Sarah Cole, adding …": the speaker of the verb
/// the participle hangs on, found from that verb.
pub(super) fn host_subject(s: &Sent, cue: &Cue) -> Option<Span> {
    let comma = cue.first.checked_sub(1).filter(|&c| s.is_comma(c))?;
    let from = comma.saturating_sub(MAX_APPOSITIVE_TOKENS).max(s.first);
    let verb = (from..comma).rev().find(|&v| s.is_verb(v) && !s.w(v).ends_with("ing"))?;
    // Inverted: "said Sarah Cole, adding …".
    if verb > s.first
        && (s.is_comma(verb - 1) || s.is_close_quote(verb - 1))
        && verb + 1 < comma
        && looks_like_source_start(s, verb + 1)
    {
        return Some(s.cover(verb + 1, comma));
    }
    // After a quotation: everything between it and the verb.
    let end = skip_to_subject(s, verb);
    if let Some(q) = (s.first..end).rev().find(|&i| s.is_mark(i)).filter(|&i| s.is_close_quote(i)) {
        let start = if s.is_comma(q + 1) { q + 2 } else { q + 1 };
        if start < end && (start..end).all(|i| !s.is_mark(i)) {
            return Some(s.cover(start, end));
        }
    }
    left_source(s, verb)
}

/// Whether a source phrase begins the way noun phrases do: a name, a determiner or possessive,
/// a pronoun, a number, or a plain plural ("officials", "critics").
pub(super) fn starts_like_noun_phrase(s: &Sent, src: Span) -> bool {
    let Some(i) = (s.first..s.end).find(|&i| s.span(i).start == src.start) else { return true };
    let w = s.w(i);
    if s.is_capitalised(i) || s.kind(i) != TokenKind::Word {
        return true;
    }
    // A preposition, a participle or a bare verb where the subject should begin.
    let preposition = matches!(
        w,
        "of" | "for"
            | "by"
            | "about"
            | "against"
            | "under"
            | "in"
            | "on"
            | "at"
            | "after"
            | "before"
            | "with"
            | "from"
            | "into"
            | "to"
            | "than"
            | "through"
            | "during"
            | "without"
    );
    let verb_form = (w.ends_with("ing")
        && !matches!(w, "king" | "thing" | "nothing" | "something" | "everything" | "anything"))
        || matches!(
            w,
            "let"
                | "become"
                | "make"
                | "enact"
                | "purchase"
                | "meet"
                | "cover"
                | "address"
                | "resist"
                | "been"
                | "being"
                | "do"
                | "does"
                | "did"
                | "get"
                | "give"
                | "take"
        );
    !(preposition || verb_form)
}

/// The subject of the sentence's main clause, for "…, saying that C".
pub(super) fn main_subject(s: &Sent, cue: &Cue) -> Option<Span> {
    let mut i = s.first;
    while i < cue.first
        && (matches!(s.w(i), "but" | "and" | "so" | "yet" | "however" | "," | "still" | "meanwhile")
            || s.is_mark(i))
    {
        i += 1;
    }
    // "On Thursday, Trump …", "Chastened, the campaign …", "After saying …, she …": a leading
    // adverbial ends at its comma.
    let lowercase_or_adverbial = LEADING_ADVERBIAL.contains(&s.w(i))
        || is_date_word(s.w(i))
        || s.w(i).ends_with("ed")
        || s.w(i).ends_with("ly")
        || s.w(i).ends_with("ing");
    if lowercase_or_adverbial {
        if let Some(comma) = (i..cue.first.min(i + 12)).find(|&k| s.is_comma(k)) {
            i = comma + 1;
        } else if LEADING_ADVERBIAL.contains(&s.w(i)) || is_date_word(s.w(i)) {
            return None;
        }
    }
    // "Though …, X", "However, X", "Perhaps X": sentence adverbs and a leading subordinate clause.
    while i < cue.first && MAIN_CLAUSE_ADVERBS.contains(&s.w(i)) {
        i += 1;
        if s.is_comma(i) {
            i += 1;
        }
    }
    if matches!(
        s.w(i),
        "though"
            | "although"
            | "while"
            | "when"
            | "if"
            | "because"
            | "as"
            | "since"
            | "once"
            | "after"
            | "before"
    ) {
        let comma = (i..cue.first).find(|&k| s.is_comma(k))?;
        i = comma + 1;
    }
    let start = i;
    // A name ("Donald Trump", "Mr. Obama") or a short noun phrase ("The campaign", "His aides").
    if s.is_capitalised(i) && !matches!(s.w(i), "the" | "a" | "an" | "his" | "her" | "its" | "their") {
        while i < cue.first && (s.is_capitalised(i) || s.w(i) == "." || s.w(i).ends_with("'s")) {
            i += 1;
        }
    } else {
        while i < cue.first && i < start + 4 {
            let w = s.w(i);
            let verbish = i > start + 1 && (w.ends_with("ed") || s.is_verb(i) || LEFT_BOUNDARY.contains(&w));
            if s.kind(i) != TokenKind::Word || verbish {
                break;
            }
            i += 1;
        }
    }
    if i == start || matches!(s.w(start), "it's" | "there" | "this" | "that") {
        return None;
    }
    // "Dean, a medical doctor, began …": the appositive goes with the name.
    if s.is_comma(i) {
        if let Some(close) = (i + 1..cue.first.min(i + MAX_SOURCE_TOKENS)).find(|&k| s.is_comma(k)) {
            if close + 1 < cue.first && !s.is_verb(i + 1) {
                return Some(s.cover(start, close));
            }
        }
    }
    Some(s.cover(start, i))
}
