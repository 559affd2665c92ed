//! The versioned report: what the CLI prints as JSON, what the browser overlay draws from, and
//! what tests and evaluation read. Offsets are Unicode scalar (char) offsets into `text`, end
//! exclusive; `utf16` gives the same span in UTF-16 code units for the DOM.

use serde::{Deserialize, Serialize};

/// Bump when a field changes meaning or disappears.
pub const REPORT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    /// The analysed text (for HTML: the extracted article text).
    pub text: String,
    /// Why there is nothing to show, when that is the case ("no article found",
    /// "language not supported yet"); `null` otherwise.
    pub notice: Option<Notice>,
    pub claims: Vec<Claim>,
    pub sources: Vec<SourceSummary>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Notice {
    /// The input was empty or only whitespace.
    EmptyInput,
    /// HTML in which no article body was found.
    NoArticle,
    /// The text does not look like English, the only language analysed so far.
    UnsupportedLanguage,
    /// The input was longer than the tool's limit (the CLI's `MAX_INPUT_BYTES`): only its first
    /// part, cut at a line break, was analysed. Unlike the other notices this one comes with
    /// claims: it says what is missing, not that nothing is there.
    Truncated,
    /// The input went beyond a bound on complexity (see `limits`): the page nested deeper or had
    /// more attributes than is followed, and was simplified, or the analysis ran out of its work
    /// budget and stopped early. Comes with the claims found.
    TooComplex,
}

impl Notice {
    pub fn message(self) -> &'static str {
        match self {
            Notice::EmptyInput => "the input is empty",
            Notice::NoArticle => "no article found on this page",
            Notice::UnsupportedLanguage => "this language is not supported yet (English only)",
            Notice::Truncated => "the input was too long: only its first part was analysed",
            Notice::TooComplex => "the input was too complex: it was simplified or only partly analysed",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    DirectQuote,
    PartialQuote,
    Indirect,
    AccordingTo,
    Unattributed,
}

impl ClaimKind {
    pub fn label(self) -> &'static str {
        match self {
            ClaimKind::DirectQuote => "direct quote",
            ClaimKind::PartialQuote => "partial quote",
            ClaimKind::Indirect => "paraphrase",
            ClaimKind::AccordingTo => "according to",
            ClaimKind::Unattributed => "unattributed",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceType {
    Person,
    Organization,
    Media,
    Government,
    Document,
    Anonymous,
    Unknown,
}

impl SourceType {
    pub fn label(self) -> &'static str {
        match self {
            SourceType::Person => "person",
            SourceType::Organization => "organization",
            SourceType::Media => "media",
            SourceType::Government => "government",
            SourceType::Document => "document",
            SourceType::Anonymous => "anonymous",
            SourceType::Unknown => "unknown",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Marker {
    /// The claim denies or rejects something ("completely false", "has never …").
    Denial,
    /// Someone said they could not verify it ("could not independently verify").
    Unverified,
    /// The reporting hedges it ("reportedly", "allegedly", "may have").
    Hedged,
    /// The source is not named ("a source familiar with the matter").
    Anonymous,
    /// Someone else in the article denies or contests it ("Alibaba took issue with …").
    Disputed,
}

/// A span of `text` in chars, with the same span in UTF-16 units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Utf16Span(pub usize, pub usize);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub start: usize,
    pub end: usize,
    pub utf16: Utf16Span,
    /// The claim's content.
    pub text: String,
    pub kind: ClaimKind,
    pub source: Option<SourceRef>,
    pub cue: Option<CueRef>,
    /// Outer reporters through whom the claim reached the article, nearest first.
    pub via: Vec<Via>,
    /// What the source's claim rests on ("notes from the White House"), when the text says.
    pub based_on: Option<String>,
    /// How or to whom it was said ("to AFP", "in X", "in a statement"), when the text says.
    pub channel: Option<String>,
    pub markers: Vec<Marker>,
    /// The pattern the attribution was read with, in the reader's words ("“CLAIM,” said SOURCE");
    /// `null` for an unattributed claim.
    #[serde(default)]
    pub pattern: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    /// Canonical name after coreference.
    pub name: String,
    /// The mention as written at this place ("the California company", "he").
    pub mention: String,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: SourceType,
    /// What the text calls the source ("spokesperson for the Chinese Embassy"), if anything.
    pub descriptor: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CueRef {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Via {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: SourceType,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: SourceType,
    /// Indices into `claims`.
    pub claims: Vec<usize>,
}

impl Report {
    pub fn empty(text: String, notice: Option<Notice>) -> Self {
        Report { version: REPORT_VERSION, text, notice, claims: Vec::new(), sources: Vec::new() }
    }

    /// The badge line a reader sees beside a claim: "Financial Times · direct quote · via AFP".
    pub fn badge(claim: &Claim) -> String {
        let mut parts = Vec::new();
        match &claim.source {
            Some(s) => parts.push(s.name.clone()),
            None => parts.push("no source given".to_string()),
        }
        parts.push(claim.kind.label().to_string());
        if let Some(basis) = &claim.based_on {
            parts.push(format!("based on {basis}"));
        }
        if !claim.via.is_empty() {
            let names: Vec<_> = claim.via.iter().map(|v| v.name.as_str()).collect();
            parts.push(format!("via {}", names.join(" → ")));
        }
        if let Some(channel) = &claim.channel {
            parts.push(channel.clone());
        }
        for m in &claim.markers {
            parts.push(
                match m {
                    Marker::Denial => "denial",
                    Marker::Unverified => "unverified",
                    Marker::Hedged => "hedged",
                    Marker::Anonymous => "anonymous source",
                    Marker::Disputed => "disputed",
                }
                .to_string(),
            );
        }
        parts.join(" · ")
    }
}
