//! The overlay's style sheets: the `::highlight()` colours for the page, and the badge and card
//! styles inside each badge's shadow root. Kinds differ by colour *and* by line style and icon
//! (colour-blind safe: the Okabe–Ito palette); badges carry their own background and text colour,
//! so they stay legible on dark pages, and are sized in `em`, so they scale with zoom.

/// For the page: one highlight per kind, and the source mention while a card is open.
pub const PAGE_CSS: &str = "
::highlight(claimlens-direct_quote) { background-color: rgba(0, 114, 178, 0.16); text-decoration: underline solid rgb(0, 114, 178) 2px; }
::highlight(claimlens-partial_quote) { background-color: rgba(0, 158, 115, 0.16); text-decoration: underline dashed rgb(0, 158, 115) 2px; }
::highlight(claimlens-indirect) { background-color: rgba(204, 121, 167, 0.16); text-decoration: underline dotted rgb(204, 121, 167) 2px; }
::highlight(claimlens-according_to) { background-color: rgba(230, 159, 0, 0.18); text-decoration: underline double rgb(230, 159, 0); }
::highlight(claimlens-unattributed) { background-color: rgba(128, 128, 128, 0.14); text-decoration: underline wavy rgb(120, 120, 120); }
::highlight(claimlens-mention) { background-color: rgb(240, 228, 66); color: black; }
";

/// Inside each badge's shadow root. `all: initial` on the wrapper stops the page's inherited
/// styles; nothing in here can reach the page.
pub const BADGE_CSS: &str = "
.root { all: initial; position: relative; display: inline-block; font: 0.75em/1.2 system-ui, sans-serif; }
button { all: initial; cursor: pointer; display: inline-flex; gap: 0.3em; align-items: center;
  padding: 0.05em 0.45em; border-radius: 0.8em; border: 0.12em solid var(--c); background: #fff; color: #111;
  font: inherit; white-space: nowrap; }
button:focus-visible, button:focus { outline: 0.18em solid #0b57d0; outline-offset: 0.1em; }
.icon { color: var(--c); font-weight: bold; }
.flag { color: #b3261e; }
.card { all: initial; position: absolute; z-index: 2147483647; top: calc(100% + 0.3em); left: 0;
  display: block; min-width: 16em; max-width: 26em; width: max-content; padding: 0.6em 0.8em;
  border: 0.1em solid #444; border-radius: 0.4em; background: #fff; color: #111;
  box-shadow: 0 0.2em 0.8em rgba(0,0,0,0.3); font: 0.95em/1.4 system-ui, sans-serif; white-space: normal; }
.card[hidden] { display: none; }
.card .title { font-weight: bold; }
.card .row { display: block; margin-top: 0.25em; }
.card .k { color: #555; margin-right: 0.4em; }
.kind-direct_quote { --c: rgb(0, 114, 178); }
.kind-partial_quote { --c: rgb(0, 158, 115); }
.kind-indirect { --c: rgb(204, 121, 167); }
.kind-according_to { --c: rgb(213, 94, 0); }
.kind-unattributed { --c: rgb(110, 110, 110); }
.dot button { padding: 0.05em 0.3em; }
.dot .name, .dot .flag { display: none; }
@media (forced-colors: active) { button, .card { border-color: CanvasText; } }
";
