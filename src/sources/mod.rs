//! Sources: who a claim comes from. Turns each source mention the attribution stage found
//! ("he", "the California company", "Liu Pengyu, spokesperson for …") into a canonical name,
//! a type and a descriptor, resolving coreference against earlier mentions and the gazetteer.
//!
//! How: [`entities::scan`] first lists every entity the text names (gazetteer names, capitalised
//! name sequences, documents such as "notes from the White House"), each with its position.
//! Then each mention is split by [`phrase::shape`] into a pronoun, a name with a descriptor, a
//! document of someone, or a description, and resolved to the nearest earlier compatible entity
//! (pronouns by type and gender; surnames and acronyms by name; descriptions by type and the tags
//! their words ask for: "the California company" wants an organization tagged state:california).
//!
//! Decisions (see also docs in the rules files):
//! - "an Alibaba group spokesperson" is a person named "Alibaba spokesperson", affiliated to
//!   Alibaba, NOT anonymous: a spokesperson speaks on the record for the organization.
//!   "a senior official", "sources", "a person familiar with the matter" are anonymous.
//! - "a report from X", "an article in X", "notes from X" resolve to X (its name and type) with
//!   `document` set to the noun ("report"); a bare document description ("the same document")
//!   resolves to the nearest earlier document, named after its author: "White House notes".
//! - `descriptor` is what this mention says about the source (the appositive or title as
//!   written; for a description, the description without its determiner); when the mention says
//!   nothing ("he", "Matthews", "the FT"), it is the first descriptor the text gave the entity.

//!
//! Files: [`types`] says what type a class, head noun or name gives a source; [`resolver`] holds
//! the discourse model and its bounded searches; [`names`] and [`descriptions`] resolve the
//! mentions of each shape.

mod descriptions;
mod entities;
mod gazetteer;
mod names;
mod phrase;
mod resolver;
mod types;
mod words;

pub use entities::{scan as scan_entities, Entity, Found};
pub use gazetteer::{find_in as find_gazetteer_names, Hit};
pub(crate) use types::kind_of_class;

use crate::lexicon::Class;
use crate::limits::Budget;
use crate::report::SourceType;
use crate::text::{Document, Span};
use phrase::{describe, shape, Shape, Words};
use resolver::Resolver;
use types::{is_calendar_word, kind_of_head, kind_of_name};

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
    /// Whom the source speaks for or belongs to ("Alibaba" for "an Alibaba group spokesperson",
    /// "Chinese Embassy in the United States" for Liu Pengyu; a document's author).
    pub affiliation: Option<String>,
    /// The document noun when the mention is a document of the source ("report" for "a report
    /// from the California company", "article" for "an article in a British daily").
    pub document: Option<String>,
    /// Identifies the entity: mentions with the same `entity` are the same source.
    pub entity: usize,
}

/// Resolves `mentions` (in text order) to canonical sources, one result per mention.
pub fn resolve(doc: &Document, mentions: &[Mention]) -> Vec<ResolvedSource> {
    resolve_within(doc, mentions, &Budget::unlimited())
}

/// [`resolve`], spending at most `budget`: each search for an antecedent costs the earlier
/// mentions it may look through. Once the budget is spent, mentions are still resolved, but
/// without looking back (each names a source of its own).
pub fn resolve_within(doc: &Document, mentions: &[Mention], budget: &Budget) -> Vec<ResolvedSource> {
    let mut resolver = Resolver::new(doc, budget);
    mentions.iter().map(|m| resolver.resolve(m.span)).collect()
}

/// Whether a noun phrase could name a source at all, and of what type, judged from its words
/// alone (no context): "he"/"she" → Person; "it"/"they" → Unknown (a source only if they refer to
/// one); gazetteer names → their type; "Liu Pengyu", "President Trump" → Person; "the company" →
/// Organization; "the daily" → Media; "the ministry" → Government; "the report" → Document;
/// "a source familiar with …", "officials" → Anonymous; an unknown single capitalised word →
/// Unknown; "the plan", "the economy", "prices" → None.
pub fn source_type_of_phrase(text: &str) -> Option<SourceType> {
    let words = Words::new(text, Span::new(0, text.len()));
    match shape(&words)? {
        Shape::Pronoun(e) => {
            Some(if e.class == Class::Person { SourceType::Person } else { SourceType::Unknown })
        }
        Shape::Container { .. } => Some(SourceType::Document),
        Shape::Named { name, descriptor } => {
            let name_words = Words::new(text, name);
            if name_words.len() == 1 && is_calendar_word(&name_words.lower[0]) {
                return None;
            }
            let d = descriptor.map(|s| describe(&Words::new(text, s)));
            Some(kind_of_name(&Words::new(text, name), d.as_ref()))
        }
        Shape::Description => {
            let d = describe(&words);
            if d.anonymous {
                return Some(SourceType::Anonymous);
            }
            d.head.map(|(e, _)| kind_of_head(e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::descriptions::{anonymous_name, head_noun};
    use super::names::initials;
    use super::*;
    use crate::lexicon::{Entry, DESCRIPTORS, PRONOUNS, TITLES};
    use words::WordIndex;

    /// Every example of the word lexicons contains one of its entry's forms.
    #[test]
    fn word_lexicon_examples_replay() {
        let tables: [(&str, &[Entry], &WordIndex); 3] = [
            ("titles", TITLES, words::titles()),
            ("descriptors", DESCRIPTORS, words::descriptors()),
            ("pronouns", PRONOUNS, words::pronouns()),
        ];
        for (file, table, index) in tables {
            for entry in table {
                assert!(!entry.examples.is_empty(), "{file}: {:?} has no example", entry.forms);
                for ex in entry.examples {
                    let lower = Words::new(ex, Span::new(0, ex.len())).lower;
                    let found = !index.scan(&lower, |e| std::ptr::eq(e, entry)).is_empty();
                    assert!(found, "{file}: {:?} not found in {ex:?}", entry.forms);
                }
            }
        }
    }

    #[test]
    fn names_and_descriptors_split() {
        let cases = [
            (
                "Liu Pengyu, spokesperson for the Chinese Embassy",
                "Liu Pengyu",
                Some("spokesperson for the Chinese Embassy"),
            ),
            ("China's diplomatic spokesman, Lin Jian", "Lin Jian", Some("China's diplomatic spokesman")),
            ("MSNBC host Chris Matthews", "Chris Matthews", Some("MSNBC host")),
            ("Foreign Minister Wang Yi", "Wang Yi", Some("Foreign Minister")),
            ("Chinese online trading giant Alibaba", "Alibaba", Some("Chinese online trading giant")),
            ("the Financial Times", "the Financial Times", None),
            ("Transport Secretary Alan Price", "Alan Price", Some("Transport Secretary")),
            ("operations manager Eva Lind", "Eva Lind", Some("operations manager")),
            ("The Institute for Fiscal Studies (IFS)", "Institute for Fiscal Studies", None),
            ("Queen Mary University", "Queen Mary University", None),
        ];
        for (text, name, descriptor) in cases {
            let words = Words::new(text, Span::new(0, text.len()));
            match shape(&words) {
                Some(Shape::Named { name: n, descriptor: d }) => {
                    assert_eq!(n.slice(text), name, "{text}");
                    assert_eq!(d.map(|d| d.slice(text)), descriptor, "{text}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn initials_skip_small_words() {
        assert_eq!(initials("Institute for Strategic Dialogue"), "ISD");
        assert_eq!(anonymous_name("officials who spoke on condition of anonymity"), "officials");
    }

    #[test]
    fn role_head_nouns() {
        assert_eq!(head_noun("fire chief"), "chief");
        assert_eq!(head_noun("Economists"), "economist");
        assert_eq!(head_noun("boss"), "boss");
    }
}
