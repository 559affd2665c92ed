//! Which spans overlap a given one, among thousands (a long article has thousands of attributions,
//! and comparing every pair is quadratic): an interval tree laid out over the spans sorted by
//! start, each node holding the furthest end in its subtree. A query costs O(log n) plus the
//! spans it returns, however long some spans are.

use super::Found;
use crate::text::Span;

pub struct SpanIndex {
    /// Index of each span in the caller's order, sorted by (start, index).
    order: Vec<usize>,
    starts: Vec<usize>,
    ends: Vec<usize>,
    /// For the node at the middle of each range of the implicit tree: the furthest end in it.
    max_end: Vec<usize>,
}

impl SpanIndex {
    /// The index of the attributions' contents.
    pub fn new(found: &[Found]) -> Self {
        Self::of(found.iter().map(|f| f.content))
    }

    pub fn of(spans: impl IntoIterator<Item = Span>) -> Self {
        let spans: Vec<Span> = spans.into_iter().collect();
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| (spans[i].start, i));
        let starts = order.iter().map(|&i| spans[i].start).collect();
        let ends: Vec<usize> = order.iter().map(|&i| spans[i].end).collect();
        let mut max_end = vec![0; ends.len()];
        fill_max_end(&ends, &mut max_end, 0, ends.len());
        SpanIndex { order, starts, ends, max_end }
    }

    /// Indices (in the caller's order) of the spans that overlap `span` or touch it, sorted by
    /// (start, index): for spans given in order of start, ascending indices.
    pub fn overlapping(&self, span: Span) -> std::vec::IntoIter<usize> {
        let mut out = Vec::new();
        self.visit(0, self.order.len(), span, &mut out);
        out.into_iter()
    }

    fn visit(&self, lo: usize, hi: usize, span: Span, out: &mut Vec<usize>) {
        if lo >= hi {
            return;
        }
        let mid = lo + (hi - lo) / 2;
        if self.max_end[mid] < span.start {
            return; // everything here ends before the span
        }
        self.visit(lo, mid, span, out);
        if self.starts[mid] > span.end {
            return; // this one and everything after it starts after the span
        }
        if self.ends[mid] >= span.start {
            out.push(self.order[mid]);
        }
        self.visit(mid + 1, hi, span, out);
    }
}

fn fill_max_end(ends: &[usize], max_end: &mut [usize], lo: usize, hi: usize) -> usize {
    if lo >= hi {
        return 0;
    }
    let mid = lo + (hi - lo) / 2;
    let m = ends[mid].max(fill_max_end(ends, max_end, lo, mid)).max(fill_max_end(ends, max_end, mid + 1, hi));
    max_end[mid] = m;
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_the_overlapping_spans() {
        let spans = [(0, 100), (5, 8), (10, 20), (12, 14), (30, 40), (50, 51), (90, 95)];
        let index = SpanIndex::of(spans.iter().map(|&(a, b)| Span::new(a, b)));
        for a in 0..110 {
            for b in a..110 {
                let want: Vec<usize> =
                    (0..spans.len()).filter(|&i| spans[i].0 <= b && spans[i].1 >= a).collect();
                assert_eq!(index.overlapping(Span::new(a, b)).collect::<Vec<_>>(), want, "{a}..{b}");
            }
        }
    }
}
