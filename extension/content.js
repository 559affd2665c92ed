// The content script: a thin relay between the background and the wasm module (src/web/, see
// docs/overlay-api.md), which reads the article and draws the overlay itself.
//
// Injected by the background with scripting.executeScript, in this order: pkg/claimlens.js (defines
// `wasm_bindgen` in the extension's isolated world, invisible to the page), messages.js, this file.
// It only answers runtime messages from this extension; nothing on the page (postMessage, DOM events,
// page globals) can reach it. It never throws into the page: every failure is caught and reported in
// the response.
(() => {
  "use strict";
  if (globalThis.__claimlensContent) return; // injected twice: the first copy keeps serving
  globalThis.__claimlensContent = true;

  const api = globalThis.browser ?? globalThis.chrome;
  const MSG = globalThis.CLAIMLENS_MSG;

  let loading = null; // Promise of the wasm instantiation, started on the first "on"
  let loaded = false;
  let unavailable = null; // a sentence when wasm cannot run on this page

  const CSP_REASON =
    "This page's security policy (CSP) does not allow WebAssembly in extensions, so ClaimLens " +
    "cannot read it here. Firefox reads such pages; a reader view for this browser is planned.";

  function describe(e) {
    const text = e && typeof e.message === "string" && e.message ? e.message : String(e);
    return text.slice(0, 300);
  }

  function isCompileError(e) {
    return e instanceof WebAssembly.CompileError || (e && e.name === "CompileError");
  }

  function load() {
    if (!loading) {
      loading = Promise.resolve()
        .then(() => wasm_bindgen({ module_or_path: api.runtime.getURL("pkg/claimlens_bg.wasm") }))
        .then(() => { loaded = true; })
        .catch((e) => {
          if (isCompileError(e)) unavailable = CSP_REASON;
          else loading = null; // e.g. a fetch that failed: try again next time
          throw e;
        });
    }
    return loading;
  }

  // The state object of the automation contract (README, "The browser extension"), built from the
  // module's PageSummary as plain data so that nothing else crosses to the extension.
  function state(error) {
    const base = {
      on: false, claims: 0, sources: [], unattributed: 0, notice: null, highlights: false,
      mode: unavailable ? "unavailable" : "in-page", reason: unavailable, error: error || null,
    };
    if (!loaded) return base;
    let s;
    try {
      s = wasm_bindgen.summary();
    } catch (e) {
      return { ...base, error: error || describe(e) };
    }
    return {
      ...base,
      on: Boolean(s.on),
      claims: Number(s.claims) || 0,
      sources: Array.from(s.sources || [], (x) => ({
        name: String(x.name), type: String(x.type), claims: Number(x.claims) || 0,
      })),
      unattributed: Number(s.unattributed) || 0,
      notice: s.notice == null ? null : String(s.notice),
      highlights: Boolean(s.highlights),
    };
  }

  async function toggle() {
    if (unavailable) return state();
    if (loaded && wasm_bindgen.summary().on) {
      wasm_bindgen.clear();
      return state();
    }
    try {
      await load();
    } catch (e) {
      return state(unavailable ? null : "ClaimLens could not load its engine: " + describe(e));
    }
    wasm_bindgen.annotate();
    return state();
  }

  async function handle(msg) {
    switch (msg.type) {
      case MSG.PING:
        return { ok: true };
      case MSG.STATE:
        return state();
      case MSG.TOGGLE:
        return toggle();
      case MSG.FOCUS:
        if (!loaded || typeof msg.name !== "string") return { ok: false, error: "ClaimLens is off on this page." };
        return { ok: Boolean(wasm_bindgen.focusSource(msg.name)), error: null };
      default:
        return { ok: false, error: "unknown message" };
    }
  }

  // Back/forward cache: the page returns with its overlay, but the browser reset the toolbar badge
  // when the tab navigated away. Tell the background (only real browser events, not page-made ones).
  window.addEventListener("pageshow", (event) => {
    if (!event.isTrusted || !event.persisted || !loaded) return;
    try {
      api.runtime.sendMessage({ type: MSG.CHANGED, state: state() }).catch(() => {});
    } catch (_) {
      // the extension was reloaded or removed: nothing to tell
    }
  });

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!sender || sender.id !== api.runtime.id || !MSG.isClaimLensMessage(msg)) return false;
    handle(msg).then(sendResponse, (e) => {
      try {
        sendResponse(msg.type === MSG.FOCUS ? { ok: false, error: describe(e) } : state(describe(e)));
      } catch (_) {
        // the channel is gone (tab closed); nothing to report to
      }
    });
    return true; // the response is sent asynchronously
  });
})();
