//! The smallest WebAssembly entry point: analyse text and return the report as JSON. The
//! browser API (DOM reading, overlays) builds on the same engine in its own module.
#![allow(unsafe_code)] // in the code #[wasm_bindgen] generates, not in ours

use wasm_bindgen::prelude::wasm_bindgen;

/// Analyses plain text (first line the title) and returns the report as JSON.
#[wasm_bindgen(js_name = analyzeText)]
pub fn analyze_text_json(text: &str) -> String {
    serde_json::to_string(&crate::analyze_text(text)).unwrap_or_default()
}
