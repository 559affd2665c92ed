//! Draws a report on the live page and takes it away again. Highlights go through the CSS Custom
//! Highlight API (no change to the page's nodes); each claim gets a `<claimlens-badge>` right after
//! its last character, holding an open shadow root with the badge button and its card. The only
//! change to the page's own nodes is the text node split where a badge sits inside one; `clear`
//! rejoins it, so the page is as before.

use js_sys::{Array, Function, Reflect};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use web_sys::{
    CssStyleSheet, Document, Element, Event, HtmlElement, KeyboardEvent, Node, StaticRange, StaticRangeInit,
    Text,
};

use super::dom::{LiveDom, LiveNode};
use super::style::{BADGE_CSS, PAGE_CSS};
use crate::badge::{badge_text, type_label};
use crate::limits::{Limits, DEFAULT_MAX_WORK};
use crate::page::{DomRange, PageAnalysis};
use crate::report::{Claim, ClaimKind, Report, SourceType};

/// The tag of a badge (a valid custom-element name, so that it may hold a shadow root; it is never
/// registered, since content scripts have no custom-element registry).
pub const BADGE_TAG: &str = "claimlens-badge";
/// The highlight of the source mention while a card is open.
const MENTION_HIGHLIGHT: &str = "claimlens-mention";

const KINDS: [ClaimKind; 5] = [
    ClaimKind::DirectQuote,
    ClaimKind::PartialQuote,
    ClaimKind::Indirect,
    ClaimKind::AccordingTo,
    ClaimKind::Unattributed,
];

/// The report's name of a kind (`direct_quote` …): the highlight and class names use it.
pub fn kind_key(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::DirectQuote => "direct_quote",
        ClaimKind::PartialQuote => "partial_quote",
        ClaimKind::Indirect => "indirect",
        ClaimKind::AccordingTo => "according_to",
        ClaimKind::Unattributed => "unattributed",
    }
}

/// How the overlay draws, from the extension's options page: the kinds of claims left out (no
/// highlight, no badge, not counted) and the badge style.
#[derive(Clone, Debug, Default)]
pub struct DrawOptions {
    /// Report names of kinds (`unattributed`, …) not to show; unknown names are ignored.
    pub hidden_kinds: Vec<String>,
    /// `"dot"`: a compact badge (the kind's icon only; the label and card are unchanged) for dense
    /// pages; anything else: the source's short name.
    pub badge_style: String,
}

impl DrawOptions {
    fn shows(&self, kind: ClaimKind) -> bool {
        !self.hidden_kinds.iter().any(|k| k == kind_key(kind))
    }

    fn compact(&self) -> bool {
        self.badge_style == "dot"
    }
}

/// A style sheet the overlay added to the document.
enum Sheet {
    /// A constructed sheet in `document.adoptedStyleSheets` (not a node, and not subject to the
    /// page's CSP).
    Adopted(CssStyleSheet),
    /// Where adopting is refused: a `<style>` element.
    Element(Element),
}

/// Which card shows: the focused badge's, else the hovered one's, unless Escape dismissed it.
#[derive(Default)]
struct CardState {
    hover: Option<usize>,
    focus: Option<usize>,
    dismissed: bool,
    shown: Option<usize>,
}

/// What the overlay reads.
#[derive(Clone, Debug)]
pub enum DrawScope {
    /// The whole document: the extraction finds the article.
    Page,
    /// Everything readable under this element is the article, with no search (a reader page, a
    /// demo page's text).
    Whole(Element),
    /// The extraction, within this element only (the article's subtree, re-read after the page
    /// changed inside it).
    Within(Element),
}

/// The overlay drawn on a page.
pub struct Overlay {
    document: Document,
    /// The element holding every block of the article read (their lowest common ancestor), or
    /// `None` when no article was found: where changes matter most (`observe.rs`).
    pub article_root: Option<Element>,
    pub report: Report,
    /// Whether each claim is drawn (its kind is not hidden by the options).
    shown: Vec<bool>,
    compact: bool,
    claim_ranges: Vec<Vec<StaticRange>>,
    mention_ranges: Vec<Vec<StaticRange>>,
    /// The badge of each claim (`None` when the claim has no piece in the page).
    badges: Vec<Option<Element>>,
    /// Text nodes split to place a badge: (the page's node, the part split off), in order.
    splits: Vec<(Text, Text)>,
    pub highlights: bool,
    page_sheet: Option<Sheet>,
    listeners: Vec<super::events::Listener>,
    cards: CardState,
}

fn js_err(e: JsValue) -> JsError {
    JsError::new(&e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// `CSS.highlights`, when the browser has the Custom Highlight API.
fn highlight_registry() -> Option<(JsValue, Function)> {
    let global = js_sys::global();
    let ctor = Reflect::get(&global, &"Highlight".into()).ok()?.dyn_into::<Function>().ok()?;
    let css = Reflect::get(&global, &"CSS".into()).ok()?;
    let registry = Reflect::get(&css, &"highlights".into()).ok().filter(|r| r.is_object())?;
    Some((registry, ctor))
}

fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    f.apply(target, &args.iter().copied().collect::<Array>())
}

fn set_highlight<R: AsRef<JsValue>>(name: &str, ranges: &[R]) -> Result<(), JsValue> {
    let Some((registry, ctor)) = highlight_registry() else { return Ok(()) };
    let highlight = Reflect::construct(&ctor, &ranges.iter().map(|r| r.as_ref()).collect::<Array>())?;
    call(&registry, "set", &[&name.into(), &highlight]).map(drop)
}

fn delete_highlight(name: &str) {
    if let Some((registry, _)) = highlight_registry() {
        let _ = call(&registry, "delete", &[&name.into()]);
    }
}

/// Adds `sheet` to the `adoptedStyleSheets` of a document or shadow root.
fn adopt(target: &JsValue, sheet: &CssStyleSheet) -> Result<(), JsValue> {
    let current = Reflect::get(target, &"adoptedStyleSheets".into())?;
    let list: Array = Array::from(&current);
    list.push(sheet);
    Reflect::set(target, &"adoptedStyleSheets".into(), &list)?;
    Ok(())
}

fn constructed_sheet(css: &str) -> Result<CssStyleSheet, JsValue> {
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(css)?;
    Ok(sheet)
}

fn add_page_sheet(document: &Document) -> Result<Sheet, JsValue> {
    if let Ok(sheet) = constructed_sheet(PAGE_CSS) {
        if adopt(document, &sheet).is_ok() {
            return Ok(Sheet::Adopted(sheet));
        }
    }
    let style = document.create_element("style")?;
    style.set_attribute("data-claimlens", "")?;
    style.set_text_content(Some(PAGE_CSS));
    let parent: Node = match document.head() {
        Some(head) => head.into(),
        None => document.document_element().ok_or("no root element")?.into(),
    };
    parent.append_child(&style)?;
    Ok(Sheet::Element(style))
}

fn remove_page_sheet(document: &Document, sheet: Sheet) {
    match sheet {
        Sheet::Adopted(sheet) => {
            if let Ok(current) = Reflect::get(document, &"adoptedStyleSheets".into()) {
                let ours: &JsValue = sheet.as_ref();
                let kept: Array = Array::from(&current).filter(&mut |s, _, _| &s != ours);
                let _ = Reflect::set(document, &"adoptedStyleSheets".into(), &kept);
            }
        }
        Sheet::Element(style) => style.remove(),
    }
}

fn element(document: &Document, tag: &str, class: &str, text: Option<&str>) -> Result<Element, JsValue> {
    let e = document.create_element(tag)?;
    if !class.is_empty() {
        e.set_attribute("class", class)?;
    }
    if let Some(text) = text {
        e.set_text_content(Some(text));
    }
    Ok(e)
}

fn card_row(document: &Document, card: &Element, key: &str, value: &str) -> Result<(), JsValue> {
    let row = element(document, "span", "row", None)?;
    row.append_child(element(document, "span", "k", Some(key))?.as_ref())?;
    row.append_child(element(document, "span", "v", Some(value))?.as_ref())?;
    card.append_child(&row)?;
    Ok(())
}

/// The card of a claim: who, how, through whom, and the flags. Text only, never markup.
fn build_card(document: &Document, claim: &Claim) -> Result<Element, JsValue> {
    let card = element(document, "span", "card", None)?;
    card.set_attribute("role", "tooltip")?;
    card.set_attribute("id", "card")?;
    card.set_attribute("hidden", "")?;
    let title = match &claim.source {
        Some(s) => format!("{} · {}", s.name, type_label(s.kind)),
        None => "No source given".to_string(),
    };
    card.append_child(element(document, "span", "title", Some(&title))?.as_ref())?;
    if let Some(s) = &claim.source {
        if let Some(d) = &s.descriptor {
            card_row(document, &card, "Described as", d)?;
        }
        if s.mention != s.name {
            card_row(document, &card, "Mentioned as", &format!("“{}”", s.mention))?;
        }
    }
    let how = match claim.kind {
        ClaimKind::Unattributed => "unattributed: the article does not say who says so",
        kind => kind.label(),
    };
    card_row(document, &card, "How", how)?;
    if let Some(cue) = &claim.cue {
        card_row(document, &card, "Cue", &format!("“{}”", cue.text))?;
    }
    if let Some(b) = &claim.based_on {
        card_row(document, &card, "Based on", b)?;
    }
    if !claim.via.is_empty() {
        let names: Vec<&str> = claim.via.iter().map(|v| v.name.as_str()).collect();
        card_row(document, &card, "Via", &names.join(" → "))?;
    }
    if let Some(c) = &claim.channel {
        card_row(document, &card, "Channel", c)?;
    }
    if let Some(p) = &claim.pattern {
        card_row(document, &card, "Pattern", p)?;
    }
    let flags: Vec<&str> = claim.markers.iter().map(|&m| crate::badge::flag(m).1).collect();
    if !flags.is_empty() {
        card_row(document, &card, "Flags", &flags.join(", "))?;
    }
    Ok(card)
}

/// Makes the badge element of claim `index` (not yet in the page).
fn build_badge(
    document: &Document,
    index: usize,
    claim: &Claim,
    sheet: Option<&CssStyleSheet>,
    compact: bool,
) -> Result<Element, JsValue> {
    let host = document.create_element(BADGE_TAG)?;
    host.set_attribute("data-claim", &index.to_string())?;
    if let Some(h) = host.dyn_ref::<HtmlElement>() {
        // Page rules for `*` must not move or hide the badge; CSSOM, not a style attribute, so
        // that a strict style-src does not refuse it.
        let style = h.style();
        for (k, v) in [("all", "initial"), ("display", "inline"), ("position", "relative")] {
            style.set_property_with_priority(k, v, "important")?;
        }
    }
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    match sheet.map(|s| adopt(&shadow, s)) {
        Some(Ok(())) => {}
        _ => {
            shadow.append_child(element(document, "style", "", Some(BADGE_CSS))?.as_ref())?;
        }
    }
    let text = badge_text(claim);
    let style = if compact { " dot" } else { "" };
    let root = element(document, "span", &format!("root kind-{}{style}", kind_key(claim.kind)), None)?;
    root.set_attribute("data-claim", &index.to_string())?;
    let button = element(document, "button", "badge", None)?;
    button.set_attribute("type", "button")?;
    button.set_attribute("aria-label", &text.aria_label)?;
    button.set_attribute("aria-describedby", "card")?;
    button.set_attribute("aria-expanded", "false")?;
    let icon = element(document, "span", "icon", Some(text.kind_icon))?;
    icon.set_attribute("aria-hidden", "true")?;
    button.append_child(&icon)?;
    button.append_child(element(document, "span", "name", Some(&text.short))?.as_ref())?;
    for (glyph, word) in &text.flags {
        let flag = element(document, "span", "flag", Some(glyph))?;
        flag.set_attribute("aria-hidden", "true")?;
        flag.set_attribute("title", word)?;
        button.append_child(&flag)?;
    }
    root.append_child(&button)?;
    root.append_child(build_card(document, claim)?.as_ref())?;
    shadow.append_child(&root)?;
    Ok(host)
}

/// Where the overlay splits the page's text nodes to put badges in, and how positions in the
/// page's original text nodes map to the pieces after the splits. Planned before any change to
/// the page, so that no live `Range` has to follow the changes: live ranges make every later DOM
/// change cost time in proportion to their number, and a page with a thousand claims would take
/// seconds to draw and to clear.
struct SplitPlan {
    /// For each split text node: its pieces after the split, by the UTF-16 offset where each starts
    /// (the first is the node itself, at 0).
    pieces: HashMap<LiveNode, Vec<(u32, Text)>>,
}

impl SplitPlan {
    /// Splits every text node at the offsets given (badge places strictly inside the node).
    fn split(
        dom: &LiveDom,
        cuts: HashMap<LiveNode, Vec<u32>>,
        splits: &mut Vec<(Text, Text)>,
    ) -> Result<SplitPlan, JsValue> {
        let mut pieces = HashMap::new();
        for (node, mut offsets) in cuts {
            let text: Text = dom.node(node).dyn_into().map_err(|_| "not a text node")?;
            offsets.sort_unstable();
            offsets.dedup();
            // From the last offset back, so that each earlier offset is still inside `text`.
            let mut parts = Vec::with_capacity(offsets.len() + 1);
            for &at in offsets.iter().rev() {
                parts.push((at, text.split_text(at)?));
            }
            parts.push((0, text.clone()));
            parts.reverse();
            // Rejoined last to first on clear (from the first part on): each part is then again
            // the next sibling of `text`.
            splits.extend(parts[1..].iter().rev().map(|(_, part)| (text.clone(), part.clone())));
            pieces.insert(node, parts);
        }
        Ok(SplitPlan { pieces })
    }

    /// The node and offset of a position of the original page. An end position on a split
    /// falls at the end of the piece before it, a start position at the start of the piece after.
    fn locate(&self, dom: &LiveDom, node: LiveNode, offset: u32, end: bool) -> (Node, u32) {
        match self.pieces.get(&node) {
            None => (dom.node(node), offset),
            Some(parts) => {
                let i = parts.partition_point(|&(at, _)| if end { at < offset } else { at <= offset });
                let (at, part) = &parts[i.saturating_sub(1)];
                (part.clone().into(), offset - at)
            }
        }
    }

    /// The node a badge placed at `offset` of `node` goes right before (`None`: at the end of the
    /// parent), and that parent.
    fn badge_place(
        &self,
        dom: &LiveDom,
        node: LiveNode,
        offset: u32,
    ) -> Result<(Node, Option<Node>), JsValue> {
        let original = dom.node(node);
        let parent = original.parent_node().ok_or("a detached text node")?;
        if offset == 0 {
            return Ok((parent, Some(original)));
        }
        let (piece, _) = self.locate(dom, node, offset, true);
        Ok((parent, piece.next_sibling()))
    }
}

/// The lowest element holding every block of the article: the common ancestor of the first and the
/// last text node read (every node between them in document order is under it too).
fn article_root(document: &Document, dom: &LiveDom, page: &PageAnalysis<LiveNode>) -> Option<Element> {
    let blocks = &page.article.as_ref()?.blocks;
    let mut nodes = blocks.iter().flat_map(|b| b.pieces.iter().map(|&(n, _)| n));
    let first = dom.node(nodes.next()?);
    let last = nodes.last().map(|n| dom.node(n)).unwrap_or_else(|| first.clone());
    let range = document.create_range().ok()?;
    range.set_start_before(&first).ok()?;
    range.set_end_after(&last).ok()?;
    let common = range.common_ancestor_container().ok()?;
    match common.dyn_into::<Element>() {
        Ok(e) => Some(e),
        Err(n) => n.parent_element(),
    }
}

fn static_range(start: (Node, u32), end: (Node, u32)) -> Result<StaticRange, JsValue> {
    let init = StaticRangeInit::new(&end.0, end.1, &start.0, start.1);
    StaticRange::new(&init)
}

/// The work budget in the reader's tab: a tenth of the CLI's (which is about forty times what the
/// densest ordinary megabyte of text takes), so still four times that megabyte and far above any
/// real article (the longest are under 200 KB), while a page built to be slow stops early with the
/// notice `too_complex` instead of holding the tab.
const BROWSER_MAX_WORK: u64 = DEFAULT_MAX_WORK / 10;

/// The limits of an analysis in the browser.
pub fn browser_limits() -> Limits {
    Limits { max_work: BROWSER_MAX_WORK, ..Limits::default() }
}

impl Overlay {
    /// Analyses what `scope` says of the page behind `document` and draws the overlay.
    pub fn draw(document: Document, scope: DrawScope, options: &DrawOptions) -> Result<Overlay, JsError> {
        let page_root: Node = match &scope {
            DrawScope::Whole(r) | DrawScope::Within(r) => r.clone().into(),
            DrawScope::Page => document.clone().into(),
        };
        let dom = LiveDom::new(page_root);
        let limits = browser_limits();
        let page = match scope {
            DrawScope::Whole(_) => crate::page::analyze_dom_whole_with(&dom, &limits),
            DrawScope::Page | DrawScope::Within(_) => crate::page::analyze_dom_with(&dom, &limits),
        };
        let article_root = article_root(&document, &dom, &page);
        let report = page.report.clone();
        let shown = report.claims.iter().map(|c| options.shows(c.kind)).collect();
        let mut overlay = Overlay {
            document: document.clone(),
            article_root,
            shown,
            compact: options.compact(),
            claim_ranges: Vec::new(),
            mention_ranges: Vec::new(),
            badges: Vec::new(),
            splits: Vec::new(),
            highlights: highlight_registry().is_some(),
            page_sheet: None,
            listeners: Vec::new(),
            cards: CardState::default(),
            report,
        };
        if let Err(e) = overlay.paint(&dom, &page) {
            overlay.erase();
            return Err(js_err(e));
        }
        Ok(overlay)
    }

    fn paint(&mut self, dom: &LiveDom, page: &PageAnalysis<LiveNode>) -> Result<(), JsValue> {
        let document = self.document.clone();
        let claim_pieces: Vec<Vec<DomRange<LiveNode>>> =
            self.report.claims.iter().map(|c| page.ranges(dom, c.start, c.end)).collect();
        let mention_pieces: Vec<Vec<DomRange<LiveNode>>> = self
            .report
            .claims
            .iter()
            .map(|c| c.source.as_ref().map(|s| page.ranges(dom, s.start, s.end)).unwrap_or_default())
            .collect();
        // Each badge goes right after its claim's last char: split the text nodes there first.
        let anchors: Vec<Option<(LiveNode, u32)>> = claim_pieces
            .iter()
            .zip(&self.shown)
            .map(|(p, &shown)| p.last().filter(|_| shown).map(|r| (r.end.node, r.end.utf16 as u32)))
            .collect();
        let mut cuts: HashMap<LiveNode, Vec<u32>> = HashMap::new();
        for &(node, offset) in anchors.iter().flatten() {
            let length = dom.node(node).dyn_into::<Text>().map(|t| t.length()).unwrap_or(0);
            if offset > 0 && offset < length {
                cuts.entry(node).or_default().push(offset);
            }
        }
        let places: Vec<Option<(Node, Option<Node>)>> = {
            let plan = SplitPlan::split(dom, cuts, &mut self.splits)?;
            let to_static = |pieces: &[DomRange<LiveNode>]| -> Result<Vec<StaticRange>, JsValue> {
                pieces
                    .iter()
                    .map(|r| {
                        static_range(
                            plan.locate(dom, r.start.node, r.start.utf16 as u32, false),
                            plan.locate(dom, r.end.node, r.end.utf16 as u32, true),
                        )
                    })
                    .collect()
            };
            self.claim_ranges = claim_pieces.iter().map(|p| to_static(p)).collect::<Result<_, _>>()?;
            self.mention_ranges = mention_pieces.iter().map(|p| to_static(p)).collect::<Result<_, _>>()?;
            anchors
                .iter()
                .map(|a| a.map(|(node, offset)| plan.badge_place(dom, node, offset)).transpose())
                .collect::<Result<_, _>>()?
        };
        if self.shown.iter().any(|&s| s) {
            self.page_sheet = Some(add_page_sheet(&document)?);
        }
        if self.highlights {
            for kind in KINDS {
                let ranges: Vec<&StaticRange> = self
                    .report
                    .claims
                    .iter()
                    .zip(&self.claim_ranges)
                    .zip(&self.shown)
                    .filter(|((c, _), &shown)| shown && c.kind == kind)
                    .flat_map(|((_, r), _)| r.iter())
                    .collect();
                if !ranges.is_empty() {
                    set_highlight(&format!("claimlens-{}", kind_key(kind)), &ranges)?;
                }
            }
        }
        self.listeners = super::events::listeners();
        let sheet = constructed_sheet(BADGE_CSS).ok();
        self.badges = vec![None; self.report.claims.len()];
        // In the claims' order, each right before the node after its place: badges at the same
        // place stay in the claims' order.
        for (i, place) in places.into_iter().enumerate() {
            let Some((parent, before)) = place else { continue };
            let host = build_badge(&document, i, &self.report.claims[i], sheet.as_ref(), self.compact)?;
            let shadow = host.shadow_root().ok_or("no shadow root")?;
            let root = shadow.last_element_child().ok_or("no badge root")?;
            for (event, handler) in &self.listeners {
                root.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref())?;
            }
            parent.insert_before(&host, before.as_ref())?;
            self.badges[i] = Some(host);
        }
        Ok(())
    }

    /// Removes every trace of the overlay; the page's nodes are as before [`Overlay::draw`].
    pub fn erase(&mut self) {
        for host in self.badges.drain(..).flatten() {
            host.remove();
        }
        for (text, rest) in self.splits.drain(..).rev() {
            let adjacent = text.next_sibling().is_some_and(|n| n.is_same_node(Some(rest.as_ref())));
            if adjacent {
                let _ = text.append_data(&rest.data());
                rest.remove();
            }
        }
        for kind in KINDS {
            delete_highlight(&format!("claimlens-{}", kind_key(kind)));
        }
        delete_highlight(MENTION_HIGHLIGHT);
        if let Some(sheet) = self.page_sheet.take() {
            remove_page_sheet(&self.document, sheet);
        }
        self.listeners.clear();
    }

    /// The badge of claim `index`.
    pub fn badge(&self, index: usize) -> Option<&Element> {
        self.badges.get(index)?.as_ref()
    }

    /// The first claim of the source named `name` that has a badge.
    pub fn first_claim_of(&self, name: &str) -> Option<usize> {
        self.report
            .claims
            .iter()
            .enumerate()
            .position(|(i, c)| c.source.as_ref().is_some_and(|s| s.name == name) && self.badge(i).is_some())
    }

    /// Updates which card shows after a hover, focus or Escape.
    pub fn card_event(&mut self, index: usize, event: CardEvent) {
        let c = &mut self.cards;
        match event {
            CardEvent::Enter => {
                c.hover = Some(index);
                c.dismissed = false;
            }
            CardEvent::Leave => c.hover = c.hover.filter(|&h| h != index),
            CardEvent::Focus => {
                c.focus = Some(index);
                c.dismissed = false;
            }
            CardEvent::Blur => c.focus = c.focus.filter(|&f| f != index),
            CardEvent::Escape => c.dismissed = true,
        }
        let shown = if c.dismissed { None } else { c.focus.or(c.hover) };
        if shown == c.shown {
            return;
        }
        if let Some(old) = c.shown.take() {
            self.show_card(old, false);
        }
        if let Some(new) = shown {
            self.show_card(new, true);
        }
        self.cards.shown = shown;
    }

    fn show_card(&self, index: usize, open: bool) {
        let Some(shadow) = self.badge(index).and_then(|h| h.shadow_root()) else { return };
        if let Ok(Some(card)) = shadow.query_selector(".card") {
            let _ = if open { card.remove_attribute("hidden") } else { card.set_attribute("hidden", "") };
        }
        if let Ok(Some(button)) = shadow.query_selector("button") {
            let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
        }
        if !self.highlights {
            return;
        }
        if open && !self.mention_ranges[index].is_empty() {
            let _ = set_highlight(MENTION_HIGHLIGHT, &self.mention_ranges[index]);
        } else {
            delete_highlight(MENTION_HIGHLIGHT);
        }
    }

    /// The page's summary: each source with its type and number of claims.
    pub fn summary(&self) -> PageSummary {
        PageSummary::of_shown(&self.report, &self.shown, true, self.highlights)
    }
}

/// What happened to a badge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardEvent {
    Enter,
    Leave,
    Focus,
    Blur,
    Escape,
}

impl CardEvent {
    pub fn of(event: &Event) -> Option<CardEvent> {
        Some(match event.type_().as_str() {
            "mouseenter" => CardEvent::Enter,
            "mouseleave" => CardEvent::Leave,
            "focusin" => CardEvent::Focus,
            "focusout" => CardEvent::Blur,
            "keydown" if event.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape") => {
                CardEvent::Escape
            }
            _ => return None,
        })
    }
}

/// The page's state for the toolbar and the popup.
#[derive(Clone, Debug, serde::Serialize)]
pub struct PageSummary {
    pub on: bool,
    pub claims: usize,
    pub sources: Vec<SourceCount>,
    pub unattributed: usize,
    pub notice: Option<crate::Notice>,
    pub highlights: bool,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct SourceCount {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: SourceType,
    pub claims: usize,
}

impl PageSummary {
    pub fn of(report: &Report, on: bool, highlights: bool) -> PageSummary {
        PageSummary::of_shown(report, &vec![true; report.claims.len()], on, highlights)
    }

    /// The summary of the claims drawn (`shown[i]` for claim `i`): sources left with none drawn
    /// are left out.
    pub fn of_shown(report: &Report, shown: &[bool], on: bool, highlights: bool) -> PageSummary {
        let drawn = |i: &usize| shown.get(*i).copied().unwrap_or(false);
        PageSummary {
            on,
            claims: (0..report.claims.len()).filter(drawn).count(),
            sources: report
                .sources
                .iter()
                .map(|s| SourceCount {
                    name: s.name.clone(),
                    kind: s.kind,
                    claims: s.claims.iter().filter(|i| drawn(i)).count(),
                })
                .filter(|s| s.claims > 0)
                .collect(),
            unattributed: report
                .claims
                .iter()
                .enumerate()
                .filter(|(i, c)| drawn(i) && c.source.is_none())
                .count(),
            notice: report.notice,
            highlights,
        }
    }

    pub fn off() -> PageSummary {
        PageSummary {
            on: false,
            claims: 0,
            sources: Vec::new(),
            unattributed: 0,
            notice: None,
            highlights: false,
        }
    }
}
