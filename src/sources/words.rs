//! Word lexicons of `rules/titles.toml`, `rules/descriptors.toml` and `rules/pronouns.toml`:
//! lower-case, whole-word, longest-match lookups over a phrase's words.

use crate::lexicon::FastMap as HashMap;
use crate::lexicon::{Class, Entry, Tag, DESCRIPTORS, PRONOUNS, TITLES};
use std::sync::OnceLock;

/// One lexicon compiled into a map from a form's first word to its forms.
pub struct WordIndex {
    by_first: HashMap<String, Vec<(Vec<String>, &'static Entry)>>,
}

/// Splits a form or phrase into lower-case words the way [`crate::text::tokenize`] would.
pub fn form_words(form: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    crate::text::tokenize(form, crate::text::Span::new(0, form.len()), &mut tokens);
    tokens.iter().map(|t| t.span.slice(form).to_lowercase()).collect()
}

impl WordIndex {
    fn new(table: &'static [Entry]) -> Self {
        let mut by_first: HashMap<String, Vec<(Vec<String>, &'static Entry)>> = HashMap::default();
        for entry in table {
            for form in entry.forms {
                let words = form_words(form);
                if let Some(first) = words.first() {
                    by_first.entry(first.clone()).or_default().push((words, entry));
                }
            }
        }
        // Longest forms first, so that the first hit is the longest match; entries keep file order.
        for forms in by_first.values_mut() {
            forms.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        WordIndex { by_first }
    }

    /// The longest form of an entry accepted by `keep` that starts at `words[i]`: (entry, words).
    pub fn match_at<S: AsRef<str>>(
        &self,
        words: &[S],
        i: usize,
        keep: impl Fn(&Entry) -> bool,
    ) -> Option<(&'static Entry, usize)> {
        let forms = self.by_first.get(words.get(i)?.as_ref())?;
        forms
            .iter()
            .find(|(form, entry)| {
                keep(entry)
                    && words.len() >= i + form.len()
                    && words[i..i + form.len()].iter().zip(form).all(|(w, f)| w.as_ref() == f)
            })
            .map(|(form, entry)| (*entry, form.len()))
    }

    /// The entry whose form is exactly `words`.
    pub fn exact<S: AsRef<str>>(&self, words: &[S], keep: impl Fn(&Entry) -> bool) -> Option<&'static Entry> {
        self.match_at(words, 0, keep).filter(|(_, n)| *n == words.len()).map(|(e, _)| e)
    }

    /// Every non-overlapping match, left to right: (start word, words, entry).
    pub fn scan<S: AsRef<str>>(
        &self,
        words: &[S],
        keep: impl Fn(&Entry) -> bool,
    ) -> Vec<(usize, usize, &'static Entry)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.match_at(words, i, &keep) {
                Some((entry, n)) => {
                    out.push((i, n, entry));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}

pub fn titles() -> &'static WordIndex {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    INDEX.get_or_init(|| WordIndex::new(TITLES))
}

pub fn descriptors() -> &'static WordIndex {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    INDEX.get_or_init(|| WordIndex::new(DESCRIPTORS))
}

pub fn pronouns() -> &'static WordIndex {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    INDEX.get_or_init(|| WordIndex::new(PRONOUNS))
}

/// Descriptor classes that are head nouns (not modifiers, places or anonymity phrases).
pub fn is_head_class(class: Class) -> bool {
    matches!(
        class,
        Class::Media | Class::Organization | Class::Government | Class::Document | Class::Anonymous
    )
}

/// The gender a title or pronoun entry tells, if any.
pub fn gender_of(entry: &Entry) -> Option<Gender> {
    if entry.has_tag(Tag::GenderM) {
        Some(Gender::Male)
    } else if entry.has_tag(Tag::GenderF) {
        Some(Gender::Female)
    } else {
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}
