//! Quotations: finds every quoted stretch of the text, whatever the marks (straight, curly,
//! single, guillemets, „German“), with nesting, quotations that run over several paragraphs (the
//! closing mark left out at the end of each paragraph but the last), and apostrophes told apart
//! from quotation marks. An unbalanced mark is closed at the end of its paragraph so that it
//! cannot derail the rest of the article.

use crate::text::{Document, Span};

/// The most quotations open at once. Real quotations nest three or four deep at most (a quotation
/// inside a quotation inside a quotation: "“… ‘… “…” …’ …”"); more open marks than this are
/// unbalanced marks, and an opening mark found when this many are open is not taken as one.
/// Without the bound, `He said, "` repeated opens a quotation at every mark, each running to the
/// end of the paragraph: quadratic in quotations' length, and in the claims built on them.
pub const MAX_OPEN_QUOTES: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included.
    pub outer: Span,
    /// Between the marks.
    pub inner: Span,
    /// 0 for a top-level quotation, 1 for one nested inside it, …
    pub depth: u8,
    /// False when no closing mark was found in the paragraph.
    pub closed: bool,
    /// The previous paragraph's part of the same quotation, as an index into the result.
    pub continues: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    at: usize,
    len: usize,
    family: Family,
    /// The mark that closes it (for guillemets and „“ pairs).
    closer: char,
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

fn is_space_or_open(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '/' | '“' | '"' | '‘' | '«')
    })
}

/// Finds the quotations of every block of `doc`, in text order of their opening marks.
pub fn find_quotes(doc: &Document) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    // A double quotation left open at the end of the previous paragraph.
    let mut carried: Option<usize> = None;
    for block in &doc.blocks {
        let text = &doc.text;
        let s = block.span.slice(text);
        // Two straight single marks ('') stand for a double one, as some newspapers write.
        let mut chars: Vec<(usize, char)> = Vec::with_capacity(s.len());
        let mut widths: Vec<usize> = Vec::with_capacity(s.len());
        for (i, c) in s.char_indices() {
            if c == '\'' && chars.last().is_some_and(|&(j, d)| d == '\'' && j + 1 == block.start_of() + i) {
                *chars.last_mut().unwrap() = (block.start_of() + i - 1, '"');
                *widths.last_mut().unwrap() = 2;
                continue;
            }
            chars.push((block.start_of() + i, c));
            widths.push(c.len_utf8());
        }
        let mut stack: Vec<Open> = Vec::new();
        let first_mark = chars.iter().find(|(_, c)| !c.is_whitespace()).map(|&(_, c)| c);
        let continuing = carried.take().filter(|_| matches!(first_mark, Some('“' | '"' | '«' | '„' | '”')));
        let mut pending_continuation = continuing;
        for k in 0..chars.len() {
            let (at, c) = chars[k];
            let prev = k.checked_sub(1).map(|j| chars[j].1);
            let next = chars.get(k + 1).map(|&(_, c)| c);
            let top = stack.last().copied();
            // Closing the innermost open quotation?
            if let Some(open) = top {
                let closes = match c {
                    // Straight and curly double marks are often mixed by mistake ("“…,\"").
                    '"' => {
                        matches!(open.closer, '"' | '”')
                            && open.family == Family::Double
                            && !(is_space_or_open(prev) && is_word(next))
                    }
                    '”' if open.closer == '"' => true,
                    '”' | '“' | '»' | '«' | '›' | '‹' => c == open.closer,
                    '’' | '\'' => {
                        open.family == Family::Single
                            && (c == open.closer || open.closer == '\'' || open.closer == '’')
                            && !is_word(next)
                            && !is_space_or_open(prev)
                    }
                    _ => false,
                };
                // A double closer while a single quotation is open: the single one was an apostrophe.
                let closes_outer = !closes
                    && open.family == Family::Single
                    && matches!(c, '”' | '»')
                    && stack.iter().any(|o| o.family == Family::Double && o.closer == c);
                if closes || closes_outer {
                    if closes_outer {
                        while stack.last().is_some_and(|o| o.family == Family::Single) {
                            stack.pop();
                        }
                    }
                    let open = stack.pop().unwrap();
                    let end = at + widths[k];
                    quotes.push(Quote {
                        outer: Span::new(open.at, end),
                        inner: Span::new(open.at + open.len, at),
                        depth: stack.len() as u8,
                        closed: true,
                        continues: if stack.is_empty() { pending_continuation.take() } else { None },
                    });
                    continue;
                }
            }
            // Opening a quotation?
            let opener = match c {
                '“' => Some((Family::Double, '”')),
                '„' => Some((Family::Double, '“')),
                '«' => Some((Family::Double, '»')),
                '»' if top.is_none() && is_word(next) => Some((Family::Double, '«')),
                '‹' => Some((Family::Single, '›')),
                '"' if is_space_or_open(prev) || top.is_none() => Some((Family::Double, '"')),
                // A stray closing mark at the very start of a paragraph is a typo for an opener.
                '”' if k == 0 && top.is_none() => Some((Family::Double, '”')),
                '‘' | '‚' if !is_word(prev) => Some((Family::Single, '’')),
                // A straight single mark opens only at a word start, and not in "'90s" or "'em".
                '\'' if is_space_or_open(prev)
                    && is_word(next)
                    && !next.is_some_and(|n| n.is_ascii_digit()) =>
                {
                    Some((Family::Single, '\''))
                }
                _ => None,
            };
            if let Some((family, closer)) = opener.filter(|_| stack.len() < MAX_OPEN_QUOTES) {
                stack.push(Open { at, len: widths[k], family, closer });
            }
        }
        // Whatever is still open ends with the paragraph.
        let block_end = block.span.end;
        let mut outermost_open = None;
        while let Some(open) = stack.pop() {
            if open.family == Family::Single {
                continue; // an apostrophe after all
            }
            outermost_open = Some(quotes.len());
            quotes.push(Quote {
                outer: Span::new(open.at, block_end),
                inner: Span::new(open.at + open.len, block_end),
                depth: stack.iter().filter(|o| o.family == Family::Double).count() as u8,
                closed: false,
                continues: if stack.is_empty() { pending_continuation.take() } else { None },
            });
        }
        carried = outermost_open;
    }
    quotes.sort_by_key(|q| (q.outer.start, std::cmp::Reverse(q.outer.end)));
    // Sorting moved indices; re-link continuations by position.
    relink(&mut quotes);
    quotes
}

/// After sorting, `continues` must point at the right element again: recompute it by linking
/// every quotation that starts a paragraph to the unclosed top-level one just before it.
fn relink(quotes: &mut [Quote]) {
    let had: Vec<bool> = quotes.iter().map(|q| q.continues.is_some()).collect();
    let mut last_open: Option<usize> = None;
    for i in 0..quotes.len() {
        if quotes[i].depth != 0 {
            continue;
        }
        quotes[i].continues = if had[i] { last_open } else { None };
        last_open = if quotes[i].closed { None } else { Some(i) };
    }
}

trait BlockStart {
    fn start_of(&self) -> usize;
}
impl BlockStart for crate::text::Block {
    fn start_of(&self) -> usize {
        self.span.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<(String, u8, bool)> {
        let doc = Document::from_plain_text(text);
        find_quotes(&doc).iter().map(|q| (doc.slice(q.inner).to_string(), q.depth, q.closed)).collect()
    }

    #[test]
    fn curly_straight_and_nested() {
        assert_eq!(
            inner("T\nHe said “it is ‘bad’ news” and \"more\" today."),
            [("it is ‘bad’ news".into(), 0, true), ("bad".into(), 1, true), ("more".into(), 0, true)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            inner("T\nAlibaba's rock of the '90s and investors’ money ‘rocks’."),
            [("rocks".into(), 0, true)]
        );
        assert_eq!(inner("T\nAlibaba’s shares rose."), []);
    }

    #[test]
    fn doubled_single_marks_are_double_quotes() {
        assert_eq!(
            inner("T\n''It is over,'' he said, ''really.''"),
            [("It is over,".into(), 0, true), ("really.".into(), 0, true)]
        );
    }

    #[test]
    fn mixed_straight_and_curly_marks_pair_up() {
        let text = concat!("T\n", r#"“No deals," he said, adding "more" later."#);
        assert_eq!(inner(text), [("No deals,".into(), 0, true), ("more".into(), 0, true)]);
    }

    #[test]
    fn guillemets_and_german() {
        assert_eq!(inner("T\nIl a dit « non » hier."), [(" non ".into(), 0, true)]);
        assert_eq!(inner("T\nEr sagte „nein“ gestern."), [("nein".into(), 0, true)]);
    }

    #[test]
    fn quotation_over_paragraphs() {
        let doc = Document::from_plain_text("T\n“First part.\n“Second part,” he said.\nAfter.");
        let q = find_quotes(&doc);
        assert_eq!(q.len(), 2);
        assert!(!q[0].closed);
        assert_eq!(q[1].continues, Some(0));
        assert_eq!(doc.slice(q[1].inner), "Second part,");
    }

    #[test]
    fn open_marks_are_bounded() {
        let doc = Document::from_plain_text(&format!("T\n{}", "He said, \"".repeat(100)));
        let q = find_quotes(&doc);
        assert_eq!(q.len(), MAX_OPEN_QUOTES);
        assert!(q.iter().all(|q| (q.depth as usize) < MAX_OPEN_QUOTES));
    }

    #[test]
    fn unbalanced_mark_does_not_derail() {
        let doc = Document::from_plain_text("T\nHe said “oops and never closed.\nNext “fine” one.");
        let q = find_quotes(&doc);
        assert_eq!(q.len(), 2);
        assert_eq!(doc.slice(q[1].inner), "fine");
        assert_eq!(q[1].continues, None);
    }
}
