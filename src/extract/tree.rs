//! A compact snapshot of the page taken once from a [`Dom`]: elements and text in preorder, each
//! subtree a contiguous index range, so that scoring and cleaning never recurse and never touch the
//! page again. Scripts, styles, hidden subtrees and form controls' contents are left out here.

use super::dom::Dom;
use super::hints;

/// Subtrees never worth reading.
const SKIPPED_TAGS: &[&str] =
    &["script", "style", "noscript", "template", "svg", "math", "link", "base", "canvas", "map", "dialog"];
/// Kept as leaves (counted by the cleaning, never read): form controls and embedded content.
const LEAF_TAGS: &[&str] = &[
    "input", "button", "select", "textarea", "iframe", "embed", "object", "video", "audio", "img", "picture",
];
/// Nodes deeper than this are attached to their ancestor at this depth, as siblings of each other
/// (what WebKit and Blink's parsers do beyond 512 levels): broken or hostile HTML can nest without
/// end, and the scoring walks from nodes to their ancestors. Their text is kept.
pub const MAX_DEPTH: usize = 512;
/// Node budget for one page: beyond it the rest of the page is ignored (and the report says
/// `truncated`). The heaviest real pages have about a tenth of this.
pub const MAX_NODES: usize = 400_000;

pub(crate) struct Item<N> {
    pub node: N,
    pub parent: Option<usize>,
    /// One past the last index of this item's subtree.
    pub end: usize,
    /// Lowercase tag name; empty for text.
    pub tag: String,
    /// Text of a text node.
    pub text: String,
    /// Lowercase `class`, `id` and `itemprop`, joined by spaces.
    pub hints: String,
    pub role: String,
    /// Inside an `<a>` element.
    pub in_link: bool,
    /// Collapsed length in chars (text nodes).
    pub chars: usize,
    pub commas: usize,
    /// Collapsed length of the text of the whole subtree (removed parts included): a bound read
    /// in constant time.
    pub text_chars: usize,
}

impl<N> Item<N> {
    pub fn is_text(&self) -> bool {
        self.tag.is_empty()
    }
}

pub(crate) struct Tree<N> {
    pub items: Vec<Item<N>>,
    /// Text of the first `<title>`.
    pub doc_title: Option<String>,
    /// `og:title` / `twitter:title` meta content.
    pub meta_title: Option<String>,
    /// Nodes were left out beyond [`MAX_NODES`].
    pub truncated: bool,
    /// Nodes beyond [`MAX_DEPTH`] were attached higher up.
    pub flattened: bool,
}

/// Sums over a subtree, skipping removed items.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Stats {
    pub chars: usize,
    pub link_chars: usize,
    pub commas: usize,
}

impl Stats {
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

fn is_hidden<D: Dom>(dom: &D, node: D::Node) -> bool {
    if dom.attr(node, "hidden").is_some() {
        return true;
    }
    if dom.attr(node, "aria-hidden").is_some_and(|v| v.trim() == "true") {
        // Readability keeps the "fallback image" pattern of some sites; images are not text anyway.
        return true;
    }
    if let Some(style) = dom.attr(node, "style") {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Collapsed length (runs of whitespace count as one char, ends trimmed) and comma count.
fn measure(text: &str) -> (usize, usize) {
    let mut chars = 0;
    let mut commas = 0;
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = chars > 0;
        } else {
            if space {
                chars += 1;
                space = false;
            }
            chars += 1;
            if hints::is_comma(c) {
                commas += 1;
            }
        }
    }
    (chars, commas)
}

impl<N: Copy + Eq> Tree<N> {
    pub fn build<D: Dom<Node = N>>(dom: &D) -> Self {
        let mut tree =
            Tree { items: Vec::new(), doc_title: None, meta_title: None, truncated: false, flattened: false };
        // (node, parent index, in_link, depth); `None` marks the close of the item on the stack.
        enum Step<N> {
            Enter(N, Option<usize>, bool, usize),
            Close(usize),
        }
        let mut stack = vec![Step::Enter(dom.root(), None, false, 0)];
        while let Some(step) = stack.pop() {
            let (node, parent, in_link, depth) = match step {
                Step::Close(i) => {
                    tree.items[i].end = tree.items.len();
                    continue;
                }
                Step::Enter(n, p, l, d) => (n, p, l, d),
            };
            if tree.items.len() >= MAX_NODES {
                tree.truncated = true;
                continue;
            }
            // Too deep: this node and, after it, its children become children of `parent`.
            let flat = depth > MAX_DEPTH;
            tree.flattened |= flat;
            if let Some(text) = dom.text(node) {
                if parent.is_none() {
                    continue;
                }
                let (chars, commas) = measure(&text);
                let i = tree.items.len();
                tree.items.push(Item {
                    node,
                    parent,
                    end: i + 1,
                    tag: String::new(),
                    text: text.into_owned(),
                    hints: String::new(),
                    role: String::new(),
                    in_link,
                    chars,
                    commas,
                    text_chars: chars,
                });
                continue;
            }
            let tag = match dom.tag(node) {
                Some(t) => t.to_ascii_lowercase(),
                None if parent.is_none() => {
                    // The document node: its children become roots.
                    let kids: Vec<N> = dom.children(node).collect();
                    for k in kids.into_iter().rev() {
                        stack.push(Step::Enter(k, None, false, depth + 1));
                    }
                    continue;
                }
                None => continue, // comments, doctype, processing instructions
            };
            match tag.as_str() {
                "title" if tree.doc_title.is_none() => {
                    let t: String = dom.children(node).filter_map(|c| dom.text(c)).collect();
                    tree.doc_title = Some(collapse(&t));
                    continue;
                }
                "meta" => {
                    let key = dom.attr(node, "property").or_else(|| dom.attr(node, "name"));
                    if key.is_some_and(|k| k == "og:title" || k == "twitter:title")
                        && tree.meta_title.is_none()
                    {
                        tree.meta_title = dom.attr(node, "content").map(|c| collapse(&c));
                    }
                    continue;
                }
                "head" => {
                    // Only the title and meta tags matter in the head; it never holds the article.
                    let mut todo: Vec<N> = dom.children(node).collect();
                    todo.reverse();
                    for k in todo {
                        stack.push(Step::Enter(k, None, false, depth + 1));
                    }
                    continue;
                }
                _ => {}
            }
            if parent.is_none() && tag != "html" && tag != "body" && depth > 1 {
                // The rest of <head> (scripts, styles, links).
                continue;
            }
            if SKIPPED_TAGS.contains(&tag.as_str()) || is_hidden(dom, node) {
                continue;
            }
            let mut hints = String::new();
            for name in ["class", "id", "itemprop"] {
                if let Some(v) = dom.attr(node, name) {
                    hints.push_str(&v.to_lowercase());
                    hints.push(' ');
                }
            }
            let role = dom.attr(node, "role").map(|r| r.to_lowercase()).unwrap_or_default();
            let i = tree.items.len();
            let leaf = LEAF_TAGS.contains(&tag.as_str());
            let link = in_link || tag == "a";
            tree.items.push(Item {
                node,
                parent,
                end: i + 1,
                tag,
                text: String::new(),
                hints,
                role,
                in_link: link,
                chars: 0,
                commas: 0,
                text_chars: 0,
            });
            if !flat {
                stack.push(Step::Close(i));
            }
            if !leaf {
                let (kid_parent, kid_depth) = if flat { (parent, depth) } else { (Some(i), depth + 1) };
                let kids: Vec<N> = dom.children(node).collect();
                for k in kids.into_iter().rev() {
                    stack.push(Step::Enter(k, kid_parent, link, kid_depth));
                }
            }
        }
        // Children come after their parent in preorder: one backward pass sums every subtree.
        for i in (0..tree.items.len()).rev() {
            if let Some(p) = tree.items[i].parent {
                tree.items[p].text_chars += tree.items[i].text_chars;
            }
        }
        tree
    }
}

impl<N> Tree<N> {
    /// The children of `i` that are not removed.
    pub fn children<'a>(&'a self, i: usize, removed: &'a [bool]) -> impl Iterator<Item = usize> + 'a {
        let end = self.items[i].end;
        let mut j = i + 1;
        std::iter::from_fn(move || {
            while j < end {
                let k = j;
                j = self.items[k].end;
                if !removed[k] {
                    return Some(k);
                }
            }
            None
        })
    }

    /// Every item of the subtree of `i` (itself included) that is not removed nor under a removed one.
    pub fn descendants<'a>(&'a self, i: usize, removed: &'a [bool]) -> impl Iterator<Item = usize> + 'a {
        let end = self.items[i].end;
        let mut j = i;
        std::iter::from_fn(move || {
            while j < end {
                let k = j;
                if removed[k] {
                    j = self.items[k].end;
                    continue;
                }
                j += 1;
                return Some(k);
            }
            None
        })
    }

    pub fn stats(&self, i: usize, removed: &[bool]) -> Stats {
        let mut s = Stats::default();
        let mut last_text = false;
        for k in self.descendants(i, removed) {
            let item = &self.items[k];
            if item.is_text() && item.chars > 0 {
                // Adjacent text nodes are separated by (about) one space.
                let sep = usize::from(last_text);
                s.chars += item.chars + sep;
                s.commas += item.commas;
                if item.in_link {
                    s.link_chars += item.chars;
                }
                last_text = true;
            }
        }
        s
    }

    pub fn count_tags(&self, i: usize, removed: &[bool], tags: &[&str]) -> usize {
        self.descendants(i, removed).filter(|&k| k != i && tags.contains(&self.items[k].tag.as_str())).count()
    }

    /// The collapsed text of a subtree (for tests and short checks, not for the output blocks).
    pub fn text_of(&self, i: usize, removed: &[bool]) -> String {
        let mut out = String::new();
        for k in self.descendants(i, removed) {
            if self.items[k].is_text() {
                out.push_str(&self.items[k].text);
                out.push(' ');
            }
        }
        collapse(&out)
    }

    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut cur = self.items[i].parent;
        std::iter::from_fn(move || {
            let p = cur?;
            cur = self.items[p].parent;
            Some(p)
        })
    }
}

/// Collapses runs of whitespace to one space and trims the ends.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    /// `<html><body>` then `<div>` nested `depth` deep, holding paragraphs of text: what a
    /// script-built live DOM can be (the HTML parser of the CLI flattens such input itself).
    struct Chain {
        depth: usize,
        paragraphs: usize,
    }

    // Nodes: 0 document, 1 html, 2 body, 3.. the divs, then (p, text) pairs under the last div.
    impl Dom for Chain {
        type Node = usize;
        fn root(&self) -> usize {
            0
        }
        fn first_child(&self, n: usize) -> Option<usize> {
            let last_div = 2 + self.depth;
            match n {
                _ if n < last_div => Some(n + 1),
                _ if n == last_div => Some(last_div + 1),
                _ if (n - last_div) % 2 == 1 => Some(n + 1),
                _ => None,
            }
        }
        fn next_sibling(&self, n: usize) -> Option<usize> {
            let last_div = 2 + self.depth;
            (n > last_div && (n - last_div) % 2 == 1 && n + 2 <= last_div + 2 * self.paragraphs)
                .then_some(n + 2)
        }
        fn tag(&self, n: usize) -> Option<Cow<'_, str>> {
            let last_div = 2 + self.depth;
            Some(Cow::Borrowed(match n {
                0 => return None,
                1 => "html",
                2 => "body",
                _ if n <= last_div => "div",
                _ if (n - last_div) % 2 == 1 => "p",
                _ => return None,
            }))
        }
        fn attr(&self, _: usize, _: &str) -> Option<Cow<'_, str>> {
            None
        }
        fn text(&self, n: usize) -> Option<Cow<'_, str>> {
            (n > 2 + self.depth && (n - 2 - self.depth) % 2 == 0).then_some(Cow::Borrowed("Some text."))
        }
    }

    /// Nodes deeper than the bound were dropped, so an article nested 511 or more deep was
    /// `no_article`; they are now attached higher up, with their text.
    #[test]
    fn nodes_beyond_the_depth_bound_are_flattened_not_dropped() {
        for depth in [10, MAX_DEPTH + 100, 5_000] {
            let tree = Tree::build(&Chain { depth, paragraphs: 3 });
            let texts = tree.items.iter().filter(|i| i.is_text()).count();
            assert_eq!(texts, 3, "depth {depth}");
            assert_eq!(tree.flattened, depth + 2 > MAX_DEPTH, "depth {depth}");
            // No item is deeper than the bound.
            let deepest = (0..tree.items.len()).map(|i| tree.ancestors(i).count()).max().unwrap();
            assert!(deepest <= MAX_DEPTH, "depth {depth}: {deepest}");
        }
    }
}
