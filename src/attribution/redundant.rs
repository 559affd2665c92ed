//! Claims that say again what another claim says: "Alibaba said they saw …" is one claim of
//! Alibaba's, not two; "According to the FT, the White House considers …" is the White House's
//! claim via the FT, not also the FT's.

use super::Found;
use crate::lexicon::Class;
use crate::report::Claim;

/// Share of the outer content an inner claim must cover for the outer one to be dropped.
const OUTER_COVERED: f32 = 0.6;

/// Which claims to keep (same order as `found` and `claims`).
pub fn keep(found: &[Found], claims: &[Claim]) -> Vec<bool> {
    let mut keep = vec![true; found.len()];
    let index = super::SpanIndex::new(found);
    for i in 0..found.len() {
        for j in index.overlapping(found[i].content) {
            if i == j
                || !keep[j]
                || !found[j].content.contains(found[i].content)
                || !found[j].content.contains(found[i].cue)
            {
                continue;
            }
            let same_source = match (&claims[i].source, &claims[j].source) {
                (Some(a), Some(b)) => a.name == b.name,
                _ => false,
            };
            // "Clinton said she thinks …": a pronoun inside someone's claim is almost always that
            // someone (or someone they speak of); the outer claim already carries it.
            let pronoun = claims[i].source.as_ref().is_some_and(|s| {
                matches!(s.mention.to_lowercase().as_str(), "he" | "she" | "they" | "it" | "i" | "we" | "you")
            });
            if same_source || pronoun {
                // The inner claim repeats the outer one's source.
                keep[i] = false;
            } else if claims[i]
                .via
                .iter()
                .any(|v| claims[j].source.as_ref().is_some_and(|s| s.name == v.name))
                && (found[i].content.len() as f32 >= OUTER_COVERED * found[j].content.len() as f32
                    || found[i].source.is_some_and(|src| src.start <= found[j].content.start + 2))
                && found[j].cue_entry.class == Class::AccordingTo
            {
                // The outer "according to" only relays the inner claim.
                keep[j] = false;
            }
        }
    }
    keep
}
