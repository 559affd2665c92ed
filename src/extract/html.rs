//! The native backend: parses an HTML string with `scraper` (html5ever) and exposes it as a
//! [`Dom`]. Only built with the `native` feature, so HTML parsing never reaches the wasm bundle
//! (there the live browser DOM is walked instead).

use std::borrow::Cow;

use scraper::{Html, Node};

use super::{extract, Article, Dom};

/// A node of an [`HtmlDom`]: an index into its arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HtmlNode(u32);

enum Data {
    Document,
    Element { name: String, attrs: Vec<(String, String)> },
    Text(String),
    Other,
}

struct Slot {
    first_child: Option<HtmlNode>,
    next_sibling: Option<HtmlNode>,
    data: Data,
}

/// A parsed HTML document, copied out of `scraper`'s tree into an arena so that nodes are plain
/// indices (the tree's own ids live in a crate this one does not name).
pub struct HtmlDom {
    slots: Vec<Slot>,
}

impl HtmlDom {
    pub fn parse(html: &str) -> Self {
        let doc = Html::parse_document(html);
        let mut slots: Vec<Slot> = Vec::new();
        // (scraper node, index of the slot whose child list it ends, previous sibling slot)
        let root = doc.tree.root();
        slots.push(Slot { first_child: None, next_sibling: None, data: Data::Document });
        let mut stack = vec![(root, 0usize)];
        while let Some((node, slot)) = stack.pop() {
            let mut prev: Option<usize> = None;
            let mut kids = Vec::new();
            for child in node.children() {
                let data = match child.value() {
                    Node::Element(e) => Data::Element {
                        name: e.name().to_ascii_lowercase(),
                        attrs: e.attrs().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
                    },
                    Node::Text(t) => Data::Text(t.to_string()),
                    Node::Document | Node::Fragment => Data::Document,
                    _ => Data::Other,
                };
                let id = slots.len();
                slots.push(Slot { first_child: None, next_sibling: None, data });
                let handle = Some(HtmlNode(id as u32));
                match prev {
                    None => slots[slot].first_child = handle,
                    Some(p) => slots[p].next_sibling = handle,
                }
                prev = Some(id);
                kids.push((child, id));
            }
            stack.extend(kids.into_iter().rev());
        }
        HtmlDom { slots }
    }

    fn slot(&self, node: HtmlNode) -> Option<&Slot> {
        self.slots.get(node.0 as usize)
    }
}

impl Dom for HtmlDom {
    type Node = HtmlNode;

    fn root(&self) -> HtmlNode {
        HtmlNode(0)
    }

    fn first_child(&self, node: HtmlNode) -> Option<HtmlNode> {
        self.slot(node)?.first_child
    }

    fn next_sibling(&self, node: HtmlNode) -> Option<HtmlNode> {
        self.slot(node)?.next_sibling
    }

    fn tag(&self, node: HtmlNode) -> Option<Cow<'_, str>> {
        match &self.slot(node)?.data {
            Data::Element { name, .. } => Some(Cow::Borrowed(name)),
            _ => None,
        }
    }

    fn attr(&self, node: HtmlNode, name: &str) -> Option<Cow<'_, str>> {
        match &self.slot(node)?.data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| Cow::Borrowed(v.as_str())),
            _ => None,
        }
    }

    fn text(&self, node: HtmlNode) -> Option<Cow<'_, str>> {
        match &self.slot(node)?.data {
            Data::Text(t) => Some(Cow::Borrowed(t)),
            _ => None,
        }
    }
}

/// Parses `html` and extracts its article. The node ids point into the parsed document, which is
/// dropped; use [`HtmlDom::parse`] and [`extract`] to keep it.
pub fn extract_html(html: &str) -> Option<Article<HtmlNode>> {
    extract(&HtmlDom::parse(html))
}

/// The visible text of an HTML fragment or page, one block per line (scripts and styles left
/// out): the reference text of the evaluation's `expected.html` files.
pub fn html_text(html: &str) -> String {
    let dom = HtmlDom::parse(html);
    let mut out = String::new();
    let mut stack = vec![dom.root()];
    while let Some(n) = stack.pop() {
        if let Some(t) = dom.text(n) {
            out.push_str(&t);
            continue;
        }
        if dom.tag(n).is_some_and(|t| matches!(&*t, "script" | "style" | "noscript" | "template" | "head")) {
            continue;
        }
        out.push(' ');
        let kids: Vec<HtmlNode> = dom.children(n).collect();
        stack.extend(kids.into_iter().rev());
    }
    out
}
