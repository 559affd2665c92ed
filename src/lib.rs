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

pub use page::{analyze_dom, analyze_dom_whole, DomRange, PageAnalysis};
pub use report::{Claim, ClaimKind, Marker, Notice, Report, SourceType};
pub use text::{BlockKind, Document};

/// Analyses plain text: one block per line, the first line being the title.
pub fn analyze_text(text: &str) -> Report {
    analyze_document(&Document::from_plain_text(text))
}

/// Analyses a document whose blocks are already known (e.g. extracted from a page).
pub fn analyze_document(doc: &Document) -> Report {
    if doc.text.trim().is_empty() {
        return Report::empty(doc.text.clone(), Some(Notice::EmptyInput));
    }
    if !language::is_probably_english(&doc.text) {
        return Report::empty(doc.text.clone(), Some(Notice::UnsupportedLanguage));
    }
    attribution::analyze(doc)
}

/// Analyses an HTML page: finds the article body, then analyses it.
#[cfg(feature = "native")]
pub fn analyze_html(html: &str) -> Report {
    analyze_dom(&extract::html::HtmlDom::parse(html)).report
}
