// Message type names shared by the background, the content script and the extension's pages, and
// the type guards. Loaded as a classic script everywhere (service worker importScripts, Firefox
// background.scripts, <script> in the extension's pages, scripting.executeScript in the tab).
// Written so that loading it twice in the same world is harmless.
globalThis.CLAIMLENS_MSG = globalThis.CLAIMLENS_MSG || Object.freeze({
  // Answered by the background for the extension's own pages (popup, options, reader, tests): the
  // automation contract (README, "The automation contract").
  TOGGLE: "claimlens/toggle", // {type, tabId, from?: "popup"} -> state (the toolbar button; from the popup: its own button)
  STATE: "claimlens/state", // {type, tabId} -> state
  FOCUS: "claimlens/focus", // {type, tabId, name} -> {ok, error}
  SITE: "claimlens/site", // {type, tabId, setting: "always"|"ask"|"never"} -> state (the site of tab N)
  READER: "claimlens/reader", // {type, tabId} -> state (opens tab N's article in the reader page)
  // The reader page -> the background.
  PAGE: "claimlens/page", // {type, tabId} -> {html, url, title, truncated} | {error}
  READER_DONE: "claimlens/reader-done", // {type, tabId, summary} -> state of tab N
  // Background -> content script only.
  PING: "claimlens/ping", // {type} -> {ok: true}
  SET: "claimlens/set", // {type, on} -> state
  HTML: "claimlens/html", // {type} -> {html, url, title, truncated}
  READER_STATE: "claimlens/reader-state", // {type, reader: null | {tabId, summary}} -> state
  // Content script -> background: the page's state changed by itself (back/forward cache, a site
  // set to always on, the page changed under the overlay).
  CHANGED: "claimlens/changed", // {type, state} -> nothing
  SETTINGS: Object.freeze(["always", "ask", "never"]),
  // The names the content script accepts from the background.
  isClaimLensMessage(msg) {
    return msg !== null && typeof msg === "object" && typeof msg.type === "string" &&
      msg.type.startsWith("claimlens/");
  },
  // A well-formed tab-addressed request from an extension page: {type, tabId: integer >= 0, ...}.
  isTabRequest(msg) {
    if (!this.isClaimLensMessage(msg) || !Number.isInteger(msg.tabId) || msg.tabId < 0) return false;
    switch (msg.type) {
      case this.TOGGLE:
        return msg.from === undefined || msg.from === "popup";
      case this.STATE:
      case this.READER:
      case this.PAGE:
        return true;
      case this.FOCUS:
        return typeof msg.name === "string" && msg.name.length <= 500;
      case this.SITE:
        return this.SETTINGS.includes(msg.setting);
      case this.READER_DONE:
        return msg.summary !== null && typeof msg.summary === "object";
      default:
        return false;
    }
  },
});
