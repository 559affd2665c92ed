//! Pages that change under the overlay: content that arrives late, an app that swaps the article
//! without a page load, a framework that re-renders its text, an endless page that appends the next
//! article. While the overlay is on (and only then) one `MutationObserver` watches the page's body,
//! under the named budgets below: a burst of changes is redrawn once, changes inside the article
//! re-read only the article's subtree, small changes elsewhere (a clock, a counter) are ignored, and
//! a page that keeps fighting the overlay is left alone, with the reason in [`WatchState`]. Off
//! means no observer and no timer: `unwatch` disconnects and cancels everything.
//!
//! The overlay's own writes (badges, split text nodes) are made with the observer disconnected, so
//! they never trigger a redraw.

use std::cell::RefCell;
use std::collections::VecDeque;

use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

use super::overlay::BADGE_TAG;

/// A burst of changes is over once the page has been quiet this long; it is then redrawn once.
pub const QUIET_MS: f64 = 300.0;
/// A page that never pauses is still redrawn this long after the first change of a burst.
pub const MAX_DELAY_MS: f64 = 1_500.0;
/// Past this many mutation records in one burst they are no longer looked at one by one: the whole
/// page is re-read once at the end of the burst (a page rebuilding everything).
pub const MAX_RECORDS_PER_BURST: u32 = 1_000;
/// Text added or removed outside the article counts once a burst adds up to this many chars (a
/// new article, a swapped page, late content), not for a clock or a counter ticking.
pub const MIN_OUTSIDE_CHARS: u32 = 200;
/// A page redrawn more than this many times within [`FIGHT_WINDOW_MS`] is fighting the overlay (a
/// framework re-rendering its text all the time): it is left alone.
pub const MAX_REDRAWS: usize = 8;
pub const FIGHT_WINDOW_MS: f64 = 60_000.0;
/// A page that never pauses for [`QUIET_MS`] during this many bursts in a row (each cut at
/// [`MAX_DELAY_MS`]) is re-rendering all the time: it is left alone. A page that updates now and
/// then (a live blog) pauses between updates and is not counted.
pub const MAX_UNQUIET_BURSTS: usize = 5;

/// The budgets of one watch: the constants above, or smaller ones for the tests (`watch(f,
/// {quietMs, maxDelayMs, maxRedraws, fightWindowMs})`).
#[derive(Clone, Copy, Debug)]
pub struct Budgets {
    pub quiet_ms: f64,
    pub max_delay_ms: f64,
    pub max_redraws: usize,
    pub fight_window_ms: f64,
    pub max_unquiet: usize,
}

impl Default for Budgets {
    fn default() -> Self {
        Budgets {
            quiet_ms: QUIET_MS,
            max_delay_ms: MAX_DELAY_MS,
            max_redraws: MAX_REDRAWS,
            fight_window_ms: FIGHT_WINDOW_MS,
            max_unquiet: MAX_UNQUIET_BURSTS,
        }
    }
}

/// What a redraw re-reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// Only the article's subtree changed: the extraction runs within it.
    Article,
    /// Something that matters changed elsewhere (or the article is gone): the whole page.
    Page,
}

/// What the observer did, for the extension's state and the tests (`watchState()`).
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct WatchState {
    /// An observer is connected.
    pub watching: bool,
    /// A redraw is scheduled (a timer is pending).
    pub pending: bool,
    /// Observer callbacks since the page loaded (every watch counted, so that a test can see that
    /// nothing ran while off).
    pub callbacks: u32,
    /// Mutation records looked at since the page loaded.
    pub records: u32,
    /// Redraws caused by changes since the last `watch()`.
    pub redraws: u32,
    /// Why the page is no longer followed, or `None`.
    pub reason: Option<String>,
}

struct Burst {
    started: f64,
    records: u32,
    outside_chars: u32,
    scope: Option<Scope>,
    /// The page did not pause: the burst is cut at its limit.
    unquiet: bool,
}

struct Watch {
    observer: MutationObserver,
    target: Node,
    _callback: Closure<dyn FnMut(Array, MutationObserver)>,
    tick: Closure<dyn FnMut()>,
    timer: Option<i32>,
    burst: Option<Burst>,
    on_change: Option<Function>,
    budgets: Budgets,
    recent: VecDeque<f64>,
    /// Bursts cut in a row (the page never paused).
    unquiet: usize,
    /// Disconnected for good (the page fought the overlay): kept only until the next call from
    /// outside, because its closures may be running.
    stopped: bool,
}

thread_local! {
    static WATCH: RefCell<Option<Watch>> = const { RefCell::new(None) };
    static STATE: RefCell<WatchState> = RefCell::new(WatchState::default());
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn observe(observer: &MutationObserver, target: &Node) -> Result<(), JsValue> {
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_character_data(true);
    init.set_subtree(true);
    observer.observe_with_options(target, &init)
}

/// Starts following the page's changes (the overlay is on). `on_change(summary)` is called after
/// each redraw, and once when the page is left alone. Calling it again restarts the budgets.
pub fn watch(on_change: Option<Function>, budgets: Budgets) -> Result<(), JsValue> {
    unwatch();
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let target: Node = match document.body() {
        Some(body) => body.into(),
        None => document.document_element().ok_or("no root element")?.into(),
    };
    let callback = Closure::<dyn FnMut(Array, MutationObserver)>::new(|records: Array, _| changed(records));
    let tick = Closure::<dyn FnMut()>::new(fire);
    let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
    observe(&observer, &target)?;
    WATCH.with(|w| {
        *w.borrow_mut() = Some(Watch {
            observer,
            target,
            _callback: callback,
            tick,
            timer: None,
            burst: None,
            on_change,
            budgets,
            recent: VecDeque::new(),
            unquiet: 0,
            stopped: false,
        })
    });
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.watching = true;
        s.pending = false;
        s.redraws = 0;
        s.reason = None;
    });
    Ok(())
}

/// Stops following the page: the observer is disconnected and any pending redraw cancelled.
pub fn unwatch() {
    let taken = WATCH.with(|w| w.try_borrow_mut().ok().and_then(|mut w| w.take()));
    if let Some(w) = taken {
        stop(&w);
    }
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.watching = false;
        s.pending = false;
    });
}

fn stop(w: &Watch) {
    w.observer.disconnect();
    if let (Some(id), Some(win)) = (w.timer, window()) {
        win.clear_timeout_with_handle(id);
    }
}

pub fn state() -> WatchState {
    STATE.with(|s| s.borrow().clone())
}

/// Runs `f` with the observer disconnected (the overlay's own writes), then observes again.
pub fn paused<T>(f: impl FnOnce() -> T) -> T {
    let active = WATCH.with(|w| {
        let w = w.try_borrow().ok()?;
        let w = w.as_ref().filter(|w| !w.stopped)?;
        // Changes the page made before this call are still wanted: keep them for the next burst.
        let pending = w.observer.take_records();
        w.observer.disconnect();
        Some(pending)
    });
    let out = f();
    if let Some(pending) = active {
        WATCH.with(|w| {
            if let Some(w) = w.try_borrow().ok().as_ref().and_then(|w| w.as_ref()) {
                let _ = observe(&w.observer, &w.target);
            }
        });
        if pending.length() > 0 {
            changed(pending);
        }
    }
    out
}

/// Whether `node` is inside (or is) an element whose text is never read: a script, a style…
fn in_unread(node: &Node) -> bool {
    let element = match node.dyn_ref::<Element>() {
        Some(e) => Some(e.clone()),
        None => node.parent_element(),
    };
    element.is_some_and(|e| {
        e.closest("script, style, noscript, template, claimlens-badge").ok().flatten().is_some()
    })
}

/// Only badges added (a copy of the overlay's, or a re-inserted one): nothing to re-read.
fn only_badges_added(record: &MutationRecord) -> bool {
    let added = record.added_nodes();
    record.removed_nodes().length() == 0
        && added.length() > 0
        && (0..added.length()).all(|i| {
            added
                .item(i)
                .and_then(|n| n.dyn_into::<Element>().ok())
                .is_some_and(|e| e.local_name() == BADGE_TAG)
        })
}

fn text_len(node: &Node) -> u32 {
    node.text_content().map(|t| t.chars().count() as u32).unwrap_or(0)
}

/// The chars of text a record added or removed (childList), or holds (characterData).
fn changed_chars(record: &MutationRecord) -> u32 {
    if record.type_() == "characterData" {
        return record.target().map(|t| text_len(&t)).unwrap_or(0);
    }
    let mut n = 0u32;
    for list in [record.added_nodes(), record.removed_nodes()] {
        for i in 0..list.length() {
            if let Some(node) = list.item(i) {
                n = n.saturating_add(text_len(&node));
            }
        }
    }
    n
}

/// The observer's callback: classifies the records and schedules one redraw for the burst.
fn changed(records: Array) {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.callbacks = s.callbacks.saturating_add(1);
        s.records = s.records.saturating_add(records.length());
    });
    let root = super::with_overlay(|o| o.article_root.clone()).flatten();
    let root_gone = root.as_ref().is_some_and(|r| !r.is_connected());
    let start = now();
    let scheduled = WATCH.with(|w| {
        let mut w = w.try_borrow_mut().ok()?;
        let w = w.as_mut().filter(|w| !w.stopped)?;
        let burst = w.burst.get_or_insert(Burst {
            started: start,
            records: 0,
            outside_chars: 0,
            scope: None,
            unquiet: false,
        });
        for record in records.iter() {
            if burst.scope == Some(Scope::Page) {
                break; // the whole page is re-read anyway
            }
            burst.records += 1;
            if burst.records > MAX_RECORDS_PER_BURST || root_gone {
                burst.scope = Some(Scope::Page);
                break;
            }
            let Ok(record) = record.dyn_into::<MutationRecord>() else { continue };
            let Some(target) = record.target() else { continue };
            if in_unread(&target) || only_badges_added(&record) {
                continue;
            }
            let inside = root.as_ref().is_some_and(|r| r.contains(Some(&target)));
            if inside {
                burst.scope = burst.scope.max(Some(Scope::Article));
            } else {
                burst.outside_chars = burst.outside_chars.saturating_add(changed_chars(&record));
                if burst.outside_chars >= MIN_OUTSIDE_CHARS {
                    burst.scope = Some(Scope::Page);
                }
            }
        }
        burst.scope?;
        // One timer per burst: at the end of the quiet time, but no later than the burst's limit.
        let limit = burst.started + w.budgets.max_delay_ms;
        burst.unquiet = start + w.budgets.quiet_ms >= limit;
        let due = (start + w.budgets.quiet_ms).min(limit);
        let delay = (due - start).max(0.0) as i32;
        let win = window()?;
        if let Some(id) = w.timer.take() {
            win.clear_timeout_with_handle(id);
        }
        w.timer = win
            .set_timeout_with_callback_and_timeout_and_arguments_0(w.tick.as_ref().unchecked_ref(), delay)
            .ok();
        Some(())
    });
    if scheduled.is_some() {
        STATE.with(|s| s.borrow_mut().pending = true);
    }
}

/// Why a page is left alone.
enum Fight {
    /// More than so many redraws within the window (ms).
    TooMany(usize, f64),
    /// So many bursts in a row without a pause.
    NeverQuiet(usize),
}

/// The end of a burst: redraw once, unless the page has been fighting the overlay.
fn fire() {
    let t = now();
    let step = WATCH.with(|w| {
        let mut w = w.try_borrow_mut().ok()?;
        let w = w.as_mut().filter(|w| !w.stopped)?;
        w.timer = None;
        let burst = w.burst.take()?;
        let scope = burst.scope?;
        w.unquiet = if burst.unquiet { w.unquiet + 1 } else { 0 };
        while w.recent.front().is_some_and(|&r| t - r > w.budgets.fight_window_ms) {
            w.recent.pop_front();
        }
        let fight = if w.recent.len() >= w.budgets.max_redraws {
            Some(Fight::TooMany(w.budgets.max_redraws, w.budgets.fight_window_ms))
        } else if w.unquiet >= w.budgets.max_unquiet {
            Some(Fight::NeverQuiet(w.unquiet))
        } else {
            None
        };
        if let Some(fight) = fight {
            stop(w);
            w.stopped = true;
            return Some((Err(fight), w.on_change.clone()));
        }
        w.recent.push_back(t);
        Some((Ok(scope), w.on_change.clone()))
    });
    STATE.with(|s| s.borrow_mut().pending = false);
    let Some((scope, on_change)) = step else { return };
    match scope {
        Ok(scope) => {
            STATE.with(|s| s.borrow_mut().redraws += 1);
            let _ = super::redraw(scope);
        }
        Err(fight) => STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.watching = false;
            let what = match fight {
                Fight::TooMany(n, window) => {
                    // Whole seconds, as an integer: formatting a float would add 20 KB of wasm.
                    let seconds = (window / 1000.0) as u32;
                    format!("ClaimLens redrew its badges {n} times within {seconds} seconds")
                }
                Fight::NeverQuiet(n) => format!("it did not pause once in {n} rounds of changes"),
            };
            s.reason = Some(format!(
                "This page keeps changing its text ({what}), so ClaimLens now leaves it alone. Turn \
                 ClaimLens off and on to read it again."
            ));
        }),
    }
    if let Some(f) = on_change {
        let summary = super::summary().unwrap_or(JsValue::NULL);
        let _ = f.call1(&JsValue::NULL, &summary);
    }
}
