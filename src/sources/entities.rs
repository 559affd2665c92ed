//! The entities a document talks about, found before any source is resolved: gazetteer names,
//! capitalised name sequences and documents of someone ("notes from the White House"). They are
//! the antecedents that pronouns, surnames and descriptions refer back to.

use super::gazetteer::{gazetteer, kind_of, strip_possessive};
use super::phrase::{
    describe, is_name_connector, is_place, organization_class, organization_head, title_prefix, Words,
};
use super::words::{descriptors, gender_of, titles, Gender};
use crate::lexicon::{Class, Tag};
use crate::report::SourceType;
use crate::text::{BlockKind, Document, Span, Token, TokenKind};
use std::borrow::Cow;

/// An entity of the discourse model.
#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    pub kind: SourceType,
    /// Gazetteer tags plus those the text gave it ("an American AI startup" → country:us, ai …).
    pub tags: Vec<String>,
    pub gender: Option<Gender>,
    pub plural: bool,
    pub anonymous: bool,
    /// The first descriptor the text gave it.
    pub descriptor: Option<String>,
    /// Whom it speaks for or belongs to ("Alibaba" for "an Alibaba group spokesperson"; the
    /// author of a document).
    pub affiliation: Option<String>,
    /// The head noun that described it ("spokesperson", "report"), for "the spokesperson".
    pub head: Option<String>,
}

impl Entity {
    pub fn new(name: impl Into<String>, kind: SourceType) -> Self {
        Entity {
            name: name.into(),
            kind,
            tags: Vec::new(),
            gender: None,
            plural: false,
            anonymous: kind == SourceType::Anonymous,
            descriptor: None,
            affiliation: None,
            head: None,
        }
    }

    /// Whether the entity carries a data tag. Entities keep the tags they inherit as strings
    /// (the lexicon's `Entry::data_tags`: "country:us", "company", a modifier's "state:texas"),
    /// an open vocabulary compared among entries and entities, not a typed `lexicon::Tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }

    pub fn add_tags<'a>(&mut self, tags: impl IntoIterator<Item = &'a str>) {
        for t in tags {
            if !t.starts_with("also:") && t != "container" && !self.has_tag(t) {
                self.tags.push(t.to_string());
            }
        }
    }
}

/// An entity found in the text: where, and what.
#[derive(Clone, Debug)]
pub struct Found {
    pub span: Span,
    pub entity: Entity,
}

/// Capitalised words at a sentence start that open a sentence rather than a name
/// (`rules/sentence_openers.toml`).
fn is_sentence_opener(word: &str) -> bool {
    use crate::lexicon::sentence_openers::{OPENERS_NOT_NAMES, SENTENCE_OPENERS};
    SENTENCE_OPENERS.contains(&word) || OPENERS_NOT_NAMES.contains(&word)
}

/// The entity a gazetteer entry names.
pub fn entity_of_entry(entry: &crate::lexicon::Entry) -> Entity {
    let mut e = Entity::new(entry.name, kind_of(entry));
    e.add_tags(entry.data_tags.iter().copied());
    e
}

/// Every entity mentioned in `doc`, in text order.
pub fn scan(doc: &Document) -> Vec<Found> {
    let mut out = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let tokens = doc.sentence_tokens(s);
        let heading = matches!(doc.block_of_sentence(s).kind, BlockKind::Title | BlockKind::Heading);
        let lower = sentence.tokens.clone().map(|i| doc.lower(i));
        scan_sentence(&doc.text, tokens, lower, heading, sentence.span.start, &mut out);
    }
    out.sort_by_key(|f| f.span.start);
    out
}

fn text_of<'t>(text: &'t str, t: &Token) -> &'t str {
    t.span.slice(text)
}

fn capitalised(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && text_of(text, t).chars().next().is_some_and(char::is_uppercase)
}

/// A word without its possessive, in lower case, from the document's lower-case token `lower`
/// when that is the same (no allocation), else lowered here.
fn entity_word<'t>(raw: &str, lower: &'t str) -> Cow<'t, str> {
    let stem = strip_possessive(raw);
    let plain = |s: &str| s.is_ascii();
    if plain(stem) && (stem.len() == raw.len() || plain(raw) || raw.ends_with("’s")) {
        // The document's token is `stem` lowered, then "'s" when there was a possessive.
        Cow::Borrowed(&lower[..stem.len()])
    } else {
        Cow::Owned(stem.to_lowercase())
    }
}

fn scan_sentence<'t>(
    text: &str,
    tokens: &[Token],
    lower: impl Iterator<Item = &'t str>,
    heading: bool,
    sentence_start: usize,
    out: &mut Vec<Found>,
) {
    let hits = gazetteer().scan(text, tokens);
    let mut covered = vec![false; tokens.len()];
    for h in &hits {
        covered[h.tokens.clone()].iter_mut().for_each(|c| *c = true);
        out.push(Found { span: h.span, entity: entity_of_entry(h.entry) });
    }
    let lower: Vec<Cow<str>> =
        tokens.iter().zip(lower).map(|(t, l)| entity_word(text_of(text, t), l)).collect();
    // Documents of someone: "notes from the White House", "a Pentagon report".
    for h in &hits {
        let author = h.entry.name;
        let before = h.tokens.start;
        let mut noun_at = None;
        if before >= 2
            && matches!(lower[before - 1].as_ref(), "the")
            && is_from(&lower[before - 2])
            && before >= 3
        {
            noun_at = Some(before - 3);
        } else if before >= 2 && is_from(&lower[before - 1]) {
            noun_at = Some(before - 2);
        } else if h.tokens.end < tokens.len() {
            noun_at = Some(h.tokens.end).filter(|&k| !capitalised(text, &tokens[k]));
        }
        if let Some(k) = noun_at {
            if let Some(e) = descriptors()
                .exact(&lower[k..k + 1], |e| e.class == Class::Document && e.has_tag(Tag::Container))
            {
                let noun = text_of(text, &tokens[k]).to_lowercase();
                let mut doc_entity = Entity::new(format!("{author} {noun}"), SourceType::Document);
                doc_entity.affiliation = Some(author.to_string());
                doc_entity.head = Some(noun);
                doc_entity.add_tags(e.data_tags.iter().copied());
                out.push(Found { span: tokens[k].span, entity: doc_entity });
            }
        }
    }
    // Capitalised runs not in the gazetteer: people ("Liu Pengyu", "President Trump") and named
    // bodies ending in a describing noun ("Institute for Strategic Dialogue").
    let mut i = 0;
    while i < tokens.len() {
        if covered[i] || !capitalised(text, &tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() && !covered[end] {
            if is_possessive_token(text, &tokens[end - 1]) {
                // "St Mary’s Hospital", "King’s College": the owner is part of the name.
                let institution = capitalised(text, &tokens[end])
                    && descriptors().exact(&lower[end..end + 1], |e| e.has_tag(Tag::Institution)).is_some();
                if !institution {
                    break;
                }
                end += 1;
            } else if capitalised(text, &tokens[end]) {
                end += 1;
            } else if end + 1 < tokens.len()
                && is_name_connector(&lower[end])
                && lower[end] != "and"
                && capitalised(text, &tokens[end + 1])
                && !covered[end + 1]
            {
                end += 2;
            } else {
                break;
            }
        }
        i = end;
        if heading {
            continue;
        }
        found_run(text, tokens, &lower, start, end, sentence_start, out);
    }
}

fn is_from(word: &str) -> bool {
    matches!(word, "from" | "by" | "of" | "in")
}

fn is_possessive_token(text: &str, t: &Token) -> bool {
    let w = text_of(text, t);
    strip_possessive(w).len() != w.len()
}

fn found_run(
    text: &str,
    tokens: &[Token],
    lower: &[Cow<str>],
    mut start: usize,
    end: usize,
    sentence_start: usize,
    out: &mut Vec<Found>,
) {
    while start < end && (is_sentence_opener(text_of(text, &tokens[start]))) {
        start += 1;
    }
    if start >= end {
        return;
    }
    // Titles in front: "President Trump", "Prime Minister Habib Essid", "Transport Secretary
    // Alan Price" (the title's head noun is kept: "the secretary", a headline's "secretary").
    let mut gender = None;
    let mut title_head: Option<String> = None;
    let run = Words::new(text, Span::new(tokens[start].span.start, tokens[end - 1].span.end));
    let prefix = title_prefix(&run, 0);
    if prefix >= run.len() {
        return;
    }
    let mut k = start;
    if prefix > 0 {
        let name_at = run.tokens[prefix].span.start;
        k = (start..end).find(|&i| tokens[i].span.start == name_at).unwrap_or(start);
        for (e, at, n) in titles().scan(&lower[start..k], |_| true).into_iter().map(|(a, n, e)| (e, a, n)) {
            gender = gender.or(gender_of(e));
            if !e.has_tag(Tag::Honorific) {
                title_head = Some(lower[start + at..start + at + n].join(" "));
            }
        }
    }
    let mut titled = k > start;
    // A lower-case title right before: "host Chris Matthews", "fire chief Mark Ellison".
    if !titled && start > 0 {
        // "Mr. Smith": the title's period is a token of its own.
        let stop = if lower[start - 1] == "." { start - 1 } else { start };
        let from = stop.saturating_sub(3);
        let before = (from..stop).find_map(|b| {
            titles()
                .match_at(&lower[..stop], b, |e| !e.has_tag(Tag::UnnamedAnonymous))
                .filter(|&(_, n)| b + n == stop)
                .map(|(e, _)| (e, b))
        });
        if let Some((e, b)) = before {
            titled = true;
            gender = gender_of(e);
            if !e.has_tag(Tag::Honorific) {
                title_head = Some(lower[b..stop].join(" "));
            }
        }
    }
    if k >= end {
        return;
    }
    let words = &lower[k..end];
    // "St Mary", "Saint Louis": a church, a school, a place, never a person.
    let saint = matches!(words[0].as_ref(), "st" | "st." | "saint" | "ste");
    let name_tokens = &tokens[k..end];
    let first_in_sentence = tokens[k].span.start == sentence_start;
    if is_place(words) || words.iter().all(|w| w.len() <= 1) {
        return;
    }
    let all_caps = |t: &Token| text_of(text, t).chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let span = Span::new(name_tokens[0].span.start, name_tokens[name_tokens.len() - 1].span.end);
    let name = strip_possessive(span.slice(text)).to_string();
    // "a Virginia Democrat": a description of someone, not a name.
    if words.len() >= 2 && titles().exact(&words[words.len() - 1..], |e| e.name == "party member").is_some() {
        return;
    }
    let entity = if let Some(e) = organization_head(words) {
        let mut ent = Entity::new(name, super::kind_of_class(organization_class(e)));
        ent.add_tags(e.data_tags.iter().copied());
        ent
    } else if saint {
        return;
    } else if titled || (words.len() >= 2 && words.len() <= 4 && !name_tokens.iter().any(all_caps)) {
        if words.len() == 1 && first_in_sentence && !titled {
            return;
        }
        let mut ent = Entity::new(name, SourceType::Person);
        ent.gender = gender;
        ent.head = title_head.or_else(|| appositive_head(text, tokens, end));
        ent
    } else {
        return;
    };
    out.push(Found { span, entity });
}

/// The title head of an appositive right after a name: "Farah Siddiqui, an economist at the
/// institute" → "economist".
fn appositive_head(text: &str, tokens: &[Token], end: usize) -> Option<String> {
    if end + 1 >= tokens.len() || text_of(text, &tokens[end]) != "," {
        return None;
    }
    let first = &tokens[end + 1];
    if !matches!(text_of(text, first).to_lowercase().as_str(), "a" | "an" | "the") {
        return None;
    }
    let stop = tokens[end + 1..]
        .iter()
        .position(|t| matches!(text_of(text, t), "," | ";" | "." | "(" | ")"))
        .map_or(tokens.len(), |p| end + 1 + p);
    let span = Span::new(first.span.start, tokens[stop - 1].span.end);
    let d = describe(&Words::new(text, span));
    let (head, written) = d.head?;
    (head.class == Class::Person && !head.has_tag(Tag::UnnamedAnonymous) && !d.anonymous)
        .then(|| written.to_lowercase())
}
