//! What a claim's badge says, as plain data: the short name shown on it, the icon of its kind and
//! of each flag, and the sentence a screen reader reads. Pure Rust, so the wording is tested
//! natively; `src/web/` only draws it.

use crate::lexicon::{ORGANIZATIONS, OUTLETS};
use crate::report::{Claim, ClaimKind, Marker, SourceType};

/// A name longer than this is shortened on the badge (the card always shows it whole).
const MAX_SHORT_NAME_CHARS: usize = 22;

/// What one badge shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadgeText {
    /// The source's short name ("FT", "Alibaba", "Lin Jian"), or "No source".
    pub short: String,
    /// The icon of the claim's kind; kinds differ by icon and by colour, never by colour alone.
    pub kind_icon: &'static str,
    /// One icon and its word per flag, in the report's order.
    pub flags: Vec<(&'static str, &'static str)>,
    /// "Source: Financial Times, direct quote, based on White House notes".
    pub aria_label: String,
}

/// The icon of a claim's kind.
pub fn kind_icon(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::DirectQuote => "❝",
        ClaimKind::PartialQuote => "❞",
        ClaimKind::Indirect => "≈",
        ClaimKind::AccordingTo => "§",
        ClaimKind::Unattributed => "?",
    }
}

/// The icon and the word of a flag.
pub fn flag(marker: Marker) -> (&'static str, &'static str) {
    match marker {
        Marker::Denial => ("✕", "denial"),
        Marker::Disputed => ("⚠", "disputed"),
        Marker::Unverified => ("◌", "unverified"),
        Marker::Hedged => ("~", "hedged"),
        Marker::Anonymous => ("👤", "anonymous source"),
    }
}

/// The name to show on a badge: the gazetteer's acronym when it has one ("Financial Times" →
/// "FT"), the name itself when short, else its first words up to the limit, with an ellipsis.
pub fn short_name(name: &str) -> String {
    let entry = OUTLETS.iter().chain(ORGANIZATIONS.iter()).find(|e| e.name == name);
    if let Some(acronym) = entry.and_then(|e| {
        e.forms.iter().find(|f| (2..=6).contains(&f.len()) && f.chars().all(|c| c.is_ascii_uppercase()))
    }) {
        return (*acronym).to_string();
    }
    if name.chars().count() <= MAX_SHORT_NAME_CHARS {
        return name.to_string();
    }
    let mut out = String::new();
    for word in name.split_whitespace() {
        if out.chars().count() + 1 + word.chars().count() > MAX_SHORT_NAME_CHARS - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = name.chars().take(MAX_SHORT_NAME_CHARS - 1).collect();
    }
    out.push('…');
    out
}

/// The badge of a claim.
pub fn badge_text(claim: &Claim) -> BadgeText {
    let mut parts = Vec::new();
    match &claim.source {
        Some(s) => parts.push(format!("Source: {}", s.name)),
        None => parts.push("No source given".to_string()),
    }
    parts.push(claim.kind.label().to_string());
    if let Some(basis) = &claim.based_on {
        parts.push(format!("based on {basis}"));
    }
    if !claim.via.is_empty() {
        let names: Vec<&str> = claim.via.iter().map(|v| v.name.as_str()).collect();
        parts.push(format!("via {}", names.join(", via ")));
    }
    if let Some(channel) = &claim.channel {
        parts.push(channel.clone());
    }
    let flags: Vec<_> = claim.markers.iter().map(|&m| flag(m)).collect();
    parts.extend(flags.iter().map(|(_, word)| word.to_string()));
    BadgeText {
        short: claim.source.as_ref().map_or_else(|| "No source".to_string(), |s| short_name(&s.name)),
        kind_icon: kind_icon(claim.kind),
        flags,
        aria_label: parts.join(", "),
    }
}

/// How a source type reads on a card.
pub fn type_label(kind: SourceType) -> &'static str {
    match kind {
        SourceType::Person => "person",
        SourceType::Organization => "organisation",
        SourceType::Media => "media outlet",
        SourceType::Government => "government",
        SourceType::Document => "document",
        SourceType::Anonymous => "anonymous source",
        SourceType::Unknown => "source",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze_text;

    #[test]
    fn short_names() {
        assert_eq!(short_name("Financial Times"), "FT");
        assert_eq!(short_name("Alibaba"), "Alibaba");
        assert_eq!(short_name("Lin Jian"), "Lin Jian");
        assert_eq!(
            short_name("the spokesperson of the regional transport authority"),
            "the spokesperson of…"
        );
        assert!(short_name(&"x".repeat(40)).chars().count() <= MAX_SHORT_NAME_CHARS);
    }

    #[test]
    fn seed_article_labels() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/seed-article.txt"))
            .unwrap();
        let report = analyze_text(&text);
        let labels: Vec<String> = report.claims.iter().map(|c| badge_text(c).aria_label).collect();
        assert!(
            labels
                .contains(&"Source: Financial Times, partial quote, based on White House notes".to_string()),
            "{labels:#?}"
        );
        assert!(labels
            .iter()
            .any(|l| l.starts_with("Source: White House notes, paraphrase, via Financial Times")));
        assert!(labels.iter().any(|l| l.starts_with("No source given, unattributed")));
        let ft =
            report.claims.iter().find(|c| c.source.as_ref().is_some_and(|s| s.name == "Financial Times"));
        assert_eq!(badge_text(ft.unwrap()).short, "FT");
    }
}
