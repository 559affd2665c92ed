//! Mentions by pronoun ("she", "the company's", "they") and by name ("Mr. Clarke", "ISD",
//! "Habib Essid, the prime minister"): the nearest earlier entity that fits, or a new one.

use super::entities::{entity_of_entry, Entity};
use super::gazetteer;
use super::phrase::{self, describe, title_prefix, Words};
use super::resolver::{hash, Outcome, Resolver};
use super::types::kind_of_name;
use super::words::{self, gender_of};
use crate::lexicon::{Class, Entry};
use crate::report::SourceType;
use crate::text::Span;

impl Resolver<'_> {
    pub(super) fn resolve_pronoun(&mut self, entry: &'static Entry, written: &str, pos: usize) -> Outcome {
        let gender = gender_of(entry);
        let fits = |id: usize| {
            let e = &self.entities[id];
            match entry.class {
                Class::Person => {
                    matches!(e.kind, SourceType::Person | SourceType::Anonymous)
                        && !e.plural
                        && (e.gender.is_none() || gender.is_none() || e.gender == gender)
                }
                Class::Thing => {
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
        };
        // "she" after "Hicks (she) … the First Amendment …": among the nearest few that fit, one
        // known to have the pronoun's gender beats a nearer one of unknown gender.
        let found = {
            let mut candidates = self.earlier(pos).filter(|&id| fits(id)).take(GENDER_WINDOW);
            let first = candidates.next();
            match (first, gender) {
                (Some(id), Some(g)) if self.entities[id].gender != Some(g) => {
                    candidates.find(|&other| self.entities[other].gender == Some(g)).or(first)
                }
                _ => first,
            }
        };
        let id = match found {
            Some(id) => {
                if self.entities[id].gender.is_none() {
                    self.entities[id].gender = gender;
                }
                id
            }
            None => {
                let kind =
                    if entry.class == Class::Person { SourceType::Person } else { SourceType::Unknown };
                let mut e = Entity::new(written, kind);
                e.gender = gender;
                e.plural = entry.class == Class::Plural;
                self.push(e)
            }
        };
        Outcome { entity: id, descriptor: None, document: None }
    }

    pub(super) fn resolve_named(&mut self, name: Span, descriptor: Option<Span>, pos: usize) -> Outcome {
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
}

/// Initials of a name's capitalised words ("Institute for Strategic Dialogue" → "ISD").
pub(super) fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next().filter(|c| c.is_uppercase())).collect()
}

/// How many of the nearest entities that fit a pronoun are looked at for one of its gender.
const GENDER_WINDOW: usize = 4;
