//! The view of one sentence the patterns work on ([`Sent`]), over the quotations of its
//! document found once ([`Quoted`]): which token is a word, a mark, a reporting verb, and
//! which quotation opens or closes where.

use crate::quotes::Quote;
use crate::text::{Document, Span, TokenKind};

/// Words after which an "-ing" form is a noun, not a participle: "of planning", "the reporting".
const NOUN_MARKERS_BEFORE_GERUND: &[&str] =
    &["of", "for", "in", "on", "about", "the", "a", "an", "and", "his", "her", "its", "their"];

/// The quotations of a document, found once, with what the patterns ask of them in logarithmic
/// time: which quotation opens or closes at a mark, and which are continued in the next paragraph.
pub(crate) struct Quoted<'d> {
    /// Sorted by opening mark (see [`crate::quotes::find_quotes`]).
    pub(crate) list: &'d [Quote],
    /// `(outer.end, index into list)`, sorted.
    ends: Vec<(usize, usize)>,
    /// The innermost quotation around each one (quotations nest: they come off a stack).
    parent: Vec<Option<usize>>,
    /// Whether quotation `i` goes on in the next paragraph.
    pub(crate) continued: Vec<bool>,
    /// What each token of the document can be as a cue, looked up once: the cue finder and the
    /// patterns ("is this a reporting verb?") ask it of the same tokens many times.
    pub(crate) cue_words: crate::cues::CueWords,
}

impl<'d> Quoted<'d> {
    pub(crate) fn new(doc: &Document, list: &'d [Quote]) -> Self {
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
    pub(crate) fn around(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
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
pub(crate) struct Sent<'d> {
    pub(super) doc: &'d Document,
    pub(super) index: usize,
    /// Token indices into `doc.tokens`.
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) quotes: &'d [Quote],
    pub(super) quoted: &'d Quoted<'d>,
    /// The quotations of the sentence's block.
    pub(super) near: &'d [Quote],
}

impl<'d> Sent<'d> {
    pub(crate) fn new(doc: &'d Document, index: usize, quoted: &'d Quoted<'d>) -> Self {
        let r = doc.sentences[index].tokens.clone();
        let quotes = quoted.list;
        // The quotations of this sentence's block (they never cross blocks), found by binary
        // search so that long articles with many quotations stay linear.
        let block = doc.blocks[doc.sentences[index].block].span;
        let from = quotes.partition_point(|q| q.outer.start < block.start);
        let to = quotes.partition_point(|q| q.outer.start < block.end);
        Sent { doc, index, first: r.start, end: r.end, quotes, quoted, near: &quotes[from..to.max(from)] }
    }
    pub(super) fn w(&self, i: usize) -> &'d str {
        if i >= self.first && i < self.end {
            self.doc.lower(i)
        } else {
            ""
        }
    }
    pub(super) fn kind(&self, i: usize) -> TokenKind {
        self.doc.tokens[i].kind
    }
    pub(super) fn span(&self, i: usize) -> Span {
        self.doc.tokens[i].span
    }
    pub(super) fn raw(&self, i: usize) -> &str {
        self.doc.slice(self.span(i))
    }
    pub(super) fn is_capitalised(&self, i: usize) -> bool {
        self.raw(i).starts_with(|c: char| c.is_uppercase())
    }
    /// A reporting verb at token `i` (not a capitalised name such as "Rules").
    pub(super) fn is_verb(&self, i: usize) -> bool {
        i >= self.first
            && i < self.end
            && self.quoted.cue_words.is_verb(i)
            && (i == self.first || !self.is_capitalised(i))
    }
    /// A verb's "-ing" form used as a verb ("…, adding that"), not as a noun after a preposition
    /// or determiner ("vice president of planning", "the reporting").
    pub(super) fn is_participle(&self, i: usize) -> bool {
        self.is_verb(i)
            && self.w(i).ends_with("ing")
            && !(i > self.first && NOUN_MARKERS_BEFORE_GERUND.contains(&self.w(i - 1)))
    }
    pub(super) fn is_punct(&self, i: usize, p: &str) -> bool {
        i < self.end && self.raw(i) == p
    }
    pub(super) fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, ",")
    }
    pub(super) fn is_open_quote(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Quote && !self.quoted.opening_at(self.span(i).start).is_empty()
    }
    pub(super) fn is_close_quote(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Quote
            && self.quoted.closing_at(self.span(i).end).any(|q| self.quotes[q].closed)
    }
    /// A quotation mark that opens or closes a quotation (not an apostrophe: "teachers’ union").
    pub(super) fn is_mark(&self, i: usize) -> bool {
        self.is_open_quote(i) || self.is_close_quote(i)
    }
    /// The quotation that opens at token `i`.
    pub(super) fn quote_at(&self, i: usize) -> Option<&'d Quote> {
        let quotes: &'d [Quote] = self.quotes;
        quotes[self.quoted.opening_at(self.span(i).start)].iter().max_by_key(|q| q.outer.len())
    }
    /// The quotation that closes at token `i`.
    pub(super) fn quote_closing(&self, i: usize) -> Option<&'d Quote> {
        let quotes: &'d [Quote] = self.quotes;
        let mut at: Vec<usize> = self.quoted.closing_at(self.span(i).end).collect();
        at.sort_unstable();
        at.into_iter().map(|q| &quotes[q]).max_by_key(|q| q.outer.len())
    }
    /// The span of tokens `[a, b)`.
    pub(super) fn cover(&self, a: usize, b: usize) -> Span {
        Span::new(self.span(a).start, self.span(b - 1).end)
    }
    /// The content span of tokens `[a, b)` without trailing sentence punctuation.
    pub(super) fn content(&self, a: usize, mut b: usize) -> Option<Span> {
        while b > a && matches!(self.raw(b - 1), "." | "," | ";" | ":" | "!" | "—" | "–" | "-") {
            b -= 1;
        }
        (b > a).then(|| self.cover(a, b))
    }
    pub(super) fn word_count(&self, a: usize, b: usize) -> usize {
        (a..b).filter(|&i| self.kind(i) == TokenKind::Word || self.kind(i) == TokenKind::Number).count()
    }
}
