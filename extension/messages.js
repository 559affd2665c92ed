// Message type names shared by the background, the content script and the popup, and a type guard.
// Loaded as a classic script everywhere (service worker importScripts, Firefox background.scripts,
// <script> in popup.html, scripting.executeScript in the tab). Written so that loading it twice in
// the same world is harmless.
globalThis.CLAIMLENS_MSG = globalThis.CLAIMLENS_MSG || Object.freeze({
  // Answered by the background for the extension's own pages (popup, tests): the automation contract.
  TOGGLE: "claimlens/toggle", // {type, tabId} -> state (same as the toolbar button)
  STATE: "claimlens/state", // {type, tabId} -> state
  FOCUS: "claimlens/focus", // {type, tabId, name} -> {ok, error}
  // Background -> content script only.
  PING: "claimlens/ping", // {type} -> {ok: true}
  // Content script -> background: the page came back from the back/forward cache with its overlay.
  CHANGED: "claimlens/changed", // {type, state} -> nothing
  // The names the content script accepts from the background.
  isClaimLensMessage(msg) {
    return msg !== null && typeof msg === "object" && typeof msg.type === "string" &&
      msg.type.startsWith("claimlens/");
  },
  // A well-formed tab-addressed request: {type: <one of TOGGLE/STATE/FOCUS>, tabId: integer >= 0}.
  isTabRequest(msg) {
    return this.isClaimLensMessage(msg) &&
      [this.TOGGLE, this.STATE, this.FOCUS].includes(msg.type) &&
      Number.isInteger(msg.tabId) && msg.tabId >= 0 &&
      (msg.type !== this.FOCUS || (typeof msg.name === "string" && msg.name.length <= 500));
  },
});
