//! The lexicons of `rules/*.toml`, compiled into static tables by `build.rs`, with their classes
//! and tags typed (`Class`, `Tag`, generated from `build.rs`'s schema of each file).
//! Each entry keeps its example sentences so that the test suite can replay them.

/// One lexicon entry: a family of forms (inflections, spellings, aliases) with a class and tags.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Canonical name (gazetteers); empty where the forms speak for themselves.
    pub name: &'static str,
    /// The words or phrases, in lower case unless case matters for the lexicon.
    pub forms: &'static [&'static str],
    /// What the entry is (a cue class, a source type, a marker …), one of the classes
    /// `build.rs`'s schema allows for its file.
    pub class: Class,
    /// The tags the code asks about (`"quote"`, `"gender:f"` …), checked against the schema.
    pub tags: Tags,
    /// The string escape: in the gazetteers, descriptors and titles, every tag as written, typed
    /// or not ("country:us", "city:paris", "also:government", "company"). Entities inherit these
    /// and compare them among themselves (`sources::Entity::tags`); the code never asks for one
    /// by name. Empty in the other files.
    pub data_tags: &'static [&'static str],
    /// Sentences in which the entry must be recognised (for the native test suite only: the
    /// browser's module has no use for them).
    #[cfg(not(target_arch = "wasm32"))]
    pub examples: &'static [&'static str],
    /// Sentences in which it must not be.
    #[cfg(not(target_arch = "wasm32"))]
    pub counterexamples: &'static [&'static str],
}

impl Entry {
    pub fn has_tag(&self, tag: Tag) -> bool {
        self.tags.has(tag)
    }
}

/// A set of [`Tag`]s, one bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tags(u32);

impl Tags {
    pub fn has(self, tag: Tag) -> bool {
        self.0 & (1 << tag as u32) != 0
    }
}

include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

/// FNV-1a: the lexicon maps are looked up once per token with short keys, where SipHash's
/// protection against crafted keys costs a fifth of the analysis time and buys nothing.
#[derive(Clone, Copy)]
pub struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A hash map keyed by lexicon words.
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FnvHasher>>;
