//! The gazetteer: named outlets, government bodies and organizations from `rules/outlets.toml`
//! and `rules/organizations.toml`, matched case-sensitively on whole tokens (see those files).

use crate::lexicon::FastMap as HashMap;
use crate::lexicon::{Class, Entry, ORGANIZATIONS, OUTLETS};
use crate::report::SourceType;
use crate::text::{tokenize, Span, Token, TokenKind};
use std::sync::OnceLock;

/// A gazetteer name found in a text.
#[derive(Clone, Debug)]
pub struct Hit {
    /// Byte span of the name as written (without a leading "the", with a possessive "'s").
    pub span: Span,
    pub entry: &'static Entry,
    /// Token range (into the token slice that was scanned).
    pub tokens: std::ops::Range<usize>,
}

struct Form {
    words: Vec<String>,
    /// The form began with "The": the text must have "the"/"The" right before.
    needs_the: bool,
    entry: &'static Entry,
}

pub struct Gazetteer {
    by_first: HashMap<String, Vec<Form>>,
}

/// The source type of a gazetteer entry's class.
pub fn kind_of(entry: &Entry) -> SourceType {
    match entry.class {
        Class::Media => SourceType::Media,
        Class::Government => SourceType::Government,
        Class::Organization => SourceType::Organization,
        _ => SourceType::Unknown,
    }
}

/// A word without its possessive ending ("Alibaba's" → "Alibaba").
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

fn token_text<'t>(text: &'t str, t: &Token) -> &'t str {
    t.span.slice(text)
}

impl Gazetteer {
    fn new() -> Self {
        let mut by_first: HashMap<String, Vec<Form>> = HashMap::default();
        for entry in OUTLETS.iter().chain(ORGANIZATIONS.iter()) {
            for form in entry.forms {
                let mut toks = Vec::new();
                tokenize(form, Span::new(0, form.len()), &mut toks);
                let mut words: Vec<String> = toks.iter().map(|t| token_text(form, t).to_string()).collect();
                let needs_the = words.len() > 1 && words[0] == "The";
                if needs_the {
                    words.remove(0);
                }
                if let Some(first) = words.first() {
                    by_first.entry(first.clone()).or_default().push(Form { words, needs_the, entry });
                }
            }
        }
        for forms in by_first.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
        Gazetteer { by_first }
    }

    /// The longest form matching at token `i`; returns (entry, tokens used).
    fn match_at(&self, text: &str, tokens: &[Token], i: usize) -> Option<(&'static Entry, usize)> {
        let first = token_text(text, &tokens[i]);
        let candidates = self.by_first.get(first).into_iter().flatten();
        // Without a possessive the second lookup would only repeat the first.
        let bare = strip_possessive(first);
        let stripped =
            (bare.len() != first.len()).then(|| self.by_first.get(bare)).flatten().into_iter().flatten();
        candidates
            .chain(stripped)
            .filter(|f| i + f.words.len() <= tokens.len())
            .filter(|f| {
                !f.needs_the || (i > 0 && token_text(text, &tokens[i - 1]).eq_ignore_ascii_case("the"))
            })
            .filter(|f| {
                let n = f.words.len();
                f.words.iter().enumerate().all(|(k, w)| {
                    let t = token_text(text, &tokens[i + k]);
                    t == w || (k + 1 == n && strip_possessive(t) == w)
                })
            })
            .max_by_key(|f| f.words.len())
            .map(|f| (f.entry, f.words.len()))
    }

    /// Every gazetteer name in `tokens` (tokens of `text`), left to right, longest first.
    pub fn scan(&self, text: &str, tokens: &[Token]) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i].kind == TokenKind::Quote {
                i += 1;
                continue;
            }
            match self.match_at(text, tokens, i) {
                Some((entry, n)) => {
                    let span = Span::new(tokens[i].span.start, tokens[i + n - 1].span.end);
                    out.push(Hit { span, entry, tokens: i..i + n });
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The entry named by the whole of `tokens`, allowing a leading "the" ("the FT").
    pub fn exact(&self, text: &str, tokens: &[Token]) -> Option<&'static Entry> {
        let skip = usize::from(tokens.len() > 1 && token_text(text, &tokens[0]).eq_ignore_ascii_case("the"));
        if skip < tokens.len() {
            if let Some((entry, n)) = self.match_at(text, tokens, skip) {
                if skip + n == tokens.len() {
                    return Some(entry);
                }
            }
        }
        None
    }
}

pub fn gazetteer() -> &'static Gazetteer {
    static INDEX: OnceLock<Gazetteer> = OnceLock::new();
    INDEX.get_or_init(Gazetteer::new)
}

/// Gazetteer names in a free-standing text (used by tests and the lexicon replay).
pub fn find_in(text: &str) -> Vec<Hit> {
    let mut tokens = Vec::new();
    tokenize(text, Span::new(0, text.len()), &mut tokens);
    gazetteer().scan(text, &tokens)
}
