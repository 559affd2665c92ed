//! From cues to attributions: for each cue, where its content and its source are. The patterns
//! are those of English news writing: "X said (that) C", "C, X said", "C, said X", "X said: “C”",
//! "according to X, C", "C, according to X", "X's claim that C", "…, saying C", passives.

use super::words::*;
use crate::cues::{Cue, CueKind, Form};
use crate::quotes::Quote;
use crate::report::ClaimKind;
use crate::text::{Document, Span, TokenKind};

/// Longest subject phrase, in tokens, looked at leftwards from a verb.
const MAX_SOURCE_TOKENS: usize = 14;
/// Longest appositive after an inverted source ("said X, a … who …").
const MAX_APPOSITIVE_TOKENS: usize = 40;
/// How far after a verb its "that", colon or quotation may be.
const MAX_GAP_TO_CONTENT: usize = 16;
/// The shortest content (in words) taken from before a cue ("…, he said").
const MIN_CONTENT_WORDS: usize = 2;

/// Words after which an "-ing" form is a noun, not a participle: "of planning", "the reporting".
const NOUN_MARKERS_BEFORE_GERUND: &[&str] =
    &["of", "for", "in", "on", "about", "the", "a", "an", "and", "his", "her", "its", "their"];

/// Pronouns that can only be a clause's subject.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

/// One attribution as found in the text, before sources are resolved.
#[derive(Clone, Debug)]
pub struct Found {
    pub content: Span,
    pub source: Option<Span>,
    pub cue: Span,
    pub kind: ClaimKind,
    pub sentence: usize,
    /// What lies between the verb and the content ("in a statement", "to AFP", "in X").
    pub channel: Option<Span>,
    /// "according to X" inside the cue's own clause: the claim reached the writer through X.
    pub via: Option<Span>,
    pub cue_entry: &'static crate::lexicon::Entry,
    /// The content is the verb's object ("condemned the test"), not a reported clause.
    pub object: bool,
    /// "…, adding that …": the source is the subject of the clause the participle hangs on.
    pub participial: bool,
}

/// The quotations of a document, found once, with what the patterns ask of them in logarithmic
/// time: which quotation opens or closes at a mark, and which are continued in the next paragraph.
pub struct Quoted<'d> {
    /// Sorted by opening mark (see [`crate::quotes::find_quotes`]).
    pub list: &'d [Quote],
    /// `(outer.end, index into list)`, sorted.
    ends: Vec<(usize, usize)>,
    /// The innermost quotation around each one (quotations nest: they come off a stack).
    parent: Vec<Option<usize>>,
    /// Whether quotation `i` goes on in the next paragraph.
    pub continued: Vec<bool>,
    /// What each token of the document can be as a cue, looked up once: the cue finder and the
    /// patterns ("is this a reporting verb?") ask it of the same tokens many times.
    pub cue_words: crate::cues::CueWords,
}

impl<'d> Quoted<'d> {
    pub fn new(doc: &Document, list: &'d [Quote]) -> Self {
        let mut ends: Vec<(usize, usize)> = list.iter().enumerate().map(|(i, q)| (q.outer.end, i)).collect();
        ends.sort_unstable();
        let mut continued = vec![false; list.len()];
        for q in list {
            if let Some(i) = q.continues {
                continued[i] = true;
            }
        }
        let mut parent = vec![None; list.len()];
        let mut open: Vec<usize> = Vec::new();
        for (i, q) in list.iter().enumerate() {
            while open.last().is_some_and(|&o| !list[o].outer.contains(q.outer)) {
                open.pop();
            }
            parent[i] = open.last().copied();
            open.push(i);
        }
        Quoted { list, ends, parent, continued, cue_words: crate::cues::CueWords::new(doc) }
    }

    /// The quotations around `span`, innermost first. Quotations nest (at most
    /// [`crate::quotes::MAX_OPEN_QUOTES`] deep), so this climbs a few parents from the last
    /// quotation that opens before `span` instead of looking at every quotation of the paragraph.
    pub fn around(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.list.partition_point(|q| q.outer.start <= span.start).checked_sub(1);
        while let Some(i) = at.filter(|&i| !self.list[i].outer.contains(span)) {
            at = self.parent[i];
        }
        std::iter::successors(at, |&i| self.parent[i])
    }

    /// Indices of the quotations whose opening mark is at byte `start`, longest first.
    fn opening_at(&self, start: usize) -> std::ops::Range<usize> {
        let from = self.list.partition_point(|q| q.outer.start < start);
        let to = from + self.list[from..].partition_point(|q| q.outer.start == start);
        from..to
    }

    /// Indices of the quotations whose closing mark (or paragraph end) is at byte `end`.
    fn closing_at(&self, end: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.ends.partition_point(|&(e, _)| e < end);
        self.ends[from..].iter().take_while(move |&&(e, _)| e == end).map(|&(_, i)| i)
    }
}

/// The view of one sentence the patterns work on.
pub struct Sent<'d> {
    pub doc: &'d Document,
    pub index: usize,
    /// Token indices into `doc.tokens`.
    pub first: usize,
    pub end: usize,
    pub quotes: &'d [Quote],
    pub quoted: &'d Quoted<'d>,
    /// The quotations of the sentence's block.
    pub near: &'d [Quote],
}

impl<'d> Sent<'d> {
    pub fn new(doc: &'d Document, index: usize, quoted: &'d Quoted<'d>) -> Self {
        let r = doc.sentences[index].tokens.clone();
        let quotes = quoted.list;
        // The quotations of this sentence's block (they never cross blocks), found by binary
        // search so that long articles with many quotations stay linear.
        let block = doc.blocks[doc.sentences[index].block].span;
        let from = quotes.partition_point(|q| q.outer.start < block.start);
        let to = quotes.partition_point(|q| q.outer.start < block.end);
        Sent { doc, index, first: r.start, end: r.end, quotes, quoted, near: &quotes[from..to.max(from)] }
    }
    fn w(&self, i: usize) -> &'d str {
        if i >= self.first && i < self.end {
            self.doc.lower(i)
        } else {
            ""
        }
    }
    fn kind(&self, i: usize) -> TokenKind {
        self.doc.tokens[i].kind
    }
    fn span(&self, i: usize) -> Span {
        self.doc.tokens[i].span
    }
    fn raw(&self, i: usize) -> &str {
        self.doc.slice(self.span(i))
    }
    fn is_capitalised(&self, i: usize) -> bool {
        self.raw(i).starts_with(|c: char| c.is_uppercase())
    }
    /// A reporting verb at token `i` (not a capitalised name such as "Rules").
    fn is_verb(&self, i: usize) -> bool {
        i >= self.first
            && i < self.end
            && self.quoted.cue_words.is_verb(i)
            && (i == self.first || !self.is_capitalised(i))
    }
    /// A verb's "-ing" form used as a verb ("…, adding that"), not as a noun after a preposition
    /// or determiner ("vice president of planning", "the reporting").
    fn is_participle(&self, i: usize) -> bool {
        self.is_verb(i)
            && self.w(i).ends_with("ing")
            && !(i > self.first && NOUN_MARKERS_BEFORE_GERUND.contains(&self.w(i - 1)))
    }
    fn is_punct(&self, i: usize, p: &str) -> bool {
        i < self.end && self.raw(i) == p
    }
    fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, ",")
    }
    fn is_open_quote(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Quote && !self.quoted.opening_at(self.span(i).start).is_empty()
    }
    fn is_close_quote(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Quote
            && self.quoted.closing_at(self.span(i).end).any(|q| self.quotes[q].closed)
    }
    /// A quotation mark that opens or closes a quotation (not an apostrophe: "teachers’ union").
    fn is_mark(&self, i: usize) -> bool {
        self.is_open_quote(i) || self.is_close_quote(i)
    }
    /// The quotation that opens at token `i`.
    fn quote_at(&self, i: usize) -> Option<&'d Quote> {
        let quotes: &'d [Quote] = self.quotes;
        quotes[self.quoted.opening_at(self.span(i).start)].iter().max_by_key(|q| q.outer.len())
    }
    /// The quotation that closes at token `i`.
    fn quote_closing(&self, i: usize) -> Option<&'d Quote> {
        let quotes: &'d [Quote] = self.quotes;
        let mut at: Vec<usize> = self.quoted.closing_at(self.span(i).end).collect();
        at.sort_unstable();
        at.into_iter().map(|q| &quotes[q]).max_by_key(|q| q.outer.len())
    }
    /// The span of tokens `[a, b)`.
    fn cover(&self, a: usize, b: usize) -> Span {
        Span::new(self.span(a).start, self.span(b - 1).end)
    }
    /// The content span of tokens `[a, b)` without trailing sentence punctuation.
    fn content(&self, a: usize, mut b: usize) -> Option<Span> {
        while b > a && matches!(self.raw(b - 1), "." | "," | ";" | ":" | "!" | "—" | "–" | "-") {
            b -= 1;
        }
        (b > a).then(|| self.cover(a, b))
    }
    fn word_count(&self, a: usize, b: usize) -> usize {
        (a..b).filter(|&i| self.kind(i) == TokenKind::Word || self.kind(i) == TokenKind::Number).count()
    }
}

/// Finds the attribution of one cue, if it has one.
pub fn attribute(s: &Sent, cue: &Cue, cues: &[Cue]) -> Option<Found> {
    match cue.kind {
        CueKind::AccordingTo => according_to(s, cue),
        CueKind::Nominal => nominal(s, cue),
        CueKind::Adverb => adverb(s, cue),
        CueKind::Adjective => adjective(s, cue),
        CueKind::StanceNoun => stance_noun(s, cue),
        CueKind::Verb(form) => verb(s, cue, form, cues),
    }
}

fn found(s: &Sent, cue: &Cue, content: Span, source: Option<Span>, kind: ClaimKind) -> Found {
    Found {
        content,
        source,
        cue: cue.span,
        kind,
        sentence: s.index,
        channel: None,
        via: None,
        cue_entry: cue.entry,
        object: false,
        participial: false,
    }
}

/// "according to X, C" and "C, according to X".
fn according_to(s: &Sent, cue: &Cue) -> Option<Found> {
    let src_start = cue.last;
    let mut src_end = src_start;
    while src_end < s.end && !matches!(s.raw(src_end), "," | "." | ";" | ":" | "—" | "(" | ")") {
        if s.kind(src_end) == TokenKind::Quote && s.is_open_quote(src_end) {
            break;
        }
        src_end += 1;
    }
    // A source runs to the next stop, but no source is that long: the words are something else.
    if src_end == src_start || src_end - src_start > MAX_APPOSITIVE_TOKENS {
        return None;
    }
    let source = s.cover(src_start, src_end);
    // At the start of the sentence (perhaps after "But"): the content follows.
    let lead = (s.first..cue.first).all(|i| matches!(s.w(i), "but" | "and" | "yet" | "so" | "," | "however"));
    let content = if lead {
        let mut a = src_end;
        while a < s.end && matches!(s.raw(a), "," | "—") {
            a += 1;
        }
        s.content(a, s.end)?
    } else {
        // The content is what precedes, from the start of the sentence.
        let mut b = cue.first;
        while b > s.first && matches!(s.raw(b - 1), "," | "—" | "(") {
            b -= 1;
        }
        let a = s.first;
        let mut content = s.content(a, b)?;
        // And what follows "according to X, …" when the sentence goes on.
        if src_end < s.end && s.is_comma(src_end) && s.word_count(src_end, s.end) >= MIN_CONTENT_WORDS {
            if let Some(rest) = s.content(src_end + 1, s.end) {
                content = content.cover(rest);
            }
        }
        content
    };
    let kind = match kind_of(s, content) {
        ClaimKind::Indirect => ClaimKind::AccordingTo,
        quoted => quoted,
    };
    Some(found(s, cue, content, Some(source), kind))
}

/// "X's claim that C", "a report by X that C".
fn nominal(s: &Sent, cue: &Cue) -> Option<Found> {
    // "said in a statement that …": the statement is the verb's channel, not a cue of its own.
    if cue.first >= s.first + 2 && matches!(s.w(cue.first - 2), "in" | "on" | "through" | "via") {
        return None;
    }
    let that = (cue.last..s.end.min(cue.last + 8)).find(|&i| s.w(i) == "that")?;
    // "A report by Transparency Watch found that …": the verb carries the attribution.
    if (cue.last..that).any(|i| s.is_verb(i)) {
        return None;
    }
    // "The company's claim that the water was safe was rejected …": a claim in subject position
    // ends where the sentence's own verb begins (the second auxiliary after "that").
    let subject_position = (s.first..cue.first).all(|i| !s.is_verb(i) && !AUXILIARIES.contains(&s.w(i)));
    let end = if subject_position {
        (that + 1..s.end).filter(|&i| AUXILIARIES.contains(&s.w(i))).nth(1).unwrap_or(s.end)
    } else {
        s.end
    };
    let content = s.content(that + 1, end)?;
    let mut source = None;
    if cue.first > s.first {
        let p = cue.first - 1;
        let w = s.w(p);
        if w.ends_with("'s") || w.ends_with("s'") {
            let start = subject_start(s, p + 1).unwrap_or(p);
            source = Some(s.cover(start, p + 1));
        }
    }
    if source.is_none() && s.w(cue.last) == "by" && that > cue.last + 1 {
        source = Some(s.cover(cue.last + 1, that));
    }
    // Without an owner, "the claim that …" is usually the writer's own framing.
    source?;
    Some(found(s, cue, content, source, ClaimKind::Indirect))
}

/// "Many Democrats are afraid that C", "Some senators were willing to C": the subject of "be"
/// holds the stance.
fn adjective(s: &Sent, cue: &Cue) -> Option<Found> {
    let next = s.w(cue.last);
    let start = if next == "to" { cue.last } else { cue.last + 1 };
    let content = s.content(start, s.end)?;
    let source = left_source(s, cue.first)?;
    Some(found(s, cue, content, Some(source), kind_of(s, content)))
}

/// "Trump's attacks on the press", "the board's decision to close the plant": the owner is the
/// source, what follows the preposition (to the end of the clause) the content.
fn stance_noun(s: &Sent, cue: &Cue) -> Option<Found> {
    let p = cue.first.checked_sub(1).filter(|&p| p >= s.first)?;
    let owner = s.w(p);
    let source = if matches!(owner, "his" | "her" | "their" | "its") {
        s.cover(p, p + 1)
    } else {
        let start = subject_start(s, p + 1).unwrap_or(p);
        s.cover(start, p + 1)
    };
    let start = if s.w(cue.last) == "to" { cue.last } else { cue.last + 1 };
    let mut end = start;
    while end < s.end && !matches!(s.raw(end), "," | ";" | ":" | "." | "—" | "(") {
        end += 1;
    }
    let content = s.content(start, end)?;
    let mut f = found(s, cue, content, Some(source), kind_of(s, content));
    // Like a stance verb's object, it is part of any claim it sits inside.
    f.object = true;
    Some(f)
}

/// "The minister reportedly resigned": the whole sentence, from an unnamed source.
fn adverb(s: &Sent, cue: &Cue) -> Option<Found> {
    let content = s.content(s.first, s.end)?;
    Some(found(s, cue, content, None, ClaimKind::Indirect))
}

/// Where the subject phrase that ends just before token `end` starts, scanning leftwards.
fn subject_start(s: &Sent, end: usize) -> Option<usize> {
    let mut i = end;
    let limit = end.saturating_sub(MAX_SOURCE_TOKENS).max(s.first);
    while i > limit {
        let k = i - 1;
        let w = s.w(k);
        let kind = s.kind(k);
        if w == ")" {
            // "Rep. Jim Jordan (R-Ohio)": a parenthesis belongs to the phrase.
            match (limit..k).rev().find(|&j| s.w(j) == "(") {
                Some(j) => {
                    i = j;
                    continue;
                }
                None => break,
            }
        }
        if s.is_mark(k) || (kind == TokenKind::Punct && !matches!(w, "." | "&" | "-")) {
            break;
        }
        // "an Oklahoma Republican who warned": the relative pronoun is the subject (its
        // antecedent is found when sources are resolved).
        if s.raw(k) == "who" {
            if i == end {
                i = k;
            }
            break;
        }
        if w == "and" && k > s.first && s.is_capitalised(k - 1) && i < end && s.is_capitalised(i) {
            i = k; // "Smith and Jones"
            continue;
        }
        if w == "and" && i < end {
            // "The economic and financial daily": adjectives joined under one determiner.
            let from = k.saturating_sub(3).max(s.first);
            if let Some(j) = (from..k).rev().find(|&j| matches!(s.w(j), "the" | "a" | "an")) {
                if (j + 1..k).all(|x| s.kind(x) == TokenKind::Word && !s.is_verb(x)) {
                    i = j;
                    continue;
                }
            }
        }
        // "A report by the watchdog": a verb form after a determiner is a noun of the phrase.
        let noun = k > s.first && matches!(s.w(k - 1), "a" | "an" | "the" | "its" | "their" | "his" | "her");
        if LEFT_BOUNDARY.contains(&w) || s.is_verb(k) && !noun {
            break;
        }
        i = k;
    }
    if i == end {
        return None;
    }
    // "… released code he said exploits …": a personal pronoun inside the phrase starts a
    // relative clause with no "that"; the pronoun is the subject.
    if let Some(k) = (i + 1..end).rev().find(|&k| SUBJECT_PRONOUNS.contains(&s.w(k))) {
        if s.w(k - 1) != "and" && s.w(k - 1) != "or" {
            i = k;
        }
    }
    // Leave out a leading adverbial: "On Thursday Anthropic", "In a statement the company".
    if LEADING_ADVERBIAL.contains(&s.w(i)) {
        if let Some(j) = (i + 1..end).find(|&j| {
            let w = s.w(j);
            matches!(w, "the" | "a" | "an") && j > i + 1
                || (s.is_capitalised(j) && !is_time_word(w) && j > i + 1)
        }) {
            i = j;
        } else if (i..end).all(|j| is_time_word(s.w(j)) || s.w(j) == "in") {
            return None;
        }
    }
    Some(i)
}

/// Steps left from a verb over auxiliaries, adverbs and catenatives ("has also", "really",
/// "continues to") to where its subject ends.
fn skip_to_subject(s: &Sent, verb: usize) -> usize {
    let mut end = verb;
    loop {
        if end <= s.first {
            return end;
        }
        let w = s.w(end - 1);
        if BETWEEN_SUBJECT_AND_VERB.contains(&w)
            || (w.ends_with("ly") && w.len() > 4 && !s.is_capitalised(end - 1) && !LY_NOUNS.contains(&w))
        {
            end -= 1;
        } else if w == "to" && end >= s.first + 2 && CATENATIVES.contains(&s.w(end - 2)) {
            end -= 2;
        } else {
            return end;
        }
    }
}

/// The source to the left of a verb at `verb`: skips auxiliaries and adverbs, then takes the
/// subject phrase, with an appositive between commas ("Liu Pengyu, spokesperson for …, wrote").
fn left_source(s: &Sent, verb: usize) -> Option<Span> {
    let end = skip_to_subject(s, verb);
    if end > s.first && s.is_comma(end - 1) {
        // "X, an appositive, said": the appositive and the name before it.
        let app_end = end - 1;
        if let Some(app_start) = subject_start(s, app_end) {
            if app_start > s.first && s.is_comma(app_start - 1) {
                // The name opens its clause: "…, used to fill in trenches, freeze, said X" has
                // no subject before the verb, only the end of another clause.
                let opens_clause = |k: usize| {
                    (k == s.first || s.kind(k - 1) != TokenKind::Word || LEFT_BOUNDARY.contains(&s.w(k - 1)))
                        && looks_like_source_start(s, k)
                };
                if let Some(name_start) = subject_start(s, app_start - 1).filter(|&k| opens_clause(k)) {
                    return Some(s.cover(name_start, app_end));
                }
            }
        }
        // "X, who/which …, said": a relative clause between the name and the verb.
        let limit = app_end.saturating_sub(MAX_APPOSITIVE_TOKENS).max(s.first);
        let open = (limit..app_end).rev().find(|&i| s.is_comma(i))?;
        if matches!(s.w(open + 1), "who" | "which" | "whose" | "whom")
            && (open + 1..app_end).all(|i| !s.is_mark(i))
        {
            let name_start = subject_start(s, open)?;
            return Some(s.cover(name_start, app_end));
        }
        return None;
    }
    let start = subject_start(s, end)?;
    Some(s.cover(start, end))
}

/// Whether the words after an inverted verb can start its subject ("said Smith", "said the
/// minister", "said one official"), rather than its object ("stressed her support").
fn looks_like_source_start(s: &Sent, i: usize) -> bool {
    let mut i = i;
    while i < s.end && is_time_adverb(s.w(i)) {
        i += 1;
    }
    let title_then_name = !NOT_CLAUSE_STARTERS.contains(&s.w(i))
        && !GAP_PREPOSITIONS.contains(&s.w(i))
        && (i + 1..s.end.min(i + 4)).any(|j| s.is_capitalised(j))
        && (i..s.end.min(i + 4))
            .take_while(|&j| !s.is_capitalised(j))
            .all(|j| s.kind(j) == TokenKind::Word && !s.is_verb(j));
    i < s.end
        && (s.is_capitalised(i)
            || title_then_name
            || super::speaker::is_speaking_noun(s.w(i)) && s.w(i).ends_with('s')
            || matches!(
                s.w(i),
                "the"
                    | "a"
                    | "an"
                    | "one"
                    | "two"
                    | "three"
                    | "another"
                    | "several"
                    | "some"
                    | "many"
                    | "he"
                    | "she"
                    | "they"
                    | "officials"
                    | "experts"
                    | "analysts"
                    | "sources"
                    | "critics"
                    | "police"
                    | "authorities"
                    | "residents"
                    | "witnesses"
            ))
}

/// Whether the words at `j` can open an appositive to a name ("a spokesman for …", "vice
/// president of …", "45, a teacher", "who …"), rather than a clause of the content ("…, say
/// economists, marks a journey …").
fn appositive_start(s: &Sent, j: usize) -> bool {
    j < s.end
        && (s.is_capitalised(j)
            || s.kind(j) == TokenKind::Number
            || matches!(
                s.w(j),
                "a" | "an"
                    | "the"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "one"
                    | "who"
                    | "which"
                    | "whose"
                    | "also"
            )
            || (j..s.end.min(j + 3))
                .take_while(|&k| s.kind(k) == TokenKind::Word)
                .any(|k| super::speaker::is_speaking_noun(s.w(k)) || s.is_capitalised(k)))
}

/// The source after an inverted verb: "…, said Lotfi Azzouz, Tunisia country director for
/// Amnesty International."
fn right_source(s: &Sent, from: usize) -> Option<(Span, usize)> {
    let mut i = from;
    while i < s.end && is_time_adverb(s.w(i)) {
        i += 1;
    }
    let start = i;
    // "said C. Eugene Steuerle": the full stop of an initial is part of the name.
    let initial = |i: usize| {
        s.raw(i) == "."
            && i > start
            && s.raw(i - 1).len() == 1
            && s.is_capitalised(i - 1)
            && s.is_capitalised(i + 1)
    };
    while i < s.end
        && (!matches!(s.raw(i), "," | "." | ";" | ":" | "—" | "!" | "?") || initial(i))
        && !s.is_mark(i)
    {
        let channel_next = CHANNEL_WORDS.contains(&s.w(i + 1))
            || CHANNEL_WORDS.contains(&s.w(i + 2))
            || is_date_word(s.w(i + 1))
            || is_date_word(s.w(i + 2));
        if s.is_verb(i)
            || (matches!(s.w(i), "who" | "that") || matches!(s.w(i), "in" | "on") && channel_next)
                && i > start
        {
            break;
        }
        i += 1;
    }
    if i == start || i - start > MAX_SOURCE_TOKENS {
        return None;
    }
    let mut end = i;
    // An appositive that runs to the end of the sentence belongs to the source: "said Erin
    // Murphy, a former Clinton aide who accompanied her to Burma in 2011."
    if i < s.end && s.is_comma(i) && appositive_start(s, i + 1) {
        let mut j = i + 1;
        while j < s.end && !matches!(s.raw(j), ";" | ":" | "—") && !s.is_mark(j) {
            if s.is_participle(j) {
                break;
            }
            // ", at a meeting with staff": circumstances, not the source; the appositive ends here.
            if s.is_comma(j) && GAP_PREPOSITIONS.contains(&s.w(j + 1)) {
                if j > i + 1 && j - i <= MAX_APPOSITIVE_TOKENS {
                    return Some((s.cover(start, j), j));
                }
                break;
            }
            j += 1;
        }
        let mut stop = j;
        while stop > i + 1 && matches!(s.raw(stop - 1), "." | "," | "!" | "?") {
            stop -= 1;
        }
        if (j == s.end || j == stop + 1) && stop > i + 1 && stop - i <= MAX_APPOSITIVE_TOKENS {
            end = stop;
        }
    }
    Some((s.cover(start, end), end))
}

/// Where the content after a verb begins: after "that", after a colon, at a quotation, at "to"
/// for verbs of intention, or at a bare clause. Returns the token and what was skipped to get there.
fn right_content_start(s: &Sent, cue: &Cue, form: Form) -> Option<(usize, Option<Span>)> {
    let j = cue.last;
    if j >= s.end {
        return None;
    }
    // What may stand between the verb and its "that" or quotation: nothing, time words, a
    // prepositional phrase ("in a statement", "to reporters"), or the person told ("told CNN").
    let first = s.w(j);
    let gap_ok = is_time_adverb(first)
        || s.is_comma(j)
        || GAP_PREPOSITIONS.contains(&first)
        || cue.has_tag("object") && (OBJECT_WORDS.contains(&first) || s.is_capitalised(j));
    let limit = if gap_ok { s.end.min(j + MAX_GAP_TO_CONTENT) } else { s.end.min(j + 1) };
    for k in j..limit {
        let w = s.w(k);
        let noun = matches!(s.w(k.saturating_sub(1)), "a" | "an" | "the" | "his" | "her" | "its" | "their");
        if k > j && (s.is_verb(k) && !noun || matches!(w, "." | ";" | "?" | "!")) {
            break;
        }
        let channel = (k > j).then(|| s.cover(j, k));
        if w == "that" && cue.has_tag("that") {
            // "told reporters that", "said in a statement that"; but not "that" as a pronoun
            // directly followed by the end.
            if k + 1 < s.end && s.word_count(k + 1, s.end) >= 2 {
                return Some((k + 1, channel));
            }
            break;
        }
        if w == ":" {
            return (k + 1 < s.end).then_some((k + 1, channel));
        }
        if s.is_open_quote(k) && (cue.has_tag("quote") || cue.has_tag("that")) {
            // Only filler may stand between the verb and the quotation.
            if k == j || (j..k).all(|x| is_time_word(s.w(x)) || s.is_comma(x)) || k <= j + 6 {
                return Some((k, channel));
            }
        }
        if s.is_comma(k) && k == j {
            // "said, however, that"
            continue;
        }
    }
    let w = s.w(j);
    if cue.has_tag("to") && (w == "to" || (w == "not" && s.w(j + 1) == "to")) {
        return Some((j, None));
    }
    // "asked whether …", "explained how …", "told reporters why …": an embedded question.
    if let Some(k) = (j..s.end.min(j + 4))
        .find(|&k| matches!(s.w(k), "whether" | "how" | "why" | "what" | "who" | "when" | "where"))
    {
        let object_only = (j..k).all(|x| {
            OBJECT_WORDS.contains(&s.w(x))
                || s.is_capitalised(x)
                || s.kind(x) == TokenKind::Word && k - j <= 2
        });
        if object_only && s.word_count(k, s.end) >= MIN_CONTENT_WORDS && !s.is_verb(k + 1) {
            return Some((k, (k > j).then(|| s.cover(j, k))));
        }
    }
    // "expects growth to pick up": an object and its infinitive.
    if cue.has_tag("to")
        && (cue.entry.class == "belief" || cue.has_tag("object"))
        && !NOT_CLAUSE_STARTERS.contains(&w)
    {
        if let Some(to) = (j + 1..s.end.min(j + 5)).find(|&i| s.w(i) == "to") {
            if (j..to).all(|i| s.kind(i) == TokenKind::Word && !s.is_verb(i)) && s.word_count(to, s.end) >= 2
            {
                return Some((j, None));
            }
        }
    }
    // "accusing it of aiding …", "blamed the mayor for the delay": the charge is the content.
    let charge_word = match cue.entry.name {
        "accuse" | "charge" | "suspect" | "convict" => Some("of"),
        "blame" | "credit" | "praise" | "criticize" | "criticise" | "thank" | "fault" | "applaud" => {
            Some("for")
        }
        _ => None,
    };
    if let Some(word) = charge_word {
        if let Some(k) = (j..s.end.min(j + 7)).find(|&k| s.w(k) == word) {
            if (j..k).all(|x| s.kind(x) == TokenKind::Word) && k + 1 < s.end {
                return Some((k + 1, None));
            }
        }
    }
    // Verbs of stance: the object is the content ("condemned the test", "called for calm").
    if cue.has_tag("np") {
        let mut k = j;
        while k < s.end && is_time_adverb(s.w(k)) && s.kind(k) == TokenKind::Word {
            k += 1;
        }
        let w = s.w(k);
        // "coal states digging in", "the Chinese state": base and third-person forms are often
        // nouns; they need an object that starts like one.
        let object_like = !matches!(form, Form::Base | Form::Third)
            || CLAUSE_STARTERS.contains(&w)
            || OBJECT_WORDS.contains(&w)
            || s.is_capitalised(k)
            || s.kind(k) == TokenKind::Number
            || s.is_open_quote(k)
            || cue.has_tag("phrase");
        if k < s.end
            && object_like
            && !passive_before(s, cue)
            && s.kind(k) != TokenKind::Punct
            && !matches!(w, "and" | "but" | "or" | "which" | "who" | "as" | "by" | "of")
        {
            return (s.word_count(k, s.end) >= 1).then(|| (k, (k > j).then(|| s.cover(j, k))));
        }
    }
    if cue.has_tag("weak") || !cue.has_tag("that") || form == Form::Gerund && !cue.has_tag("quote") {
        return None;
    }
    // "said after the convention he would …": a short phrase, then a clause with a pronoun subject.
    if cue.has_tag("inverted") && GAP_PREPOSITIONS.contains(&s.w(j)) {
        if let Some(k) = (j + 1..s.end.min(j + 7))
            .find(|&k| matches!(s.w(k), "he" | "she" | "they" | "it" | "we" | "i" | "there"))
        {
            if (j + 1..k).all(|x| s.kind(x) == TokenKind::Word || s.kind(x) == TokenKind::Number)
                && s.word_count(k, s.end) >= MIN_CONTENT_WORDS
            {
                return Some((k, Some(s.cover(j, k))));
            }
        }
    }
    // A bare clause: "said the plan would fail", "told CNN he would run".
    let mut k = j;
    while k < s.end && is_time_adverb(s.w(k)) && s.kind(k) == TokenKind::Word {
        k += 1;
    }
    if cue.has_tag("object") {
        let o = k;
        while k < s.end && k < o + 4 && (OBJECT_WORDS.contains(&s.w(k)) || s.is_capitalised(k)) {
            k += 1;
            if matches!(
                s.w(k - 1),
                "him" | "her" | "them" | "us" | "me" | "you" | "reporters" | "journalists"
            ) {
                break;
            }
        }
    }
    if k >= s.end || s.word_count(k, s.end) < MIN_CONTENT_WORDS {
        return None;
    }
    let w = s.w(k);
    let w = w.split('\'').next().unwrap_or(w); // "they're", "he'd"
                                               // After the strongest verbs ("said", "says") any word but a preposition or conjunction
                                               // starts the reported clause: "said parents still want …".
    let strong = cue.has_tag("inverted")
        && cue.entry.class == "speech"
        && (matches!(form, Form::Past | Form::Gerund) || matches!(cue.entry.name, "say" | "tell"));
    // "believes inflation will fall": a short noun phrase and then an auxiliary make a clause.
    let auxiliary_follows = (k + 1..s.end.min(k + 5)).any(|i| AUXILIARIES.contains(&s.w(i)))
        && (k..s.end.min(k + 5))
            .take_while(|&i| !AUXILIARIES.contains(&s.w(i)))
            .all(|i| s.kind(i) == TokenKind::Word || s.kind(i) == TokenKind::Number);
    let starts_clause = CLAUSE_STARTERS.contains(&w)
        || auxiliary_follows && !NOT_CLAUSE_STARTERS.contains(&w)
        || strong && s.kind(k) == TokenKind::Word && !NOT_CLAUSE_STARTERS.contains(&w)
        || s.is_capitalised(k) && s.kind(k) == TokenKind::Word
        || s.kind(k) == TokenKind::Number
        || s.is_open_quote(k);
    starts_clause.then(|| (k, (k > j).then(|| s.cover(j, k))))
}

/// "issued a statement calling …", "released a video showing …": a document just issued by the
/// sentence's subject stands before the participle.
fn issued_document(s: &Sent, verb: usize) -> bool {
    let from = verb.saturating_sub(4).max(s.first);
    (from..verb).any(|i| ISSUE_VERBS.contains(&s.w(i)))
        && verb > s.first
        && DOCUMENT_NOUNS.contains(&s.w(verb - 1))
}

/// "“…,” DuVernay said, emphasizing …", "…, said Sarah Cole, adding …": the speaker of the verb
/// the participle hangs on, found from that verb.
fn host_subject(s: &Sent, cue: &Cue) -> Option<Span> {
    let comma = cue.first.checked_sub(1).filter(|&c| s.is_comma(c))?;
    let from = comma.saturating_sub(MAX_APPOSITIVE_TOKENS).max(s.first);
    let verb = (from..comma).rev().find(|&v| s.is_verb(v) && !s.w(v).ends_with("ing"))?;
    // Inverted: "said Sarah Cole, adding …".
    if verb > s.first
        && (s.is_comma(verb - 1) || s.is_close_quote(verb - 1))
        && verb + 1 < comma
        && looks_like_source_start(s, verb + 1)
    {
        return Some(s.cover(verb + 1, comma));
    }
    // After a quotation: everything between it and the verb.
    let end = skip_to_subject(s, verb);
    if let Some(q) = (s.first..end).rev().find(|&i| s.is_mark(i)).filter(|&i| s.is_close_quote(i)) {
        let start = if s.is_comma(q + 1) { q + 2 } else { q + 1 };
        if start < end && (start..end).all(|i| !s.is_mark(i)) {
            return Some(s.cover(start, end));
        }
    }
    left_source(s, verb)
}

/// Whether a source phrase begins the way noun phrases do: a name, a determiner or possessive,
/// a pronoun, a number, or a plain plural ("officials", "critics").
fn starts_like_noun_phrase(s: &Sent, src: Span) -> bool {
    let Some(i) = (s.first..s.end).find(|&i| s.span(i).start == src.start) else { return true };
    let w = s.w(i);
    if s.is_capitalised(i) || s.kind(i) != TokenKind::Word {
        return true;
    }
    // A preposition, a participle or a bare verb where the subject should begin.
    let preposition = matches!(
        w,
        "of" | "for"
            | "by"
            | "about"
            | "against"
            | "under"
            | "in"
            | "on"
            | "at"
            | "after"
            | "before"
            | "with"
            | "from"
            | "into"
            | "to"
            | "than"
            | "through"
            | "during"
            | "without"
    );
    let verb_form = (w.ends_with("ing")
        && !matches!(w, "king" | "thing" | "nothing" | "something" | "everything" | "anything"))
        || matches!(
            w,
            "let"
                | "become"
                | "make"
                | "enact"
                | "purchase"
                | "meet"
                | "cover"
                | "address"
                | "resist"
                | "been"
                | "being"
                | "do"
                | "does"
                | "did"
                | "get"
                | "give"
                | "take"
        );
    !(preposition || verb_form)
}

/// Whether the verb is a passive participle ("was backed by").
fn passive_before(s: &Sent, cue: &Cue) -> bool {
    cue.first > s.first && PASSIVE_AUX.contains(&s.w(cue.first - 1))
}

/// The end of content that starts at token `start`: the end of the sentence, cut before a
/// trailing ", adding …" and stretched over a quotation that runs on.
fn content_from(s: &Sent, start: usize) -> Option<Span> {
    if s.is_open_quote(start) {
        if let Some(q) = s.quote_at(start) {
            let sentence_end = s.doc.sentences[s.index].span.end;
            // A quotation that ends the sentence is the content; one that is followed by more
            // words is part of a mixed content that runs to the end of the sentence.
            let rest_words = (s.first..s.end)
                .filter(|&i| s.span(i).start >= q.outer.end && s.kind(i) == TokenKind::Word)
                .count();
            if rest_words == 0 || q.outer.end > sentence_end {
                return Some(q.outer);
            }
        }
    }
    let mut end = s.end;
    for k in start + 1..s.end {
        if s.is_comma(k) && k + 1 < s.end {
            let next = s.w(k + 1);
            if next.ends_with("ing") && s.is_verb(k + 1) {
                end = k;
                break;
            }
            // "…, while council leader Gareth Owen said …": a second attribution begins.
            if matches!(next, "while" | "whereas" | "but" | "and" | "though" | "although")
                && (k + 2..s.end.min(k + 2 + MAX_SOURCE_TOKENS)).any(|v| {
                    s.is_verb(v)
                        && matches!(
                            s.w(v),
                            "said"
                                | "says"
                                | "added"
                                | "argued"
                                | "insisted"
                                | "countered"
                                | "warned"
                                | "noted"
                                | "told"
                        )
                })
            {
                end = k;
                break;
            }
        }
    }
    let mut content = s.content(start, end)?;
    // A quotation opened inside the content that runs past the sentence.
    let from = s.near.partition_point(|q| q.outer.start < content.start);
    let to = s.near.partition_point(|q| q.outer.start <= content.end);
    if let Some(q) = s.near[from..to.max(from)].iter().find(|q| q.outer.end > content.end && q.depth == 0) {
        content = content.cover(q.outer);
    }
    Some(content)
}

/// The content before a cue ("C, X said", "“C,” said X"), ending at token `end` (exclusive).
fn left_content(s: &Sent, end: usize) -> Option<Span> {
    let mut b = end;
    while b > s.first && matches!(s.raw(b - 1), "," | "—" | "–") {
        b -= 1;
    }
    if b <= s.first {
        return None;
    }
    // "“C,” he said": the whole quotation, which may have begun sentences or paragraphs before.
    if s.is_close_quote(b - 1) {
        if let Some(q) = s.quote_closing(b - 1) {
            let mut outer = q.outer;
            // Earlier paragraphs of the same quotation.
            let mut link = q.continues;
            while let Some(i) = link {
                outer = outer.cover(s.quotes[i].outer);
                link = s.quotes[i].continues;
            }
            let sentence_start = s.doc.sentences[s.index].span.start;
            if outer.start < sentence_start || s.span(s.first).start == outer.start {
                return Some(outer);
            }
            // Words before the quotation in the same sentence: mixed content.
            return Some(Span::new(sentence_start, outer.end));
        }
    }
    (s.word_count(s.first, b) >= MIN_CONTENT_WORDS).then(|| s.content(s.first, b)).flatten()
}

fn verb(s: &Sent, cue: &Cue, form: Form, cues: &[Cue]) -> Option<Found> {
    let before = cue.first.checked_sub(1).filter(|&b| b >= s.first);
    let prev = before.map_or("", |b| s.w(b));
    // Passive "was told that …": the source, if any, follows "by".
    let passive = form == Form::Past && PASSIVE_AUX.contains(&prev) && !cue.has_tag("phrase");
    // "…, saying …", "accused him of lying by saying …": the subject is the main clause's.
    let participial = form == Form::Gerund
        && (prev == ","
            || prev == "—"
            || before.is_none()
            || matches!(
                prev,
                "by" | "for"
                    | "after"
                    | "before"
                    | "from"
                    | "of"
                    | "without"
                    | "while"
                    | "in"
                    | "on"
                    | "about"
                    | "despite"
                    | "since"
                    | "when"
                    | "also"
                    | "again"
                    | "repeatedly"
                    | "publicly"
                    | "even"
            ));
    // "a group called GTG-1002": naming, not reporting.
    if matches!(cue.entry.name, "call" | "label" | "name" | "dub")
        && form == Form::Past
        && before.is_some_and(|b| {
            s.kind(b) == TokenKind::Word && !s.is_capitalised(b) && !BETWEEN_SUBJECT_AND_VERB.contains(&prev)
        })
        && s.is_capitalised(cue.last.min(s.end - 1))
    {
        return None;
    }
    // "“C,” said X." / "C, wrote X for Y.": the verb right after a comma or a closing quotation,
    // its subject after it, to the end of the sentence.
    if let Some(b) = before {
        let after_comma = s.is_comma(b) || s.is_close_quote(b) || s.raw(b) == "—";
        // "Clinton, the former secretary of State, stressed her support …" is not inverted: the
        // subject stands before the verb and the object after it.
        // Nor is "“…,” Malkia Cyril, the executive director, told The Huffington Post.".
        let appositive_source = left_source(s, cue.first);
        let quote_before_source = appositive_source.is_some_and(|src| {
            (s.first..cue.first).find(|&i| s.span(i).start == src.start).is_some_and(|i| {
                i > s.first
                    && (s.is_close_quote(i - 1)
                        || s.is_comma(i - 1) && i > s.first + 1 && s.is_close_quote(i - 2))
            })
        });
        let subject_with_appositive = appositive_source.is_some()
            && (quote_before_source || right_content_start(s, cue, form).is_some());
        if after_comma && cue.has_tag("inverted") && !passive && !participial && !subject_with_appositive {
            if let Some((source, end)) =
                right_source(s, cue.last).filter(|_| looks_like_source_start(s, cue.last))
            {
                // What follows the source may not report anything itself, but for a participle
                // set off by a comma, which hangs on this verb ("…,” said X, adding that …").
                let participle_at =
                    |i: usize| s.is_comma(i) && s.is_verb(i + 1) && s.w(i + 1).ends_with("ing");
                let tail = (end..s.end).find(|&i| participle_at(i)).unwrap_or(s.end);
                let to_end = (end..tail).all(|i| !s.is_mark(i) && s.w(i) != "that" && !s.is_participle(i))
                    // "…, say economists, marks a journey …": a clause after the source.
                    && (!s.is_comma(end)
                        || end >= tail
                        || appositive_start(s, end + 1)
                        || GAP_PREPOSITIONS.contains(&s.w(end + 1)));
                if to_end {
                    if let Some(content) = left_content(s, b + 1) {
                        return Some(found(s, cue, content, Some(source), kind_of(s, content)));
                    }
                }
            }
        }
    }
    // "The combination, say economists, marks a journey …": verb and source set off by commas
    // inside the content, which is the whole sentence.
    if before.is_some_and(|b| s.is_comma(b) && b > s.first + 1)
        && cue.has_tag("inverted")
        && !passive
        && !participial
        && looks_like_source_start(s, cue.last)
    {
        {
            if let Some((source, end)) = right_source(s, cue.last) {
                if s.is_comma(end)
                    && s.word_count(end + 1, s.end) >= MIN_CONTENT_WORDS
                    && !(end + 1..s.end).any(|i| s.is_mark(i))
                {
                    if let Some(content) = s.content(s.first, s.end) {
                        return Some(found(s, cue, content, Some(source), kind_of(s, content)));
                    }
                }
            }
        }
    }
    let right = right_content_start(s, cue, form);

    // "“C,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said …": a
    // quotation, then everything up to the verb is its speaker, appositives and all.
    if !participial && !passive && (cue.entry.class == "speech" || cue.has_tag("inverted")) {
        let end = skip_to_subject(s, cue.first);
        let mut close = None;
        for i in (s.first..end).rev() {
            if s.is_mark(i) {
                if s.is_close_quote(i) {
                    close = Some(i);
                }
                break;
            }
        }
        // The quotation must open the sentence (or have begun before it).
        let opens_sentence = close
            .and_then(|q| s.quote_closing(q))
            .is_some_and(|quote| quote.outer.start <= s.span(s.first).start);
        if let Some(q) = close.filter(|_| opens_sentence) {
            let start = if s.is_comma(q + 1) || s.raw(q + 1) == "—" { q + 2 } else { q + 1 };
            let mut src_end = end;
            while src_end > start && s.is_comma(src_end - 1) {
                src_end -= 1;
            }
            let plain = (start..src_end).all(|i| !s.is_verb(i) || s.w(i).ends_with("ing"))
                && src_end > start
                && src_end - start <= MAX_APPOSITIVE_TOKENS
                && looks_like_source_start(s, start);
            let right_is_clause = right_content_start(s, cue, form)
                .is_some_and(|(k, _)| s.w(k.saturating_sub(1)) == "that" || s.w(k.saturating_sub(1)) == ":");
            if plain && !right_is_clause {
                if let Some(content) = left_content(s, q + 1) {
                    let mut f = found(s, cue, content, Some(s.cover(start, src_end)), kind_of(s, content));
                    f.channel = (cue.last < s.end).then(|| s.content(cue.last, s.end)).flatten();
                    return Some(f);
                }
            }
        }
    }
    // "The museum, Mr. Obama said, would make visitors face …": the source and verb between
    // commas inside the content, which is the whole sentence.
    if !participial && !passive && cue.has_tag("inverted") {
        let end = skip_to_subject(s, cue.first);
        let mut after = cue.last;
        while after < s.end && is_time_adverb(s.w(after)) {
            after += 1;
        }
        // "…, the agency said in a June report, and …": a short channel before the comma.
        if GAP_PREPOSITIONS.contains(&s.w(after)) {
            if let Some(c) = (after..s.end.min(after + 8)).find(|&k| s.is_comma(k)) {
                if (after..c).all(|k| s.kind(k) == TokenKind::Word || s.kind(k) == TokenKind::Number)
                    && !(after..c).any(|k| s.is_verb(k))
                {
                    after = c;
                }
            }
        }
        if let Some(start) = subject_start(s, end) {
            if start > s.first + 1
                && s.is_comma(start - 1)
                && s.is_comma(after)
                && s.word_count(after + 1, s.end) >= MIN_CONTENT_WORDS
                && !s.is_verb(after + 1)
                && !s.is_close_quote(start.saturating_sub(2))
            {
                if let Some(content) = s.content(s.first, s.end) {
                    return Some(found(s, cue, content, Some(s.cover(start, end)), kind_of(s, content)));
                }
            }
        }
    }
    // "C, X said" / "“C,” X said" / "C, X said Tuesday." / "“C,” a spokesperson reacted to AFP."
    // Verbs of belief and perception too when they end the sentence ("…, The Post has learned.").
    let ends_sentence =
        (cue.last..s.end).all(|i| is_time_adverb(s.w(i)) || matches!(s.raw(i), "." | "!" | "," | "?"));
    if !participial
        && !passive
        && (cue.entry.class == "speech" || cue.has_tag("inverted") || ends_sentence && cue.has_tag("that"))
    {
        let end = skip_to_subject(s, cue.first);
        if let Some(start) = subject_start(s, end) {
            let after_quote = start > s.first && s.is_close_quote(start - 1)
                || start > s.first + 1 && s.is_comma(start - 1) && s.is_close_quote(start - 2);
            let after_comma = start > s.first && (s.is_comma(start - 1) || s.raw(start - 1) == "—");
            // Nothing but time words, commas and a channel may follow the verb.
            // A trailing ", adding that …" is an attribution of its own; the tail ends there.
            let tail_end = (cue.last..s.end)
                .find(|&i| {
                    s.is_comma(i) && (s.w(i + 1).ends_with("ing") || matches!(s.w(i + 1), "who" | "which"))
                })
                .unwrap_or(s.end);
            let tail_ok = (cue.last..tail_end).all(|i| {
                is_time_word(s.w(i))
                    || matches!(s.raw(i), "." | "," | "!" | "?")
                    || s.kind(i) == TokenKind::Word && !s.is_verb(i)
            }) || (cue.last..tail_end).all(|i| !s.is_mark(i) && !s.is_verb(i));
            // "…, top black lawmakers said Friday, as they bristled at …": a subordinate clause
            // may trail after a comma.
            let trailing_clause =
                (cue.last..s.end.min(cue.last + 5)).find(|&i| s.is_comma(i)).is_some_and(|c| {
                    matches!(
                        s.w(c + 1),
                        "as" | "while"
                            | "when"
                            | "because"
                            | "after"
                            | "before"
                            | "although"
                            | "though"
                            | "since"
                            | "in"
                            | "during"
                            | "despite"
                    ) && (c..s.end).all(|i| !s.is_mark(i))
                });
            let short_tail = s.word_count(cue.last, tail_end) <= 8 || trailing_clause;
            if (after_quote || after_comma && right.is_none()) && tail_ok && short_tail {
                if let Some(content) = left_content(s, start) {
                    let source = s.cover(start, end);
                    let mut f = found(s, cue, content, Some(source), kind_of(s, content));
                    f.channel = (cue.last < s.end).then(|| s.content(cue.last, s.end)).flatten();
                    return Some(f);
                }
            }
        }
    }

    let (start, channel) = right?;
    let content = content_from(s, start)?;
    let source = if passive {
        (cue.last..s.end).find(|&i| s.w(i) == "by").and_then(|i| {
            let e = (i + 1..s.end).find(|&k| s.kind(k) != TokenKind::Word).unwrap_or(s.end);
            (e > i + 1 && e < start).then(|| s.cover(i + 1, e))
        })
    } else if participial {
        host_subject(s, cue).or_else(|| main_subject(s, cue))
    } else if form == Form::Gerund && GERUND_CATENATIVES.contains(&prev) {
        // "could not resist pointing out", "kept saying": the subject of the first verb.
        left_source(s, cue.first - 1)
    } else if form == Form::Gerund && !PASSIVE_AUX.contains(&prev) && issued_document(s, cue.first) {
        // "The Security Council issued a statement calling …": the issuer, not the statement.
        main_subject(s, cue)
    } else if form == Form::Gerund && !PASSIVE_AUX.contains(&prev) {
        // "an article in the Financial Times accusing it of …": the noun phrase just before —
        // unless that is an adverbial ("in many cases reporting …"), then the main subject.
        let np = left_source(s, cue.first);
        let adverbial = np.is_some_and(|span| {
            (s.first..cue.first).find(|&i| s.span(i).start == span.start).is_some_and(|i| {
                LEADING_ADVERBIAL.contains(&s.w(i))
                    || MAIN_CLAUSE_ADVERBS.contains(&s.w(i))
                    || matches!(s.w(i), "as" | "in")
            })
        });
        if adverbial || np.is_none() {
            return main_subject(s, cue).map(|src| {
                let mut f = found(s, cue, content, Some(src), kind_of(s, content));
                f.channel = channel;
                f.object = !s.is_open_quote(start)
                    && !matches!(s.w(start.saturating_sub(1)), "that" | ":")
                    && cue.has_tag("np");
                f
            });
        }
        np.map(|span| {
            let from = (s.first..cue.first)
                .rev()
                .find(|&i| s.span(i).start >= span.start && matches!(s.w(i), "the" | "a" | "an"))
                .map_or(span.start, |i| s.span(i).start);
            Span::new(from, span.end)
        })
    } else if matches!(s.w(skip_to_subject(s, cue.first).saturating_sub(1)), "and" | "but") {
        // "Mr. Schultz supported Democrats …, and said he …": the subject of the first verb.
        left_source(s, cue.first).or_else(|| main_subject(s, cue))
    } else {
        left_source(s, cue.first)
    };
    // "The same document states, according to the FT, that …": the FT is a relay.
    let via = cues
        .iter()
        .find(|c| c.kind == CueKind::AccordingTo && c.first >= cue.last && c.first <= cue.last + 1)
        .and_then(|c| {
            let e = (c.last..s.end).find(|&k| matches!(s.raw(k), "," | "." | ";")).unwrap_or(s.end);
            (e > c.last).then(|| s.cover(c.last, e))
        });
    // An active verb whose subject cannot be found, or whose "subject" does not start like a
    // noun phrase ("been dogged by", "left little"), is more often a misreading than a claim.
    if source.is_none() && !passive && !cue.has_tag("phrase") {
        return None;
    }
    let source = match source {
        Some(src) if !starts_like_noun_phrase(s, src) => Some(main_subject(s, cue)?),
        other => other,
    };
    let mut f = found(s, cue, content, source, kind_of(s, content));
    f.object =
        !s.is_open_quote(start) && !matches!(s.w(start.saturating_sub(1)), "that" | ":") && cue.has_tag("np");
    f.channel = channel;
    f.via = via;
    f.participial = participial;
    Some(f)
}

/// The subject of the sentence's main clause, for "…, saying that C".
fn main_subject(s: &Sent, cue: &Cue) -> Option<Span> {
    let mut i = s.first;
    while i < cue.first
        && (matches!(s.w(i), "but" | "and" | "so" | "yet" | "however" | "," | "still" | "meanwhile")
            || s.is_mark(i))
    {
        i += 1;
    }
    // "On Thursday, Trump …", "Chastened, the campaign …", "After saying …, she …": a leading
    // adverbial ends at its comma.
    let lowercase_or_adverbial = LEADING_ADVERBIAL.contains(&s.w(i))
        || is_date_word(s.w(i))
        || s.w(i).ends_with("ed")
        || s.w(i).ends_with("ly")
        || s.w(i).ends_with("ing");
    if lowercase_or_adverbial {
        if let Some(comma) = (i..cue.first.min(i + 12)).find(|&k| s.is_comma(k)) {
            i = comma + 1;
        } else if LEADING_ADVERBIAL.contains(&s.w(i)) || is_date_word(s.w(i)) {
            return None;
        }
    }
    // "Though …, X", "However, X", "Perhaps X": sentence adverbs and a leading subordinate clause.
    while i < cue.first && MAIN_CLAUSE_ADVERBS.contains(&s.w(i)) {
        i += 1;
        if s.is_comma(i) {
            i += 1;
        }
    }
    if matches!(
        s.w(i),
        "though"
            | "although"
            | "while"
            | "when"
            | "if"
            | "because"
            | "as"
            | "since"
            | "once"
            | "after"
            | "before"
    ) {
        let comma = (i..cue.first).find(|&k| s.is_comma(k))?;
        i = comma + 1;
    }
    let start = i;
    // A name ("Donald Trump", "Mr. Obama") or a short noun phrase ("The campaign", "His aides").
    if s.is_capitalised(i) && !matches!(s.w(i), "the" | "a" | "an" | "his" | "her" | "its" | "their") {
        while i < cue.first && (s.is_capitalised(i) || s.w(i) == "." || s.w(i).ends_with("'s")) {
            i += 1;
        }
    } else {
        while i < cue.first && i < start + 4 {
            let w = s.w(i);
            let verbish = i > start + 1 && (w.ends_with("ed") || s.is_verb(i) || LEFT_BOUNDARY.contains(&w));
            if s.kind(i) != TokenKind::Word || verbish {
                break;
            }
            i += 1;
        }
    }
    if i == start || matches!(s.w(start), "it's" | "there" | "this" | "that") {
        return None;
    }
    // "Dean, a medical doctor, began …": the appositive goes with the name.
    if s.is_comma(i) {
        if let Some(close) = (i + 1..cue.first.min(i + MAX_SOURCE_TOKENS)).find(|&k| s.is_comma(k)) {
            if close + 1 < cue.first && !s.is_verb(i + 1) {
                return Some(s.cover(start, close));
            }
        }
    }
    Some(s.cover(start, i))
}

/// Direct quote when the content is one quotation, partial when it holds one, else indirect.
pub fn kind_of(s: &Sent, content: Span) -> ClaimKind {
    // Content may run over paragraphs, so look at every quotation that starts inside it (and the
    // one that starts just before it).
    let to = s.quotes.partition_point(|q| q.outer.start < content.end);
    let from = s.quotes[..to].partition_point(|q| q.outer.start < content.start).saturating_sub(1);
    let quoted: usize = s.quotes[from..to]
        .iter()
        .filter(|q| q.depth == 0 && content.overlaps(q.outer))
        .map(|q| q.outer.end.min(content.end) - q.outer.start.max(content.start))
        .sum();
    let text = s.doc.slice(content).trim_end_matches(['.', ',', ' ']);
    let starts_quoted = text.starts_with(['“', '"', '‘', '\'', '«', '„', '”']);
    if quoted == 0 {
        ClaimKind::Indirect
    } else if quoted * 10 >= content.len() * 9 && starts_quoted {
        ClaimKind::DirectQuote
    } else {
        ClaimKind::PartialQuote
    }
}

/// Words that label a line without attributing it ("Update: …", "Photo: …").
const NON_SPEAKER_LABELS: &[&str] = &[
    "update",
    "updated",
    "photo",
    "photos",
    "video",
    "image",
    "editor's note",
    "note",
    "correction",
    "source",
    "sources",
    "related",
    "read more",
    "see also",
    "watch",
    "listen",
    "warning",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "live",
    "q",
    "a",
    "by",
    "credit",
    "caption",
    "getty images",
];

/// Longest signature or speaker label, in words.
const MAX_LABEL_WORDS: usize = 5;

/// Layout attributions, whose cue is punctuation: a quotation signed with a dash
/// ("“…” ― Steve Quinlan.") and a line opened by a speaker's name and a colon
/// ("PENCE: …", "Politifact: Trump is right").
pub fn layout_attributions(doc: &Document, quotes: &[Quote]) -> Vec<Found> {
    let mut out = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        let text = block.span.slice(&doc.text);
        // The block's sentences and quotations, by binary search (both are in text order).
        let from = doc.sentences.partition_point(|s| s.block < b);
        let to = doc.sentences.partition_point(|s| s.block <= b);
        let sentences: Vec<usize> = (from..to).collect();
        let (Some(&first), Some(&last)) = (sentences.first(), sentences.last()) else { continue };
        let q_from = quotes.partition_point(|q| q.outer.start < block.span.start);
        let q_to = quotes.partition_point(|q| q.outer.start < block.span.end);
        // "“…” ― Name."
        for q in
            quotes[q_from..q_to.max(q_from)].iter().filter(|q| q.depth == 0 && block.span.contains(q.outer))
        {
            let after = &doc.text[q.outer.end..block.span.end];
            let trimmed = after.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
            let Some(dash) = trimmed.chars().next().filter(|c| matches!(c, '―' | '—' | '–')) else {
                continue;
            };
            let name = trimmed[dash.len_utf8()..].trim().trim_end_matches('.');
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.is_empty()
                || words.len() > MAX_LABEL_WORDS
                || !words.iter().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        || matches!(*w, "de" | "van" | "von" | "al" | "bin")
                })
            {
                continue;
            }
            let dash_at = q.outer.end + (after.len() - trimmed.len());
            let name_at = doc.text[dash_at..].find(name).map(|i| dash_at + i).unwrap_or(dash_at);
            let at = Span::new(q.outer.start, q.outer.start);
            let k = from + doc.sentences[from..to].partition_point(|s| s.span.end < at.start);
            let sentence = (k..to)
                .take_while(|&s| doc.sentences[s].span.start <= at.start)
                .find(|&s| doc.sentences[s].span.contains(at))
                .unwrap_or(first);
            out.push(Found {
                content: q.outer,
                source: Some(Span::new(name_at, name_at + name.len())),
                cue: Span::new(dash_at, dash_at + dash.len_utf8()),
                kind: ClaimKind::DirectQuote,
                sentence,
                channel: None,
                via: None,
                cue_entry: crate::cues::layout_cue("signature"),
                object: false,
                participial: false,
            });
        }
        // "NAME: content" (perhaps inside a quotation that opens the paragraph)
        let lead = text.len() - text.trim_start_matches(['"', '“', '\'', '‘']).len();
        if let Some(colon) = text.find(':').filter(|&c| c > lead) {
            let label = &text[lead..colon];
            let words: Vec<&str> = label.split_whitespace().collect();
            let rest = text[colon + 1..].trim();
            let lower = label.trim().to_lowercase();
            if !words.is_empty()
                && words.len() <= MAX_LABEL_WORDS
                && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
                && !NON_SPEAKER_LABELS.contains(&lower.as_str())
                && rest.split_whitespace().count() >= 4
                && !label.contains(['“', '"', '(', ')'])
            {
                let start = block.span.start
                    + colon
                    + 1
                    + (text[colon + 1..].len() - text[colon + 1..].trim_start().len());
                let mut end = block.span.end;
                while doc.text[..end].ends_with(['.', ' ']) && end > start {
                    end -= 1;
                }
                out.push(Found {
                    content: Span::new(start, end),
                    source: Some(Span::new(
                        block.span.start + lead,
                        block.span.start + lead + label.trim_end().len(),
                    )),
                    cue: Span::new(block.span.start + colon, block.span.start + colon + 1),
                    kind: ClaimKind::Indirect,
                    sentence: first,
                    channel: None,
                    via: None,
                    cue_entry: crate::cues::layout_cue("label"),
                    object: false,
                    participial: false,
                });
            }
        }
        let _ = last;
    }
    out
}

/// What an attribution says its claim rests on: "…, based on notes from the White House",
/// "citing two officials". The phrase runs to the next punctuation mark.
pub fn basis_of(doc: &Document, f: &Found, quoted: &Quoted) -> Option<Span> {
    let s = Sent::new(doc, f.sentence, quoted);
    let at = (s.first..s.end).find(|&i| {
        let w = s.w(i);
        !f.content.contains(s.span(i))
            && (w == "citing" || (w == "based" || w == "drawing") && s.w(i + 1) == "on")
    })?;
    let from = if s.w(at) == "citing" { at + 1 } else { at + 2 };
    let to = (from..s.end)
        .find(|&i| matches!(s.raw(i), "," | "." | ";" | ":" | "—") || s.is_mark(i))
        .unwrap_or(s.end);
    (to > from).then(|| s.cover(from, to))
}

/// The denials of sentence `index` and who makes them: "Alibaba … took issue with …",
/// "The ministry rejected …". Used to mark the other claims of the sentence as disputed.
pub fn denials(doc: &Document, index: usize, quoted: &Quoted) -> Vec<(Span, Option<Span>)> {
    let cues = crate::cues::find_cues_in(doc, index, &quoted.cue_words);
    if !cues.iter().any(|c| c.has_tag("denial")) {
        return Vec::new();
    }
    let s = Sent::new(doc, index, quoted);
    cues.iter().filter(|c| c.has_tag("denial")).map(|c| (c.span, left_source(&s, c.first))).collect()
}
