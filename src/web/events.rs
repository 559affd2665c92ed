//! The badges' event handlers: one closure per event type, shared by every badge. A handler finds
//! its claim from the badge's `data-claim` and tells the overlay; it never throws into the page.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use super::overlay::CardEvent;

/// The events a badge listens to (on its shadow root's wrapper).
const EVENTS: [&str; 5] = ["mouseenter", "mouseleave", "focusin", "focusout", "keydown"];

fn claim_of(event: &Event) -> Option<usize> {
    let target = event.current_target()?.dyn_into::<Element>().ok()?;
    target.get_attribute("data-claim")?.parse().ok()
}

fn handle(event: Event) {
    if event.type_() == "click" {
        // A badge inside a link must not follow it, and the page's own handlers need not see it.
        event.prevent_default();
        event.stop_propagation();
        return;
    }
    let (Some(index), Some(what)) = (claim_of(&event), CardEvent::of(&event)) else { return };
    if what == CardEvent::Escape {
        event.stop_propagation();
    }
    super::with_overlay(|o| o.card_event(index, what));
}

/// An event handler of the badges, with the event type it is registered for.
pub type Listener = (&'static str, Closure<dyn FnMut(Event)>);

/// Fresh handlers for one drawing of the overlay; dropping them (after the badges are gone)
/// frees them.
pub fn listeners() -> Vec<Listener> {
    EVENTS.iter().chain(&["click"]).map(|&name| (name, Closure::<dyn FnMut(Event)>::new(handle))).collect()
}
