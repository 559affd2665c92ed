//! The cues that are not reporting verbs: "according to X", nominal cues ("X's claim that C"),
//! stance adjectives and nouns ("afraid that C", "the board's decision to C") and attributing
//! adverbs ("reportedly").

use super::content::kind_of;
use super::sentence::Sent;
use super::subject::{left_source, subject_start};
use super::words::*;
use super::{found, Found, MAX_APPOSITIVE_TOKENS, MIN_CONTENT_WORDS};
use crate::cues::Cue;
use crate::report::ClaimKind;
use crate::text::TokenKind;

/// "according to X, C" and "C, according to X".
pub(super) fn according_to(s: &Sent, cue: &Cue) -> Option<Found> {
    let src_start = cue.last;
    let mut src_end = src_start;
    while src_end < s.end && !matches!(s.raw(src_end), "," | "." | ";" | ":" | "—" | "(" | ")") {
        if s.kind(src_end) == TokenKind::Quote && s.is_open_quote(src_end) {
            break;
        }
        src_end += 1;
    }
    // A source runs to the next stop, but no source is that long: the words are something else.
    if src_end == src_start || src_end - src_start > MAX_APPOSITIVE_TOKENS {
        return None;
    }
    let source = s.cover(src_start, src_end);
    // At the start of the sentence (perhaps after "But"): the content follows.
    let lead = (s.first..cue.first).all(|i| matches!(s.w(i), "but" | "and" | "yet" | "so" | "," | "however"));
    let content = if lead {
        let mut a = src_end;
        while a < s.end && matches!(s.raw(a), "," | "—") {
            a += 1;
        }
        s.content(a, s.end)?
    } else {
        // The content is what precedes, from the start of the sentence.
        let mut b = cue.first;
        while b > s.first && matches!(s.raw(b - 1), "," | "—" | "(") {
            b -= 1;
        }
        let a = s.first;
        let mut content = s.content(a, b)?;
        // And what follows "according to X, …" when the sentence goes on.
        if src_end < s.end && s.is_comma(src_end) && s.word_count(src_end, s.end) >= MIN_CONTENT_WORDS {
            if let Some(rest) = s.content(src_end + 1, s.end) {
                content = content.cover(rest);
            }
        }
        content
    };
    let kind = match kind_of(s, content) {
        ClaimKind::Indirect => ClaimKind::AccordingTo,
        quoted => quoted,
    };
    Some(found(s, cue, content, Some(source), kind))
}

/// "X's claim that C", "a report by X that C".
pub(super) fn nominal(s: &Sent, cue: &Cue) -> Option<Found> {
    // "said in a statement that …": the statement is the verb's channel, not a cue of its own.
    if cue.first >= s.first + 2 && matches!(s.w(cue.first - 2), "in" | "on" | "through" | "via") {
        return None;
    }
    if s.raw(cue.last) == ":" {
        return owned_colon(s, cue);
    }
    let that = (cue.last..s.end.min(cue.last + 8)).find(|&i| s.w(i) == "that")?;
    // "A report by Transparency Watch found that …": the verb carries the attribution.
    if (cue.last..that).any(|i| s.is_verb(i)) {
        return None;
    }
    // "The company's claim that the water was safe was rejected …": a claim in subject position
    // ends where the sentence's own verb begins (the second auxiliary after "that").
    let subject_position = (s.first..cue.first).all(|i| !s.is_verb(i) && !AUXILIARIES.contains(&s.w(i)));
    let end = if subject_position {
        (that + 1..s.end).filter(|&i| AUXILIARIES.contains(&s.w(i))).nth(1).unwrap_or(s.end)
    } else {
        s.end
    };
    let content = s.content(that + 1, end)?;
    let mut source = None;
    if cue.first > s.first {
        let p = cue.first - 1;
        let w = s.w(p);
        if w.ends_with("'s") || w.ends_with("s'") {
            let start = subject_start(s, p + 1).unwrap_or(p);
            source = Some(s.cover(start, p + 1));
        }
    }
    if source.is_none() && s.w(cue.last) == "by" && that > cue.last + 1 {
        source = Some(s.cover(cue.last + 1, that));
    }
    // Without an owner, "the claim that …" is usually the writer's own framing.
    source?;
    Some(found(s, cue, content, source, ClaimKind::Indirect))
}

/// "Among its key findings: C", "The governor's warning: C": the owner of the noun is the
/// source, what follows the colon the content. Without an owner the noun is a heading.
fn owned_colon(s: &Sent, cue: &Cue) -> Option<Found> {
    let from = cue.first.saturating_sub(crate::cues::MAX_NOMINAL_OWNER_GAP + 1).max(s.first);
    let p = (from..cue.first).rev().find(|&p| {
        let w = s.w(p);
        w.ends_with("'s") || w.ends_with("s'") || matches!(w, "his" | "her" | "their" | "its")
    })?;
    // Only adjectives between the owner and the noun: "its key findings", not "its plan, the findings".
    if (p + 1..cue.first).any(|k| s.kind(k) != TokenKind::Word || s.is_verb(k)) {
        return None;
    }
    let source = if matches!(s.w(p), "his" | "her" | "their" | "its") {
        s.cover(p, p + 1)
    } else {
        s.cover(subject_start(s, p + 1).unwrap_or(p), p + 1)
    };
    let content = s.content(cue.last + 1, s.end)?;
    Some(found(s, cue, content, Some(source), kind_of(s, content)))
}

/// "Many Democrats are afraid that C", "Some senators were willing to C": the subject of "be"
/// holds the stance.
pub(super) fn adjective(s: &Sent, cue: &Cue) -> Option<Found> {
    let next = s.w(cue.last);
    let start = if next == "to" { cue.last } else { cue.last + 1 };
    let content = s.content(start, s.end)?;
    let source = left_source(s, cue.first)?;
    Some(found(s, cue, content, Some(source), kind_of(s, content)))
}

/// "Trump's attacks on the press", "the board's decision to close the plant": the owner is the
/// source, what follows the preposition (to the end of the clause) the content.
pub(super) fn stance_noun(s: &Sent, cue: &Cue) -> Option<Found> {
    let p = cue.first.checked_sub(1).filter(|&p| p >= s.first)?;
    let owner = s.w(p);
    let source = if matches!(owner, "his" | "her" | "their" | "its") {
        s.cover(p, p + 1)
    } else {
        let start = subject_start(s, p + 1).unwrap_or(p);
        s.cover(start, p + 1)
    };
    let start = if s.w(cue.last) == "to" { cue.last } else { cue.last + 1 };
    let mut end = start;
    while end < s.end && !matches!(s.raw(end), "," | ";" | ":" | "." | "—" | "(") {
        end += 1;
    }
    let content = s.content(start, end)?;
    let mut f = found(s, cue, content, Some(source), kind_of(s, content));
    // Like a stance verb's object, it is part of any claim it sits inside.
    f.object = true;
    Some(f)
}

/// "The minister reportedly resigned": the whole sentence, from an unnamed source.
pub(super) fn adverb(s: &Sent, cue: &Cue) -> Option<Found> {
    let content = s.content(s.first, s.end)?;
    Some(found(s, cue, content, None, ClaimKind::Indirect))
}
