//! Attributions: ties each cue to its source and content, resolves the sources, attaches the
//! markers (denial, unverified, hedged, anonymous) and relays ("via"), adds the unattributed
//! claims of the article body, and builds the report.

mod explain;
mod markers;
mod patterns;
mod redundant;
mod span_index;
mod speaker;
mod unattributed;
mod words;

use crate::lexicon::{Class, Tag};
pub use patterns::Found;
use patterns::Quoted;
pub use span_index::SpanIndex;

use crate::cues::find_cues_in;
use crate::limits::Budget;
use crate::quotes::find_quotes;
use crate::report::{
    Claim, ClaimKind, CueRef, Report, SourceRef, SourceSummary, Utf16Span, Via, REPORT_VERSION,
};
use crate::sources::{resolve_within, Mention};
use crate::text::{Document, Span};
use patterns::Sent;

/// Every attribution of the document, in text order of their content.
pub fn find_attributions(doc: &Document) -> Vec<Found> {
    let quotes = find_quotes(doc);
    find_attributions_in(doc, &Quoted::new(doc, &quotes), &Budget::unlimited())
}

/// The attributions of the sentences that fit in `budget`, in text order of their content.
fn find_attributions_in(doc: &Document, quoted: &Quoted, budget: &Budget) -> Vec<Found> {
    let quotes = quoted.list;
    let mut found: Vec<Found> = Vec::new();
    for s in 0..doc.sentences.len() {
        // A photo's caption describes the picture ("Workers learning how to fix …"); its verbs
        // report nobody's words.
        if doc.block_of_sentence(s).kind == crate::text::BlockKind::Caption {
            continue;
        }
        let cues = find_cues_in(doc, s, &quoted.cue_words);
        if cues.is_empty() {
            continue;
        }
        // Each cue may look through its sentence.
        if !budget.spend(doc.sentences[s].tokens.len() as u64 * (cues.len() as u64 + 1)) {
            break;
        }
        let sent = Sent::new(doc, s, quoted);
        // Verbs first, so that an "according to X" they take as their relay is known.
        let mut order: Vec<&crate::cues::Cue> = cues.iter().collect();
        order.sort_by_key(|c| c.kind == crate::cues::CueKind::AccordingTo);
        let mut relays: Vec<Span> = Vec::new();
        for cue in order {
            // Words inside a quotation belong to the quoted speaker, whose own reporting is not
            // the article's attribution ("“I think we will win,” she said").
            if quoted.around(cue.span).any(|i| {
                let q = &quotes[i];
                q.inner.contains(cue.span)
                    && q.inner.len() > cue.span.len() + 2
                    && (q.closed || quoted.continued[i])
            }) {
                continue;
            }
            // "according to X" that a verb took as its relay is not a claim of its own.
            if cue.kind == crate::cues::CueKind::AccordingTo
                && relays.iter().any(|r| cue.span.end <= r.start && r.start <= cue.span.end + 1)
            {
                continue;
            }
            if let Some(mut f) = patterns::attribute(&sent, cue, &cues) {
                // A subject found inside a quotation the cue is not in is the quoted speaker's
                // word ("“I thought …,” X wrote, after reporting the bug"), not this cue's source.
                if f.source.is_some_and(|src| {
                    quoted.around(src).any(|i| {
                        quotes[i].closed && quotes[i].inner.contains(src) && !quotes[i].outer.contains(f.cue)
                    })
                }) {
                    f.source = None;
                }
                relays.extend(f.via);
                found.push(f);
            }
        }
    }
    found.sort_by_key(|f| (f.content.start, f.content.end));
    // A speaker label ("PENCE: …") names the speaker of its paragraph better than a cue
    // elsewhere whose quotation the paragraph seemed to continue.
    let layout = patterns::layout_attributions(doc, quotes);
    let labels: Vec<&Found> = layout.iter().filter(|l| l.cue_entry.class == Class::Label).collect();
    let label_index = SpanIndex::of(labels.iter().map(|l| l.content));
    found.retain(|f| {
        !label_index.overlapping(f.content).any(|k| {
            let l = labels[k];
            l.content.overlaps(f.content) && !doc.blocks[doc.sentences[l.sentence].block].span.contains(f.cue)
        })
    });
    let index = SpanIndex::new(&found);
    let layout: Vec<Found> = layout
        .into_iter()
        .filter(|f| {
            !index.overlapping(f.content).any(|g| {
                found[g].content.overlaps(f.content) && found[g].cue.overlaps(f.content)
                    || found[g].content == f.content
            })
        })
        .collect();
    found.extend(layout);
    found.sort_by_key(|f| (f.content.start, f.content.end));
    let more = continued_quotes(doc, quotes, &found);
    found.extend(more);
    found.sort_by_key(|f| (f.content.start, f.content.end));
    let more = block_quotations(doc, &found);
    found.extend(more);
    found.sort_by_key(|f| (f.content.start, f.content.end));
    // Claims that are nobody's (the writer's, the reader's, negated, content-free) go before they
    // can swallow or relay others. Under a speaker label and in a block quotation, "I" is the
    // one quoted.
    let labelled: std::collections::HashSet<usize> = found
        .iter()
        .filter(|f| f.cue_entry.class == Class::Label)
        .map(|f| doc.sentences[f.sentence].block)
        .chain((0..doc.blocks.len()).filter(|&b| doc.blocks[b].kind == crate::text::BlockKind::BlockQuote))
        .collect();
    found.retain(|f| {
        let quoted = labelled.contains(&doc.sentences[f.sentence].block)
            || f.source.is_some_and(|s| {
                let at = quotes.partition_point(|q| q.outer.start <= s.start);
                quotes[at.saturating_sub(MAX_LOOKBACK)..at].iter().any(|q| q.inner.contains(s))
            });
        !speaker::nobodys(doc, f, quoted)
    });
    // A stance verb inside another claim's content is part of that claim ("said Trump making
    // remarks viewed by some as …"), not a claim of its own.
    // (An "according to X, …" wrapper is a relay, not a claim that swallows its inner one.)
    let index = SpanIndex::new(&found);
    let swallowed = |i: usize| {
        // Beliefs and intentions reported inside someone's claim ("a source said the operative
        // decided to change course") are part of that claim too.
        let weak = found[i].object
            || matches!(found[i].cue_entry.class, Class::Belief | Class::Perception | Class::Adjective);
        weak && index.overlapping(found[i].cue).any(|j| {
            j != i
                && found[j].cue_entry.class != Class::AccordingTo
                && found[j].content != found[i].content
                && found[j].content.contains(found[i].cue)
        })
    };
    let kept: Vec<Found> = (0..found.len()).filter(|&i| !swallowed(i)).map(|i| found[i].clone()).collect();
    found = kept;
    // "…, he said, adding that …": the participle's subject is the source of the verb it hangs on.
    let mut by_sentence: crate::lexicon::FastMap<usize, Vec<usize>> = Default::default();
    for (i, f) in found.iter().enumerate() {
        by_sentence.entry(f.sentence).or_default().push(i);
    }
    for i in 0..found.len() {
        if !found[i].participial {
            continue;
        }
        let host = by_sentence[&found[i].sentence]
            .iter()
            .copied()
            .filter(|&j| j != i && found[j].cue.end <= found[i].cue.start && found[j].source.is_some())
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
    analyze_within(doc, &Budget::unlimited())
}

/// Analyses a document into a report, spending at most `budget` (see [`Budget`]).
/// One attribution on its way into the report: as found, the claim made of it, and whether it
/// stays (a redundant claim, or one whose source cannot speak, goes). The markers, relays and
/// checks read and change the attribution and its claim together.
struct Attribution {
    found: Found,
    claim: Claim,
    keep: bool,
}

/// Analyses a document into a report, spending at most `budget` (see [`Budget`]).
pub fn analyze_within(doc: &Document, budget: &Budget) -> Report {
    let quotes = find_quotes(doc);
    let quoted = Quoted::new(doc, &quotes);
    let mut found = find_attributions_in(doc, &quoted, budget);
    for f in &mut found {
        // "Ana Ruiz, who said …": the relative pronoun stands for the phrase before it.
        if let Some(who) = f.source.and_then(|s| speaker::relative_antecedent(doc, s)) {
            f.source = Some(who);
        }
        f.basis = patterns::basis_of(doc, f, &quoted);
    }
    // Every mention to resolve: sources, then relays, then bases, then deniers (the order in
    // which resolution meets mentions that start at the same place).
    let mention = |span: Span, f: &Found| Mention { span, sentence: f.sentence };
    let mut all: Vec<Mention> = found.iter().filter_map(|f| f.source.map(|span| mention(span, f))).collect();
    all.extend(found.iter().filter_map(|f| f.via.map(|span| mention(span, f))));
    all.extend(found.iter().filter_map(|f| f.basis.map(|span| mention(span, f))));
    // Who denies what, so that the other claims of the sentence can be marked disputed.
    let mut denial_sentences: Vec<usize> = found.iter().map(|f| f.sentence).collect();
    denial_sentences.dedup();
    let denials: Vec<(usize, Span, Option<Span>)> = denial_sentences
        .into_iter()
        .flat_map(|s| patterns::denials(doc, s, &quoted).into_iter().map(move |(cue, who)| (s, cue, who)))
        .collect();
    all.extend(denials.iter().filter_map(|&(s, _, who)| who.map(|span| Mention { span, sentence: s })));
    all.sort_by_key(|m| m.span.start);
    all.dedup_by_key(|m| m.span);
    all.sort_by_key(|m| m.span.start);
    let resolved = resolve_within(doc, &all, budget);
    let positions: crate::lexicon::FastMap<Span, usize> =
        all.iter().enumerate().map(|(i, m)| (m.span, i)).rev().collect();
    let lookup = |span: Span| positions.get(&span).map(|&i| &resolved[i]);

    let offsets = &doc.offsets;
    let chars = |span: Span| (offsets.position(span.start), offsets.position(span.end));
    let claim_of = |f: &Found| {
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
        Claim {
            start: a.char,
            end: b.char,
            utf16: Utf16Span(a.utf16, b.utf16),
            text: doc.slice(f.content).to_string(),
            kind: f.kind,
            source,
            cue: Some(CueRef { text: doc.slice(f.cue).to_string(), start: ca.char, end: cb.char }),
            via,
            based_on: f.basis.and_then(lookup).map(|r| match &r.document {
                // "notes from the White House" → "White House notes"
                Some(document) => format!("{} {document}", display_name(&r.name)),
                None => display_name(&r.name),
            }),
            channel: f.channel.and_then(|span| channel_text(doc.slice(span))),
            markers: markers::markers_of(doc, f, anonymous),
            pattern: Some(explain::pattern(doc, f)),
        }
    };
    let mut list: Vec<Attribution> =
        found.into_iter().map(|found| Attribution { claim: claim_of(&found), found, keep: true }).collect();
    markers::nest_relays(&mut list);
    markers::spread_unverified(&mut list);
    markers::unverified_sentences(doc, &mut list);
    markers::disputed(&denials, &mut list, |span| lookup(span).map(|r| display_name(&r.name)));
    redundant::mark(&mut list);
    // A source must be able to speak; the writer and the reader are not sources.
    let speakers = speaker::Speakers::new(doc);
    for a in &mut list {
        match speakers.verdict(doc, &a.found, &a.claim) {
            speaker::Verdict::Keep => {}
            speaker::Verdict::Drop => a.keep = false,
            speaker::Verdict::Unsourced => a.claim.source = None,
        }
    }
    list.retain(|a| a.keep);
    // From here on the attributions only tell where the unattributed claims are not.
    let (found, mut claims): (Vec<Found>, Vec<Claim>) = list.into_iter().map(|a| (a.found, a.claim)).unzip();
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
            based_on: None,
            channel: None,
            markers: Vec::new(),
            pattern: None,
        });
    }
    claims.sort_by_key(|c| (c.start, c.end));
    let sources = summarize(&claims);
    Report { version: REPORT_VERSION, text: doc.text.clone(), notice: None, claims, sources }
}

/// Every source and the claims it carries, most claims first.
fn summarize(claims: &[Claim]) -> Vec<SourceSummary> {
    let mut out: Vec<SourceSummary> = Vec::new();
    let mut at: crate::lexicon::FastMap<&str, usize> = Default::default();
    for (i, c) in claims.iter().enumerate() {
        let Some(s) = &c.source else { continue };
        match at.get(s.name.as_str()) {
            Some(&k) => out[k].claims.push(i),
            None => {
                at.insert(&s.name, out.len());
                out.push(SourceSummary { name: s.name.clone(), kind: s.kind, claims: vec![i] });
            }
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
    let index = SpanIndex::new(found);
    let cues = SpanIndex::of(found.iter().map(|f| f.cue));
    let mut out = Vec::new();
    for q in quotes.iter().filter(|q| q.depth == 0 && q.inner.len() > 20) {
        if index.overlapping(q.outer).any(|j| found[j].content.overlaps(q.outer))
            || cues
                .overlapping(q.outer)
                .any(|j| q.outer.contains(found[j].cue) && found[j].content.start <= q.outer.end)
        {
            continue;
        }
        // The quotation must stand alone: it opens its sentence.
        let s = doc.sentences.partition_point(|s| s.span.start < q.outer.start);
        if s >= doc.sentences.len() || doc.sentences[s].span.start != q.outer.start {
            continue;
        }
        // The attribution just before (found is sorted by content start).
        let before = found.partition_point(|f| f.content.start < q.outer.start);
        let window = before.saturating_sub(MAX_LOOKBACK)..before;
        let host = window
            .clone()
            .filter(|&j| {
                let f = &found[j];
                f.content.end <= q.outer.start
                    && q.outer.start - f.content.end <= MAX_DISTANCE
                    && f.source.is_some()
                    && (matches!(
                        f.kind,
                        crate::report::ClaimKind::DirectQuote | crate::report::ClaimKind::PartialQuote
                    ) || f.cue_entry.has_tag(Tag::Quote))
            })
            .max_by_key(|&j| found[j].content.end);
        // "“A.” “B,” she said.": a quotation followed in its own paragraph by an attributed one
        // is that speaker's, rather than the previous paragraph's.
        let block = doc.blocks[doc.sentences[s].block].span;
        let after = before..found.len().min(before + MAX_LOOKBACK);
        let next_host = after
            .clone()
            .filter(|&j| found[j].content.start >= q.outer.end && block.contains(found[j].content))
            .find(|&j| {
                found[j].source.is_some()
                    && matches!(
                        found[j].kind,
                        crate::report::ClaimKind::DirectQuote | crate::report::ClaimKind::PartialQuote
                    )
            });
        let next_host = next_host.filter(|&j| {
            !after.clone().any(|k| {
                k != j
                    && found[k].content.start >= q.outer.end
                    && found[k].content.end <= found[j].content.start
            })
        });
        let host = next_host
            .or(host.filter(|&h| block.contains(found[h].content) || block.start >= found[h].content.end));
        if let Some(h) = host {
            let h = &found[h];
            // Nothing attributed to anyone else in between.
            if window
                .clone()
                .any(|j| found[j].content.start > h.content.end && found[j].content.end <= q.outer.start)
            {
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

/// Block quotations (`<blockquote>`) with no attribution of their own, right after a paragraph
/// that attributes something: "Askar has released code he said exploits the flaw. Here's how it
/// works." followed by an excerpt of his post. News pages set off a source's own words so; the
/// speaker is the source of the last attribution before the quotation, at most
/// [`MAX_BLOCKS_BEFORE`] paragraphs back. Blocks that are not prose (code, a table's row) are left.
fn block_quotations(doc: &Document, found: &[Found]) -> Vec<Found> {
    /// How many paragraphs may stand between the attribution and the block quotation.
    const MAX_BLOCKS_BEFORE: usize = 2;
    use crate::text::{BlockKind, TokenKind};
    let index = SpanIndex::new(found);
    let mut out = Vec::new();
    let mut host: Option<&Found> = None;
    for (b, block) in doc.blocks.iter().enumerate() {
        if block.kind != BlockKind::BlockQuote {
            continue;
        }
        // The first block of a run of block quotations finds the speaker for the whole run.
        if b == 0 || doc.blocks[b - 1].kind != BlockKind::BlockQuote {
            let before = found.partition_point(|f| f.content.start < block.span.start);
            host = found[before.saturating_sub(MAX_LOOKBACK)..before].iter().rev().find(|f| {
                let fb = doc.sentences[f.sentence].block;
                f.source.is_some()
                    && !f.participial
                    && f.cue_entry.class == Class::Speech
                    && f.content.end <= block.span.start
                    && b - fb <= MAX_BLOCKS_BEFORE
            });
        }
        let Some(h) = host else { continue };
        // A block that carries its own attribution is read as it stands.
        if index
            .overlapping(block.span)
            .any(|j| found[j].content.overlaps(block.span) && found[j].content.len() * 2 > block.span.len())
        {
            continue;
        }
        let first = doc.sentences.partition_point(|s| s.span.end <= block.span.start);
        let Some(sentence) = doc.sentences.get(first).filter(|s| block.span.contains(s.span)) else {
            continue;
        };
        let (mut words, mut all) = (0usize, 0usize);
        for t in doc.tokens[sentence.tokens.start..].iter().take_while(|t| t.span.end <= block.span.end) {
            all += 1;
            words += usize::from(matches!(t.kind, TokenKind::Word | TokenKind::Number));
        }
        // Prose, not code or a table's row.
        if words < 4 || words * 10 < all * 7 {
            continue;
        }
        let mut f = h.clone();
        f.content = block.span;
        f.sentence = first;
        f.kind = ClaimKind::DirectQuote;
        f.object = false;
        out.push(f);
    }
    out
}

/// How many attributions before a quotation are looked at for the one it continues.
const MAX_LOOKBACK: usize = 8;

/// A canonical name as a badge shows it: "rebels" → "Rebels".
fn display_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => name.to_string(),
    }
}

/// The channel as a badge shows it ("to AFP", "in X", "in a statement"); nothing when the words
/// between verb and content are only time ("on Friday") or filler.
fn channel_text(raw: &str) -> Option<String> {
    let text = raw.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';'));
    let mut words = text.split_whitespace();
    let first = words.next()?.to_lowercase();
    if !matches!(first.as_str(), "in" | "on" | "to" | "via" | "through" | "during") {
        return None;
    }
    let rest: Vec<&str> = words.collect();
    let only_time = rest.iter().all(|w| {
        let w = w.to_lowercase();
        words::is_time_word(&w) || words::is_date_word(&w) || matches!(w.as_str(), "the" | "a" | "an")
    });
    (!rest.is_empty() && !only_time && rest.len() <= 8).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<(String, Option<String>, ClaimKind)> {
        analyze(&Document::from_plain_text(&format!("Title\n{text}")))
            .claims
            .into_iter()
            .map(|c| (c.text, c.source.map(|s| s.mention), c.kind))
            .collect()
    }

    #[test]
    fn a_two_word_clause_is_a_claim() {
        assert_eq!(
            claims("He said it rained."),
            [("it rained".into(), Some("He".into()), ClaimKind::Indirect)]
        );
    }

    #[test]
    fn inverted_cue_after_a_quotation() {
        assert_eq!(
            claims("“We will rebuild the bridge,” said Maria Lopez, the mayor."),
            [(
                "“We will rebuild the bridge,”".into(),
                Some("Maria Lopez, the mayor".into()),
                ClaimKind::DirectQuote
            )]
        );
    }

    /// A participle after "he said," is never an inverted cue: "adding he would …" once took
    /// "he would never vote for Clinton" as its speaker and the quotation as its content.
    #[test]
    fn participle_after_said_is_not_inverted() {
        let found = claims("“The day was personal,” he said, adding he would never vote for her.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[1], ("he would never vote for her".into(), Some("he".into()), ClaimKind::Indirect));
    }

    #[test]
    fn according_to_wrapper_becomes_a_relay() {
        let report = analyze(&Document::from_plain_text(
            "Title\nAccording to the newspaper, the ministry considers the plan a threat to security.",
        ));
        let inner: Vec<_> = report.claims.iter().filter(|c| c.kind != ClaimKind::Unattributed).collect();
        assert_eq!(inner.len(), 1);
        assert_eq!(inner[0].source.as_ref().unwrap().mention, "the ministry");
        assert_eq!(inner[0].via.len(), 1);
    }
}
