//! The native backend: parses an HTML string with `scraper` (html5ever) and exposes it as a
//! [`Dom`]. Only built with the `native` feature, so HTML parsing never reaches the wasm bundle
//! (there the live browser DOM is walked instead).
//!
//! html5ever follows the HTML standard, whose tree construction is quadratic on some inputs: every
//! block start tag looks through the whole stack of open elements (so `<div>` nested 100,000 deep
//! takes minutes), every attribute is compared with the element's earlier ones (one element with
//! 600,000 attributes never finishes), and formatting elements left open are re-created in every
//! later paragraph (`<b>` with 200 different classes, then `</p><p>x` repeated, builds gigabytes).
//! So the HTML is first passed through [`bound`], which follows the nesting of the page closely
//! enough to keep those three within named bounds; a real page never reaches them and is parsed
//! exactly as written.

use std::borrow::Cow;

use scraper::{Html, Node};

use super::{extract, Article, Dom};

/// A node of an [`HtmlDom`]: an index into its arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HtmlNode(u32);

/// What a node is. Names, values and text are ranges of [`HtmlDom::strings`]: one buffer for the
/// whole page instead of an allocation per name, attribute and text node (the arena then takes
/// about a third of what `scraper`'s tree does).
#[derive(Clone, Copy)]
enum Data {
    Document,
    /// The name, and the element's attributes as a range of [`HtmlDom::attrs`].
    Element {
        name: Str,
        attrs: (u32, u32),
    },
    Text(Str),
    Other,
}

/// A range of [`HtmlDom::strings`].
#[derive(Clone, Copy)]
struct Str(u32, u32);

#[derive(Clone, Copy)]
struct Slot {
    first_child: Option<HtmlNode>,
    next_sibling: Option<HtmlNode>,
    data: Data,
}

/// A parsed HTML document, copied out of `scraper`'s tree into an arena so that nodes are plain
/// indices (the tree's own ids live in a crate this one does not name).
pub struct HtmlDom {
    slots: Vec<Slot>,
    /// (name, value) of every element's attributes, element after element.
    attrs: Vec<(Str, Str)>,
    strings: String,
    simplified: bool,
}

impl HtmlDom {
    pub fn parse(html: &str) -> Self {
        let (html, simplified) = bound(html);
        let doc = Html::parse_document(&html);
        drop(html);
        let mut dom = HtmlDom { slots: Vec::new(), attrs: Vec::new(), strings: String::new(), simplified };
        // (scraper node, index of the slot whose child list it ends, previous sibling slot)
        let root = doc.tree.root();
        dom.slots.push(Slot { first_child: None, next_sibling: None, data: Data::Document });
        let mut stack = vec![(root, 0usize)];
        let mut kids = Vec::new();
        while let Some((node, slot)) = stack.pop() {
            let mut prev: Option<usize> = None;
            for child in node.children() {
                let data = match child.value() {
                    Node::Element(e) => {
                        let name = dom.store(&e.name().to_ascii_lowercase());
                        let first = dom.attrs.len() as u32;
                        for (k, v) in e.attrs() {
                            let attr = (dom.store(k), dom.store(v));
                            dom.attrs.push(attr);
                        }
                        Data::Element { name, attrs: (first, dom.attrs.len() as u32) }
                    }
                    Node::Text(t) => Data::Text(dom.store(t)),
                    Node::Document | Node::Fragment => Data::Document,
                    _ => Data::Other,
                };
                let id = dom.slots.len();
                dom.slots.push(Slot { first_child: None, next_sibling: None, data });
                let handle = Some(HtmlNode(id as u32));
                match prev {
                    None => dom.slots[slot].first_child = handle,
                    Some(p) => dom.slots[p].next_sibling = handle,
                }
                prev = Some(id);
                kids.push((child, id));
            }
            stack.extend(kids.drain(..).rev());
        }
        dom
    }

    fn store(&mut self, s: &str) -> Str {
        let start = self.strings.len();
        self.strings.push_str(s);
        Str(start as u32, self.strings.len() as u32)
    }

    fn str(&self, s: Str) -> &str {
        &self.strings[s.0 as usize..s.1 as usize]
    }

    /// Whether [`bound`] had to leave tags or attributes out (the page went beyond a bound).
    pub fn simplified(&self) -> bool {
        self.simplified
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
        match self.slot(node)?.data {
            Data::Element { name, .. } => Some(Cow::Borrowed(self.str(name))),
            _ => None,
        }
    }

    fn attr(&self, node: HtmlNode, name: &str) -> Option<Cow<'_, str>> {
        match self.slot(node)?.data {
            Data::Element { attrs: (a, b), .. } => self.attrs[a as usize..b as usize]
                .iter()
                .find(|&&(k, _)| self.str(k).eq_ignore_ascii_case(name))
                .map(|&(_, v)| Cow::Borrowed(self.str(v))),
            _ => None,
        }
    }

    fn text(&self, node: HtmlNode) -> Option<Cow<'_, str>> {
        match self.slot(node)?.data {
            Data::Text(t) => Some(Cow::Borrowed(self.str(t))),
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

/// The deepest nesting of elements handed to the parser. Browsers stop nesting at about this
/// depth too (WebKit and Blink attach elements beyond 512 levels to the 512th); real pages stay
/// under 100. A start tag beyond it is left out (its text stays, in the element around it), and
/// so is its end tag; a block element's tags become a paragraph break (`<br><br>`) when text came
/// since the last one, so that the paragraphs of an article nested that deep stay apart. This
/// bounds what each tag costs html5ever's scope checks.
pub const MAX_PARSE_DEPTH: usize = 256;

/// The most attributes read from one tag; the rest are left out. Real elements have a dozen or
/// two, tracking-laden ones up to about 70 (yahoo-3 in `tests/pages`); html5ever compares each
/// new attribute with the ones before it, so an element's cost grows with the square of this.
pub const MAX_ATTRIBUTES: usize = 512;

/// The most formatting elements (`<b>`, `<i>`, `<font>` …, not `<a>`, which cannot nest) left open
/// at once. The standard re-creates every open formatting element in each new paragraph, so each
/// one left open costs an element per later paragraph (`<p>x</p>` is eight bytes); a real page
/// leaves one open by mistake now and then. A formatting start tag beyond it is left out.
pub const MAX_OPEN_FORMATTING: usize = 2;

/// How far down the stack of open elements an end tag looks for its start tag.
const MAX_END_TAG_SEARCH: usize = 64;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "image", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements whose content is text up to their own end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title"];
const FORMATTING: &[&str] =
    &["b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"];
/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "table",
    "hr",
    "li",
    "dd",
    "dt",
    "plaintext",
];
/// Elements inside a line of text: leaving their tags out needs no paragraph break.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "label",
    "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
    "var",
];
/// Elements where the search for an element to close stops (the standard's scope boundaries).
const SCOPE: &[&str] =
    &["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button"];
/// Elements whose start closes an open one of the same group, unless a boundary comes first.
const SAME_GROUP: &[(&[&str], &[&str])] = &[
    (&["li"], &["ul", "ol", "menu"]),
    (&["dd", "dt"], &["dl"]),
    (&["td", "th"], &["tr", "table"]),
    (&["tr"], &["table", "tbody", "thead", "tfoot"]),
    (&["tbody", "thead", "tfoot"], &["table"]),
    (&["option"], &["select", "datalist"]),
    (&["a"], &[]),
    (&["nobr"], &[]),
    (&["button"], &[]),
];
/// Elements that open a new level for formatting (the standard's markers).
const MARKERS: &[&str] = &["td", "th", "caption", "applet", "marquee", "object", "template"];

/// The open elements as [`bound`] follows them.
#[derive(Default)]
struct Nesting {
    open: Vec<String>,
    /// Open formatting elements (and `""` for a marker), oldest first.
    formatting: Vec<String>,
    /// Start tags left out for depth, by name, whose end tags are still to come. While any are,
    /// the stack is full and every start tag is left out.
    too_deep: crate::lexicon::FastMap<String, usize>,
    /// Formatting start tags left out, by name, whose end tags are still to come.
    too_many: crate::lexicon::FastMap<String, usize>,
    /// Whether a tag or attribute was left out for depth or for attributes.
    simplified: bool,
}

/// What to do with a tag.
#[derive(PartialEq, Eq)]
enum Keep {
    Yes,
    /// Left out, and the page counts as simplified.
    TooDeep,
    /// Left out silently: like the standard's own limit on repeated formatting elements.
    TooMany,
}

impl Nesting {
    /// Where `name` is open among the top entries, stopping at any of `stop`.
    fn find(&self, name: &str, stop: &[&str]) -> Option<usize> {
        for (k, open) in self.open.iter().enumerate().rev().take(MAX_END_TAG_SEARCH) {
            if open == name {
                return Some(k);
            }
            if stop.contains(&open.as_str()) {
                return None;
            }
        }
        None
    }

    /// Closes the element at `k` and everything opened inside it.
    fn close(&mut self, k: usize) {
        for name in self.open.drain(k..) {
            if MARKERS.contains(&name.as_str()) {
                while self.formatting.pop().is_some_and(|f| !f.is_empty()) {}
            }
        }
        // Whatever was left out for depth was inside what just closed.
        self.too_deep.clear();
    }

    fn open_formatting(&self) -> usize {
        self.formatting.iter().rev().take_while(|f| !f.is_empty()).count()
    }

    /// What to do with the start tag `name`, updating the nesting.
    fn start(&mut self, name: &str, self_closing: bool) -> Keep {
        if matches!(name, "html" | "head" | "body") {
            return Keep::Yes;
        }
        let void = VOID.contains(&name) || self_closing;
        let formatting = FORMATTING.contains(&name);
        if formatting && self.open_formatting() >= MAX_OPEN_FORMATTING {
            *self.too_many.entry(name.to_string()).or_default() += 1;
            return Keep::TooMany;
        }
        // The elements this start tag closes first (an open <p>, the previous <li> …).
        let mut close_at = self.open.len();
        if self.too_deep.is_empty() {
            if CLOSES_P.contains(&name) {
                close_at = close_at.min(self.find("p", SCOPE).unwrap_or(close_at));
            }
            for (group, stop) in SAME_GROUP {
                if group.contains(&name) {
                    for g in *group {
                        close_at = close_at.min(self.find(g, stop).unwrap_or(close_at));
                    }
                }
            }
        }
        if close_at >= MAX_PARSE_DEPTH && !void {
            *self.too_deep.entry(name.to_string()).or_default() += 1;
            self.simplified = true;
            return Keep::TooDeep;
        }
        if close_at < self.open.len() {
            self.close(close_at);
        }
        if void {
            return Keep::Yes;
        }
        if formatting {
            self.formatting.push(name.to_string());
        }
        if MARKERS.contains(&name) {
            self.formatting.push(String::new());
        }
        self.open.push(name.to_string());
        Keep::Yes
    }

    /// What to do with the end tag `name`, updating the nesting.
    fn end(&mut self, name: &str) -> Keep {
        for (map, keep) in [(&mut self.too_deep, Keep::TooDeep), (&mut self.too_many, Keep::TooMany)] {
            if let Some(n) = map.get_mut(name) {
                *n -= 1;
                if *n == 0 {
                    map.remove(name);
                }
                return keep;
            }
        }
        if let Some(k) = self.find(name, &[]) {
            self.close(k);
        }
        if let Some(k) = self.formatting.iter().rposition(|f| f == name) {
            self.formatting.remove(k);
        }
        Keep::Yes
    }
}

/// One tag: where it ends, its lowercase name, whether it closes itself, and where its
/// attributes beyond [`MAX_ATTRIBUTES`] lie (an empty range when there are not that many).
struct Tag {
    end: usize,
    name: String,
    self_closing: bool,
    excess: std::ops::Range<usize>,
}

/// Reads the tag whose name starts at `at` (after `<` or `</`).
fn read_tag(b: &[u8], at: usize) -> Tag {
    let mut i = at;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = String::from_utf8_lossy(&b[at..i]).to_ascii_lowercase();
    let mut attributes = 0;
    let (mut excess_start, mut excess_end) = (0, 0);
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            i += 1;
            break;
        }
        self_closing = false;
        let attr_start = i;
        // The name (a first `=` belongs to it), then perhaps `=` and a value.
        i += 1;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    j = b[j + 1..].iter().position(|&c| c == q).map_or(b.len(), |p| j + 2 + p);
                }
                _ => {
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                }
            }
            i = j;
        }
        attributes += 1;
        if attributes == MAX_ATTRIBUTES + 1 {
            excess_start = attr_start;
        }
        if attributes > MAX_ATTRIBUTES {
            excess_end = i;
        }
    }
    Tag { end: i, name, self_closing, excess: excess_start..excess_end }
}

/// The HTML to parse: `html` itself when it stays within [`MAX_PARSE_DEPTH`],
/// [`MAX_ATTRIBUTES`] and [`MAX_OPEN_FORMATTING`], else a copy with the tags and attributes
/// beyond them left out; and whether anything was left out. One pass, linear in `html`.
pub fn bound(html: &str) -> (Cow<'_, str>, bool) {
    let b = html.as_bytes();
    let mut nesting = Nesting::default();
    let mut out: Option<String> = None;
    let mut copied = 0;
    // Replaces `range` of the input with `with` in the copy.
    let mut replace = |range: std::ops::Range<usize>, with: &str, copied: &mut usize| {
        let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
        out.push_str(&html[*copied..range.start]);
        out.push_str(with);
        *copied = range.end;
    };
    // Whether text came since the last paragraph break put in for a block tag left out.
    let mut text_since_break = false;
    let mut i = 0;
    while let Some(p) = memchr(b'<', &b[i..]) {
        let lt = i + p;
        text_since_break |= !b[i..lt].iter().all(u8::is_ascii_whitespace);
        let rest = &b[lt + 1..];
        let end_tag = rest.first() == Some(&b'/') && rest.get(1).is_some_and(u8::is_ascii_alphabetic);
        if rest.starts_with(b"!--") {
            i = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
        } else if rest.starts_with(b"![CDATA[") {
            i = find(b, lt + 9, b"]]>").map_or(b.len(), |e| e + 3);
        } else if rest.first().is_some_and(|&c| c == b'!' || c == b'?') {
            i = memchr(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1);
        } else if end_tag || rest.first().is_some_and(u8::is_ascii_alphabetic) {
            let tag = read_tag(b, if end_tag { lt + 2 } else { lt + 1 });
            let keep =
                if end_tag { nesting.end(&tag.name) } else { nesting.start(&tag.name, tag.self_closing) };
            if keep == Keep::TooDeep && text_since_break && !INLINE.contains(&tag.name.as_str()) {
                replace(lt..tag.end, "<br><br>", &mut copied);
                text_since_break = false;
            } else if keep != Keep::Yes {
                replace(lt..tag.end, "", &mut copied);
            } else if !tag.excess.is_empty() {
                nesting.simplified = true;
                replace(tag.excess.clone(), "", &mut copied);
            }
            i = tag.end;
            if !end_tag && tag.name == "plaintext" {
                break;
            }
            if !end_tag && RAW_TEXT.contains(&tag.name.as_str()) && !tag.self_closing {
                // Its text runs to its own end tag, which the loop then reads.
                i = raw_text_end(b, i, tag.name.as_bytes());
            }
        } else {
            i = lt + 1;
        }
        if i >= b.len() {
            break;
        }
    }
    let simplified = nesting.simplified;
    match out {
        Some(mut out) => {
            out.push_str(&html[copied..]);
            (Cow::Owned(out), simplified)
        }
        None => (Cow::Borrowed(html), false),
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

/// Where the end tag `</name` of a raw text element starts, from `from`.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(p) = find(b, i, b"</") {
        let at = p + 2;
        let after = at + name.len();
        if b.len() >= after
            && b[at..after].eq_ignore_ascii_case(name)
            && b.get(after).is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
        {
            return p;
        }
        i = at;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_html_is_left_as_it_is() {
        let html = r#"<!doctype html><html><head><title>A</title><script>if (a<b) x = "</div>";</script>
            </head><body><div class="x"><p>One<p>Two <b>bold <i>both</b> italic</i><ul><li>a<li>b</ul>
            <table><tr><td>1<td>2<tr><td>3</table><!-- <div> --><img src=x><br/></div></body></html>"#;
        let (out, simplified) = bound(html);
        assert!(matches!(out, Cow::Borrowed(_)) && !simplified);
    }

    #[test]
    fn nesting_beyond_the_bound_is_flattened() {
        let html = format!("{}<p>Deep text.</p>{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let (out, simplified) = bound(&html);
        assert!(simplified);
        assert_eq!(out.matches("<div>").count(), MAX_PARSE_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_PARSE_DEPTH);
        assert!(out.contains("Deep text.<br><br>"), "a paragraph break after the text of the <p>");
        let html = format!("{}<p>One.</p><p>Two.</p>", "<div>".repeat(1000));
        let (out, _) = bound(&html);
        assert!(out.ends_with("One.<br><br>Two.<br><br>"));
        let html = "<div>\n".repeat(10_000);
        let (out, _) = bound(&html);
        assert_eq!(out.matches("<div>").count(), MAX_PARSE_DEPTH);
    }

    #[test]
    fn attributes_beyond_the_bound_are_left_out() {
        let attrs: String = (0..2000).map(|i| format!(" a{i}=\"{i} >\"")).collect();
        let html = format!("<div{attrs} class=last><p>x</p></div>");
        let (out, simplified) = bound(&html);
        assert!(simplified);
        assert_eq!(out.matches('=').count(), MAX_ATTRIBUTES);
        assert!(out.ends_with(r#"a511="511 >" ><p>x</p></div>"#), "{out}");
    }

    #[test]
    fn open_formatting_elements_are_bounded() {
        let html = format!(
            "<p>{}{}",
            (0..200).map(|i| format!("<b class={i}>")).collect::<String>(),
            "</p><p>x".repeat(100)
        );
        let (out, simplified) = bound(&html);
        assert!(!simplified, "the standard leaves repeated formatting out too");
        assert_eq!(out.matches("<b ").count(), MAX_OPEN_FORMATTING);
        assert_eq!(out.matches("<p>").count(), 101);
    }
}
