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

mod entities;
mod gazetteer;
mod phrase;
mod words;

pub use entities::{scan as scan_entities, Entity, Found};
pub use gazetteer::{find_in as find_gazetteer_names, Hit};

use crate::lexicon::Entry;
use crate::lexicon::FastMap as HashMap;
use crate::limits::Budget;
use crate::report::SourceType;
use crate::text::{BlockKind, Document, Span, TokenKind};
use entities::entity_of_entry;
use phrase::{describe, shape, title_prefix, Description, Determiner, Shape, Words};
use words::{descriptors, gender_of};

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
        Shape::Pronoun(e) => Some(if e.class == "person" { SourceType::Person } else { SourceType::Unknown }),
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

/// Days and months: capitalised, never a source ("On Monday, …").
fn is_calendar_word(lower: &str) -> bool {
    crate::text::is_calendar_word(lower)
}

/// The source type of a descriptor class or a title.
pub(crate) fn kind_of_class(class: &str) -> SourceType {
    match class {
        "media" => SourceType::Media,
        "organization" => SourceType::Organization,
        "government" => SourceType::Government,
        "document" => SourceType::Document,
        "anonymous" => SourceType::Anonymous,
        "person" => SourceType::Person,
        _ => SourceType::Unknown,
    }
}

fn kind_of_head(e: &Entry) -> SourceType {
    if e.has_tag("unnamed-anonymous") {
        SourceType::Anonymous
    } else {
        kind_of_class(e.class)
    }
}

/// The type of a name that is not in the gazetteer, helped by what describes it.
fn kind_of_name(name: &Words, desc: Option<&Description>) -> SourceType {
    if let Some(e) = name.gazetteer_exact() {
        return gazetteer::kind_of(e);
    }
    if let Some((head, _)) = desc.and_then(|d| d.head.as_ref()) {
        return match kind_of_class(head.class) {
            // "Anthropic, a report …" is not a thing; a described name is its describer's kind.
            SourceType::Anonymous | SourceType::Document => SourceType::Unknown,
            k => k,
        };
    }
    let n = name.len();
    if n == 0 {
        return SourceType::Unknown;
    }
    let t = title_prefix(name, 0);
    if t > 0 && t < n {
        return SourceType::Person;
    }
    if phrase::is_place(&name.lower) {
        return SourceType::Government;
    }
    if let Some(e) = phrase::organization_head(&name.lower) {
        return kind_of_class(phrase::organization_class(e));
    }
    // "St Mary", "Saint Louis": a church, school or place, not a person.
    if matches!(name.lower[0].as_str(), "st" | "st." | "saint" | "ste") {
        return SourceType::Unknown;
    }
    if n >= 2 {
        return SourceType::Person;
    }
    SourceType::Unknown
}

/// The outcome for one mention before it becomes a [`ResolvedSource`].
struct Outcome {
    entity: usize,
    descriptor: Option<String>,
    document: Option<String>,
}

/// How many earlier mentions an antecedent search looks through (nearest first). Bounds the
/// work per mention on huge pages; news coreference rarely reaches further back.
const MAX_LOOKBACK: usize = 1500;

/// How many entities of one name are looked through for the one a new mention of that name
/// merges with. Named entities of one name are merged, so only unnamed sources ("officials",
/// each its own entity) share a name, and the first of the right type comes within a few.
const MAX_NAMESAKES: usize = 32;

/// What the antecedent searches ask of an entity's name, worked out once when it is added.
#[derive(Clone, Copy)]
struct NameShape {
    /// Whitespace-separated words.
    words: usize,
    /// Byte ranges of the first and the last word in the name.
    first: (usize, usize),
    last: (usize, usize),
    /// A word of it is a name connector ("Bank of England").
    connector: bool,
    /// A hash of the whole name, compared before the name itself.
    hash: u64,
}

fn hash(s: &str) -> u64 {
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
struct Resolver<'d> {
    doc: &'d Document,
    budget: &'d Budget,
    entities: Vec<Entity>,
    /// The shape of each entity's name (same index).
    shapes: Vec<NameShape>,
    /// Lower-case name → entities of that name.
    by_name: HashMap<String, Vec<usize>>,
    /// (byte position, entity) of the entities the text names, sorted by position.
    scanned: Vec<(usize, usize)>,
    /// (byte position, entity) of resolved mentions, sorted by position.
    mentioned: Vec<(usize, usize)>,
}

impl<'d> Resolver<'d> {
    fn new(doc: &'d Document, budget: &'d Budget) -> Self {
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
        let mut surnames: HashMap<&str, (usize, usize)> = HashMap::default();
        for &(pos, id) in &self.scanned {
            if self.entities[id].kind == SourceType::Person && self.shapes[id].words >= 2 {
                let (a, b) = self.shapes[id].last;
                surnames.entry(&self.entities[id].name[a..b]).or_insert((pos, id));
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
            let Some(&(first, id)) = surnames.get(word) else { continue };
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
    fn earlier_full_name(&self, e: &Entity) -> Option<usize> {
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

    fn first_word(&self, id: usize) -> &str {
        let (a, b) = self.shapes[id].first;
        &self.entities[id].name[a..b]
    }

    fn last_word(&self, id: usize) -> &str {
        let (a, b) = self.shapes[id].last;
        &self.entities[id].name[a..b]
    }

    /// Adds an entity, merging it with a known one of the same name.
    fn intern(&mut self, e: Entity) -> usize {
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
    fn push(&mut self, e: Entity) -> usize {
        let id = self.entities.len();
        self.by_name.entry(e.name.to_lowercase()).or_default().push(id);
        self.shapes.push(NameShape::of(&e.name));
        self.entities.push(e);
        id
    }

    fn note_mention(&mut self, pos: usize, id: usize) {
        let at = self.mentioned.partition_point(|o| o.0 <= pos);
        self.mentioned.insert(at, (pos, id));
    }

    /// The entities of the last [`MAX_LOOKBACK`] mentions before `pos`, nearest first. An entity
    /// mentioned twice comes twice, its nearest mention first: every search takes the first (or
    /// the first best) that fits, so a repeat never changes an answer, and not removing repeats
    /// lets the searches stop early without collecting the window first.
    fn earlier(&self, pos: usize) -> impl Iterator<Item = usize> + '_ {
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

    fn resolve(&mut self, span: Span) -> ResolvedSource {
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

    fn resolve_pronoun(&mut self, entry: &'static Entry, written: &str, pos: usize) -> Outcome {
        let gender = gender_of(entry);
        let found = self.earlier(pos).find(|&id| {
            let e = &self.entities[id];
            match entry.class {
                "person" => {
                    matches!(e.kind, SourceType::Person | SourceType::Anonymous)
                        && !e.plural
                        && (e.gender.is_none() || gender.is_none() || e.gender == gender)
                }
                "thing" => {
                    matches!(
                        e.kind,
                        SourceType::Organization
                            | SourceType::Media
                            | SourceType::Government
                            | SourceType::Document
                    ) && !e.plural
                }
                _ => {
                    matches!(e.kind, SourceType::Organization | SourceType::Media | SourceType::Government)
                        || e.plural
                }
            }
        });
        let id = match found {
            Some(id) => {
                if self.entities[id].gender.is_none() {
                    self.entities[id].gender = gender;
                }
                id
            }
            None => {
                let kind = if entry.class == "person" { SourceType::Person } else { SourceType::Unknown };
                let mut e = Entity::new(written, kind);
                e.gender = gender;
                e.plural = entry.class == "plural";
                self.push(e)
            }
        };
        Outcome { entity: id, descriptor: None, document: None }
    }

    fn resolve_named(&mut self, name: Span, descriptor: Option<Span>, pos: usize) -> Outcome {
        let text = self.doc.text.as_str();
        let words = Words::new(text, name);
        let desc_words = descriptor.map(|s| Words::new(text, s));
        let desc = desc_words.as_ref().map(describe);
        let id = match words.gazetteer_exact() {
            Some(entry) => self.intern(entity_of_entry(entry)),
            None => {
                let t = title_prefix(&words, 0).min(words.len().saturating_sub(1));
                let core = words.sub(t..words.len());
                let core_name = gazetteer::strip_possessive(core.slice(0..core.len())).to_string();
                let known = self.name_antecedent(&core, pos);
                match known {
                    Some(id) => id,
                    None => {
                        // "Sarah Cole, who leads the teachers’ union": "who" says it is a person,
                        // whatever the nouns of the clause are.
                        let who = desc_words.as_ref().is_some_and(|d| {
                            matches!(d.lower.first().map(String::as_str), Some("who" | "whose"))
                        });
                        let kind = if who && words.len() >= 2 {
                            SourceType::Person
                        } else {
                            kind_of_name(&words, desc.as_ref())
                        };
                        let mut e = Entity::new(core_name, kind);
                        if t > 0 {
                            e.descriptor = Some(words.slice(0..t).to_string());
                            if let Some((title, _)) = phrase::lower_words(words.slice(0..t))
                                .first()
                                .and_then(|_| words::titles().match_at(&words.lower, 0, |_| true))
                            {
                                e.gender = gender_of(title);
                            }
                        }
                        self.intern(e)
                    }
                }
            }
        };
        if let Some(d) = &desc {
            self.enrich(id, d, pos);
        }
        let written = descriptor.map(|s| s.slice(text).to_string());
        if self.entities[id].descriptor.is_none() {
            self.entities[id].descriptor = written.clone();
        }
        Outcome { entity: id, descriptor: written, document: None }
    }

    /// Surnames ("Essid" → "Habib Essid"), acronyms ("ISD") and names seen before. One pass over
    /// the earlier entities notes the nearest that fits each rule; the rules are then tried in turn.
    fn name_antecedent(&self, core: &Words, pos: usize) -> Option<usize> {
        let name = gazetteer::strip_possessive(core.slice(0..core.len()));
        let one_word = core.len() == 1;
        let word = name;
        let acronym = one_word && word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        let letters: String =
            if acronym { word.chars().filter(char::is_ascii_uppercase).collect() } else { String::new() };
        let (mut same, mut person, mut first, mut short, mut initialled) = (None, None, None, None, None);
        let name_hash = hash(name);
        for id in self.earlier(pos) {
            let e = &self.entities[id];
            if self.shapes[id].hash == name_hash && e.name == name {
                same = Some(id);
                break; // the first rule: nothing after it can win
            }
            if !one_word {
                continue;
            }
            let shape = self.shapes[id];
            let person_kind = e.kind == SourceType::Person;
            if person.is_none() && person_kind && shape.words >= 2 && self.last_word(id) == word {
                person = Some(id);
            }
            if first.is_none() && person_kind && shape.words == 2 && self.first_word(id) == word {
                first = Some(id);
            }
            // "Peabody" for "Peabody Energy", "Verdant" for "Verdant Energy".
            if short.is_none()
                && matches!(e.kind, SourceType::Organization | SourceType::Media | SourceType::Government)
                && shape.words >= 2
                && self.first_word(id) == word
                && !shape.connector
            {
                short = Some(id);
            }
            if acronym && initialled.is_none() && initials(&e.name) == letters {
                initialled = Some(id);
            }
        }
        same.or(person).or(first).or(short).or(initialled)
    }

    /// Adds what a descriptor says to an entity: tags, gender, affiliation, head noun.
    fn enrich(&mut self, id: usize, d: &Description, pos: usize) {
        let affiliation = self.affiliation_of(d, pos);
        let e = &mut self.entities[id];
        if let Some((head, written)) = &d.head {
            e.add_tags(head.tags.iter().copied());
            e.gender = e.gender.or(gender_of(head));
            e.head = e.head.take().or(Some(written.to_lowercase()));
        }
        e.add_tags(d.modifier_tags.iter().copied());
        if e.kind == SourceType::Person {
            e.affiliation = e.affiliation.take().or(affiliation);
        }
    }

    /// Whom a description ties the source to: a gazetteer name in it, a possessive owner
    /// ("China's"), or a generic noun before the head ("a company spokesperson" → the nearest
    /// earlier organization).
    fn affiliation_of(&self, d: &Description, pos: usize) -> Option<String> {
        if let Some(h) = d.hits.first() {
            return Some(h.entry.name.to_string());
        }
        if let Some(o) = &d.owner {
            return Some(o.clone());
        }
        let (head, written) = d.head.as_ref()?;
        if head.class != "person" {
            return None;
        }
        let before = d.text.to_lowercase();
        let before = before.split(&written.to_lowercase()).next().unwrap_or("");
        let generic = phrase::lower_words(before).into_iter().find_map(|w| {
            descriptors().exact(&[w], |e| matches!(e.class, "organization" | "government" | "media"))
        })?;
        let kinds = kinds_for(generic);
        self.earlier(pos)
            .find(|&id| kinds.contains(&self.entities[id].kind))
            .map(|id| self.entities[id].name.clone())
    }

    fn resolve_description(&mut self, words: &Words, pos: usize) -> Outcome {
        let d = describe(words);
        let text_desc = Some(d.text.clone());
        let Some((head, written)) = d.head.clone() else {
            if d.anonymous {
                return self.new_anonymous(&d, None, pos);
            }
            // No head noun: a gazetteer name inside is the best guess ("the Alibaba").
            let id = match d.hits.first() {
                Some(h) => self.intern(entity_of_entry(h.entry)),
                None => self.intern(Entity::new(d.text.clone(), SourceType::Unknown)),
            };
            return Outcome { entity: id, descriptor: text_desc, document: None };
        };
        let head_lower = written.to_lowercase();
        if d.anonymous {
            return self.new_anonymous(&d, Some(&head_lower), pos);
        }
        match head.class {
            "person" => {
                if d.determiner == Determiner::Definite && d.hits.is_empty() {
                    let same = self.earlier(pos).find(|&id| {
                        let e = &self.entities[id];
                        e.kind == SourceType::Person
                            && (e.head.as_deref() == Some(head_lower.as_str())
                                || e.descriptor
                                    .as_deref()
                                    .is_some_and(|x| x.to_lowercase().contains(&head_lower)))
                    });
                    if let Some(id) = same {
                        return Outcome { entity: id, descriptor: text_desc, document: None };
                    }
                }
                // A headline's "economist", "fire chief": the first person the body gives
                // that role ("Economist Farah Siddiqui", "Farah Siddiqui, an economist at …").
                if d.determiner != Determiner::Indefinite && d.hits.is_empty() && self.in_heading(pos) {
                    if let Some(id) = self.later_with_head(pos, &head_lower) {
                        return Outcome { entity: id, descriptor: text_desc, document: None };
                    }
                }
                let affiliation = self.affiliation_of(&d, pos);
                let name = match &affiliation {
                    Some(a) => format!("{a} {head_lower}"),
                    None => d.text.clone(),
                };
                let mut e = Entity::new(name, SourceType::Person);
                e.gender = gender_of(head);
                e.plural = d.plural;
                e.affiliation = affiliation;
                e.head = Some(head_lower);
                e.descriptor = text_desc.clone();
                let id = self.intern(e);
                Outcome { entity: id, descriptor: text_desc, document: None }
            }
            "document" => {
                if let Some(h) = d.hits.first() {
                    // "a Pentagon report": the author's document.
                    let id = self.intern(entity_of_entry(h.entry));
                    return Outcome { entity: id, descriptor: text_desc, document: Some(head_lower) };
                }
                let found = if d.determiner == Determiner::Definite {
                    self.earlier(pos).find(|&id| self.entities[id].kind == SourceType::Document)
                } else {
                    None
                };
                let id = found.unwrap_or_else(|| {
                    let mut e = Entity::new(d.text.clone(), SourceType::Document);
                    e.head = Some(head_lower.clone());
                    self.intern(e)
                });
                Outcome { entity: id, descriptor: text_desc, document: None }
            }
            _ => {
                let kinds = kinds_for(head);
                let need_modifier = d.determiner != Determiner::Definite;
                let found = self.find_described(pos, &kinds, head.tags, &d.modifier_tags, need_modifier);
                if let Some(id) = found {
                    let e = &mut self.entities[id];
                    e.descriptor = e.descriptor.take().or_else(|| Some(d.text.clone()));
                }
                let id = found.unwrap_or_else(|| {
                    let mut e = Entity::new(d.text.clone(), kind_of_class(head.class));
                    e.add_tags(head.tags.iter().copied());
                    e.add_tags(d.modifier_tags.iter().copied());
                    e.head = Some(head_lower.clone());
                    e.descriptor = Some(d.text.clone());
                    self.intern(e)
                });
                Outcome { entity: id, descriptor: text_desc, document: None }
            }
        }
    }

    /// Whether `pos` is in a title or heading.
    fn in_heading(&self, pos: usize) -> bool {
        let s = self.doc.sentences.partition_point(|x| x.span.end <= pos);
        s < self.doc.sentences.len()
            && matches!(self.doc.block_of_sentence(s).kind, BlockKind::Title | BlockKind::Heading)
    }

    /// The first person named after `pos`, outside headings, whose title or appositive has the
    /// head noun `head` ("chief" for "fire chief", "economist").
    fn later_with_head(&self, pos: usize, head: &str) -> Option<usize> {
        let want = head_noun(head);
        let from = self.scanned.partition_point(|o| o.0 <= pos);
        self.scanned[from..]
            .iter()
            .take(MAX_LOOKBACK)
            .filter(|&&(at, _)| !self.in_heading(at))
            .map(|&(_, id)| id)
            .find(|&id| {
                let e = &self.entities[id];
                e.kind == SourceType::Person
                    && !e.anonymous
                    && !e.plural
                    && e.head.as_deref().is_some_and(|h| head_noun(h) == want)
            })
    }

    fn new_anonymous(&mut self, d: &Description, head: Option<&str>, pos: usize) -> Outcome {
        if d.determiner == Determiner::Definite {
            if let Some(head) = head {
                let same = self.earlier(pos).find(|&id| {
                    let e = &self.entities[id];
                    e.anonymous
                        && e.head
                            .as_deref()
                            .is_some_and(|h| h.trim_end_matches('s') == head.trim_end_matches('s'))
                });
                if let Some(id) = same {
                    return Outcome { entity: id, descriptor: Some(d.text.clone()), document: None };
                }
            }
        }
        let name = anonymous_name(&d.text);
        let mut e = Entity::new(name, SourceType::Anonymous);
        e.anonymous = true;
        e.plural = d.plural;
        e.head = head.map(str::to_string);
        e.affiliation = self.affiliation_of(d, pos);
        e.descriptor = Some(d.text.clone());
        // Each unnamed source is its own entity, even when worded like another.
        let id = self.push(e);
        Outcome { entity: id, descriptor: Some(d.text.clone()), document: None }
    }

    /// The nearest earlier entity of one of `kinds` that fits the description's tags.
    fn find_described(
        &self,
        pos: usize,
        kinds: &[SourceType],
        head_tags: &[&str],
        modifier_tags: &[&str],
        need_modifier: bool,
    ) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for id in self.earlier(pos) {
            let e = &self.entities[id];
            if !kinds.contains(&e.kind) || e.anonymous {
                continue;
            }
            // "the aviation authority" may be an organization, but not a company named before.
            if e.kind != kinds[0] && e.has_tag("company") && !head_tags.contains(&"company") {
                continue;
            }
            let conflict = modifier_tags.iter().any(|m| {
                m.split_once(':').is_some_and(|(k, _)| {
                    e.tags.iter().any(|t| t.split_once(':').is_some_and(|(k2, _)| k2 == k)) && !e.has_tag(m)
                })
            });
            if conflict {
                continue;
            }
            let modifiers = modifier_tags.iter().filter(|m| e.has_tag(m)).count();
            if need_modifier && modifiers == 0 {
                continue;
            }
            let heads = head_tags.iter().filter(|t| !t.starts_with("also:") && e.has_tag(t)).count();
            let score = modifiers * 2 + heads;
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((id, score));
            }
        }
        best.map(|(id, _)| id)
    }
}

/// The entity types a head noun may name ("agency": media or government).
fn kinds_for(head: &Entry) -> Vec<SourceType> {
    let mut kinds = vec![kind_of_class(head.class)];
    for t in head.tags {
        if let Some(c) = t.strip_prefix("also:") {
            kinds.push(kind_of_class(c));
        }
    }
    kinds
}

/// The last word of a role, singular: "fire chief" → "chief", "Economists" → "economist".
fn head_noun(role: &str) -> String {
    let last = role.split_whitespace().last().unwrap_or("").to_lowercase();
    match last.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && stem.len() > 2 => stem.to_string(),
        _ => last,
    }
}

/// Initials of a name's capitalised words ("Institute for Strategic Dialogue" → "ISD").
fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next().filter(|c| c.is_uppercase())).collect()
}

/// The badge name of an unnamed source: the description up to a relative clause.
fn anonymous_name(text: &str) -> String {
    let mut cut = text.len();
    for stop in [" who ", " that ", ", ", " speaking ", " on condition"] {
        if let Some(i) = text.find(stop) {
            cut = cut.min(i);
        }
    }
    text[..cut].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{DESCRIPTORS, PRONOUNS, TITLES};
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
