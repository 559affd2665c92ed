//! Compiles the lexicons in `rules/*.toml` into static Rust tables (no parsing at run time, no
//! network). Every file has the same shape: a list of `[[entry]]` tables with `forms` (the words or
//! phrases, lower case unless case matters), an optional canonical `name`, a `class`, free `tags` and
//! `examples` (sentences the test suite replays).
//!
//! The files of [`WORD_LISTS`] are plain word lists (closed word classes): each of their entries
//! is also compiled into a constant of its own, named after the entry, in a module named after
//! the file (`rules/pattern_words.toml`, `name = "passive_aux"` →
//! `lexicon::pattern_words::PASSIVE_AUX`), so that code reads them as it read the inline lists.

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

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", quoted.join(", "))
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
    let mut code = String::new();
    for path in names {
        println!("cargo:rerun-if-changed={}", path.display());
        let stem = path.file_stem().unwrap().to_str().unwrap().to_uppercase();
        let text = fs::read_to_string(&path).unwrap();
        let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        writeln!(code, "/// Generated from `{}`.", path.display()).unwrap();
        writeln!(code, "pub static {stem}: &[Entry] = &[").unwrap();
        for e in &file.entry {
            assert!(!e.forms.is_empty(), "{}: entry without forms", path.display());
            writeln!(
                code,
                "    Entry {{ name: {:?}, forms: {}, class: {:?}, tags: {}, examples: {}, counterexamples: {} }},",
                e.name,
                list(&e.forms),
                e.class,
                list(&e.tags),
                list(if keep_examples { &e.examples } else { &none }),
                list(if keep_examples { &e.counterexamples } else { &none })
            )
            .unwrap();
        }
        writeln!(code, "];").unwrap();
        let module = path.file_stem().unwrap().to_str().unwrap();
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
