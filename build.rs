//! Compiles the lexicons in `rules/*.toml` into static Rust tables (no parsing at run time, no
//! network). Every file has the same shape: a list of `[[entry]]` tables with `forms` (the words or
//! phrases, lower case unless case matters), an optional canonical `name`, a `class`, free `tags` and
//! `examples` (sentences the test suite replays).
//!
//! The files of [`WORD_LISTS`] are plain word lists (closed word classes): each of their entries
//! is also compiled into a constant of its own, named after the entry, in a module named after
//! the file (`rules/pattern_words.toml`, `name = "passive_aux"` →
//! `lexicon::pattern_words::PASSIVE_AUX`), so that code reads them as it read the inline lists.
//!
//! Classes and tags are typed: [`SCHEMA`] says which classes and tags each file may use, and the
//! build fails on any other. The code gets a `Class` enum (every class of every file) and a `Tag`
//! enum with a bitset `Tags`, so that `entry.class == Class::Speech` and
//! `entry.has_tag(Tag::Quote)` are checked by the compiler, not compared as strings at run time.
//! The gazetteers and descriptors (and the titles) also tag entries with facts that entities
//! inherit and that are compared among themselves, never with a word in the code
//! ("country:us", "city:paris", "also:government"): an open vocabulary, kept as written in
//! `Entry::data_tags`.

use serde::Deserialize;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    entry: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(default)]
    name: String,
    forms: Vec<String>,
    #[serde(default)]
    class: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    counterexamples: Vec<String>,
}

/// The rules files whose entries are word lists, each compiled into a constant of its own.
const WORD_LISTS: &[&str] = &["pattern_words", "sentence_openers"];

/// What a rules file may hold.
struct Schema {
    /// The file's stem (`rules/<file>.toml`).
    file: &'static str,
    /// The classes its entries may have ("" for none).
    classes: &'static [&'static str],
    /// The typed tags its entries may carry (each a `Tag`).
    tags: &'static [&'static str],
    /// Whether its entries may also carry open data tags (`Entry::data_tags`), which entities
    /// inherit: `key:value` or a word, lower case.
    data_tags: bool,
}

/// Every rules file and what it may hold. A file not listed here, a class or a typed tag not
/// listed for its file, is a build error.
const SCHEMA: &[Schema] = &[
    Schema {
        file: "cues",
        classes: &["speech", "belief", "perception"],
        tags: &["denial", "inverted", "np", "object", "phrase", "quote", "that", "to", "weak"],
        data_tags: false,
    },
    Schema {
        file: "cue_phrases",
        classes: &["according_to", "nominal", "adverb", "adjective", "stance-noun", "signature", "label"],
        tags: &["block-start", "denial-context", "possessive", "that", "to"],
        data_tags: false,
    },
    Schema {
        file: "markers",
        classes: &["denial", "unverified", "hedged", "anonymous", "anonymous_near_source"],
        tags: &[],
        data_tags: false,
    },
    Schema {
        file: "descriptors",
        classes: &[
            "media",
            "organization",
            "government",
            "document",
            "anonymous",
            "name-head",
            "modifier",
            "place",
        ],
        tags: &["container", "institution", "also:government", "also:organization"],
        data_tags: true,
    },
    Schema { file: "outlets", classes: &["media"], tags: &[], data_tags: true },
    Schema { file: "organizations", classes: &["organization", "government"], tags: &[], data_tags: true },
    Schema {
        file: "titles",
        classes: &["person"],
        tags: &["gender:f", "gender:m", "honorific", "media", "speaker", "unnamed-anonymous"],
        data_tags: true,
    },
    Schema {
        file: "pronouns",
        classes: &["person", "thing", "plural"],
        tags: &["gender:f", "gender:m"],
        data_tags: false,
    },
    Schema { file: "speakers", classes: &["group", "work"], tags: &[], data_tags: false },
    Schema { file: "senses", classes: &["not-reporting"], tags: &[], data_tags: false },
    Schema { file: "pattern_words", classes: &[""], tags: &[], data_tags: false },
    Schema { file: "sentence_openers", classes: &[""], tags: &[], data_tags: false },
];

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", quoted.join(", "))
}

/// The Rust name of a class or tag: "stance-noun" → `StanceNoun`, "gender:m" → `GenderM`, "" →
/// `WordList` (the entries of a word list have no class).
fn variant(name: &str) -> String {
    if name.is_empty() {
        return "WordList".to_string();
    }
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w[..1].to_uppercase() + &w[1..])
        .collect()
}

/// An open data tag: a lower-case word or `key:value` (words of letters, digits and `-`).
fn is_data_tag(tag: &str) -> bool {
    let word = |w: &str| {
        !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    match tag.split_once(':') {
        Some((k, v)) => word(k) && word(v),
        None => word(tag),
    }
}

fn main() {
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("lexicons.rs");
    println!("cargo:rerun-if-changed=rules");
    let mut names: Vec<_> = fs::read_dir("rules")
        .expect("rules/ directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    names.sort();
    // The examples are for the test suite, which runs natively; the browser's module has no use for
    // them (about a fifth of the lexicons' text), so the wasm32 build leaves them out.
    let keep_examples = env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32");
    let none: Vec<String> = Vec::new();

    // The enums: every class and every typed tag of the schema, in schema order.
    let mut classes: Vec<&str> = Vec::new();
    let mut tags: Vec<&str> = Vec::new();
    for s in SCHEMA {
        for c in s.classes {
            if !classes.contains(c) {
                classes.push(c);
            }
        }
        for t in s.tags {
            if !tags.contains(t) {
                tags.push(t);
            }
        }
    }
    assert!(tags.len() <= 32, "more than 32 typed tags: widen `Tags`");
    let mut code = String::new();
    writeln!(code, "/// What a lexicon entry is: every class of `rules/*.toml` (see `build.rs`, `SCHEMA`).")
        .unwrap();
    writeln!(code, "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Class {{").unwrap();
    for c in &classes {
        writeln!(code, "    /// `class = {c:?}`.\n    {},", variant(c)).unwrap();
    }
    writeln!(code, "}}").unwrap();
    writeln!(code, "/// A tag that the code asks of an entry (see `build.rs`, `SCHEMA`); a bit of [`Tags`].")
        .unwrap();
    writeln!(code, "#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Tag {{").unwrap();
    for (i, t) in tags.iter().enumerate() {
        writeln!(code, "    /// `{t:?}`.\n    {} = {i},", variant(t)).unwrap();
    }
    writeln!(code, "}}").unwrap();

    for path in names {
        println!("cargo:rerun-if-changed={}", path.display());
        let module = path.file_stem().unwrap().to_str().unwrap();
        let schema = SCHEMA
            .iter()
            .find(|s| s.file == module)
            .unwrap_or_else(|| panic!("{}: no schema for this file in build.rs", path.display()));
        let stem = module.to_uppercase();
        let text = fs::read_to_string(&path).unwrap();
        let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        writeln!(code, "/// Generated from `{}`.", path.display()).unwrap();
        writeln!(code, "pub static {stem}: &[Entry] = &[").unwrap();
        for e in &file.entry {
            let at = || format!("{}: entry {:?}", path.display(), e.forms.first().unwrap_or(&e.name));
            assert!(!e.forms.is_empty(), "{}: entry without forms", path.display());
            assert!(
                schema.classes.contains(&e.class.as_str()),
                "{}: class {:?} is not one of {:?}",
                at(),
                e.class,
                schema.classes
            );
            let mut bits = 0u32;
            for t in &e.tags {
                if schema.tags.contains(&t.as_str()) {
                    bits |= 1 << tags.iter().position(|x| x == t).unwrap();
                } else if let Some(class) = t.strip_prefix("also:").filter(|_| schema.data_tags) {
                    assert!(classes.contains(&class), "{}: tag {t:?} names no class", at());
                } else {
                    assert!(
                        schema.data_tags && is_data_tag(t),
                        "{}: tag {t:?} is not one of {:?}",
                        at(),
                        schema.tags
                    );
                }
            }
            let data = if schema.data_tags { &e.tags } else { &none };
            // The wasm32 build has no example fields at all (see `lexicon::Entry`).
            let examples = if keep_examples {
                format!(", examples: {}, counterexamples: {}", list(&e.examples), list(&e.counterexamples))
            } else {
                String::new()
            };
            writeln!(
                code,
                "    Entry {{ name: {:?}, forms: {}, class: Class::{}, tags: Tags({bits}), data_tags: {}{examples} }},",
                e.name,
                list(&e.forms),
                variant(&e.class),
                list(data),
            )
            .unwrap();
        }
        writeln!(code, "];").unwrap();
        if WORD_LISTS.contains(&module) {
            writeln!(code, "/// The word lists of `{}`, one constant per entry.", path.display()).unwrap();
            writeln!(code, "pub mod {module} {{").unwrap();
            for e in &file.entry {
                assert!(!e.name.is_empty(), "{}: a word list without a name", path.display());
                let name = e.name.to_uppercase().replace('-', "_");
                writeln!(code, "    /// Entry `{}`.", e.name).unwrap();
                writeln!(code, "    pub const {name}: &[&str] = {};", list(&e.forms)).unwrap();
            }
            writeln!(code, "}}").unwrap();
        }
    }
    fs::write(out, code).unwrap();
}
