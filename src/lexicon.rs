//! The lexicons of `rules/*.toml`, compiled into static tables by `build.rs`.
//! Each entry keeps its example sentences so that the test suite can replay them.

/// One lexicon entry: a family of forms (inflections, spellings, aliases) with a class and tags.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Canonical name (gazetteers); empty where the forms speak for themselves.
    pub name: &'static str,
    /// The words or phrases, in lower case unless case matters for the lexicon.
    pub forms: &'static [&'static str],
    /// What the entry is (a cue class, a source type, a marker …).
    pub class: &'static str,
    /// Free-form attributes, e.g. `"transitive"` or `"country:us"`.
    pub tags: &'static [&'static str],
    /// Sentences in which the entry must be recognised.
    pub examples: &'static [&'static str],
    /// Sentences in which it must not be.
    pub counterexamples: &'static [&'static str],
}

impl Entry {
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.contains(&tag)
    }
}

include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));
