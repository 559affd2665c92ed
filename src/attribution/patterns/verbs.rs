//! The reporting-verb strategies: each reads one construction of a verb, its source and its
//! content, and [`verb`] tries them in order. The first four read a source that stands after
//! the content or inside it; the last four a content that follows the verb, and differ in where
//! its speaker is.

use super::content::{content_from, kind_of, left_content, right_content_start};
use super::sentence::Sent;
use super::subject::*;
use super::words::*;
use super::{found, Found, MAX_APPOSITIVE_TOKENS, MIN_CONTENT_WORDS};
use crate::cues::{Cue, CueKind, Form};
use crate::lexicon::{Class, Tag};
use crate::text::{Span, TokenKind};

/// The attribution of a reporting verb: the first construction that reads it.
pub(super) fn verb(s: &Sent, cue: &Cue, form: Form, cues: &[Cue]) -> Option<Found> {
    let v = VerbSite::read(s, cue, form);
    if names_rather_than_reports(s, cue, &v) {
        return None;
    }
    if let Some(f) = inverted(s, cue, &v).or_else(|| inverted_inside_content(s, cue, &v)) {
        return Some(f);
    }
    let right = right_content_start(s, cue, form);
    let before_or_around = quotation_then_speaker(s, cue, &v, right)
        .or_else(|| speaker_inside_content(s, cue, &v))
        .or_else(|| content_then_speaker(s, cue, &v, right));
    if before_or_around.is_some() {
        return before_or_around;
    }
    // The content follows the verb; how the verb stands says where its speaker is.
    let (start, channel) = right?;
    let after = After { start, channel, content: content_from(s, start)? };
    if v.passive {
        passive(s, cue, &v, &after, cues)
    } else if v.participial {
        participial(s, cue, &v, &after, cues)
    } else if form == Form::Gerund && (GERUND_CATENATIVES.contains(&v.prev) || !PASSIVE_AUX.contains(&v.prev))
    {
        gerund(s, cue, &v, &after, cues)
    } else {
        left_subject(s, cue, &v, &after, cues)
    }
}

/// How a verb stands in its sentence: what every strategy asks first.
struct VerbSite<'d> {
    form: Form,
    /// The token just before the verb, if the sentence has one.
    before: Option<usize>,
    /// Its lower-case word ("" at the start of the sentence).
    prev: &'d str,
    /// Passive "was told that …": the source, if any, follows "by".
    passive: bool,
    /// "…, saying …", "accused him of lying by saying …": the subject is the main clause's.
    participial: bool,
}

impl<'d> VerbSite<'d> {
    fn read(s: &Sent<'d>, cue: &Cue, form: Form) -> Self {
        let before = cue.first.checked_sub(1).filter(|&b| b >= s.first);
        let prev = before.map_or("", |b| s.w(b));
        let passive = form == Form::Past && PASSIVE_AUX.contains(&prev) && !cue.has_tag(Tag::Phrase);
        let participial = form == Form::Gerund
            && (prev == ","
                || prev == "—"
                || before.is_none()
                || matches!(
                    prev,
                    "by" | "for"
                        | "after"
                        | "before"
                        | "from"
                        | "of"
                        | "without"
                        | "while"
                        | "in"
                        | "on"
                        | "about"
                        | "despite"
                        | "since"
                        | "when"
                        | "also"
                        | "again"
                        | "repeatedly"
                        | "publicly"
                        | "even"
                ));
        VerbSite { form, before, prev, passive, participial }
    }
}

/// "a group called GTG-1002": naming, not reporting.
fn names_rather_than_reports(s: &Sent, cue: &Cue, v: &VerbSite) -> bool {
    matches!(cue.entry.name, "call" | "label" | "name" | "dub")
        && v.form == Form::Past
        && v.before.is_some_and(|b| {
            s.kind(b) == TokenKind::Word
                && !s.is_capitalised(b)
                && !BETWEEN_SUBJECT_AND_VERB.contains(&v.prev)
        })
        && s.is_capitalised(cue.last.min(s.end - 1))
}

/// Inverted: "“C,” said X." / "C, wrote X for Y.": the verb right after a comma or a closing
/// quotation, its subject after it, to the end of the sentence.
fn inverted(s: &Sent, cue: &Cue, v: &VerbSite) -> Option<Found> {
    let b = v.before?;
    let after_comma = s.is_comma(b) || s.is_close_quote(b) || s.raw(b) == "—";
    // "Clinton, the former secretary of State, stressed her support …" is not inverted: the
    // subject stands before the verb and the object after it.
    // Nor is "“…,” Malkia Cyril, the executive director, told The Huffington Post.".
    let appositive_source = left_source(s, cue.first);
    let quote_before_source = appositive_source.is_some_and(|src| {
        (s.first..cue.first).find(|&i| s.span(i).start == src.start).is_some_and(|i| {
            i > s.first
                && (s.is_close_quote(i - 1)
                    || s.is_comma(i - 1) && i > s.first + 1 && s.is_close_quote(i - 2))
        })
    });
    let subject_with_appositive =
        appositive_source.is_some() && (quote_before_source || right_content_start(s, cue, v.form).is_some());
    if !(after_comma
        && cue.has_tag(Tag::Inverted)
        && !v.passive
        && !v.participial
        && !subject_with_appositive)
    {
        return None;
    }
    let (source, end) = right_source(s, cue.last).filter(|_| looks_like_source_start(s, cue.last))?;
    // What follows the source may not report anything itself, but for a participle set off by a
    // comma, which hangs on this verb ("…,” said X, adding that …").
    let participle_at = |i: usize| s.is_comma(i) && s.is_verb(i + 1) && s.w(i + 1).ends_with("ing");
    let tail = (end..s.end).find(|&i| participle_at(i)).unwrap_or(s.end);
    let to_end = (end..tail).all(|i| !s.is_mark(i) && s.w(i) != "that" && !s.is_participle(i))
        // "…, say economists, marks a journey …": a clause after the source.
        && (!s.is_comma(end)
            || end >= tail
            || appositive_start(s, end + 1)
            || GAP_PREPOSITIONS.contains(&s.w(end + 1)));
    if !to_end {
        return None;
    }
    let content = left_content(s, b + 1)?;
    Some(found(s, cue, content, Some(source), kind_of(s, content)))
}

/// Inverted inside the content: "The combination, say economists, marks a journey …": verb and
/// source set off by commas inside the content, which is the whole sentence.
fn inverted_inside_content(s: &Sent, cue: &Cue, v: &VerbSite) -> Option<Found> {
    let b = v.before?;
    if !(s.is_comma(b)
        && b > s.first + 1
        && cue.has_tag(Tag::Inverted)
        && !v.passive
        && !v.participial
        && looks_like_source_start(s, cue.last))
    {
        return None;
    }
    let (source, end) = right_source(s, cue.last)?;
    if !(s.is_comma(end)
        && s.word_count(end + 1, s.end) >= MIN_CONTENT_WORDS
        && !(end + 1..s.end).any(|i| s.is_mark(i)))
    {
        return None;
    }
    let content = s.content(s.first, s.end)?;
    Some(found(s, cue, content, Some(source), kind_of(s, content)))
}

/// A quotation, then its speaker with appositives, then the verb: "“C,” Scott Pruitt, the
/// attorney general of Oklahoma, one of the states suing, said …": everything between the
/// quotation and the verb is the speaker.
fn quotation_then_speaker(
    s: &Sent,
    cue: &Cue,
    v: &VerbSite,
    right: Option<(usize, Option<Span>)>,
) -> Option<Found> {
    if v.participial || v.passive || !(cue.entry.class == Class::Speech || cue.has_tag(Tag::Inverted)) {
        return None;
    }
    let end = skip_to_subject(s, cue.first);
    let mut close = None;
    for i in (s.first..end).rev() {
        if s.is_mark(i) {
            if s.is_close_quote(i) {
                close = Some(i);
            }
            break;
        }
    }
    // The quotation must open the sentence (or have begun before it).
    let opens_sentence = close
        .and_then(|q| s.quote_closing(q))
        .is_some_and(|quote| quote.outer.start <= s.span(s.first).start);
    let q = close.filter(|_| opens_sentence)?;
    let start = if s.is_comma(q + 1) || s.raw(q + 1) == "—" { q + 2 } else { q + 1 };
    let mut src_end = end;
    while src_end > start && s.is_comma(src_end - 1) {
        src_end -= 1;
    }
    let plain = (start..src_end).all(|i| !s.is_verb(i) || s.w(i).ends_with("ing"))
        && src_end > start
        && src_end - start <= MAX_APPOSITIVE_TOKENS
        && looks_like_source_start(s, start);
    let right_is_clause =
        right.is_some_and(|(k, _)| s.w(k.saturating_sub(1)) == "that" || s.w(k.saturating_sub(1)) == ":");
    if !plain || right_is_clause {
        return None;
    }
    let content = left_content(s, q + 1)?;
    let mut f = found(s, cue, content, Some(s.cover(start, src_end)), kind_of(s, content));
    f.channel = (cue.last < s.end).then(|| s.content(cue.last, s.end)).flatten();
    Some(f)
}

/// Parenthetical: "The museum, Mr. Obama said, would make visitors face …": the source and verb
/// between commas inside the content, which is the whole sentence.
fn speaker_inside_content(s: &Sent, cue: &Cue, v: &VerbSite) -> Option<Found> {
    if v.participial || v.passive || !cue.has_tag(Tag::Inverted) {
        return None;
    }
    let end = skip_to_subject(s, cue.first);
    let mut after = cue.last;
    while after < s.end && is_time_adverb(s.w(after)) {
        after += 1;
    }
    // "…, the agency said in a June report, and …": a short channel before the comma.
    if GAP_PREPOSITIONS.contains(&s.w(after)) {
        if let Some(c) = (after..s.end.min(after + 8)).find(|&k| s.is_comma(k)) {
            if (after..c).all(|k| s.kind(k) == TokenKind::Word || s.kind(k) == TokenKind::Number)
                && !(after..c).any(|k| s.is_verb(k))
            {
                after = c;
            }
        }
    }
    let start = subject_start(s, end)?;
    let between_commas = start > s.first + 1
        && s.is_comma(start - 1)
        && s.is_comma(after)
        && s.word_count(after + 1, s.end) >= MIN_CONTENT_WORDS
        && !s.is_verb(after + 1)
        && !s.is_close_quote(start.saturating_sub(2));
    if !between_commas {
        return None;
    }
    let content = s.content(s.first, s.end)?;
    Some(found(s, cue, content, Some(s.cover(start, end)), kind_of(s, content)))
}

/// Content first, then subject and verb: "C, X said" / "“C,” X said" / "C, X said Tuesday." /
/// "“C,” a spokesperson reacted to AFP." Verbs of belief and perception too when they end the
/// sentence ("…, The Post has learned.").
fn content_then_speaker(
    s: &Sent,
    cue: &Cue,
    v: &VerbSite,
    right: Option<(usize, Option<Span>)>,
) -> Option<Found> {
    let ends_sentence =
        (cue.last..s.end).all(|i| is_time_adverb(s.w(i)) || matches!(s.raw(i), "." | "!" | "," | "?"));
    if v.participial
        || v.passive
        || !(cue.entry.class == Class::Speech
            || cue.has_tag(Tag::Inverted)
            || ends_sentence && cue.has_tag(Tag::That))
    {
        return None;
    }
    let end = skip_to_subject(s, cue.first);
    let start = subject_start(s, end)?;
    let after_quote = start > s.first && s.is_close_quote(start - 1)
        || start > s.first + 1 && s.is_comma(start - 1) && s.is_close_quote(start - 2);
    let after_comma = start > s.first && (s.is_comma(start - 1) || s.raw(start - 1) == "—");
    // Nothing but time words, commas and a channel may follow the verb.
    // A trailing ", adding that …" is an attribution of its own; the tail ends there.
    let tail_end = (cue.last..s.end)
        .find(|&i| s.is_comma(i) && (s.w(i + 1).ends_with("ing") || matches!(s.w(i + 1), "who" | "which")))
        .unwrap_or(s.end);
    let tail_ok = (cue.last..tail_end).all(|i| {
        is_time_word(s.w(i))
            || matches!(s.raw(i), "." | "," | "!" | "?")
            || s.kind(i) == TokenKind::Word && !s.is_verb(i)
    }) || (cue.last..tail_end).all(|i| !s.is_mark(i) && !s.is_verb(i));
    // "…, top black lawmakers said Friday, as they bristled at …": a subordinate clause may trail
    // after a comma.
    let trailing_clause = (cue.last..s.end.min(cue.last + 5)).find(|&i| s.is_comma(i)).is_some_and(|c| {
        matches!(
            s.w(c + 1),
            "as" | "while"
                | "when"
                | "because"
                | "after"
                | "before"
                | "although"
                | "though"
                | "since"
                | "in"
                | "during"
                | "despite"
        ) && (c..s.end).all(|i| !s.is_mark(i))
    });
    let short_tail = s.word_count(cue.last, tail_end) <= 8 || trailing_clause;
    if !((after_quote || after_comma && right.is_none()) && tail_ok && short_tail) {
        return None;
    }
    let content = left_content(s, start)?;
    let source = s.cover(start, end);
    let mut f = found(s, cue, content, Some(source), kind_of(s, content));
    f.channel = (cue.last < s.end).then(|| s.content(cue.last, s.end)).flatten();
    Some(f)
}

/// A content that follows its verb: where it starts, what was skipped to get there, and the
/// content itself.
struct After {
    start: usize,
    channel: Option<Span>,
    content: Span,
}

impl After {
    /// The content is the verb's object ("condemned the test"), not a reported clause.
    fn is_object(&self, s: &Sent, cue: &Cue) -> bool {
        !s.is_open_quote(self.start)
            && !matches!(s.w(self.start.saturating_sub(1)), "that" | ":")
            && cue.has_tag(Tag::Np)
    }
}

/// Passive: "was told by X that C", "was backed by X": the source, if any, follows "by".
fn passive(s: &Sent, cue: &Cue, v: &VerbSite, after: &After, cues: &[Cue]) -> Option<Found> {
    // "Be warned: …", "remains to be seen": an imperative or an infinitive reports nothing.
    let be = v.before.filter(|_| v.prev == "be");
    if be.is_some_and(|b| b == s.first || s.w(b - 1) == "to") {
        return None;
    }
    // "has been added piecemeal": a passive reports through "that", a colon, a quotation, an
    // infinitive ("is said to have …") or the charge of "accused of", "blamed for", not a bare
    // phrase.
    let k = after.start;
    let introduced = k > s.first
        && (matches!(s.w(k - 1), "that" | ":" | "to" | "of" | "for" | "with") || s.is_open_quote(k - 1))
        || s.is_open_quote(k)
        || s.w(k) == "to";
    if !introduced {
        return None;
    }
    let source = (cue.last..s.end).find(|&i| s.w(i) == "by").and_then(|i| {
        let e = (i + 1..s.end).find(|&k| s.kind(k) != TokenKind::Word).unwrap_or(s.end);
        (e > i + 1 && e < after.start).then(|| s.cover(i + 1, e))
    });
    with_subject(s, cue, v, after, source, cues)
}

/// Participial: "…, saying C", "accused him of lying by saying C": the subject is that of the
/// verb the participle hangs on, or else the main clause's.
fn participial(s: &Sent, cue: &Cue, v: &VerbSite, after: &After, cues: &[Cue]) -> Option<Found> {
    let source = host_subject(s, cue).or_else(|| main_subject(s, cue));
    with_subject(s, cue, v, after, source, cues)
}

/// A gerund that is not set off as a participle: "kept saying C" (the subject of the first
/// verb), "The Security Council issued a statement calling for C" (the issuer), "an article in
/// the Financial Times accusing it of C" (the noun phrase just before).
fn gerund(s: &Sent, cue: &Cue, v: &VerbSite, after: &After, cues: &[Cue]) -> Option<Found> {
    let source = if GERUND_CATENATIVES.contains(&v.prev) {
        // "could not resist pointing out", "kept saying": the subject of the first verb.
        left_source(s, cue.first - 1)
    } else if issued_document(s, cue.first) {
        // "The Security Council issued a statement calling …": the issuer, not the statement.
        main_subject(s, cue)
    } else {
        // "an article in the Financial Times accusing it of …": the noun phrase just before —
        // unless that is an adverbial ("in many cases reporting …"), then the main subject.
        let np = left_source(s, cue.first);
        let adverbial = np.is_some_and(|span| {
            (s.first..cue.first).find(|&i| s.span(i).start == span.start).is_some_and(|i| {
                LEADING_ADVERBIAL.contains(&s.w(i))
                    || MAIN_CLAUSE_ADVERBS.contains(&s.w(i))
                    || matches!(s.w(i), "as" | "in")
            })
        });
        if adverbial || np.is_none() {
            return main_subject(s, cue).map(|src| {
                let mut f = found(s, cue, after.content, Some(src), kind_of(s, after.content));
                f.channel = after.channel;
                f.object = after.is_object(s, cue);
                f
            });
        }
        np.map(|span| {
            let from = (s.first..cue.first)
                .rev()
                .find(|&i| s.span(i).start >= span.start && matches!(s.w(i), "the" | "a" | "an"))
                .map_or(span.start, |i| s.span(i).start);
            Span::new(from, span.end)
        })
    };
    with_subject(s, cue, v, after, source, cues)
}

/// Left subject: "X said (that) C", "X told CNN C", "X condemned C"; and "Mr. Schultz supported
/// Democrats …, and said he …", whose subject is that of the first verb.
fn left_subject(s: &Sent, cue: &Cue, v: &VerbSite, after: &After, cues: &[Cue]) -> Option<Found> {
    let source = if matches!(s.w(skip_to_subject(s, cue.first).saturating_sub(1)), "and" | "but") {
        left_source(s, cue.first).or_else(|| main_subject(s, cue))
    } else {
        left_source(s, cue.first)
    };
    with_subject(s, cue, v, after, source, cues)
}

/// The attribution of a content that follows its verb, once its speaker is known: with the
/// channel, the relay ("The same document states, according to the FT, that …": the FT) and
/// whether the content is the verb's object.
fn with_subject(
    s: &Sent,
    cue: &Cue,
    v: &VerbSite,
    after: &After,
    source: Option<Span>,
    cues: &[Cue],
) -> Option<Found> {
    let via = cues
        .iter()
        .find(|c| c.kind == CueKind::AccordingTo && c.first >= cue.last && c.first <= cue.last + 1)
        .and_then(|c| {
            let e = (c.last..s.end).find(|&k| matches!(s.raw(k), "," | "." | ";")).unwrap_or(s.end);
            (e > c.last).then(|| s.cover(c.last, e))
        });
    // An active verb whose subject cannot be found, or whose "subject" does not start like a
    // noun phrase ("been dogged by", "left little"), is more often a misreading than a claim.
    if source.is_none() && !v.passive && !cue.has_tag(Tag::Phrase) {
        return None;
    }
    let source = match source {
        Some(src) if !starts_like_noun_phrase(s, src) => Some(main_subject(s, cue)?),
        other => other,
    };
    let mut f = found(s, cue, after.content, source, kind_of(s, after.content));
    f.object = after.is_object(s, cue);
    f.channel = after.channel;
    f.via = via;
    f.participial = v.participial;
    Some(f)
}
