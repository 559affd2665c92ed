//! ClaimLens: finds the claims in a news article and who they come from.
//!
//! The analysis core (`text`, `quotes`, `cues`, `attribution`, `sources`, `report`) is pure Rust
//! with no web dependency; `extract` finds the article in a page through a small DOM abstraction.

pub mod attribution;
pub mod badge;
pub mod cues;
pub mod extract;
pub mod language;
pub mod lexicon;
pub mod limits;
pub mod page;
pub mod quotes;
pub mod report;
pub mod sources;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use limits::Limits;
pub use page::{
    analyze_dom, analyze_dom_whole, analyze_dom_whole_with, analyze_dom_with, DomRange, PageAnalysis,
};
pub use report::{Claim, ClaimKind, Marker, Notice, Report, SourceType};
pub use text::{BlockKind, Document};

/// Analyses plain text: one block per line, the first line being the title. Within the default
/// [`Limits`]: text beyond [`limits::MAX_TEXT_BYTES`] is left out (the report says `truncated`).
pub fn analyze_text(text: &str) -> Report {
    analyze_text_with(text, &Limits::default())
}

/// [`analyze_text`] within the caller's limits.
pub fn analyze_text_with(text: &str, limits: &Limits) -> Report {
    let (text, cut) = limits::cut_text_to(text, limits.max_text_bytes);
    let mut report = analyze_document_with(&Document::from_plain_text(text), limits);
    if cut && report.notice.is_none() {
        report.notice = Some(Notice::Truncated);
    }
    report
}

/// Analyses a document whose blocks are already known (e.g. extracted from a page).
pub fn analyze_document(doc: &Document) -> Report {
    analyze_document_with(doc, &Limits::default())
}

/// [`analyze_document`] within the caller's work budget (`limits.max_work`): an analysis that
/// would take more stops early, with the claims found so far and the notice `too_complex`.
pub fn analyze_document_with(doc: &Document, limits: &Limits) -> Report {
    if doc.text.trim().is_empty() {
        return Report::empty(doc.text.clone(), Some(Notice::EmptyInput));
    }
    if !language::is_probably_english(&doc.text) {
        return Report::empty(doc.text.clone(), Some(Notice::UnsupportedLanguage));
    }
    let budget = limits::Budget::new(limits.max_work);
    let mut report = attribution::analyze_within(doc, &budget);
    if budget.exhausted() && report.notice.is_none() {
        report.notice = Some(Notice::TooComplex);
    }
    report
}

/// Analyses an HTML page: finds the article body, then analyses it.
#[cfg(feature = "native")]
pub fn analyze_html(html: &str) -> Report {
    analyze_html_with(html, &Limits::default())
}

/// [`analyze_html`] within the caller's limits.
#[cfg(feature = "native")]
pub fn analyze_html_with(html: &str, limits: &Limits) -> Report {
    let dom = extract::html::HtmlDom::parse(html);
    let mut report = analyze_dom_with(&dom, limits).report;
    if dom.simplified() && report.notice.is_none() {
        report.notice = Some(Notice::TooComplex);
    }
    report
}
