//! Reporting cues: the words that signal an attribution — reporting verbs in every inflection,
//! verbs of belief and intention, "according to", nominal cues ("claim that"), and sentence
//! adverbs ("reportedly"). The words come from `rules/cues.toml` and `rules/cue_phrases.toml`.

use crate::lexicon::FastMap as HashMap;
use crate::lexicon::{Class, Entry, Tag, CUES, CUE_PHRASES};
use crate::text::{Document, Span, Token, TokenKind};
use std::sync::OnceLock;

/// Which form of a verb the cue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Base,
    Third,
    Past,
    Gerund,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A reporting verb or verb phrase.
    Verb(Form),
    /// "according to".
    AccordingTo,
    /// A noun with a "that"-clause: "X's claim that …".
    Nominal,
    /// "reportedly", "allegedly".
    Adverb,
    /// "are afraid that", "were willing to": a stance adjective after a form of "be".
    Adjective,
    /// "Trump's attacks on the press", "the board's decision to close": a stance noun with an owner.
    StanceNoun,
}

/// One cue found in a sentence. Token indices are into [`Document::tokens`].
#[derive(Clone, Copy, Debug)]
pub struct Cue {
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    pub span: Span,
    pub kind: CueKind,
    pub entry: &'static Entry,
}

impl Cue {
    pub fn has_tag(&self, tag: Tag) -> bool {
        self.entry.has_tag(tag)
    }
}

struct Lexicon {
    /// Multi-word phrases as word lists, longest first.
    phrases: Vec<(Vec<&'static str>, &'static Entry, CueKind)>,
    /// What each word can be, looked up once per token.
    words: HashMap<&'static str, WordCues>,
}

/// Everything a word can be as a cue (or next to one).
#[derive(Default)]
struct WordCues {
    /// A single-word verb form.
    verb: Option<(&'static Entry, Form)>,
    /// The phrases (indices into [`Lexicon::phrases`], longest first) that start with it.
    phrase_starts: Vec<usize>,
    nominal: Option<&'static Entry>,
    adverb: Option<&'static Entry>,
    adjective: Option<&'static Entry>,
    stance_noun: Option<&'static Entry>,
    /// One of [`DETERMINERS`].
    determiner: bool,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut words: HashMap<&'static str, WordCues> = HashMap::default();
        let mut phrases = Vec::new();
        for entry in CUES {
            if entry.has_tag(Tag::Phrase) {
                for form in entry.forms {
                    phrases.push((form.split(' ').collect::<Vec<_>>(), entry, CueKind::Verb(Form::Past)));
                }
                continue;
            }
            let forms = [Form::Base, Form::Third, Form::Past, Form::Gerund];
            let n = entry.forms.len();
            for (i, form) in entry.forms.iter().enumerate() {
                // Forms are base, third person, past (and participle when it differs), gerund.
                let kind = if i == n - 1 {
                    Form::Gerund
                } else if i >= 2 {
                    Form::Past
                } else {
                    forms[i]
                };
                let verb = &mut words.entry(*form).or_default().verb;
                verb.get_or_insert((entry, kind));
            }
        }
        for entry in CUE_PHRASES {
            for form in entry.forms {
                let slot = match entry.class {
                    Class::AccordingTo => {
                        phrases.push((form.split(' ').collect::<Vec<_>>(), entry, CueKind::AccordingTo));
                        continue;
                    }
                    Class::Nominal => &mut words.entry(*form).or_default().nominal,
                    Class::Adverb => &mut words.entry(*form).or_default().adverb,
                    Class::Adjective => &mut words.entry(*form).or_default().adjective,
                    Class::StanceNoun => &mut words.entry(*form).or_default().stance_noun,
                    // Layout cues, matched by the attribution patterns themselves.
                    Class::Signature | Class::Label => continue,
                    other => panic!("unknown cue phrase class {other:?}"),
                };
                *slot = Some(entry);
            }
        }
        phrases.sort_by_key(|(words, _, _)| std::cmp::Reverse(words.len()));
        for (i, (phrase, _, _)) in phrases.iter().enumerate() {
            words.entry(phrase[0]).or_default().phrase_starts.push(i);
        }
        for d in DETERMINERS {
            words.entry(d).or_default().determiner = true;
        }
        Lexicon { phrases, words }
    })
}

/// Words that make the next word a noun, not a verb ("the report", "his claim").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "some", "any", "no", "every", "each", "another", "such", "whose", "which", "what", "one",
];

/// The most words (adjectives: "its two key findings") between a nominal cue and its owner
/// when a colon follows the cue.
pub const MAX_NOMINAL_OWNER_GAP: usize = 2;

/// The most cues taken from one sentence. The busiest sentences of news writing carry about ten
/// ("…, said X, adding that Y had told Z …"); a "sentence" with more is a list, a transcript
/// without stops or a hostile input ("said said said …"). Each cue may scan its sentence, so
/// this bound is what keeps a sentence of any length linear.
pub const MAX_CUES_PER_SENTENCE: usize = 32;

pub fn lower(doc: &Document, t: &Token) -> String {
    doc.slice(t.span).to_lowercase().replace('’', "'")
}

/// What every token of a document can be as a cue, looked up once for the whole document: the
/// cue finder and the attribution patterns ask it of the same tokens many times.
pub struct CueWords {
    info: Vec<Option<&'static WordCues>>,
}

impl CueWords {
    pub fn new(doc: &Document) -> Self {
        let lex = lexicon();
        CueWords { info: (0..doc.tokens.len()).map(|i| lex.words.get(doc.lower(i))).collect() }
    }

    /// Whether token `i` is a form of a reporting verb.
    pub fn is_verb(&self, i: usize) -> bool {
        self.info.get(i).copied().flatten().is_some_and(|c| c.verb.is_some())
    }
}

/// Finds the cues of sentence `s`.
pub fn find_cues(doc: &Document, s: usize) -> Vec<Cue> {
    let lex = lexicon();
    let info: Vec<Option<&WordCues>> =
        doc.sentences[s].tokens.clone().map(|i| lex.words.get(doc.lower(i))).collect();
    find_cues_with(doc, s, &info)
}

/// Whether the words after a verb give it a sense that reports nothing ("known as", "found a
/// job", "declared martial law"; `rules/senses.toml`).
fn not_reporting(verb: &str, after: &[&str]) -> bool {
    crate::lexicon::SENSES.iter().filter(|e| e.name == verb).any(|e| {
        e.forms.iter().any(|form| {
            let n = form.split(' ').count();
            after.len() >= n && form.split(' ').zip(after).all(|(f, w)| f == *w)
        })
    })
}

/// [`find_cues`] with the document's words looked up already.
pub fn find_cues_in(doc: &Document, s: usize, words: &CueWords) -> Vec<Cue> {
    find_cues_with(doc, s, &words.info[doc.sentences[s].tokens.clone()])
}

fn find_cues_with(doc: &Document, s: usize, info: &[Option<&WordCues>]) -> Vec<Cue> {
    let lex = lexicon();
    let range = doc.sentences[s].tokens.clone();
    let tokens = &doc.tokens[range.clone()];
    let words: Vec<&str> = range.clone().map(|i| doc.lower(i)).collect();
    // A headline in title case ("Obama Says Museum Will …"): capitals do not mark names there.
    let block = doc.block_of_sentence(s).kind;
    let word_tokens: Vec<&Token> = tokens.iter().filter(|t| t.kind == TokenKind::Word).collect();
    let capitalised =
        word_tokens.iter().filter(|t| doc.slice(t.span).starts_with(char::is_uppercase)).count();
    let title_case = matches!(block, crate::text::BlockKind::Title | crate::text::BlockKind::Heading)
        && word_tokens.len() >= 3
        && capitalised * 10 >= word_tokens.len() * 7;
    let mut cues = Vec::new();
    let mut i = 0;
    'outer: while i < tokens.len() && cues.len() < MAX_CUES_PER_SENTENCE {
        for &p in info[i].map_or(&[][..], |c| c.phrase_starts.as_slice()) {
            let (phrase, entry, kind) = &lex.phrases[p];
            if i + phrase.len() <= tokens.len() && phrase.iter().zip(&words[i..]).all(|(p, w)| *p == *w) {
                let last = i + phrase.len();
                cues.push(Cue {
                    first: range.start + i,
                    last: range.start + last,
                    span: tokens[i].span.cover(tokens[last - 1].span),
                    kind: *kind,
                    entry,
                });
                i = last;
                continue 'outer;
            }
        }
        let t = &tokens[i];
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let prev = if i > 0 { words[i - 1] } else { "" };
        let next = words.get(i + 1).copied().unwrap_or("");
        let capitalised_mid = i > 0
            && !title_case
            && doc.slice(t.span).starts_with(|c: char| c.is_uppercase())
            && !matches!(tokens[i - 1].kind, TokenKind::Quote | TokenKind::Punct);
        let mk = |kind, entry| Cue {
            first: range.start + i,
            last: range.start + i + 1,
            span: t.span,
            kind,
            entry,
        };
        let cue = info[i];
        let prev_is_determiner = i > 0 && info[i - 1].is_some_and(|c| c.determiner);
        let after_determiner = prev_is_determiner || prev.ends_with("'s") || prev.ends_with("s'");
        // "Trump's attacks on the press": an owner before, what it is about after.
        let possessive =
            prev.ends_with("'s") || prev.ends_with("s'") || matches!(prev, "his" | "her" | "their" | "its");
        if let Some(entry) = cue.and_then(|c| c.stance_noun).filter(|_| {
            possessive && matches!(next, "of" | "to" | "on" | "for" | "about" | "over" | "against" | "with")
        }) {
            cues.push(mk(CueKind::StanceNoun, entry));
            i += 1;
            continue;
        }
        if let Some(entry) = cue.and_then(|c| c.nominal).filter(|_| after_determiner && next == "that") {
            cues.push(mk(CueKind::Nominal, entry));
            i += 1;
            continue;
        }
        if let Some((entry, form)) = cue.and_then(|c| c.verb) {
            // "the report", "the reported deal", "to claims": nouns and adjectives, not verbs.
            // "the former secretary of state", "rocked by protests", "a flurry of tweets": a verb
            // in the present never follows a preposition directly.
            let after_preposition = matches!(form, Form::Base | Form::Third)
                && matches!(
                    prev,
                    "of" | "by"
                        | "for"
                        | "with"
                        | "in"
                        | "on"
                        | "from"
                        | "about"
                        | "against"
                        | "among"
                        | "member"
                );
            // "many reports suggest": after a plural quantifier an "-s" form is a plural noun.
            let plural_noun =
                form == Form::Third && crate::lexicon::pattern_words::PLURAL_QUANTIFIERS.contains(&prev);
            let nounish = after_determiner
                || after_preposition
                || plural_noun
                || (prev == "to" && form == Form::Third)
                || not_reporting(entry.name, &words[i + 1..]);
            // "point out"
            let phrasal_missing = entry.name == "point" && next != "out";
            if !capitalised_mid && !nounish && !phrasal_missing {
                cues.push(mk(CueKind::Verb(form), entry));
                i += 1;
                continue;
            }
        }
        if let Some(entry) = cue.and_then(|c| c.nominal) {
            // "Among its key findings: …": an owned noun before a colon, the content after it.
            let owned = (i.saturating_sub(MAX_NOMINAL_OWNER_GAP + 1)..i).any(|k| {
                let w = words[k];
                w.ends_with("'s") || w.ends_with("s'") || matches!(w, "his" | "her" | "their" | "its")
            });
            if next == "that" || (next == "by" && entry.name == "report") || (next == ":" && owned) {
                cues.push(mk(CueKind::Nominal, entry));
            }
        } else if let Some(entry) = cue.and_then(|c| c.adverb) {
            cues.push(mk(CueKind::Adverb, entry));
        } else if let Some(entry) = cue.and_then(|c| c.adjective) {
            // Only after "be" and before what the stance is about: "are afraid that …".
            let after_be = matches!(
                prev,
                "is" | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "remain"
                    | "remains"
                    | "remained"
                    | "seem"
                    | "seems"
                    | "seemed"
                    | "not"
                    | "very"
                    | "so"
                    | "increasingly"
                    | "less"
                    | "more"
                    | "also"
                    | "still"
            ) || prev.ends_with("'re")
                || prev.ends_with("'s");
            if after_be && matches!(next, "that" | "to" | "about" | "of" | "over" | "with") {
                cues.push(mk(CueKind::Adjective, entry));
            }
        }
        i += 1;
    }
    cues
}

/// The lexicon entry of a layout cue class ("signature", "label").
pub fn layout_cue(class: Class) -> &'static Entry {
    CUE_PHRASES.iter().find(|e| e.class == class).expect("layout cue in rules/cue_phrases.toml")
}

/// Whether `word` (lower case) is a form of a reporting verb.
pub fn is_cue_verb(word: &str) -> bool {
    lexicon().words.get(word).is_some_and(|c| c.verb.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue_words(text: &str) -> Vec<String> {
        let doc = Document::from_plain_text(&format!("Title\n{text}"));
        (0..doc.sentences.len())
            .flat_map(|s| find_cues(&doc, s))
            .map(|c| doc.slice(c.span).to_string())
            .collect()
    }

    /// Each sense's examples give no attributed claim; its counterexamples, the same verb
    /// reporting, still give one.
    #[test]
    fn senses_examples_replay() {
        let attributed = |text: &str| {
            crate::analyze_text(&format!("Title\n{text}"))
                .claims
                .into_iter()
                .filter(|c| c.kind != crate::ClaimKind::Unattributed)
                .count()
        };
        for entry in crate::lexicon::SENSES {
            assert!(CUES.iter().any(|c| c.name == entry.name), "{}: no such cue", entry.name);
            for ex in entry.examples {
                assert_eq!(attributed(ex), 0, "{ex:?}");
            }
            for ex in entry.counterexamples {
                assert!(attributed(ex) > 0, "{ex:?}");
            }
        }
    }

    #[test]
    fn cues_per_sentence_are_bounded() {
        assert_eq!(cue_words(&"said ".repeat(1000)).len(), MAX_CUES_PER_SENTENCE);
    }

    #[test]
    fn verbs_in_every_inflection() {
        assert_eq!(
            cue_words("He says it. She said it. They are saying it. We say it."),
            ["says", "said", "saying", "say"]
        );
    }

    #[test]
    fn nouns_are_not_verbs() {
        assert_eq!(
            cue_words("The report was long. His claim was odd. The Post ran it."),
            Vec::<String>::new()
        );
        assert_eq!(cue_words("The report found that sales fell."), ["found"]);
    }

    #[test]
    fn phrases_nominals_and_adverbs() {
        assert_eq!(
            cue_words("According to the FT, it fell. His claim that it rose was wrong. He reportedly left."),
            ["According to", "claim", "reportedly"]
        );
        assert_eq!(cue_words("She pointed out that it was late."), ["pointed out"]);
    }

    /// Every entry's example sentence yields a cue from that entry, also when shifted by one char.
    #[test]
    fn lexicon_examples_are_recognised() {
        for entry in
            CUES.iter().chain(CUE_PHRASES).filter(|e| !matches!(e.class, Class::Signature | Class::Label))
        {
            for counter in entry.counterexamples {
                let doc = Document::from_plain_text(&format!("Title\n{counter}"));
                let found = (0..doc.sentences.len())
                    .flat_map(|s| find_cues(&doc, s))
                    .any(|c| c.entry.name == entry.name);
                assert!(!found, "cue from {:?} in counterexample {counter:?}", entry.name);
            }
            for example in entry.examples {
                for prefix in ["", " "] {
                    let doc = Document::from_plain_text(&format!("Title\n{prefix}{example}"));
                    let found = (0..doc.sentences.len())
                        .flat_map(|s| find_cues(&doc, s))
                        .any(|c| std::ptr::eq(c.entry, entry) || c.entry.name == entry.name);
                    assert!(found, "no cue from {:?} in {example:?}", entry.name);
                }
            }
        }
    }
}
