//! Content boundaries: where the reported content of a cue begins and ends, after the verb
//! ("said that C", "told CNN C", "condemned C"), before it ("C, X said") or up to the end of
//! a quotation that runs on; and how much of it is quoted.

use super::sentence::Sent;
use super::words::*;
use super::{MAX_GAP_TO_CONTENT, MAX_SOURCE_TOKENS, MIN_CONTENT_WORDS};
use crate::cues::{Cue, Form};
use crate::lexicon::{Class, Tag};
use crate::report::ClaimKind;
use crate::text::{Span, TokenKind};

/// How many words a subject may have before its auxiliary for a bare clause to be read after a
/// verb ("believes inflation will fall", "says over 130 enhanced titles are …").
const MAX_SUBJECT_BEFORE_AUXILIARY: usize = 8;

/// Where the content after a verb begins: after "that", after a colon, at a quotation, at "to"
/// for verbs of intention, or at a bare clause. Returns the token and what was skipped to get there.
pub(super) fn right_content_start(s: &Sent, cue: &Cue, form: Form) -> Option<(usize, Option<Span>)> {
    let j = cue.last;
    if j >= s.end {
        return None;
    }
    // What may stand between the verb and its "that" or quotation: nothing, time words, a
    // prepositional phrase ("in a statement", "to reporters"), or the person told ("told CNN").
    let first = s.w(j);
    let gap_ok = is_time_adverb(first)
        || s.is_comma(j)
        || GAP_PREPOSITIONS.contains(&first)
        || cue.has_tag(Tag::Object) && (OBJECT_WORDS.contains(&first) || s.is_capitalised(j));
    let limit = if gap_ok { s.end.min(j + MAX_GAP_TO_CONTENT) } else { s.end.min(j + 1) };
    for k in j..limit {
        let w = s.w(k);
        let noun = matches!(s.w(k.saturating_sub(1)), "a" | "an" | "the" | "his" | "her" | "its" | "their");
        if k > j && (s.is_verb(k) && !noun || matches!(w, "." | ";" | "?" | "!")) {
            break;
        }
        let channel = (k > j).then(|| s.cover(j, k));
        if w == "that" && cue.has_tag(Tag::That) {
            // "told reporters that", "said in a statement that"; but not "that" as a pronoun
            // directly followed by the end.
            if k + 1 < s.end && s.word_count(k + 1, s.end) >= 2 {
                return Some((k + 1, channel));
            }
            break;
        }
        if w == ":" {
            return (k + 1 < s.end).then_some((k + 1, channel));
        }
        if s.is_open_quote(k) && (cue.has_tag(Tag::Quote) || cue.has_tag(Tag::That)) {
            // Only filler may stand between the verb and the quotation.
            if k == j || (j..k).all(|x| is_time_word(s.w(x)) || s.is_comma(x)) || k <= j + 6 {
                return Some((k, channel));
            }
        }
        if s.is_comma(k) && k == j {
            // "said, however, that"
            continue;
        }
    }
    let w = s.w(j);
    if cue.has_tag(Tag::To) && (w == "to" || (w == "not" && s.w(j + 1) == "to")) {
        return Some((j, None));
    }
    // "asked whether …", "explained how …", "told reporters why …": an embedded question.
    if let Some(k) = (j..s.end.min(j + 4))
        .find(|&k| matches!(s.w(k), "whether" | "how" | "why" | "what" | "who" | "when" | "where"))
    {
        let object_only = (j..k).all(|x| {
            OBJECT_WORDS.contains(&s.w(x))
                || s.is_capitalised(x)
                || s.kind(x) == TokenKind::Word && k - j <= 2
        });
        if object_only && s.word_count(k, s.end) >= MIN_CONTENT_WORDS && !s.is_verb(k + 1) {
            return Some((k, (k > j).then(|| s.cover(j, k))));
        }
    }
    // "expects growth to pick up": an object and its infinitive.
    if cue.has_tag(Tag::To)
        && (cue.entry.class == Class::Belief || cue.has_tag(Tag::Object))
        && !NOT_CLAUSE_STARTERS.contains(&w)
    {
        if let Some(to) = (j + 1..s.end.min(j + 5)).find(|&i| s.w(i) == "to") {
            if (j..to).all(|i| s.kind(i) == TokenKind::Word && !s.is_verb(i)) && s.word_count(to, s.end) >= 2
            {
                return Some((j, None));
            }
        }
    }
    // "accusing it of aiding …", "blamed the mayor for the delay": the charge is the content.
    let charge_word = match cue.entry.name {
        "accuse" | "charge" | "suspect" | "convict" => Some("of"),
        "blame" | "credit" | "praise" | "criticize" | "criticise" | "thank" | "fault" | "applaud" => {
            Some("for")
        }
        _ => None,
    };
    if let Some(word) = charge_word {
        if let Some(k) = (j..s.end.min(j + 7)).find(|&k| s.w(k) == word) {
            if (j..k).all(|x| s.kind(x) == TokenKind::Word) && k + 1 < s.end {
                return Some((k + 1, None));
            }
        }
    }
    // Verbs of stance: the object is the content ("condemned the test", "called for calm").
    if cue.has_tag(Tag::Np) {
        let mut k = j;
        while k < s.end && is_time_adverb(s.w(k)) && s.kind(k) == TokenKind::Word {
            k += 1;
        }
        let w = s.w(k);
        // "coal states digging in", "the Chinese state": base and third-person forms are often
        // nouns; they need an object that starts like one.
        let object_like = !matches!(form, Form::Base | Form::Third)
            || CLAUSE_STARTERS.contains(&w)
            || OBJECT_WORDS.contains(&w)
            || s.is_capitalised(k)
            || s.kind(k) == TokenKind::Number
            || s.is_open_quote(k)
            || cue.has_tag(Tag::Phrase);
        if k < s.end
            && object_like
            && !passive_before(s, cue)
            && s.kind(k) != TokenKind::Punct
            && !matches!(w, "and" | "but" | "or" | "which" | "who" | "as" | "by" | "of")
        {
            return (s.word_count(k, s.end) >= 1).then(|| (k, (k > j).then(|| s.cover(j, k))));
        }
    }
    if cue.has_tag(Tag::Weak) || !cue.has_tag(Tag::That) || form == Form::Gerund && !cue.has_tag(Tag::Quote) {
        return None;
    }
    // "said after the convention he would …": a short phrase, then a clause with a pronoun subject.
    if cue.has_tag(Tag::Inverted) && GAP_PREPOSITIONS.contains(&s.w(j)) {
        if let Some(k) = (j + 1..s.end.min(j + 7))
            .find(|&k| matches!(s.w(k), "he" | "she" | "they" | "it" | "we" | "i" | "there"))
        {
            if (j + 1..k).all(|x| s.kind(x) == TokenKind::Word || s.kind(x) == TokenKind::Number)
                && s.word_count(k, s.end) >= MIN_CONTENT_WORDS
            {
                return Some((k, Some(s.cover(j, k))));
            }
        }
    }
    // A bare clause: "said the plan would fail", "told CNN he would run".
    let mut k = j;
    while k < s.end && is_time_adverb(s.w(k)) && s.kind(k) == TokenKind::Word {
        k += 1;
    }
    if cue.has_tag(Tag::Object) {
        let o = k;
        while k < s.end && k < o + 4 && (OBJECT_WORDS.contains(&s.w(k)) || s.is_capitalised(k)) {
            k += 1;
            if matches!(
                s.w(k - 1),
                "him" | "her" | "them" | "us" | "me" | "you" | "reporters" | "journalists"
            ) {
                break;
            }
        }
    }
    if k >= s.end || s.word_count(k, s.end) < MIN_CONTENT_WORDS {
        return None;
    }
    let w = s.w(k);
    let w = w.split('\'').next().unwrap_or(w); // "they're", "he'd"
                                               // After the strongest verbs ("said", "says") any word but a preposition or conjunction
                                               // starts the reported clause: "said parents still want …".
    let strong = cue.has_tag(Tag::Inverted)
        && cue.entry.class == Class::Speech
        && (matches!(form, Form::Past | Form::Gerund) || matches!(cue.entry.name, "say" | "tell"));
    // "believes inflation will fall": a short noun phrase and then an auxiliary make a clause.
    let auxiliary_follows = (k + 1..s.end.min(k + MAX_SUBJECT_BEFORE_AUXILIARY))
        .any(|i| AUXILIARIES.contains(&s.w(i)))
        && (k..s.end.min(k + MAX_SUBJECT_BEFORE_AUXILIARY))
            .take_while(|&i| !AUXILIARIES.contains(&s.w(i)))
            .all(|i| s.kind(i) == TokenKind::Word || s.kind(i) == TokenKind::Number);
    // "says over 130 titles are …", "said about half of them were …": a quantity opens a subject.
    let quantity = matches!(w, "over" | "about" | "nearly" | "almost" | "roughly" | "around" | "some")
        && s.kind(k + 1) == TokenKind::Number;
    // "suggest riders feel no better": so do a short noun phrase and a finite verb of the lexicon.
    let cue_verb_follows =
        (k + 1..s.end.min(k + 4)).find(|&i| s.kind(i) != TokenKind::Word || s.is_verb(i)).is_some_and(|i| {
            s.is_verb(i)
                && !s.w(i).ends_with("ing")
                && s.kind(k) == TokenKind::Word
                && !(k..i).any(|x| s.is_capitalised(x) || LEFT_BOUNDARY.contains(&s.w(x)))
        });
    let starts_clause = CLAUSE_STARTERS.contains(&w)
        || quantity && auxiliary_follows
        || (auxiliary_follows || cue_verb_follows) && !NOT_CLAUSE_STARTERS.contains(&w)
        || strong && s.kind(k) == TokenKind::Word && !NOT_CLAUSE_STARTERS.contains(&w)
        || s.is_capitalised(k) && s.kind(k) == TokenKind::Word
        || s.kind(k) == TokenKind::Number
        || s.is_open_quote(k);
    starts_clause.then(|| (k, (k > j).then(|| s.cover(j, k))))
}

/// Whether the verb is a passive participle ("was backed by").
pub(super) fn passive_before(s: &Sent, cue: &Cue) -> bool {
    cue.first > s.first && PASSIVE_AUX.contains(&s.w(cue.first - 1))
}

/// The end of content that starts at token `start`: the end of the sentence, cut before a
/// trailing ", adding …" and stretched over a quotation that runs on.
pub(super) fn content_from(s: &Sent, start: usize) -> Option<Span> {
    if s.is_open_quote(start) {
        if let Some(q) = s.quote_at(start) {
            let sentence_end = s.doc.sentences[s.index].span.end;
            // A quotation that ends the sentence is the content; one that is followed by more
            // words is part of a mixed content that runs to the end of the sentence.
            let rest_words = (s.first..s.end)
                .filter(|&i| s.span(i).start >= q.outer.end && s.kind(i) == TokenKind::Word)
                .count();
            if rest_words == 0 || q.outer.end > sentence_end {
                return Some(q.outer);
            }
        }
    }
    let mut end = s.end;
    for k in start + 1..s.end {
        if s.is_comma(k) && k + 1 < s.end {
            let next = s.w(k + 1);
            if next.ends_with("ing") && s.is_verb(k + 1) {
                end = k;
                break;
            }
            // "…, while council leader Gareth Owen said …": a second attribution begins.
            if matches!(next, "while" | "whereas" | "but" | "and" | "though" | "although")
                && (k + 2..s.end.min(k + 2 + MAX_SOURCE_TOKENS)).any(|v| {
                    s.is_verb(v)
                        && matches!(
                            s.w(v),
                            "said"
                                | "says"
                                | "added"
                                | "argued"
                                | "insisted"
                                | "countered"
                                | "warned"
                                | "noted"
                                | "told"
                        )
                })
            {
                end = k;
                break;
            }
        }
    }
    let mut content = s.content(start, end)?;
    // A quotation opened inside the content that runs past the sentence.
    let from = s.near.partition_point(|q| q.outer.start < content.start);
    let to = s.near.partition_point(|q| q.outer.start <= content.end);
    if let Some(q) = s.near[from..to.max(from)].iter().find(|q| q.outer.end > content.end && q.depth == 0) {
        content = content.cover(q.outer);
    }
    Some(content)
}

/// The content before a cue ("C, X said", "“C,” said X"), ending at token `end` (exclusive).
pub(super) fn left_content(s: &Sent, end: usize) -> Option<Span> {
    let mut b = end;
    while b > s.first && matches!(s.raw(b - 1), "," | "—" | "–") {
        b -= 1;
    }
    if b <= s.first {
        return None;
    }
    // "“C,” he said": the whole quotation, which may have begun sentences or paragraphs before.
    if s.is_close_quote(b - 1) {
        if let Some(q) = s.quote_closing(b - 1) {
            let mut outer = q.outer;
            // Earlier paragraphs of the same quotation.
            let mut link = q.continues;
            while let Some(i) = link {
                outer = outer.cover(s.quotes[i].outer);
                link = s.quotes[i].continues;
            }
            let sentence_start = s.doc.sentences[s.index].span.start;
            if outer.start < sentence_start || s.span(s.first).start == outer.start {
                return Some(outer);
            }
            // Words before the quotation in the same sentence: mixed content.
            return Some(Span::new(sentence_start, outer.end));
        }
    }
    (s.word_count(s.first, b) >= MIN_CONTENT_WORDS).then(|| s.content(s.first, b)).flatten()
}

/// Direct quote when the content is one quotation, partial when it holds one, else indirect.
pub(super) fn kind_of(s: &Sent, content: Span) -> ClaimKind {
    // Content may run over paragraphs, so look at every quotation that starts inside it (and the
    // one that starts just before it).
    let to = s.quotes.partition_point(|q| q.outer.start < content.end);
    let from = s.quotes[..to].partition_point(|q| q.outer.start < content.start).saturating_sub(1);
    let quoted: usize = s.quotes[from..to]
        .iter()
        .filter(|q| q.depth == 0 && content.overlaps(q.outer))
        .map(|q| q.outer.end.min(content.end) - q.outer.start.max(content.start))
        .sum();
    let text = s.doc.slice(content).trim_end_matches(['.', ',', ' ']);
    let starts_quoted = text.starts_with(['“', '"', '‘', '\'', '«', '„', '”']);
    if quoted == 0 {
        ClaimKind::Indirect
    } else if quoted * 10 >= content.len() * 9 && starts_quoted {
        ClaimKind::DirectQuote
    } else {
        ClaimKind::PartialQuote
    }
}
