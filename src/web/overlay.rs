//! Draws a report on the live page and takes it away again. Highlights go through the CSS Custom
//! Highlight API (no change to the page's nodes); each claim gets a `<claimlens-badge>` right after
//! its last character, holding an open shadow root with the badge button and its card. The only
//! change to the page's own nodes is the text node split where a badge sits inside one; `clear`
//! rejoins it, so the page is as before.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Document, Element, Event, HtmlElement, KeyboardEvent, Node, Range, Text};

use super::dom::LiveDom;
use super::style::{BADGE_CSS, PAGE_CSS};
use crate::badge::{badge_text, type_label};
use crate::page::PageAnalysis;
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

/// The overlay drawn on a page.
pub struct Overlay {
    document: Document,
    pub report: Report,
    /// Whether each claim is drawn (its kind is not hidden by the options).
    shown: Vec<bool>,
    compact: bool,
    claim_ranges: Vec<Vec<Range>>,
    mention_ranges: Vec<Vec<Range>>,
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

fn set_highlight(name: &str, ranges: &[Range]) -> Result<(), JsValue> {
    let Some((registry, ctor)) = highlight_registry() else { return Ok(()) };
    let highlight = Reflect::construct(&ctor, &ranges.iter().collect::<Array>())?;
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

/// Makes a live `Range` per piece: live, so that splitting a text node to place a badge moves the
/// ranges' ends with the text.
fn dom_ranges(
    document: &Document,
    dom: &LiveDom,
    page: &PageAnalysis<super::dom::LiveNode>,
    start: usize,
    end: usize,
) -> Result<Vec<Range>, JsValue> {
    let mut out = Vec::new();
    for piece in page.ranges(dom, start, end) {
        let range = document.create_range()?;
        range.set_start(&dom.node(piece.start.node), piece.start.utf16 as u32)?;
        range.set_end(&dom.node(piece.end.node), piece.end.utf16 as u32)?;
        out.push(range);
    }
    Ok(out)
}

/// Puts `host` in the page at the end of `range`, splitting the text node there if needed.
fn place(host: &Element, range: &Range, splits: &mut Vec<(Text, Text)>) -> Result<(), JsValue> {
    let container = range.end_container()?;
    let offset = range.end_offset()?;
    let (parent, before) = match container.dyn_ref::<Text>() {
        Some(text) => {
            let parent = text.parent_node().ok_or("a detached text node")?;
            if offset == 0 {
                (parent, Some(container.clone()))
            } else if offset >= text.length() {
                (parent, text.next_sibling())
            } else {
                let rest = text.split_text(offset)?;
                splits.push((text.clone(), rest.clone()));
                (parent, Some(rest.into()))
            }
        }
        None => (container.clone(), container.child_nodes().item(offset)),
    };
    parent.insert_before(host, before.as_ref())?;
    Ok(())
}

impl Overlay {
    /// Analyses the page behind `document` and draws the overlay; with a `root`, everything under
    /// it is the article (no search for the article).
    pub fn draw(
        document: Document,
        root: Option<Element>,
        options: &DrawOptions,
    ) -> Result<Overlay, JsError> {
        let page_root: Node = match &root {
            Some(r) => r.clone().into(),
            None => document.clone().into(),
        };
        let dom = LiveDom::new(page_root);
        let page = match root {
            Some(_) => crate::page::analyze_dom_whole(&dom),
            None => crate::page::analyze_dom(&dom),
        };
        let report = page.report.clone();
        let shown = report.claims.iter().map(|c| options.shows(c.kind)).collect();
        let mut claim_ranges = Vec::with_capacity(report.claims.len());
        let mut mention_ranges = Vec::with_capacity(report.claims.len());
        for claim in &report.claims {
            claim_ranges.push(dom_ranges(&document, &dom, &page, claim.start, claim.end).map_err(js_err)?);
            let mention = match &claim.source {
                Some(s) => dom_ranges(&document, &dom, &page, s.start, s.end).map_err(js_err)?,
                None => Vec::new(),
            };
            mention_ranges.push(mention);
        }
        drop(page);
        let mut overlay = Overlay {
            document: document.clone(),
            report,
            shown,
            compact: options.compact(),
            claim_ranges,
            mention_ranges,
            badges: Vec::new(),
            splits: Vec::new(),
            highlights: highlight_registry().is_some(),
            page_sheet: None,
            listeners: Vec::new(),
            cards: CardState::default(),
        };
        if let Err(e) = overlay.paint() {
            overlay.erase();
            return Err(js_err(e));
        }
        Ok(overlay)
    }

    fn paint(&mut self) -> Result<(), JsValue> {
        let document = self.document.clone();
        if self.shown.iter().any(|&s| s) {
            self.page_sheet = Some(add_page_sheet(&document)?);
        }
        if self.highlights {
            for kind in KINDS {
                let ranges: Vec<Range> = self
                    .report
                    .claims
                    .iter()
                    .zip(&self.claim_ranges)
                    .zip(&self.shown)
                    .filter(|((c, _), &shown)| shown && c.kind == kind)
                    .flat_map(|((_, r), _)| r.iter().cloned())
                    .collect();
                if !ranges.is_empty() {
                    set_highlight(&format!("claimlens-{}", kind_key(kind)), &ranges)?;
                }
            }
        }
        self.listeners = super::events::listeners();
        let sheet = constructed_sheet(BADGE_CSS).ok();
        self.badges = vec![None; self.report.claims.len()];
        // Last claim first, so that badges at the same place end up in the claims' order.
        for i in (0..self.report.claims.len()).rev() {
            if !self.shown[i] {
                continue;
            }
            let Some(last) = self.claim_ranges[i].last().cloned() else { continue };
            let host = build_badge(&document, i, &self.report.claims[i], sheet.as_ref(), self.compact)?;
            self.badges[i] = Some(host.clone());
            let shadow = host.shadow_root().ok_or("no shadow root")?;
            let root = shadow.first_element_child().filter(|e| e.tag_name() == "SPAN");
            let root = root.or_else(|| shadow.last_element_child()).ok_or("no badge root")?;
            for (event, handler) in &self.listeners {
                root.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref())?;
            }
            place(&host, &last, &mut self.splits)?;
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
