//! Claims that say again what another claim says: "Alibaba said they saw …" is one claim of
//! Alibaba's, not two; "According to the FT, the White House considers …" is the White House's
//! claim via the FT, not also the FT's.

use super::Attribution;
use crate::lexicon::Class;

/// Share of the outer content an inner claim must cover for the outer one to be dropped.
const OUTER_COVERED: f32 = 0.6;

/// Marks the claims that repeat another as not kept.
pub(super) fn mark(list: &mut [Attribution]) {
    let index = super::SpanIndex::of(list.iter().map(|a| a.found.content));
    for i in 0..list.len() {
        for j in index.overlapping(list[i].found.content) {
            let (
                Attribution { found: fi, claim: ci, .. },
                Attribution { found: fj, claim: cj, keep: keep_j },
            ) = (&list[i], &list[j]);
            if i == j || !keep_j || !fj.content.contains(fi.content) || !fj.content.contains(fi.cue) {
                continue;
            }
            let same_source = match (&ci.source, &cj.source) {
                (Some(a), Some(b)) => a.name == b.name,
                _ => false,
            };
            // "Clinton said she thinks …": a pronoun inside someone's claim is almost always that
            // someone (or someone they speak of); the outer claim already carries it.
            let pronoun = ci.source.as_ref().is_some_and(|s| {
                matches!(s.mention.to_lowercase().as_str(), "he" | "she" | "they" | "it" | "i" | "we" | "you")
            });
            if same_source || pronoun {
                // The inner claim repeats the outer one's source.
                list[i].keep = false;
            } else if ci.via.iter().any(|v| cj.source.as_ref().is_some_and(|s| s.name == v.name))
                && (fi.content.len() as f32 >= OUTER_COVERED * fj.content.len() as f32
                    || fi.source.is_some_and(|src| src.start <= fj.content.start + 2))
                && fj.cue_entry.class == Class::AccordingTo
            {
                // The outer "according to" only relays the inner claim.
                list[j].keep = false;
            }
        }
    }
}
