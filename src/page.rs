//! Analysing a page through the read-only [`Dom`] trait while keeping the link from every analysed
//! span back to the page's text nodes: the one entry point that the CLI (parsed HTML) and the
//! browser (the live DOM) share, so that both run the same extraction and analysis.

use crate::extract::{extract, whole, Article, Dom, NodePosition};
use crate::limits::{cut_point, Limits};
use crate::text::{Document, OffsetIndex, Span};
use crate::{analyze_document_with, Notice, Report};

/// The report of a page, with what is needed to find its spans in the page.
pub struct PageAnalysis<N> {
    pub report: Report,
    /// The extracted article; `None` when the page has none.
    pub article: Option<Article<N>>,
    /// One link per block of the analysed document, in order.
    links: Vec<BlockLink>,
    offsets: OffsetIndex,
}

/// Where a block of the analysed document comes from.
struct BlockLink {
    /// The block's bytes in the report's text.
    span: Span,
    /// Index into the article's blocks.
    block: usize,
    /// Bytes of the article block's text before the analysed part (leading whitespace).
    lead: usize,
}

/// A piece of a span of the report that lies inside one block: from a position in one text node to
/// a position in the same or a later one (what a DOM `Range` is made from).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DomRange<N> {
    pub start: NodePosition<N>,
    pub end: NodePosition<N>,
}

/// Finds the article of the page behind `dom` and analyses it. The text analysed is held to
/// [`MAX_TEXT_BYTES`](crate::limits::MAX_TEXT_BYTES), like plain text: the blocks beyond the limit
/// are left out and the report says `truncated`.
pub fn analyze_dom<D: Dom>(dom: &D) -> PageAnalysis<D::Node> {
    analyze_dom_with(dom, &Limits::default())
}

/// [`analyze_dom`] within the caller's limits: `limits.max_text_bytes` instead of
/// [`MAX_TEXT_BYTES`](crate::limits::MAX_TEXT_BYTES), and the work budget `limits.max_work`
/// (beyond it the analysis stops early and the report says `too_complex`). The browser sets both.
pub fn analyze_dom_with<D: Dom>(dom: &D, limits: &Limits) -> PageAnalysis<D::Node> {
    analyze_article(extract(dom), limits)
}

/// Like [`analyze_dom`] for a root that is known to be the article (a reader page, a demo page's
/// text): everything readable under it is analysed, with no search for the article.
pub fn analyze_dom_whole<D: Dom>(dom: &D) -> PageAnalysis<D::Node> {
    analyze_dom_whole_with(dom, &Limits::default())
}

/// [`analyze_dom_whole`] within the caller's limits (see [`analyze_dom_with`]).
pub fn analyze_dom_whole_with<D: Dom>(dom: &D, limits: &Limits) -> PageAnalysis<D::Node> {
    analyze_article(whole(dom), limits)
}

fn analyze_article<N>(article: Option<Article<N>>, limits: &Limits) -> PageAnalysis<N> {
    let Some(article) = article else {
        return PageAnalysis {
            report: Report::empty(String::new(), Some(Notice::NoArticle)),
            article: None,
            links: Vec::new(),
            offsets: OffsetIndex::default(),
        };
    };
    const SEPARATOR_BYTES: usize = 2; // the blank line between blocks
    let mut parts = Vec::new();
    let mut kept = Vec::new();
    let mut total = 0;
    let mut truncated = false;
    for (i, block) in article.blocks.iter().enumerate() {
        let mut part = block.text.trim();
        if part.is_empty() {
            continue;
        }
        let room = limits.max_text_bytes.saturating_sub(total + SEPARATOR_BYTES);
        if part.len() > room {
            truncated = true;
            part = part[..cut_point(&part.as_bytes()[..room])].trim_end();
            if part.is_empty() {
                break;
            }
        }
        total += part.len() + SEPARATOR_BYTES;
        parts.push((block.kind, part));
        kept.push((i, block.text.len() - block.text.trim_start().len()));
        if truncated {
            break;
        }
    }
    let doc = Document::from_parts(parts.iter().copied());
    debug_assert_eq!(doc.blocks.len(), kept.len());
    let links = doc
        .blocks
        .iter()
        .zip(kept)
        .map(|(b, (block, lead))| BlockLink { span: b.span, block, lead })
        .collect();
    let mut report = analyze_document_with(&doc, limits);
    if (truncated || article.truncated) && report.notice.is_none() {
        report.notice = Some(Notice::Truncated);
    }
    if article.flattened && report.notice.is_none() {
        report.notice = Some(Notice::TooComplex);
    }
    let Document { offsets, .. } = doc;
    PageAnalysis { report, article: Some(article), links, offsets }
}

impl<N: Copy + Eq> PageAnalysis<N> {
    /// The pieces of the page that hold the report's chars `start..end`: one per block the span
    /// touches (a claim can run over paragraphs), in document order. Blocks whose text does not come
    /// from the page's visible nodes (a title from `<title>`) give none.
    pub fn ranges<D: Dom<Node = N>>(&self, dom: &D, start: usize, end: usize) -> Vec<DomRange<N>> {
        let Some(article) = &self.article else { return Vec::new() };
        let (start, end) = (self.offsets.byte_of_char(start), self.offsets.byte_of_char(end));
        let first = self.links.partition_point(|l| l.span.end <= start);
        let mut out = Vec::new();
        for link in self.links[first..].iter().take_while(|l| l.span.start < end) {
            let from = start.max(link.span.start) - link.span.start + link.lead;
            let to = end.min(link.span.end) - link.span.start + link.lead;
            if from >= to {
                continue;
            }
            let block = &article.blocks[link.block];
            if let (Some(a), Some(b)) = (block.locate(dom, from), block.locate_end(dom, to)) {
                out.push(DomRange { start: a, end: b });
            }
        }
        out
    }
}
