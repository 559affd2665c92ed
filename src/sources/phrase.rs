//! The shape of one source phrase: a pronoun, a name with its descriptor ("Liu Pengyu,
//! spokesperson for …", "MSNBC host Chris Matthews"), a document of someone ("a report from the
//! California company"), or a description ("the economic and financial daily").

use super::gazetteer::{gazetteer, strip_possessive, Hit};
use super::words::{descriptors, form_words, is_head_class, pronouns, titles};
use crate::lexicon::{Class, Entry, Tag};
use crate::text::{tokenize, Span, Token, TokenKind};

/// The words of a phrase: its tokens (without quotation marks) and their lower-case forms.
pub struct Words<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub lower: Vec<String>,
}

impl<'t> Words<'t> {
    /// The tokens of `span` in `text`, with edge punctuation trimmed off.
    pub fn new(text: &'t str, span: Span) -> Self {
        let mut tokens = Vec::new();
        tokenize(text, span, &mut tokens);
        tokens.retain(|t| t.kind != TokenKind::Quote);
        while tokens.first().is_some_and(|t| t.kind == TokenKind::Punct) {
            tokens.remove(0);
        }
        while tokens.last().is_some_and(|t| t.kind == TokenKind::Punct) {
            tokens.pop();
        }
        let lower = tokens.iter().map(|t| strip_possessive(t.span.slice(text)).to_lowercase()).collect();
        Words { text, tokens, lower }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub fn word(&self, i: usize) -> &'t str {
        self.tokens[i].span.slice(self.text)
    }

    /// Byte span covering words `range`.
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        Span::new(self.tokens[range.start].span.start, self.tokens[range.end - 1].span.end)
    }

    pub fn slice(&self, range: std::ops::Range<usize>) -> &'t str {
        if range.is_empty() {
            return "";
        }
        self.span(range).slice(self.text)
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_possessive(&self, i: usize) -> bool {
        strip_possessive(self.word(i)).len() != self.word(i).len()
    }

    /// A sub-phrase over `range`.
    pub fn sub(&self, range: std::ops::Range<usize>) -> Words<'t> {
        Words {
            text: self.text,
            tokens: self.tokens[range.clone()].to_vec(),
            lower: self.lower[range].to_vec(),
        }
    }

    pub fn gazetteer_hits(&self) -> Vec<Hit> {
        gazetteer().scan(self.text, &self.tokens)
    }

    pub fn gazetteer_exact(&self) -> Option<&'static Entry> {
        if self.is_empty() {
            return None;
        }
        gazetteer().exact(self.text, &self.tokens)
    }
}

/// Words that open a noun phrase without being part of what it names.
pub fn determiner(word: &str) -> Option<Determiner> {
    Some(match word {
        "the" | "this" | "that" | "these" | "those" | "same" | "said" | "such" => Determiner::Definite,
        "a" | "an" | "one" | "some" | "several" | "two" | "three" | "many" | "other" | "another"
        | "various" | "multiple" | "numerous" => Determiner::Indefinite,
        _ => return None,
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Determiner {
    Definite,
    Indefinite,
    None,
}

/// Small words allowed inside a proper name between capitalised words ("Bank of England").
pub fn is_name_connector(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "for"
            | "and"
            | "de"
            | "the"
            | "al"
            | "bin"
            | "van"
            | "von"
            | "der"
            | "du"
            | "da"
            | "la"
            | "le"
            | "&"
    )
}

/// Words that end the head of a description and start what follows it
/// ("spokesperson | for the embassy", "a source | familiar with the matter").
pub fn is_postmodifier_start(lower: &str) -> bool {
    matches!(
        lower,
        "for"
            | "of"
            | "from"
            | "at"
            | "in"
            | "with"
            | "who"
            | "that"
            | "which"
            | "whose"
            | "familiar"
            | "close"
            | "briefed"
            | "on"
            | "speaking"
            | "based"
            | "to"
            | "by"
            | "published"
            | "quoted"
            | "cited"
            | "said"
            | "told"
            | "wrote"
            | "according"
            | "within"
            | "inside"
            | "under"
            | "dated"
            | "released"
            | "seen"
            | "obtained"
            | "reviewed"
            | "posted"
    )
}

/// What a source phrase is made of.
#[derive(Debug)]
pub enum Shape {
    /// A pronoun ("they"); the entry is from `rules/pronouns.toml`.
    Pronoun(&'static Entry),
    /// "<document noun> in/from/by/of <author>": `noun` is the document word, `author` a phrase.
    Container { noun: String, author: Span },
    /// A proper name, and what the text says about it (appositive or title before the name).
    Named { name: Span, descriptor: Option<Span> },
    /// A description without a proper name.
    Description,
}

/// Where a parenthesised alias at the end of a phrase starts ("The World Health Organization
/// (WHO)" → the index of "("), when what is in the parentheses is one capitalised word or
/// acronym and something comes before it. The closing parenthesis may already be trimmed off.
pub fn alias_start(words: &Words) -> Option<usize> {
    let n = words.len();
    let close = usize::from(n > 0 && words.word(n - 1) == ")");
    let open = n.checked_sub(2 + close)?;
    let alias = open + 1;
    (open > 0
        && words.word(open) == "("
        && words.tokens[alias].kind == TokenKind::Word
        && words.is_capitalised(alias))
    .then_some(open)
}

/// Splits a phrase into its shape.
pub fn shape(words: &Words) -> Option<Shape> {
    // A parenthesised alias is another name of what comes before it, not a part of the phrase.
    if let Some(open) = alias_start(words) {
        return shape(&words.sub(0..open));
    }
    let n = words.len();
    if n == 0 {
        return None;
    }
    if n == 1 {
        if let Some(e) = pronouns().exact(&words.lower[..1], |_| true) {
            return Some(Shape::Pronoun(e));
        }
    }
    if words.gazetteer_exact().is_some() {
        return Some(Shape::Named { name: words.span(0..n), descriptor: None });
    }
    if let Some(s) = container(words) {
        return Some(s);
    }
    // "X, Y": the side that reads as a name is the name.
    if let Some(c) = words.tokens.iter().position(|t| t.span.slice(words.text) == ",") {
        let (left, right) = (0..c, c + 1..n);
        if !right.is_empty() && !left.is_empty() {
            let left_name = name_like(&words.sub(left.clone()));
            let right_name = name_like(&words.sub(right.clone()));
            let right_end = words.tokens[c + 1..]
                .iter()
                .position(|t| t.span.slice(words.text) == ",")
                .map_or(n, |k| c + 1 + k);
            if left_name {
                return Some(Shape::Named {
                    name: words.span(left),
                    descriptor: Some(words.span(c + 1..right_end)),
                });
            }
            if right_name {
                return Some(Shape::Named {
                    name: words.span(c + 1..right_end),
                    descriptor: Some(words.span(left)),
                });
            }
        }
    }
    // A capitalised run at the end, after a title or description ("MSNBC host Chris Matthews").
    let mut r = n;
    while r > 0
        && (words.is_capitalised(r - 1)
            || (r < n && r > 1 && is_name_connector(&words.lower[r - 1]) && words.is_capitalised(r - 2)))
    {
        r -= 1;
    }
    if r < n && words.is_capitalised(r) {
        let lead = &words.lower[..r];
        let only_determiners = lead.iter().all(|w| determiner(w).is_some());
        if r == 0 || only_determiners {
            // "The Institute for Fiscal Studies": the article is no part of the name.
            while r + 1 < n && determiner(&words.lower[r]).is_some() && words.is_capitalised(r + 1) {
                r += 1;
            }
            // Entirely a name; a title at its front is its descriptor ("President Trump",
            // "Transport Secretary Alan Price").
            let t = title_prefix(words, r);
            if t > r && t < n {
                return Some(Shape::Named { name: words.span(t..n), descriptor: Some(words.span(r..t)) });
            }
            return Some(Shape::Named { name: words.span(r..n), descriptor: None });
        }
        // The part before must end in a title or describing noun, not a preposition ("a report
        // from Anthropic" is handled above; "spokesperson for Alibaba" is a description).
        let before = &words.lower[r - 1];
        if !is_postmodifier_start(before) && !is_name_connector(before) {
            let t = leading_titles(words, r);
            let name_start = if t < n { t } else { r };
            return Some(Shape::Named {
                name: words.span(name_start..n),
                descriptor: Some(words.span(0..name_start)),
            });
        }
    }
    Some(Shape::Description)
}

/// How many words from `from` on are titles or honorifics ("Foreign Minister", "Mr").
pub fn leading_titles(words: &Words, from: usize) -> usize {
    let mut i = from;
    while i < words.len() {
        match titles().match_at(&words.lower, i, |_| true) {
            Some((_, k)) if words.is_capitalised(i) || words.lower[i].len() <= 4 => i += k,
            _ => break,
        }
    }
    // "Mr." leaves its period as a separate token.
    while i < words.len() && words.word(i) == "." {
        i += 1;
    }
    i
}

/// How many words from `from` on are a title, possibly after capitalised words that narrow it
/// ("President", "Foreign Minister", "Transport Secretary", "Bank of England Governor"), when a
/// name follows. Returns `from` when the words do not open with a title. A run whose last word
/// names an organization ("Queen Mary University") has no title prefix.
pub fn title_prefix(words: &Words, from: usize) -> usize {
    let n = words.len();
    if n > from + 1 && last_word_head(&words.lower[n - 1]).is_some() {
        return from;
    }
    let t = leading_titles(words, from);
    if t > from || n <= from + 2 {
        return t;
    }
    // Up to three capitalised modifiers, then a capitalised title, then a capitalised name.
    for k in from + 1..(from + 4).min(n - 1) {
        if !words.is_capitalised(k) {
            if is_name_connector(&words.lower[k]) {
                continue;
            }
            break;
        }
        let Some((entry, len)) = titles().match_at(&words.lower, k, |_| true) else {
            continue;
        };
        // "Martin Luther King", "Billie Jean King": a royal title inside a run is a surname.
        if len == 1 && entry.name == "head of state or government" && words.lower[k] != "president" {
            continue;
        }
        let end = leading_titles(words, k + len);
        let rest_is_name =
            end < n && (end..n).all(|i| words.is_capitalised(i) || is_name_connector(&words.lower[i]));
        if rest_is_name && words.is_capitalised(end) {
            return end;
        }
        break;
    }
    from
}

/// The descriptor entry that makes a capitalised run a body rather than a person: its last word
/// ends organization names ("Northwind Airlines", "Veltro Motors", "St Mary's Hospital",
/// "Aviation Authority"), or its first word is a head noun followed by "of"/"for" ("Ministry of
/// Health", "Institute for Strategic Dialogue", "Bank of England").
pub fn organization_head<S: AsRef<str>>(lower: &[S]) -> Option<&'static Entry> {
    if lower.len() < 2 {
        return None;
    }
    let body = |e: &Entry| matches!(e.class, Class::Media | Class::Organization | Class::Government);
    if matches!(lower[1].as_ref(), "of" | "for") {
        if let Some(e) = descriptors().exact(&lower[..1], body) {
            return Some(e);
        }
    }
    last_word_head(lower[lower.len() - 1].as_ref())
}

/// The entry of a word that ends names of bodies ("Airlines", "Hospital", "Authority").
fn last_word_head(word: &str) -> Option<&'static Entry> {
    descriptors().exact(&[word], |e| {
        matches!(e.class, Class::Media | Class::Organization | Class::Government | Class::NameHead)
    })
}

/// The source class of an [`organization_head`] entry.
pub fn organization_class(entry: &Entry) -> Class {
    if entry.class == Class::NameHead {
        Class::Organization
    } else {
        entry.class
    }
}

/// A proper name: capitalised words (with connectors), not opened by a determiner, or a
/// gazetteer name.
pub fn name_like(words: &Words) -> bool {
    if words.is_empty() {
        return false;
    }
    if words.gazetteer_exact().is_some() {
        return true;
    }
    if determiner(&words.lower[0]).is_some() || !words.is_capitalised(0) {
        return false;
    }
    (0..words.len()).all(|i| {
        words.is_capitalised(i)
            || is_name_connector(&words.lower[i])
            || words.tokens[i].kind != TokenKind::Word
    })
}

/// "<document noun> in/from/by/of <author>".
fn container(words: &Words) -> Option<Shape> {
    let mut i = 0;
    while i < words.len() && determiner(&words.lower[i]).is_some() {
        i += 1;
    }
    // The document noun is the last word before the preposition.
    let p = (i..words.len()).find(|&k| matches!(words.lower[k].as_str(), "in" | "from" | "by" | "of"))?;
    if p == 0 || p + 1 >= words.len() {
        return None;
    }
    let head = descriptors()
        .exact(&words.lower[p - 1..p], |e| e.class == Class::Document && e.has_tag(Tag::Container))?;
    let _ = head;
    // The author ends where a new clause or participle starts ("… daily published Saturday").
    let mut end = p + 1;
    while end < words.len()
        && !matches!(
            words.lower[end].as_str(),
            "published"
                | "released"
                | "dated"
                | "seen"
                | "obtained"
                | "that"
                | "which"
                | "who"
                | ","
                | "posted"
        )
    {
        end += 1;
    }
    if end == p + 1 {
        return None;
    }
    Some(Shape::Container { noun: words.lower[p - 1].clone(), author: words.span(p + 1..end) })
}

/// What a description says: its determiner, head noun, modifiers, affiliation, anonymity.
#[derive(Debug)]
pub struct Description {
    pub determiner: Determiner,
    /// The head noun's entry (from titles.toml or descriptors.toml) and the word as written.
    pub head: Option<(&'static Entry, String)>,
    /// Tags of the modifiers before the head ("British" → country:uk).
    pub modifier_tags: Vec<&'static str>,
    /// Gazetteer names inside the phrase ("an Alibaba group spokesperson").
    pub hits: Vec<Hit>,
    /// A possessive or capitalised name before the head that is not in the gazetteer ("China's").
    pub owner: Option<String>,
    /// The phrase says the source is unnamed ("familiar with", "sources", "a senior official").
    pub anonymous: bool,
    /// The head is plural ("officials", "sources").
    pub plural: bool,
    /// The phrase without its determiner ("economic and financial daily").
    pub text: String,
}

pub fn describe(words: &Words) -> Description {
    let n = words.len();
    let mut i = 0;
    let mut det = Determiner::None;
    while i < n {
        match determiner(&words.lower[i]) {
            Some(d) => {
                if det != Determiner::Definite {
                    det = d;
                }
                i += 1;
            }
            None => break,
        }
    }
    let boundary = (i..n).find(|&k| k > i && is_postmodifier_start(&words.lower[k])).unwrap_or(n);
    // The head is the rightmost title or head noun before the post-modifier.
    let mut head: Option<(&'static Entry, String, usize)> = None;
    let mut k = i;
    while k < boundary {
        let title = titles().match_at(&words.lower[..boundary], k, |_| true);
        let noun = descriptors().match_at(&words.lower[..boundary], k, |e| is_head_class(e.class));
        let best = match (title, noun) {
            (Some(t), Some(d)) => Some(if t.1 >= d.1 { t } else { d }),
            (t, d) => t.or(d),
        };
        if let Some((entry, len)) = best {
            head = Some((entry, words.slice(k..k + len).to_string(), k));
            k += len;
        } else {
            k += 1;
        }
    }
    let mut modifier_tags = Vec::new();
    for (_, _, e) in descriptors().scan(&words.lower[i..boundary], |e| e.class == Class::Modifier) {
        modifier_tags.extend(e.data_tags.iter().copied());
    }
    let anonymous = !descriptors().scan(&words.lower, |e| e.class == Class::Anonymous).is_empty()
        || head.as_ref().is_some_and(|(e, _, _)| e.has_tag(Tag::UnnamedAnonymous));
    let hits = words.gazetteer_hits();
    let head_at = head.as_ref().map_or(boundary, |h| h.2);
    let owner = (i..head_at)
        .find(|&k| {
            words.is_capitalised(k)
                && !hits.iter().any(|h| h.tokens.contains(&k))
                && (words.is_possessive(k) || k + 1 == head_at)
                && titles().match_at(&words.lower, k, |_| true).is_none()
        })
        .map(|k| strip_possessive(words.word(k)).to_string());
    let plural = head.as_ref().is_some_and(|(_, w, _)| {
        let w = w.to_lowercase();
        (w.ends_with('s') && !w.ends_with("ss") && w != "news") || w == "people" || w.ends_with("men")
    });
    Description {
        determiner: det,
        head: head.map(|(e, w, _)| (e, w)),
        modifier_tags,
        hits,
        owner,
        anonymous,
        plural,
        text: words.slice(i..n).to_string(),
    }
}

/// Whether `words` (a capitalised run) is a place rather than a source ("United States").
pub fn is_place<S: AsRef<str>>(lower: &[S]) -> bool {
    descriptors().exact(lower, |e| e.class == Class::Place || e.class == Class::Modifier).is_some()
}

/// Lower-case words of a form, for tests.
pub fn lower_words(s: &str) -> Vec<String> {
    form_words(s)
}
