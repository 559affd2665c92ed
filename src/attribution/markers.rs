//! Markers that qualify claims (from `rules/markers.toml`), and the relays between claims: a
//! claim reported inside another claim's content came through that claim's source.

use super::{Attribution, Found};
use crate::lexicon::{Class, Tag, MARKERS};
use crate::report::Marker;
use crate::text::Document;

fn contains_phrase(haystack: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(i) = haystack[from..].find(phrase) {
        let a = from + i;
        let b = a + phrase.len();
        let before = haystack[..a].chars().next_back();
        let after = haystack[b..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = b;
    }
    false
}

fn has_marker(text: &str, class: Class) -> bool {
    marker_classes(text, &[class])[0]
}

/// For each of `classes`, whether `text` has one of its markers. Only the forms whose first word
/// occurs in the text are searched for. The words are those of the lowered text (`’` read as
/// `'`), split on what is not a word char; they are found here word by word on the text itself
/// (lowered one at a time, ASCII in a stack buffer), so that a text with no such word costs no
/// allocation, and one with some is lowered once for all the classes.
fn marker_classes<const N: usize>(text: &str, classes: &[Class; N]) -> [bool; N] {
    let index = marker_index();
    let is_word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '-';
    let mut forms: Vec<(usize, &'static str)> = Vec::new();
    let mut note = |word: &str| {
        if let Some(list) = index.get(word) {
            for &(c, form) in list {
                if let Some(k) = classes.iter().position(|&x| x == c) {
                    forms.push((k, form));
                }
            }
        }
    };
    let mut buf = [0u8; 32];
    for word in text.split(|c: char| !is_word_char(c) && c != '’') {
        if word.is_ascii() && word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            note(std::str::from_utf8(lower).expect("ASCII"));
        } else {
            word.to_lowercase().replace('’', "'").split(|c: char| !is_word_char(c)).for_each(&mut note);
        }
    }
    let mut found = [false; N];
    if forms.is_empty() {
        return found;
    }
    let text = text.to_lowercase().replace('’', "'");
    for (k, form) in forms {
        if !found[k] && contains_phrase(&text, form) {
            found[k] = true;
        }
    }
    found
}

/// Marker forms by their first word.
fn marker_index() -> &'static crate::lexicon::FastMap<&'static str, Vec<(Class, &'static str)>> {
    static INDEX: std::sync::OnceLock<crate::lexicon::FastMap<&'static str, Vec<(Class, &'static str)>>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: crate::lexicon::FastMap<&'static str, Vec<(Class, &'static str)>> =
            crate::lexicon::FastMap::default();
        for entry in MARKERS {
            for form in entry.forms {
                let first = form
                    .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                    .next()
                    .unwrap_or(form);
                index.entry(first).or_default().push((entry.class, form));
            }
        }
        index
    })
}

/// The markers of one attribution: from its content, its cue and its source.
pub fn markers_of(doc: &Document, f: &Found, anonymous_source: bool) -> Vec<Marker> {
    let content = doc.slice(f.content);
    let around = doc.slice(doc.sentences[f.sentence].span);
    let mut out = Vec::new();
    let [denial, hedged] = marker_classes(content, &[Class::Denial, Class::Hedged]);
    if f.cue_entry.has_tag(Tag::Denial) || denial {
        out.push(Marker::Denial);
    }
    // "could not independently verify" qualifies other claims; see `spread_unverified`.
    if hedged || has_marker(doc.slice(f.cue), Class::Hedged) || f.cue_entry.class == Class::Adverb {
        out.push(Marker::Hedged);
    }
    let source_text = f.source.map_or("", |s| doc.slice(s));
    if anonymous_source
        || (!source_text.is_empty() && has_marker(source_text, Class::Anonymous))
        || has_marker_near_source(around, source_text)
    {
        out.push(Marker::Anonymous);
    }
    out
}

/// "officials, who spoke on condition of anonymity, said": the qualifier sits near the source.
fn has_marker_near_source(sentence: &str, source: &str) -> bool {
    if source.is_empty() {
        return false;
    }
    let sentence = sentence.to_lowercase();
    MARKERS
        .iter()
        .filter(|e| e.class == Class::AnonymousNearSource)
        .flat_map(|e| e.forms)
        .any(|p| sentence.contains(p))
}

/// "Reuters could not independently verify the claim.": a sentence that is not itself a claim
/// but says the previous claim is unverified.
pub(super) fn unverified_sentences(doc: &Document, list: &mut [Attribution]) {
    let mut with_claims = vec![false; doc.sentences.len()];
    for a in list.iter() {
        with_claims[a.found.sentence] = true;
    }
    // The claims by end, so that the last one ending before a sentence is found by binary search
    // (among equal ends the later claim, as a scan in claim order would keep).
    let mut by_end: Vec<(usize, usize)> = list.iter().enumerate().map(|(i, a)| (a.claim.end, i)).collect();
    by_end.sort_unstable();
    for (i, sentence) in doc.sentences.iter().enumerate() {
        if with_claims[i] || !has_marker(doc.slice(sentence.span), Class::Unverified) {
            continue;
        }
        let before = doc.offsets.position(sentence.span.start).char;
        let k = by_end.partition_point(|&(end, _)| end <= before);
        if let Some(&(_, c)) = k.checked_sub(1).map(|k| &by_end[k]) {
            let c = &mut list[c].claim;
            if !c.markers.contains(&Marker::Unverified) {
                c.markers.push(Marker::Unverified);
            }
        }
    }
}

/// "Alibaba … took issue with AFP over an article in the Financial Times accusing it of …":
/// the other claims of a sentence that denies something are disputed by the one who denies.
pub(super) fn disputed(
    denials: &[(usize, crate::text::Span, Option<crate::text::Span>)],
    list: &mut [Attribution],
    name_of: impl Fn(crate::text::Span) -> Option<String>,
) {
    let mut by_sentence: crate::lexicon::FastMap<usize, Vec<usize>> = Default::default();
    for (i, a) in list.iter().enumerate() {
        by_sentence.entry(a.found.sentence).or_default().push(i);
    }
    for &(sentence, cue, who) in denials {
        let Some(denier) = who.and_then(&name_of) else { continue };
        for &i in by_sentence.get(&sentence).map_or(&[][..], Vec::as_slice) {
            let Attribution { found, claim: c, .. } = &mut list[i];
            let other = c.source.as_ref().is_none_or(|x| x.name != denier);
            if found.cue != cue && other && !c.markers.contains(&Marker::Disputed) {
                c.markers.push(Marker::Disputed);
            }
        }
    }
}

/// A claim whose content lies inside another claim's content came through the outer source:
/// "According to the FT, the White House considers …" — the White House's claim, via the FT.
pub(super) fn nest_relays(list: &mut [Attribution]) {
    let index = super::SpanIndex::of(list.iter().map(|a| a.found.content));
    for i in 0..list.len() {
        for j in index.overlapping(list[i].found.content) {
            let (inner, host) = (&list[i].found, &list[j].found);
            if i == j || !host.content.contains(inner.content) || host.content == inner.content {
                continue;
            }
            if !host.content.contains(inner.cue) {
                continue;
            }
            if let Some(outer) = list[j].claim.source.clone() {
                let claim = &mut list[i].claim;
                let inner_name = claim.source.as_ref().map(|s| s.name.clone());
                if inner_name.as_deref() != Some(outer.name.as_str())
                    && !claim.via.iter().any(|v| v.name == outer.name)
                {
                    claim.via.push(crate::report::Via { name: outer.name.clone(), kind: outer.kind });
                }
            }
        }
    }
}

/// "The daily said it could not independently verify the statement": the claims that this
/// source reported (as source or relay) before saying so are unverified.
pub(super) fn spread_unverified(list: &mut [Attribution]) {
    // Claims are in text order. For each name, the claims it is the source of and those it
    // relayed, in order: what a source relayed before a claim is a prefix of its list.
    let mut own: crate::lexicon::FastMap<String, Vec<usize>> = Default::default();
    let mut relayed: crate::lexicon::FastMap<String, Vec<usize>> = Default::default();
    for (j, c) in list.iter().map(|a| &a.claim).enumerate() {
        if let Some(s) = &c.source {
            own.entry(s.name.clone()).or_default().push(j);
        }
        for v in &c.via {
            let list = relayed.entry(v.name.clone()).or_default();
            if list.last() != Some(&j) {
                list.push(j);
            }
        }
    }
    // How much of each relayed list is marked already: marking is the same each time.
    let mut marked: crate::lexicon::FastMap<String, usize> = Default::default();
    let mut targets = Vec::new();
    for i in 0..list.len() {
        if !has_marker(&list[i].claim.text, Class::Unverified) {
            continue;
        }
        let Some(who) = list[i].claim.source.as_ref().map(|s| s.name.clone()) else { continue };
        // The claims before this one: those that start before it.
        let start = list[i].claim.start;
        let before = list.partition_point(|a| a.claim.start < start);
        // What the source relayed is what it could not verify; failing that, its own last claim.
        let theirs = relayed.get(&who).map_or(&[][..], Vec::as_slice);
        let n = theirs.partition_point(|&j| j < before);
        if n == 0 {
            let mine = own.get(&who).map_or(&[][..], Vec::as_slice);
            let k = mine.partition_point(|&j| j < before);
            targets.extend(k.checked_sub(1).map(|k| mine[k]));
        } else {
            let done = marked.entry(who).or_default();
            targets.extend(theirs[(*done).min(n)..n].iter().copied());
            *done = (*done).max(n);
        }
        for j in targets.drain(..) {
            if !list[j].claim.markers.contains(&Marker::Unverified) {
                list[j].claim.markers.push(Marker::Unverified);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_on_word_boundaries() {
        assert!(contains_phrase("it is completely false.", "completely false"));
        assert!(!contains_phrase("falsehood", "false"));
    }

    #[test]
    fn marker_examples() {
        for e in MARKERS {
            for ex in e.examples {
                assert!(has_marker(ex, e.class), "{ex:?} lacks {:?}", e.class);
            }
            for ex in e.counterexamples {
                assert!(!has_marker(ex, e.class), "{ex:?} has {:?}", e.class);
            }
        }
    }
}
