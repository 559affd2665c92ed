//! From cues to attributions: for each cue, where its content and its source are. The patterns
//! are those of English news writing: "X said (that) C", "C, X said", "C, said X", "X said: “C”",
//! "according to X, C", "C, according to X", "X's claim that C", "…, saying C", passives.
//!
//! One file per job: [`sentence`] is the view of a sentence the patterns read, [`subject`] finds
//! source phrases, [`content`] the bounds of what is reported, [`verbs`] the strategies of
//! reporting verbs, [`phrase_cues`] those of the other cues, and [`layout`] the speaker labels and
//! signatures whose cue is punctuation.

mod content;
mod layout;
mod phrase_cues;
mod sentence;
mod subject;
mod verbs;

pub(super) use layout::layout_attributions;
pub(super) use sentence::{Quoted, Sent};

use super::words;
use crate::cues::{Cue, CueKind};
use crate::lexicon::Tag;
use crate::report::ClaimKind;
use crate::text::{Document, Span};

/// Longest subject phrase, in tokens, looked at leftwards from a verb.
const MAX_SOURCE_TOKENS: usize = 14;
/// Longest appositive after an inverted source ("said X, a … who …").
const MAX_APPOSITIVE_TOKENS: usize = 40;
/// How far after a verb its "that", colon or quotation may be.
const MAX_GAP_TO_CONTENT: usize = 16;
/// The shortest content (in words) taken from before a cue ("…, he said").
const MIN_CONTENT_WORDS: usize = 2;

/// One attribution as found in the text, before sources are resolved.
#[derive(Clone, Debug)]
pub struct Found {
    pub content: Span,
    pub source: Option<Span>,
    pub cue: Span,
    pub kind: ClaimKind,
    pub sentence: usize,
    /// What lies between the verb and the content ("in a statement", "to AFP", "in X").
    pub channel: Option<Span>,
    /// "according to X" inside the cue's own clause: the claim reached the writer through X.
    pub via: Option<Span>,
    pub cue_entry: &'static crate::lexicon::Entry,
    /// The content is the verb's object ("condemned the test"), not a reported clause.
    pub object: bool,
    /// "…, adding that …": the source is the subject of the clause the participle hangs on.
    pub participial: bool,
    /// What the attribution says its claim rests on ("based on notes from the White House"):
    /// filled in by the analysis ([`basis_of`]), `None` until then.
    pub basis: Option<Span>,
}

/// Finds the attribution of one cue, if it has one.
pub(super) fn attribute(s: &Sent, cue: &Cue, cues: &[Cue]) -> Option<Found> {
    match cue.kind {
        CueKind::AccordingTo => phrase_cues::according_to(s, cue),
        CueKind::Nominal => phrase_cues::nominal(s, cue),
        CueKind::Adverb => phrase_cues::adverb(s, cue),
        CueKind::Adjective => phrase_cues::adjective(s, cue),
        CueKind::StanceNoun => phrase_cues::stance_noun(s, cue),
        CueKind::Verb(form) => verbs::verb(s, cue, form, cues),
    }
}

fn found(s: &Sent, cue: &Cue, content: Span, source: Option<Span>, kind: ClaimKind) -> Found {
    Found {
        content,
        source,
        cue: cue.span,
        kind,
        sentence: s.index,
        channel: None,
        via: None,
        cue_entry: cue.entry,
        object: false,
        participial: false,
        basis: None,
    }
}

/// What an attribution says its claim rests on: "…, based on notes from the White House",
/// "citing two officials". The phrase runs to the next punctuation mark.
pub(super) fn basis_of(doc: &Document, f: &Found, quoted: &Quoted) -> Option<Span> {
    let s = Sent::new(doc, f.sentence, quoted);
    let at = (s.first..s.end).find(|&i| {
        let w = s.w(i);
        !f.content.contains(s.span(i))
            && (w == "citing" || (w == "based" || w == "drawing") && s.w(i + 1) == "on")
    })?;
    let from = if s.w(at) == "citing" { at + 1 } else { at + 2 };
    let to = (from..s.end)
        .find(|&i| matches!(s.raw(i), "," | "." | ";" | ":" | "—") || s.is_mark(i))
        .unwrap_or(s.end);
    (to > from).then(|| s.cover(from, to))
}

/// The denials of sentence `index` and who makes them: "Alibaba … took issue with …",
/// "The ministry rejected …". Used to mark the other claims of the sentence as disputed.
pub(super) fn denials(doc: &Document, index: usize, quoted: &Quoted) -> Vec<(Span, Option<Span>)> {
    let cues = crate::cues::find_cues_in(doc, index, &quoted.cue_words);
    if !cues.iter().any(|c| c.has_tag(Tag::Denial)) {
        return Vec::new();
    }
    let s = Sent::new(doc, index, quoted);
    cues.iter()
        .filter(|c| c.has_tag(Tag::Denial))
        .map(|c| (c.span, subject::left_source(&s, c.first)))
        .collect()
}
