// The content script: a thin relay between the background and the wasm module (src/web/, see
// docs/overlay-api.md), which reads the article and draws the overlay itself.
//
// Injected by the background with scripting.executeScript, in this order: pkg/claimlens.js (defines
// `wasm_bindgen` in the extension's isolated world, invisible to the page), messages.js, policy.js,
// settings.js, this file; on a site set to "always on", the same files and auto.js are registered
// to run as the site's pages load. It only answers runtime messages from this extension; nothing on
// the page (postMessage, DOM events, page globals) can reach it. It never throws into the page:
// every failure is caught and reported in the response.
(() => {
  "use strict";
  if (globalThis.__claimlensContent) return; // injected twice: the first copy keeps serving

  const api = globalThis.browser ?? globalThis.chrome;
  const MSG = globalThis.CLAIMLENS_MSG;
  const S = globalThis.CLAIMLENS_SETTINGS;

  let loading = null; // Promise of the wasm instantiation, started on the first "on"
  let loaded = false;
  let blocked = false; // the page's CSP forbids WebAssembly here (Chromium): only the reader can show it
  let reader = null; // {tabId, summary}: the page is shown in the reader page (tab tabId)

  // The reader page takes the page's HTML as a string; past this, the rest is cut (the engine reads
  // at most 4 MiB of HTML anyway).
  const MAX_HTML_CHARS = 8 * 1024 * 1024;

  const CSP_REASON =
    "This page's security policy (CSP) does not allow WebAssembly in extensions, so ClaimLens " +
    "cannot draw on it. Click the ClaimLens button to read it in the ClaimLens reader page.";
  const READER_REASON =
    "This page's security policy (CSP) does not allow WebAssembly in extensions: ClaimLens shows " +
    "its article in the ClaimLens reader page.";

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
          if (isCompileError(e)) blocked = true;
          else loading = null; // e.g. a fetch that failed: try again next time
          throw e;
        });
    }
    return loading;
  }

  function plainSummary(s) {
    return {
      on: Boolean(s && s.on),
      claims: Number(s && s.claims) || 0,
      sources: Array.from((s && s.sources) || [], (x) => ({
        name: String(x.name), type: String(x.type), claims: Number(x.claims) || 0,
      })).slice(0, 1000),
      unattributed: Number(s && s.unattributed) || 0,
      notice: s && s.notice != null ? String(s.notice) : null,
      highlights: Boolean(s && s.highlights),
    };
  }

  // What the page-change observer did (src/web/observe.rs), as plain data.
  function observerState() {
    if (!loaded) return { watching: false, pending: false, callbacks: 0, records: 0, redraws: 0, reason: null };
    const w = wasm_bindgen.watchState();
    return {
      watching: Boolean(w.watching), pending: Boolean(w.pending), callbacks: Number(w.callbacks) || 0,
      records: Number(w.records) || 0, redraws: Number(w.redraws) || 0, reason: w.reason == null ? null : String(w.reason),
    };
  }

  // The state object of the automation contract (README, "The browser extension"), built from the
  // module's PageSummary as plain data so that nothing else crosses to the extension.
  function state(error) {
    const base = {
      on: false, claims: 0, sources: [], unattributed: 0, notice: null, highlights: false,
      mode: blocked ? "unavailable" : "in-page", reason: blocked ? CSP_REASON : null, error: error || null,
      blocked, readerTab: null,
    };
    if (reader) {
      const summary = plainSummary(reader.summary || { on: true });
      return { ...base, ...summary, on: true, mode: "reader", reason: blocked ? READER_REASON : null, readerTab: reader.tabId };
    }
    if (!loaded) return base;
    let s;
    let observer;
    try {
      s = wasm_bindgen.summary();
      observer = observerState();
    } catch (e) {
      return { ...base, error: error || describe(e) };
    }
    // A page that kept fighting the overlay is left alone: say so.
    const reason = s.on && observer.reason ? observer.reason : base.reason;
    return { ...base, ...plainSummary(s), reason, observer };
  }

  async function options() {
    try {
      return (await S.load()).options;
    } catch (_) {
      return undefined; // storage unavailable: the defaults
    }
  }

  async function turnOn() {
    if (blocked) return state();
    try {
      await load();
    } catch (e) {
      return state(blocked ? null : "ClaimLens could not load its engine: " + describe(e));
    }
    wasm_bindgen.configure(await options());
    wasm_bindgen.annotate();
    // Follow the page's changes while on (late content, a swapped article, re-rendered text); the
    // toolbar count follows each redraw. clear() stops it: off means no observer and no timer.
    wasm_bindgen.watch(notify);
    return state();
  }

  function turnOff() {
    if (loaded) wasm_bindgen.clear();
    return state();
  }

  function pageHtml() {
    const root = document.documentElement;
    const html = root ? root.outerHTML : "";
    return {
      html: html.slice(0, MAX_HTML_CHARS),
      truncated: html.length > MAX_HTML_CHARS,
      url: String(location.href),
      title: String(document.title || ""),
    };
  }

  function setReader(r) {
    if (r && Number.isInteger(r.tabId)) {
      reader = { tabId: r.tabId, summary: r.summary && typeof r.summary === "object" ? plainSummary(r.summary) : null };
      turnOff(); // the article is shown in the reader page, not drawn here
    } else {
      reader = null;
    }
    return state();
  }

  async function handle(msg) {
    switch (msg.type) {
      case MSG.PING:
        return { ok: true };
      case MSG.STATE:
        return state();
      case MSG.SET:
        return msg.on ? turnOn() : turnOff();
      case MSG.HTML:
        return pageHtml();
      case MSG.READER_STATE:
        return setReader(msg.reader);
      case MSG.FOCUS:
        if (!loaded || typeof msg.name !== "string") return { ok: false, error: "ClaimLens is off on this page." };
        return { ok: Boolean(wasm_bindgen.focusSource(msg.name)), error: null };
      default:
        return { ok: false, error: "unknown message" };
    }
  }

  function notify() {
    try {
      api.runtime.sendMessage({ type: MSG.CHANGED, state: state() }).catch(() => {});
    } catch (_) {
      // the extension was reloaded or removed: nothing to tell
    }
  }

  // Back/forward cache: the page returns with its overlay, but the browser reset the toolbar badge
  // when the tab navigated away. Tell the background (only real browser events, not page-made ones).
  window.addEventListener("pageshow", (event) => {
    if (!event.isTrusted || !event.persisted || !loaded) return;
    notify();
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

  globalThis.__claimlensContent = Object.freeze({
    // auto.js: the page of a site set to "always on" has loaded.
    auto() {
      turnOn().then(notify, notify);
    },
  });
})();
