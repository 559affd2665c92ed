//! The discourse model: the entities a text names and mentions, with the bounded searches for
//! antecedents that resolution runs over them. How each kind of mention is resolved is in
//! [`super::names`] (pronouns and names) and [`super::descriptions`] (descriptions).

use super::entities::{self, Entity};
use super::phrase::{self, shape, Shape, Words};
use super::ResolvedSource;
use crate::lexicon::FastMap as HashMap;
use crate::limits::Budget;
use crate::report::SourceType;
use crate::text::{Document, Span, TokenKind};

/// The outcome for one mention before it becomes a [`ResolvedSource`].
pub(super) struct Outcome {
    pub(super) entity: usize,
    pub(super) descriptor: Option<String>,
    pub(super) document: Option<String>,
}

/// How many earlier mentions an antecedent search looks through (nearest first). Bounds the
/// work per mention on huge pages; news coreference rarely reaches further back.
pub(super) const MAX_LOOKBACK: usize = 1500;

/// How many entities of one name are looked through for the one a new mention of that name
/// merges with. Named entities of one name are merged, so only unnamed sources ("officials",
/// each its own entity) share a name, and the first of the right type comes within a few.
const MAX_NAMESAKES: usize = 32;

/// What the antecedent searches ask of an entity's name, worked out once when it is added.
#[derive(Clone, Copy)]
pub(super) struct NameShape {
    /// Whitespace-separated words.
    pub(super) words: usize,
    /// Byte ranges of the first and the last word in the name.
    pub(super) first: (usize, usize),
    pub(super) last: (usize, usize),
    /// A word of it is a name connector ("Bank of England").
    pub(super) connector: bool,
    /// A hash of the whole name, compared before the name itself.
    pub(super) hash: u64,
}

pub(super) fn hash(s: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<crate::lexicon::FnvHasher>::default().hash_one(s)
}

impl NameShape {
    fn of(name: &str) -> Self {
        let mut shape =
            NameShape { words: 0, first: (0, 0), last: (0, 0), connector: false, hash: hash(name) };
        for w in name.split_whitespace() {
            let start = w.as_ptr() as usize - name.as_ptr() as usize;
            let range = (start, start + w.len());
            if shape.words == 0 {
                shape.first = range;
            }
            shape.last = range;
            shape.words += 1;
            shape.connector |= phrase::is_name_connector(&w.to_lowercase());
        }
        shape
    }
}

/// The discourse model: entities and where the text mentions them.
pub(super) struct Resolver<'d> {
    pub(super) doc: &'d Document,
    pub(super) budget: &'d Budget,
    pub(super) entities: Vec<Entity>,
    /// The shape of each entity's name (same index).
    pub(super) shapes: Vec<NameShape>,
    /// Lower-case name → entities of that name.
    pub(super) by_name: HashMap<String, Vec<usize>>,
    /// (byte position, entity) of the entities the text names, sorted by position.
    pub(super) scanned: Vec<(usize, usize)>,
    /// (byte position, entity) of resolved mentions, sorted by position.
    pub(super) mentioned: Vec<(usize, usize)>,
}

impl<'d> Resolver<'d> {
    pub(super) fn new(doc: &'d Document, budget: &'d Budget) -> Self {
        let mut r = Resolver {
            doc,
            budget,
            entities: Vec::new(),
            shapes: Vec::new(),
            by_name: HashMap::default(),
            scanned: Vec::new(),
            mentioned: Vec::new(),
        };
        for found in entities::scan(doc) {
            let id = match r.earlier_full_name(&found.entity) {
                Some(id) => {
                    let x = &mut r.entities[id];
                    x.gender = x.gender.or(found.entity.gender);
                    x.head = x.head.take().or(found.entity.head);
                    id
                }
                None => r.intern(found.entity),
            };
            r.scanned.push((found.span.start, id));
        }
        r.scanned.sort_by_key(|o| o.0);
        r.scan_surnames();
        r
    }

    /// A person named in full ("Ammar Askar") is later named by surname alone ("Askar has
    /// released …"), which the scan cannot tell from any capitalised word; such mentions are
    /// noted too, so that a pronoun after them ("… code he said …") finds the person rather
    /// than a name further back. One pass over the tokens.
    fn scan_surnames(&mut self) {
        // (surname, first position, entity) of the first MAX_SURNAMES people named in full: a
        // short list, looked through for each capitalised word (no map: the browser's module
        // is kept small).
        let mut surnames: Vec<(&str, usize, usize)> = Vec::new();
        for &(pos, id) in &self.scanned {
            if self.entities[id].kind == SourceType::Person && self.shapes[id].words >= 2 {
                let (a, b) = self.shapes[id].last;
                let surname = &self.entities[id].name[a..b];
                if !surnames.iter().any(|s| s.0 == surname) {
                    surnames.push((surname, pos, id));
                    if surnames.len() == MAX_SURNAMES {
                        break;
                    }
                }
            }
        }
        if surnames.is_empty() {
            return;
        }
        let doc = self.doc;
        let mut more = Vec::new();
        for (i, t) in doc.tokens.iter().enumerate() {
            let raw = doc.slice(t.span);
            if t.kind != TokenKind::Word || !raw.starts_with(char::is_uppercase) {
                continue;
            }
            let word = raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s")).unwrap_or(raw);
            let Some(&(_, first, id)) = surnames.iter().find(|s| s.0 == word) else { continue };
            // Alone: not part of a longer name ("Ammar Askar" itself, "Askar Smith").
            let capital = |j: usize| {
                doc.tokens.get(j).is_some_and(|t| {
                    t.kind == TokenKind::Word && doc.slice(t.span).starts_with(char::is_uppercase)
                })
            };
            if t.span.start > first && !(i > 0 && capital(i - 1)) && !capital(i + 1) {
                more.push((t.span.start, id));
            }
        }
        if !more.is_empty() {
            self.scanned.extend(more);
            self.scanned.sort_by_key(|o| o.0);
        }
    }

    /// For a person the text names by surname only ("Mr. Clarke"), the nearest person named
    /// before in full with that surname and no other gender ("Tom Clarke").
    pub(super) fn earlier_full_name(&self, e: &Entity) -> Option<usize> {
        if e.kind != SourceType::Person || e.name.split_whitespace().count() != 1 {
            return None;
        }
        self.scanned.iter().rev().take(MAX_LOOKBACK).map(|&(_, id)| id).find(|&id| {
            let x = &self.entities[id];
            x.kind == SourceType::Person
                && self.shapes[id].words >= 2
                && self.last_word(id) == e.name
                && (x.gender.is_none() || e.gender.is_none() || x.gender == e.gender)
        })
    }

    pub(super) fn first_word(&self, id: usize) -> &str {
        let (a, b) = self.shapes[id].first;
        &self.entities[id].name[a..b]
    }

    pub(super) fn last_word(&self, id: usize) -> &str {
        let (a, b) = self.shapes[id].last;
        &self.entities[id].name[a..b]
    }

    /// Adds an entity, merging it with a known one of the same name.
    pub(super) fn intern(&mut self, e: Entity) -> usize {
        let key = e.name.to_lowercase();
        let same = self.by_name.get(&key).and_then(|ids| {
            ids.iter().take(MAX_NAMESAKES).copied().find(|&id| {
                let x = &self.entities[id];
                x.kind == e.kind || x.kind == SourceType::Unknown || e.kind == SourceType::Unknown
            })
        });
        match same {
            Some(id) => {
                let x = &mut self.entities[id];
                if x.kind == SourceType::Unknown {
                    x.kind = e.kind;
                }
                x.add_tags(e.tags.iter().map(String::as_str));
                x.gender = x.gender.or(e.gender);
                x.descriptor = x.descriptor.take().or(e.descriptor);
                x.affiliation = x.affiliation.take().or(e.affiliation);
                x.head = x.head.take().or(e.head);
                id
            }
            None => self.push(e),
        }
    }

    /// Adds an entity that must stay distinct from any other (an unnamed source).
    pub(super) fn push(&mut self, e: Entity) -> usize {
        let id = self.entities.len();
        self.by_name.entry(e.name.to_lowercase()).or_default().push(id);
        self.shapes.push(NameShape::of(&e.name));
        self.entities.push(e);
        id
    }

    pub(super) fn note_mention(&mut self, pos: usize, id: usize) {
        let at = self.mentioned.partition_point(|o| o.0 <= pos);
        self.mentioned.insert(at, (pos, id));
    }

    /// The entities of the last [`MAX_LOOKBACK`] mentions before `pos`, nearest first. An entity
    /// mentioned twice comes twice, its nearest mention first: every search takes the first (or
    /// the first best) that fits, so a repeat never changes an answer, and not removing repeats
    /// lets the searches stop early without collecting the window first.
    pub(super) fn earlier(&self, pos: usize) -> impl Iterator<Item = usize> + '_ {
        let mut a = self.scanned.partition_point(|o| o.0 < pos);
        let mut b = self.mentioned.partition_point(|o| o.0 < pos);
        let window = MAX_LOOKBACK.min(a + b);
        let window = if self.budget.spend(window as u64) { window } else { 0 };
        (0..window).map_while(move |_| {
            let take_a = match (a, b) {
                (0, 0) => return None,
                (0, _) => false,
                (_, 0) => true,
                _ => self.scanned[a - 1].0 > self.mentioned[b - 1].0,
            };
            Some(if take_a {
                a -= 1;
                self.scanned[a].1
            } else {
                b -= 1;
                self.mentioned[b].1
            })
        })
    }

    pub(super) fn resolve(&mut self, span: Span) -> ResolvedSource {
        let span = span.trim(&self.doc.text);
        let outcome = self.resolve_phrase(span);
        self.note_mention(span.start, outcome.entity);
        let e = &self.entities[outcome.entity];
        ResolvedSource {
            name: e.name.clone(),
            kind: e.kind,
            descriptor: outcome.descriptor.or_else(|| e.descriptor.clone()),
            anonymous: e.anonymous,
            affiliation: e.affiliation.clone(),
            document: outcome.document,
            entity: outcome.entity,
        }
    }

    fn resolve_phrase(&mut self, span: Span) -> Outcome {
        let text = self.doc.text.as_str();
        let words = Words::new(text, span);
        let pos = span.start;
        match shape(&words) {
            None => {
                let id = self.intern(Entity::new(span.slice(text), SourceType::Unknown));
                Outcome { entity: id, descriptor: None, document: None }
            }
            Some(Shape::Pronoun(e)) => self.resolve_pronoun(e, words.slice(0..words.len()), pos),
            Some(Shape::Container { noun, author }) => {
                let inner = self.resolve_phrase(author);
                let author_name = self.entities[inner.entity].name.clone();
                let mut d = Entity::new(format!("{author_name} {noun}"), SourceType::Document);
                d.affiliation = Some(author_name);
                d.head = Some(noun.clone());
                let did = self.intern(d);
                self.note_mention(pos, did);
                Outcome { entity: inner.entity, descriptor: inner.descriptor, document: Some(noun) }
            }
            Some(Shape::Named { name, descriptor }) => self.resolve_named(name, descriptor, pos),
            Some(Shape::Description) => self.resolve_description(&words, pos),
        }
    }
}

/// How many people named in full are looked for by surname alone (see `scan_surnames`).
const MAX_SURNAMES: usize = 64;
