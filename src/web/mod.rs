//! The browser side (wasm32 only): reads the live page through web-sys, runs the same extraction
//! and analysis as the CLI, and draws the overlay. The extension's JavaScript only loads this
//! module and calls the functions below; their contract is in `docs/overlay-api.md`.
#![allow(unsafe_code)] // in the code #[wasm_bindgen] generates, not in ours

pub mod dom;
mod events;
pub mod observe;
pub mod overlay;
pub mod reader;
mod style;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use overlay::{DrawOptions, DrawScope, Overlay, PageSummary};

thread_local! {
    /// The overlay drawn on this page, if any.
    static OVERLAY: RefCell<Option<Overlay>> = const { RefCell::new(None) };
    /// How overlays are drawn (set by [`configure`]).
    static OPTIONS: RefCell<DrawOptions> = RefCell::new(DrawOptions::default());
}

/// Runs `f` on the overlay, unless there is none or it is busy (an event fired while the overlay
/// is being drawn or erased).
pub(crate) fn with_overlay<T>(f: impl FnOnce(&mut Overlay) -> T) -> Option<T> {
    OVERLAY.with(|o| o.try_borrow_mut().ok()?.as_mut().map(f))
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn document() -> Result<web_sys::Document, JsError> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsError::new("no document"))
}

/// Finds the article of the page, analyses it and draws highlights and badges; redraws from
/// scratch when the overlay is already on. Returns the page summary. Given a `root` element,
/// everything under it is taken as the article (a reader page, a demo page's text).
/// While the page is watched ([`watch`]), it stays watched.
#[wasm_bindgen]
pub fn annotate(root: Option<web_sys::Element>) -> Result<JsValue, JsError> {
    let scope = match root {
        Some(root) => DrawScope::Whole(root),
        None => DrawScope::Page,
    };
    let summary = observe::paused(|| draw(scope))?;
    to_js(&summary)
}

/// Erases the overlay drawn, if any, and draws it again over `scope`.
fn draw(scope: DrawScope) -> Result<PageSummary, JsError> {
    erase();
    let options = OPTIONS.with(|o| o.borrow().clone());
    let overlay = Overlay::draw(document()?, scope, &options)?;
    let summary = overlay.summary();
    OVERLAY.with(|o| *o.borrow_mut() = Some(overlay));
    Ok(summary)
}

/// The redraw after the page changed (`observe.rs`): within the article's subtree when only it
/// changed and it is still in the page (the whole page when that finds no article there).
pub(crate) fn redraw(scope: observe::Scope) -> Result<(), JsError> {
    let root = match scope {
        observe::Scope::Article => {
            with_overlay(|o| o.article_root.clone()).flatten().filter(|r| r.is_connected())
        }
        observe::Scope::Page => None,
    };
    observe::paused(|| {
        if let Some(root) = root {
            if draw(DrawScope::Within(root))?.notice != Some(crate::Notice::NoArticle) {
                return Ok(());
            }
        }
        draw(DrawScope::Page).map(drop)
    })
}

/// Follows the page's changes while the overlay is on (`observe.rs`: bursts coalesced, only the
/// article's subtree re-read when only it changed, a page that keeps fighting left alone).
/// `onChange(summary)` is called after each redraw. [`clear`] stops it.
/// `budgets` (optional, for tests): `{quietMs, maxDelayMs, maxRedraws, fightWindowMs, maxUnquiet}` instead of
/// the constants of `observe.rs`.
#[wasm_bindgen]
pub fn watch(on_change: Option<js_sys::Function>, budgets: JsValue) -> Result<(), JsError> {
    let mut b = observe::Budgets::default();
    if budgets.is_object() {
        let number = |name: &str| js_sys::Reflect::get(&budgets, &name.into()).ok().and_then(|v| v.as_f64());
        b.quiet_ms = number("quietMs").unwrap_or(b.quiet_ms);
        b.max_delay_ms = number("maxDelayMs").unwrap_or(b.max_delay_ms);
        b.max_redraws = number("maxRedraws").map_or(b.max_redraws, |n| n.max(0.0) as usize);
        b.fight_window_ms = number("fightWindowMs").unwrap_or(b.fight_window_ms);
        b.max_unquiet = number("maxUnquiet").map_or(b.max_unquiet, |n| n.max(0.0) as usize);
    }
    observe::watch(on_change, b).map_err(|e| JsError::new(&format!("{e:?}")))
}

/// Stops following the page's changes (no observer, no timer); the overlay stays as drawn.
#[wasm_bindgen]
pub fn unwatch() {
    observe::unwatch();
}

/// What the observer did: `{watching, pending, callbacks, records, redraws, reason}`.
#[wasm_bindgen(js_name = watchState)]
pub fn watch_state() -> Result<JsValue, JsError> {
    to_js(&observe::state())
}

/// Sets how the next [`annotate`] draws: `{hiddenKinds: ["unattributed", …], badgeStyle: "name" |
/// "dot"}` (the extension's options page). Missing fields take their defaults (every kind, the
/// source's name).
#[wasm_bindgen]
pub fn configure(options: JsValue) -> Result<(), JsError> {
    // Read field by field (not through serde): a few bytes of wasm instead of a deserializer.
    let mut parsed = DrawOptions::default();
    if options.is_object() {
        let field = |name: &str| js_sys::Reflect::get(&options, &name.into()).unwrap_or(JsValue::UNDEFINED);
        let hidden = field("hiddenKinds");
        if js_sys::Array::is_array(&hidden) {
            parsed.hidden_kinds = js_sys::Array::from(&hidden).iter().filter_map(|k| k.as_string()).collect();
        }
        parsed.badge_style = field("badgeStyle").as_string().unwrap_or_default();
    } else if !options.is_undefined() && !options.is_null() {
        return Err(JsError::new("configure() takes an object"));
    }
    OPTIONS.with(|o| *o.borrow_mut() = parsed);
    Ok(())
}

/// Removes the overlay and stops following the page's changes: the page is as it was before
/// [`annotate`], and nothing of ClaimLens runs in it any more.
#[wasm_bindgen]
pub fn clear() {
    observe::unwatch();
    erase();
}

fn erase() {
    let taken = OVERLAY.with(|o| o.try_borrow_mut().ok().and_then(|mut o| o.take()));
    if let Some(mut overlay) = taken {
        overlay.erase();
    }
}

/// The page summary (`on: false` when the overlay is off).
#[wasm_bindgen]
pub fn summary() -> Result<JsValue, JsError> {
    let summary = with_overlay(|o| o.summary()).flatten_or_off();
    to_js(&summary)
}

/// The report of the overlay drawn (the CLI's JSON report, as a JS object), or `null` when off:
/// what the badges show, without analysing the page again.
#[wasm_bindgen]
pub fn report() -> Result<JsValue, JsError> {
    match with_overlay(|o| to_js(&o.report)) {
        Some(report) => report,
        None => Ok(JsValue::NULL),
    }
}

trait OrOff {
    fn flatten_or_off(self) -> PageSummary;
}

impl OrOff for Option<PageSummary> {
    fn flatten_or_off(self) -> PageSummary {
        self.unwrap_or_else(PageSummary::off)
    }
}

/// Scrolls to the first claim of the source named `name` and focuses its badge; `false` when that
/// source has no badge on the page.
#[wasm_bindgen(js_name = focusSource)]
pub fn focus_source(name: &str) -> bool {
    let Some(host) = with_overlay(|o| o.first_claim_of(name).and_then(|i| o.badge(i).cloned())).flatten()
    else {
        return false;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    host.scroll_into_view_with_scroll_into_view_options(&options);
    let button = host.shadow_root().and_then(|s| s.query_selector("button").ok().flatten());
    match button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(b) => b.focus().is_ok(),
        None => false,
    }
}

/// Rebuilds an article under `root` from plain text (first line the title), text only; returns
/// the number of blocks. Then `annotate(root)` draws its badges.
#[wasm_bindgen(js_name = renderText)]
pub fn render_text(root: &web_sys::Element, text: &str) -> Result<usize, JsError> {
    reader::render_text(&document()?, root, text).map_err(|e| JsError::new(&format!("{e:?}")))
}

/// Rebuilds under `root`, from text only, the article of `page`: a document the caller parsed
/// inert (`new DOMParser().parseFromString(html, "text/html")`), read with the same extraction as
/// any page. Returns the number of blocks, or `null` when the page has no article. No markup of
/// the page is carried over.
#[wasm_bindgen(js_name = renderPage)]
pub fn render_page(root: &web_sys::Element, page: &web_sys::Node) -> Result<Option<usize>, JsError> {
    reader::render_page(&document()?, root, page).map_err(|e| JsError::new(&format!("{e:?}")))
}

/// Analyses plain text (first line the title): the CLI's JSON report as a JS object.
#[wasm_bindgen(js_name = analyzeText)]
pub fn analyze_text(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::analyze_text_with(text, &overlay::browser_limits()))
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
