//! Mentions by description ("the California company", "a senior official", "the same
//! document"): what the description adds to an entity, whom it ties the source to, and the
//! nearest earlier entity it fits; unnamed sources become entities of their own.

use super::entities::{entity_of_entry, Entity};
use super::phrase::{self, describe, Description, Determiner, Words};
use super::resolver::{Outcome, Resolver, MAX_LOOKBACK};
use super::types::{kind_of_class, kinds_for};
use super::words::{descriptors, gender_of};
use crate::lexicon::Class;
use crate::report::SourceType;
use crate::text::BlockKind;

impl Resolver<'_> {
    /// Adds what a descriptor says to an entity: tags, gender, affiliation, head noun.
    pub(super) fn enrich(&mut self, id: usize, d: &Description, pos: usize) {
        let affiliation = self.affiliation_of(d, pos);
        let e = &mut self.entities[id];
        if let Some((head, written)) = &d.head {
            e.add_tags(head.data_tags.iter().copied());
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
        if head.class != Class::Person {
            return None;
        }
        let before = d.text.to_lowercase();
        let before = before.split(&written.to_lowercase()).next().unwrap_or("");
        let generic = phrase::lower_words(before).into_iter().find_map(|w| {
            descriptors()
                .exact(&[w], |e| matches!(e.class, Class::Organization | Class::Government | Class::Media))
        })?;
        let kinds = kinds_for(generic);
        self.earlier(pos)
            .find(|&id| kinds.contains(&self.entities[id].kind))
            .map(|id| self.entities[id].name.clone())
    }

    pub(super) fn resolve_description(&mut self, words: &Words, pos: usize) -> Outcome {
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
            Class::Person => {
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
            Class::Document => {
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
                let found = self.find_described(pos, &kinds, head.data_tags, &d.modifier_tags, need_modifier);
                if let Some(id) = found {
                    let e = &mut self.entities[id];
                    e.descriptor = e.descriptor.take().or_else(|| Some(d.text.clone()));
                }
                let id = found.unwrap_or_else(|| {
                    let mut e = Entity::new(d.text.clone(), kind_of_class(head.class));
                    e.add_tags(head.data_tags.iter().copied());
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

/// The last word of a role, singular: "fire chief" → "chief", "Economists" → "economist".
pub(super) fn head_noun(role: &str) -> String {
    let last = role.split_whitespace().last().unwrap_or("").to_lowercase();
    match last.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && stem.len() > 2 => stem.to_string(),
        _ => last,
    }
}

/// The badge name of an unnamed source: the description up to a relative clause.
pub(super) fn anonymous_name(text: &str) -> String {
    let mut cut = text.len();
    for stop in [" who ", " that ", ", ", " speaking ", " on condition"] {
        if let Some(i) = text.find(stop) {
            cut = cut.min(i);
        }
    }
    text[..cut].trim().to_string()
}
