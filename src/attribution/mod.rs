//! Attributions: ties each cue to its source and content, resolves the sources, attaches the
//! markers (denial, unverified, hedged, anonymous) and relays ("via"), adds the unattributed
//! claims of the article body, and builds the report.

mod markers;
mod patterns;
mod redundant;
mod unattributed;
mod words;

pub use patterns::Found;

use crate::cues::find_cues;
use crate::quotes::find_quotes;
use crate::report::{
    Claim, ClaimKind, CueRef, Report, SourceRef, SourceSummary, Utf16Span, Via, REPORT_VERSION,
};
use crate::sources::{resolve, Mention};
use crate::text::{Document, Span};
use patterns::Sent;

/// Every attribution of the document, in text order of their content.
pub fn find_attributions(doc: &Document) -> Vec<Found> {
    let quotes = find_quotes(doc);
    let mut found: Vec<Found> = Vec::new();
    for s in 0..doc.sentences.len() {
        let cues = find_cues(doc, s);
        if cues.is_empty() {
            continue;
        }
        let sent = Sent::new(doc, s, &quotes);
        // Verbs first, so that an "according to X" they take as their relay is known.
        let mut order: Vec<&crate::cues::Cue> = cues.iter().collect();
        order.sort_by_key(|c| c.kind == crate::cues::CueKind::AccordingTo);
        let mut relays: Vec<Span> = Vec::new();
        for cue in order {
            // Words inside a quotation belong to the quoted speaker, whose own reporting is not
            // the article's attribution ("“I think we will win,” she said").
            if quotes.iter().enumerate().any(|(i, q)| {
                q.inner.contains(cue.span)
                    && q.inner.len() > cue.span.len() + 2
                    && (q.closed || quotes.iter().any(|r| r.continues == Some(i)))
            }) {
                continue;
            }
            // "according to X" that a verb took as its relay is not a claim of its own.
            if cue.kind == crate::cues::CueKind::AccordingTo
                && relays.iter().any(|r| cue.span.end <= r.start && r.start <= cue.span.end + 1)
            {
                continue;
            }
            if let Some(f) = patterns::attribute(&sent, cue, &cues) {
                relays.extend(f.via);
                found.push(f);
            }
        }
    }
    for f in patterns::layout_attributions(doc, &quotes) {
        if !found
            .iter()
            .any(|g| g.content.overlaps(f.content) && g.cue.overlaps(f.content) || g.content == f.content)
        {
            found.push(f);
        }
    }
    found.extend(continued_quotes(doc, &quotes, &found));
    // A stance verb inside another claim's content is part of that claim ("said Trump making
    // remarks viewed by some as …"), not a claim of its own.
    // (An "according to X, …" wrapper is a relay, not a claim that swallows its inner one.)
    let outer: Vec<Span> =
        found.iter().filter(|f| f.cue_entry.class != "according_to").map(|f| f.content).collect();
    found.retain(|f| !(f.object && outer.iter().any(|o| *o != f.content && o.contains(f.cue))));
    // "…, he said, adding that …": the participle's subject is the source of the verb it hangs on.
    for i in 0..found.len() {
        if !found[i].participial {
            continue;
        }
        let host = (0..found.len())
            .filter(|&j| {
                j != i && found[j].sentence == found[i].sentence && found[j].cue.end <= found[i].cue.start
            })
            .filter(|&j| found[j].source.is_some())
            .max_by_key(|&j| found[j].cue.end);
        if let Some(j) = host {
            found[i].source = found[j].source;
        }
    }
    found.sort_by_key(|f| (f.content.start, f.content.end));
    found.dedup_by(|b, a| a.content == b.content && a.cue == b.cue);
    found
}

/// Analyses a document into a report.
pub fn analyze(doc: &Document) -> Report {
    let found = find_attributions(doc);
    let mentions: Vec<Mention> =
        found.iter().filter_map(|f| f.source.map(|span| Mention { span, sentence: f.sentence })).collect();
    let via_mentions: Vec<Mention> =
        found.iter().filter_map(|f| f.via.map(|span| Mention { span, sentence: f.sentence })).collect();
    let mut all = mentions.clone();
    all.extend(via_mentions.iter().copied());
    all.sort_by_key(|m| m.span.start);
    let resolved = resolve(doc, &all);
    let lookup = |span: Span| all.iter().position(|m| m.span == span).map(|i| &resolved[i]);

    let offsets = &doc.offsets;
    let chars = |span: Span| (offsets.position(span.start), offsets.position(span.end));
    let mut claims: Vec<Claim> = Vec::new();
    for f in &found {
        let (a, b) = chars(f.content);
        let source = f.source.and_then(|span| {
            let r = lookup(span)?;
            let (sa, sb) = chars(span);
            Some(SourceRef {
                name: display_name(&r.name),
                mention: doc.slice(span).to_string(),
                start: sa.char,
                end: sb.char,
                kind: r.kind,
                descriptor: r.descriptor.clone(),
            })
        });
        let (ca, cb) = chars(f.cue);
        let via = f
            .via
            .and_then(lookup)
            .map(|r| vec![Via { name: display_name(&r.name), kind: r.kind }])
            .unwrap_or_default();
        let anonymous = f.source.and_then(lookup).is_some_and(|r| r.anonymous);
        claims.push(Claim {
            start: a.char,
            end: b.char,
            utf16: Utf16Span(a.utf16, b.utf16),
            text: doc.slice(f.content).to_string(),
            kind: f.kind,
            source,
            cue: Some(CueRef { text: doc.slice(f.cue).to_string(), start: ca.char, end: cb.char }),
            via,
            markers: markers::markers_of(doc, f, anonymous),
        });
    }
    markers::nest_relays(&found, &mut claims);
    markers::spread_unverified(&found, &mut claims);
    markers::unverified_sentences(doc, &found, &mut claims);
    let keep = redundant::keep(&found, &claims);
    let mut k = keep.iter();
    claims.retain(|_| *k.next().unwrap());
    let found: Vec<Found> = found.into_iter().zip(&keep).filter(|(_, &k)| k).map(|(f, _)| f).collect();
    for span in unattributed::unattributed(doc, &found) {
        let (a, b) = chars(span);
        claims.push(Claim {
            start: a.char,
            end: b.char,
            utf16: Utf16Span(a.utf16, b.utf16),
            text: doc.slice(span).to_string(),
            kind: ClaimKind::Unattributed,
            source: None,
            cue: None,
            via: Vec::new(),
            markers: Vec::new(),
        });
    }
    claims.sort_by_key(|c| (c.start, c.end));
    let sources = summarize(&claims);
    Report { version: REPORT_VERSION, text: doc.text.clone(), notice: None, claims, sources }
}

/// Every source and the claims it carries, most claims first.
fn summarize(claims: &[Claim]) -> Vec<SourceSummary> {
    let mut out: Vec<SourceSummary> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        let Some(s) = &c.source else { continue };
        match out.iter_mut().find(|x| x.name == s.name) {
            Some(x) => x.claims.push(i),
            None => out.push(SourceSummary { name: s.name.clone(), kind: s.kind, claims: vec![i] }),
        }
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.claims.len()));
    out
}

/// Quotations with no cue of their own that go on from an attributed one: "“…,” said Eva Lind,
/// the plant manager. “About 300 jobs will go.”" The speaker is the one of the attribution just
/// before, in the same paragraph or at the end of the previous one.
fn continued_quotes(doc: &Document, quotes: &[crate::quotes::Quote], found: &[Found]) -> Vec<Found> {
    /// How far back (in bytes) the attribution a quotation continues may be.
    const MAX_DISTANCE: usize = 600;
    let mut out = Vec::new();
    for q in quotes.iter().filter(|q| q.depth == 0 && q.inner.len() > 20) {
        if found.iter().any(|f| f.content.overlaps(q.outer) || q.outer.contains(f.cue)) {
            continue;
        }
        // The quotation must stand alone: it opens its sentence.
        let Some(s) =
            doc.sentences.iter().position(|s| s.span.contains(Span::new(q.outer.start, q.outer.start)))
        else {
            continue;
        };
        if doc.sentences[s].span.start != q.outer.start {
            continue;
        }
        let host = found
            .iter()
            .filter(|f| {
                f.content.end <= q.outer.start
                    && q.outer.start - f.content.end <= MAX_DISTANCE
                    && f.source.is_some()
            })
            .filter(|f| {
                matches!(
                    f.kind,
                    crate::report::ClaimKind::DirectQuote | crate::report::ClaimKind::PartialQuote
                ) || f.cue_entry.has_tag("quote")
            })
            .max_by_key(|f| f.content.end);
        if let Some(h) = host {
            // Nothing attributed to anyone else in between.
            if found.iter().any(|f| f.content.start > h.content.end && f.content.end <= q.outer.start) {
                continue;
            }
            let mut f = h.clone();
            f.content = q.outer;
            f.sentence = s;
            f.kind = crate::report::ClaimKind::DirectQuote;
            f.via = h.via;
            out.push(f);
        }
    }
    out
}

/// A canonical name as a badge shows it: "rebels" → "Rebels".
fn display_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => name.to_string(),
    }
}
