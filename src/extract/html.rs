//! The native backend: parses an HTML string with `scraper` (html5ever) and exposes it as a
//! [`Dom`]. Only built with the `native` feature, so HTML parsing never reaches the wasm bundle
//! (there the live browser DOM is walked instead).
//!
//! html5ever follows the HTML standard, whose tree construction is quadratic on some inputs: every
//! block start tag looks through the whole stack of open elements (so `<div>` nested 100,000 deep
//! takes minutes), every attribute is compared with the element's earlier ones (one element with
//! 600,000 attributes never finishes), and formatting elements left open are re-created in every
//! later paragraph (`<b>` with 200 different classes, then `</p><p>x` repeated, builds gigabytes).
//! So the HTML is first passed through [`bound`], which reads its tags as html5ever's tokenizer
//! does (a tag it missed would escape the bounds) and follows the nesting of the page closely
//! enough to keep those three within named bounds; a real page never reaches them and is parsed
//! exactly as written. Its view of the nesting is not html5ever's in every corner (html5ever
//! ignores `</span>` across a `<div>`, `<td>` outside a table, the slash of `<div/>` …), so the
//! parser is driven through a [`Guard`] too, which measures the parser's own stack of open
//! elements before each start tag and leaves the tag out when it is full ([`MAX_PARSER_STACK`]).
//! The guard also has the tokenizer read raw text where [`bound`] did, inside `<svg>` and `<math>`
//! too (where `<style>` and `<title>` hold markup and `<![CDATA[` text for the tree builder), so
//! that the two read the same tags by construction.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeSink};
use html5ever::{LocalName, TokenizerResult};
use scraper::{Html, HtmlTreeSink, Node};

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
    parser_stack: usize,
}

impl HtmlDom {
    pub fn parse(html: &str) -> Self {
        let (html, bounded) = bound(html);
        let (doc, parser_stack) = parse(&html);
        drop(html);
        let mut dom = HtmlDom {
            slots: Vec::new(),
            attrs: Vec::new(),
            strings: String::new(),
            simplified: bounded || parser_stack > MAX_PARSER_STACK,
            parser_stack,
        };
        // (scraper node, index of its slot, its depth)
        let root = doc.tree.root();
        dom.slots.push(Slot { first_child: None, next_sibling: None, data: Data::Document });
        let mut stack = vec![(root, 0usize, 0usize)];
        let (mut children, mut kids) = (Vec::new(), Vec::new());
        while let Some((node, slot, depth)) = stack.pop() {
            if depth + 1 < MAX_DOM_DEPTH {
                children.extend(node.children());
            } else {
                // The deepest level: what lies below it comes up to it, its text in order.
                children.extend(node.descendants().skip(1).filter(|d| !d.has_children()));
                dom.simplified |= node.children().any(|c| c.has_children());
            }
            let mut prev: Option<usize> = None;
            for child in children.drain(..) {
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
                kids.push((child, id, depth + 1));
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

    /// Whether tags or attributes were left out, or nesting flattened (the page went beyond a
    /// bound).
    pub fn simplified(&self) -> bool {
        self.simplified
    }

    /// At most how many elements the parser's stack of open elements held, with the formatting
    /// elements it would re-open: at most [`MAX_PARSER_STACK`] and a start tag's few more.
    pub fn parser_stack(&self) -> usize {
        self.parser_stack
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

/// One tag: where it ends, whether it is an end tag, its lowercase name, whether it closes itself,
/// how many attributes it has, and where those beyond [`MAX_ATTRIBUTES`] lie (an empty range when
/// there are not that many).
struct Tag {
    end: usize,
    end_tag: bool,
    name: String,
    self_closing: bool,
    attributes: usize,
    excess: std::ops::Range<usize>,
}

/// Reads the tag whose name starts at `at` (after `<` or `</`).
fn read_tag(b: &[u8], at: usize, end_tag: bool) -> Tag {
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
    Tag { end: i, end_tag, name, self_closing, attributes, excess: excess_start..excess_end }
}

/// How many elements html5ever's own stack of open elements may hold, with the formatting
/// elements it would re-open, before [`parse`] leaves start tags out. [`bound`] keeps a page
/// within it by following the nesting; this bounds what its view of the nesting misses (html5ever
/// ignores `</span>` across a `<div>`, `<td>` outside a table, `<div/>`'s slash …), measured on
/// the parser itself. The room above [`MAX_PARSE_DEPTH`] is for `<html>` and `<body>` and the
/// formatting elements [`bound`] lets through, so that a page nested as deep as [`bound`] lets it
/// is parsed as [`bound`] left it (but for the `<tbody>` and `<tr>` a `<td>` implies, which [`bound`]
/// does not count: tables nested that deep reach this bound first).
pub const MAX_PARSER_STACK: usize = MAX_PARSE_DEPTH + 4;

/// The deepest node of an [`HtmlDom`]: a start tag within [`MAX_PARSER_STACK`] adds at most three
/// elements (`<td>` in a `<table>` adds `<tbody>` and `<tr>` too), and text goes in the last. The
/// document tree can still go deeper than the parser's stack (each `</form>` takes its element off
/// the stack but not out of the tree, with what it holds); what lies deeper is brought up to this
/// depth when the tree is copied, its text kept in order.
pub const MAX_DOM_DEPTH: usize = MAX_PARSER_STACK + 4;

type Handle = <HtmlTreeSink as TreeSink>::Handle;

/// html5ever's tree builder behind a check of its stack: a start tag that comes when the stack
/// is full is left out (its text stays, in the element around it), and so is its end tag.
struct Guard {
    builder: TreeBuilder<Handle, HtmlTreeSink>,
    /// Start tags left out, by name, whose end tags are still to come.
    left_out: RefCell<crate::lexicon::FastMap<LocalName, usize>>,
    /// Whether the text of a raw text element left out (a script's, a style's) is being read.
    in_left_out_text: Cell<bool>,
    /// The most elements [`Guard::full`] found (more than [`MAX_PARSER_STACK`] if it left a
    /// start tag out).
    peak: Cell<usize>,
    /// The handles the tree builder holds (see [`Guard::full`]).
    handles: RefCell<Vec<Handle>>,
}

impl Tracer for Guard {
    type Handle = Handle;

    fn trace_handle(&self, node: &Handle) {
        self.handles.borrow_mut().push(*node);
    }
}

impl Guard {
    /// Whether the stack of open elements, with the formatting elements that the next text would
    /// re-open, holds more than [`MAX_PARSER_STACK`] elements, so that a start tag must be left
    /// out. The tree builder's handles are the document, the open elements, the formatting
    /// elements (most of them open too) and the `<head>` and `<form>` pointers: a count of them,
    /// less the document and the `<head>`, is the answer when within the bound, and otherwise
    /// that of the distinct ones.
    fn full(&self) -> bool {
        self.handles.borrow_mut().clear();
        self.builder.trace_handles(self);
        let mut handles = self.handles.borrow_mut();
        if handles.len() > MAX_PARSER_STACK + 2 {
            handles.sort_unstable();
            handles.dedup();
        }
        let elements = handles.len().saturating_sub(2);
        self.peak.set(self.peak.get().max(elements));
        elements > MAX_PARSER_STACK
    }
}

impl TokenSink for Guard {
    type Handle = Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<Handle> {
        match &token {
            Token::CharacterTokens(_) | Token::NullCharacterToken if self.in_left_out_text.get() => {
                return TokenSinkResult::Continue;
            }
            Token::TagToken(tag) if tag.kind == TagKind::EndTag => {
                self.in_left_out_text.set(false);
                let mut left_out = self.left_out.borrow_mut();
                if let Some(n) = left_out.get_mut(&tag.name) {
                    *n -= 1;
                    if *n == 0 {
                        left_out.remove(&tag.name);
                    }
                    return TokenSinkResult::Continue;
                }
            }
            Token::TagToken(tag) => {
                // What follows the tag is read as `bound` read it, whatever the tree builder says
                // (inside <svg> and <math>, <style> and <title> hold markup).
                let after = after(&tag.name);
                if !VOID.contains(&&*tag.name) && self.full() {
                    *self.left_out.borrow_mut().entry(tag.name.clone()).or_default() += 1;
                    // A raw text element's text is left out with it.
                    self.in_left_out_text.set(after == After::RawText);
                    return after.tokenizer_state(&tag.name);
                }
                let name = tag.name.clone();
                return match self.builder.process_token(token, line) {
                    TokenSinkResult::Continue => after.tokenizer_state(&name),
                    result => result,
                };
            }
            _ => {}
        }
        self.builder.process_token(token, line)
    }

    fn end(&self) {
        self.builder.end()
    }

    /// Never, so that `<![CDATA[` is read as `bound` reads it, as a comment up to the next `>`,
    /// inside <svg> and <math> too (where the tree builder would have its text up to `]]>`).
    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        false
    }
}

/// Parses `html` (already [`bound`]) as `scraper` does, but through a [`Guard`]; and the most
/// elements the guard found on the parser's stack (see [`HtmlDom::parser_stack`]).
fn parse(html: &str) -> (Html, usize) {
    let guard = Guard {
        builder: TreeBuilder::new(HtmlTreeSink::new(Html::new_document()), Default::default()),
        left_out: Default::default(),
        in_left_out_text: Cell::new(false),
        peak: Cell::new(0),
        handles: RefCell::new(Vec::new()),
    };
    let tokenizer = Tokenizer::new(guard, Default::default());
    let input = BufferQueue::default();
    input.push_back(html.into());
    // It stops after each </script> (for scripts to run).
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let guard = tokenizer.sink;
    (guard.builder.sink.finish(), guard.peak.get())
}

/// What follows a tag that [`for_each_tag`] passes on.
#[derive(PartialEq, Eq)]
enum After {
    /// Markup, as usual.
    Markup,
    /// The text of a raw text element (`<script>`, `<style>`, `<title>` …) up to its own end tag.
    RawText,
    /// Text to the end of the input (`<plaintext>`).
    Plaintext,
}

/// What follows the start tag `name`: as the tree builder has it in HTML (where `<script/>` is
/// no less a script), and as [`Guard`] makes the tokenizer read it everywhere.
fn after(name: &str) -> After {
    match name {
        "plaintext" => After::Plaintext,
        _ if RAW_TEXT.contains(&name) => After::RawText,
        _ => After::Markup,
    }
}

impl After {
    /// The tokenizer state for what follows the start tag `name`.
    fn tokenizer_state<Handle>(&self, name: &str) -> TokenSinkResult<Handle> {
        match (self, name) {
            (After::Markup, _) => TokenSinkResult::Continue,
            (After::Plaintext, _) => TokenSinkResult::Plaintext,
            (After::RawText, "script") => TokenSinkResult::RawData(RawKind::ScriptData),
            (After::RawText, "title" | "textarea") => TokenSinkResult::RawData(RawKind::Rcdata),
            (After::RawText, _) => TokenSinkResult::RawData(RawKind::Rawtext),
        }
    }
}

/// Reads `b` as the HTML tokenizer does (<https://html.spec.whatwg.org/#tokenization>) and passes
/// each tag to `f`, with where its `<` is and whether text came before it since the last tag;
/// `f` says what follows the tag. Everything else is text, or a comment (`<!--` to `-->` or
/// `--!>`, or `<!-->` …), or what the tokenizer reads as a comment up to the next `>` (`<!DOCTYPE`,
/// `<![CDATA[`, `<?`, `</` before anything but a letter), or nothing (`</>`). The tags are the ones
/// html5ever's tokenizer sees (with [`Guard`] deciding, as `f` does here, where raw text starts),
/// so that the bounds are applied to those.
fn for_each_tag(b: &[u8], mut f: impl FnMut(usize, &Tag, bool) -> After) {
    let mut text = false;
    let mut i = 0;
    while let Some(p) = memchr(b'<', &b[i..]) {
        let lt = i + p;
        text |= !b[i..lt].iter().all(u8::is_ascii_whitespace);
        let (first, second) = (b.get(lt + 1).copied(), b.get(lt + 2).copied());
        let end_tag = first == Some(b'/') && second.is_some_and(|c| c.is_ascii_alphabetic());
        if !end_tag && !first.is_some_and(|c| c.is_ascii_alphabetic()) {
            i = not_a_tag(b, lt);
            continue;
        }
        let tag = read_tag(b, if end_tag { lt + 2 } else { lt + 1 }, end_tag);
        i = tag.end;
        match f(lt, &tag, text) {
            After::Markup => {}
            After::RawText if tag.name == "script" => i = script_end(b, i),
            After::RawText => i = raw_text_end(b, i, tag.name.as_bytes()),
            After::Plaintext => break,
        }
        text = false;
    }
}

/// Where what starts at the `<` at `lt` ends, when it is not a tag: as the tokenizer's tag open,
/// end tag open, markup declaration open and comment states read it.
fn not_a_tag(b: &[u8], lt: usize) -> usize {
    let after_gt = |from: usize| memchr(b'>', b.get(from..).unwrap_or(&[])).map_or(b.len(), |e| from + e + 1);
    match (b.get(lt + 1), b.get(lt + 2)) {
        // A comment: `<!-->` and `<!--->` are whole ones.
        (Some(b'!'), Some(b'-')) if b.get(lt + 3) == Some(&b'-') => comment_end(b, lt),
        // A doctype, or a bogus comment: `<!…>`, `<?…>`, `</…>` after anything but a letter.
        (Some(b'!' | b'?'), _) => after_gt(lt + 2),
        (Some(b'/'), Some(b'>')) => lt + 3,
        (Some(b'/'), Some(_)) => after_gt(lt + 2),
        // A `<` of the text.
        _ => lt + 1,
    }
}

/// Where the comment whose `<!--` is at `lt` ends: after the first `-->` (its dashes may be those
/// of the `<!--`) or `--!>`, else at the end of the input.
fn comment_end(b: &[u8], lt: usize) -> usize {
    let mut i = lt + 2;
    while let Some(p) = memchr(b'-', &b[i..]) {
        let d = i + p;
        match (b.get(d + 1), b.get(d + 2), b.get(d + 3)) {
            (Some(b'-'), Some(b'>'), _) => return d + 3,
            (Some(b'-'), Some(b'!'), Some(b'>')) if d >= lt + 4 => return d + 4,
            _ => i = d + 1,
        }
    }
    b.len()
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
    for_each_tag(b, |lt, tag, text| {
        text_since_break |= text;
        let keep =
            if tag.end_tag { nesting.end(&tag.name) } else { nesting.start(&tag.name, tag.self_closing) };
        if keep == Keep::TooDeep && text_since_break && !INLINE.contains(&tag.name.as_str()) {
            replace(lt..tag.end, "<br><br>", &mut copied);
            text_since_break = false;
        } else if keep != Keep::Yes {
            replace(lt..tag.end, "", &mut copied);
        } else if tag.attributes > MAX_ATTRIBUTES {
            nesting.simplified = true;
            replace(tag.excess.clone(), "", &mut copied);
        }
        if tag.end_tag {
            After::Markup
        } else {
            after(&tag.name)
        }
    });
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

/// Whether `name` (lowercase) is at `at`, followed by what ends a tag name.
fn name_at(b: &[u8], at: usize, name: &[u8]) -> bool {
    let after = at + name.len();
    b.len() > after
        && b[at..after].eq_ignore_ascii_case(name)
        && (b[after].is_ascii_whitespace() || matches!(b[after], b'/' | b'>'))
}

/// Where the end tag `</name` of a raw text element starts, from `from`.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(p) = find(b, i, b"</") {
        if name_at(b, p + 2, name) {
            return p;
        }
        i = p + 2;
    }
    b.len()
}

/// Where the `</script` that ends a script's text starts, from `from`. Unlike other raw text a
/// script has escapes: after `<!--`, a `<script` makes the next `</script` part of the text, up
/// to `-->` (<https://html.spec.whatwg.org/#script-data-escaped-state>).
fn script_end(b: &[u8], from: usize) -> usize {
    #[derive(PartialEq, Eq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'<' if b.get(i + 1) == Some(&b'/') && name_at(b, i + 2, b"script") => match state {
                State::DoubleEscaped => {
                    state = State::Escaped;
                    i += 8;
                }
                _ => return i,
            },
            b'<' if state == State::Data && b[i + 1..].starts_with(b"!--") => {
                // Its dashes may be those of a `-->` too (`<!-->`).
                state = State::Escaped;
                i += 2;
            }
            b'<' if state == State::Escaped && name_at(b, i + 1, b"script") => {
                state = State::DoubleEscaped;
                i += 7;
            }
            b'-' if state != State::Data => {
                let run = b[i..].iter().take_while(|&&c| c == b'-').count();
                i += run;
                if run >= 2 && b.get(i) == Some(&b'>') {
                    state = State::Data;
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tags html5ever's tokenizer reads, with their attribute counts, when every raw text
    /// element starts raw text (as [`Guard`] makes it read them).
    fn tokenizer_tags(html: &str) -> Vec<(bool, String, usize)> {
        use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
        use std::cell::RefCell;
        struct Sink(RefCell<Vec<(bool, String, usize)>>);
        impl TokenSink for Sink {
            type Handle = ();
            fn process_token(&self, token: Token, _: u64) -> TokenSinkResult<()> {
                let Token::TagToken(tag) = token else { return TokenSinkResult::Continue };
                let end = tag.kind == TagKind::EndTag;
                self.0.borrow_mut().push((end, tag.name.to_string(), tag.attrs.len()));
                if end {
                    TokenSinkResult::Continue
                } else {
                    after(&tag.name).tokenizer_state(&tag.name)
                }
            }
        }
        let tokenizer = Tokenizer::new(Sink(RefCell::new(Vec::new())), Default::default());
        let input = BufferQueue::default();
        input.push_back(html.into());
        let _ = tokenizer.feed(&input);
        tokenizer.end();
        tokenizer.sink.0.take()
    }

    /// The tags [`for_each_tag`] reads (but one the input ends in, which the tokenizer drops: with
    /// a space after the input, such a tag ends after it).
    fn pre_pass_tags(html: &str) -> Vec<(bool, String, usize)> {
        let mut tags = Vec::new();
        for_each_tag(format!("{html} ").as_bytes(), |_, tag, _| {
            if tag.end <= html.len() {
                tags.push((tag.end_tag, tag.name.clone(), tag.attributes));
            }
            if tag.end_tag {
                After::Markup
            } else {
                after(&tag.name)
            }
        });
        tags
    }

    /// The same tags, each with at least the attributes the tokenizer keeps (it drops repeated
    /// names).
    fn assert_same_tags(html: &str) {
        let (ours, its) = (pre_pass_tags(html), tokenizer_tags(html));
        let names =
            |tags: &[(bool, String, usize)]| tags.iter().map(|t| (t.0, t.1.clone())).collect::<Vec<_>>();
        assert_eq!(names(&ours), names(&its), "{html:?}");
        assert!(ours.iter().zip(&its).all(|(a, b)| a.2 >= b.2), "{html:?}: {ours:?} {its:?}");
    }

    #[test]
    fn tags_are_read_as_html5ever_reads_them() {
        // Found by tests/hostile.rs: `</"` starts a comment up to the next `>`, so the tokenizer
        // saw the `<b>` that this pass read as the value of an attribute of `<a`, and the ones after.
        let cases = [
            r#"</"<a/"="<b class=c0><b class=c1>x"#,
            "</ <b>x</b>",
            "</>x<b>",
            "</",
            "<!--><b>--><i>",
            "<!---><b>--><i>",
            "<!----><b>",
            "<!-- a --!><b>-->",
            "<!--!><b>--><i>",
            "<!-- <!-- --> <b>",
            "<![CDATA[><b>]]><i>",
            "<!DOCTYPE html><b>",
            "<!doctype html \"><b>\"><i>",
            "<?xml ?><b>",
            "<a b='<c>' d=\"<e>\" f=<g> h>x<i>",
            "<a =b>x<a/ b/ >",
            "<script>a</scripty>b</script ><b>",
            "<script><!--<script></script><b></script><i>",
            "<script><!--<script>--><b></script><i>",
            "<script><!--></script><b>",
            "<script><!--<script></script>--></script><b>",
            "<script><!-- </script><b>",
            "<SCRIPT><!--<Script></SCRIPT></script><b>",
            "<style><!--</style><b>-->",
            "<title><b></title ><i>",
            "<textarea></textarea/><b>",
            "<plaintext></plaintext><b>",
        ];
        for html in cases {
            assert_same_tags(html);
        }
        // And pieces of those, mixed at random.
        let pieces = [
            "<",
            ">",
            "/",
            "!",
            "?",
            "-",
            "--",
            "=",
            "\"",
            "'",
            " ",
            "\n",
            "a",
            "b",
            "x",
            "<!--",
            "-->",
            "--!>",
            "<!",
            "</",
            "<?",
            "<![CDATA[",
            "]]>",
            "doctype",
            "script",
            "<script",
            "</script>",
            "style",
            "<style>",
            "</style",
            "title",
            "<title>",
            "plaintext",
            "<b class=c>",
            "</b>",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20_000 {
            let mut html = String::new();
            for _ in 0..next(40) {
                html.push_str(pieces[next(pieces.len())]);
            }
            assert_same_tags(&html);
        }
    }

    #[test]
    fn a_comment_hides_no_deep_nesting() {
        // The input tests/hostile.rs found: 262 `<b>` after what the tokenizer reads as a
        // comment, all but the first of which it saw as tags, and this pass as an attribute value.
        let html = format!(
            r#"<html><body></"<a/"="{}</p><p>x</body></html>"#,
            (0..262).map(|i| format!("<b class=c{i}>")).collect::<String>()
        );
        let (out, _) = bound(&html);
        assert_eq!(out.matches("<b ").count(), MAX_OPEN_FORMATTING + 1, "the first <b> is in the comment");
    }

    /// The deepest node of `dom` and its text.
    fn depth_and_text(dom: &HtmlDom) -> (usize, String) {
        let (mut deepest, mut text) = (0, String::new());
        let mut stack = vec![(dom.root(), 0)];
        while let Some((node, depth)) = stack.pop() {
            deepest = deepest.max(depth);
            text.push_str(&dom.text(node).unwrap_or_default());
            let kids: Vec<_> = dom.children(node).map(|k| (k, depth + 1)).collect();
            stack.extend(kids.into_iter().rev());
        }
        (deepest, text)
    }

    #[test]
    fn the_parser_stack_is_bounded_where_bound_follows_the_nesting_otherwise() {
        // Each nests in html5ever while `bound` sees it closed, or never open: `</span>` stops at
        // the <div>, `</div>` at the table cell, `<td>` outside a table is ignored, so is the slash
        // of `<div/>`, a `<b>` goes on past `</b>` across a table, `</form>` leaves its contents open.
        for unit in [
            "<span><div></span>",
            "<div><table><tr><td></div>",
            "<td><div></td>",
            "<div/>",
            "<table><td>",
            "<li><section>",
            "<b class=x><table></b></table>",
            "<form><div></form>",
            "<form><span><div></span></form>",
            "<option><div><option>",
        ] {
            let html = format!("<html><body>{}<p>The end.</p></body></html>", unit.repeat(2_000));
            let dom = HtmlDom::parse(&html);
            let (deepest, text) = depth_and_text(&dom);
            assert!(dom.parser_stack() <= MAX_PARSER_STACK + 3, "{unit}: {}", dom.parser_stack());
            assert!(deepest <= MAX_DOM_DEPTH, "{unit}: {deepest} deep");
            assert!(dom.simplified(), "{unit}");
            assert!(text.ends_with("The end."), "{unit}: {text:?}");
        }
    }

    #[test]
    fn the_parser_guard_leaves_alone_what_bound_kept_within_bounds() {
        let html = format!(
            "<html><body>{}<p>One <b>bold <i>both</i></b>.</p><table><tr><td>Two</table></body></html>",
            "<div>".repeat(MAX_PARSE_DEPTH - 3)
        );
        // Right at the bound: <i> and <td> are the 256th open.
        let (_, simplified) = bound(&html);
        assert!(!simplified);
        let dom = HtmlDom::parse(&html);
        assert!(dom.parser_stack() <= MAX_PARSER_STACK, "{}", dom.parser_stack());
        let (_, text) = depth_and_text(&dom);
        assert!(text.ends_with("One bold both.Two"), "{text:?}");
        let mut tags = 0;
        let mut stack = vec![dom.root()];
        while let Some(node) = stack.pop() {
            tags += usize::from(dom.tag(node).is_some_and(|t| matches!(&*t, "b" | "i" | "td")));
            stack.extend(dom.children(node));
        }
        assert_eq!(tags, 3, "the parser kept every tag bound kept");
        assert!(!dom.simplified());
    }

    #[test]
    fn inside_svg_and_math_the_parser_reads_tags_as_bound_does() {
        // Inside <svg> and <math>, <style>, <title>, <script> … hold markup for the tree builder,
        // and `<![CDATA[` text up to `]]>`: its tokenizer would read a tag where `bound` read text.
        let attributes: String = (0..3_000).map(|i| format!(" a{i}=1")).collect();
        for open in [
            "<svg><style>",
            "<svg><title>",
            "<math><style>",
            "<svg><script/>",
            "<svg><plaintext>",
            "<svg><![CDATA[",
        ] {
            let html = format!("<html><body>{open}<div{attributes}>x</div></body></html>");
            let dom = HtmlDom::parse(&html);
            assert!(dom.attrs.len() <= MAX_ATTRIBUTES, "{open}: {} attributes", dom.attrs.len());
        }
        // An SVG's title and style, as text, are as they were.
        let html = "<p>Before</p><svg><title>An icon</title><style>.a{fill:red}</style><path d=\"M0\"/></svg><p>After</p>";
        let dom = HtmlDom::parse(html);
        assert_eq!(depth_and_text(&dom).1, "BeforeAn icon.a{fill:red}After");
    }

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
