// The background: toolbar button, keyboard command, toolbar badge, and the automation contract
// (README, "The browser extension"). Chrome runs it as a service worker, Firefox as an event page
// (background.scripts lists messages.js first). It keeps no state of its own: the content script in
// each tab is the source of truth, and the per-tab toolbar badge, title and popup follow its answers.
if (typeof importScripts === "function" && !globalThis.CLAIMLENS_MSG) importScripts("messages.js");

const api = globalThis.browser ?? globalThis.chrome;
const MSG = globalThis.CLAIMLENS_MSG;

// Injected in this order; pkg/claimlens.js defines `wasm_bindgen`, content.js uses it.
const CONTENT_FILES = ["pkg/claimlens.js", "messages.js", "content.js"];
const TITLE = "ClaimLens: show where each claim on this page comes from";

const REASON = {
  noAccess:
    "ClaimLens may read a page only after you click its toolbar button or press its shortcut on " +
    "that page.",
  browserPage:
    "Browsers do not let extensions read their own pages, add-on stores, other extensions' pages, " +
    "or about:, data: and view-source: pages.",
  fileAccess:
    "To read local files, allow ClaimLens access to file URLs in the browser's extension settings.",
};

function offState(mode = "in-page", reason = null) {
  return {
    on: false, claims: 0, sources: [], unattributed: 0, notice: null, highlights: false,
    mode, reason, error: null,
  };
}

// Pages no extension may script, known from the URL (only visible once the user granted activeTab).
function restrictedReason(url) {
  if (typeof url !== "string" || url === "") return null;
  let u;
  try {
    u = new URL(url);
  } catch (_) {
    return null;
  }
  if (u.protocol === "http:" || u.protocol === "https:") {
    const host = u.hostname;
    const store =
      host === "chromewebstore.google.com" || host === "addons.mozilla.org" ||
      (host === "chrome.google.com" && u.pathname.startsWith("/webstore"));
    return store ? REASON.browserPage : null;
  }
  if (u.protocol === "file:") return null;
  return REASON.browserPage;
}

// Why executeScript failed. `granted`: the user just clicked the button or pressed the shortcut (or
// opened the toolbar popup), so a missing permission means that the page is one no extension may read.
function reasonForInjectError(e, url, granted) {
  const text = String((e && e.message) || e);
  if (/must request permission|Missing host permission/i.test(text)) {
    if (/^file:/i.test(url || "")) return REASON.fileAccess;
    // With the URL hidden, a refusal right after the click is a grant not yet in place (Chromium:
    // measured in 3 of 30 fresh tabs), not proof of a browser page.
    if (url === undefined) return REASON.noAccess;
    return restrictedReason(url) || (granted ? REASON.browserPage : REASON.noAccess);
  }
  if (/file:|file URL/i.test(text)) return REASON.fileAccess;
  if (/chrome:\/\/|extensions gallery|cannot be scripted|about:/i.test(text)) return REASON.browserPage;
  return restrictedReason(url) || "ClaimLens cannot read this page: " + text.slice(0, 200);
}

async function tabUrl(tabId) {
  try {
    return (await api.tabs.get(tabId)).url; // undefined unless the user granted activeTab
  } catch (_) {
    return undefined;
  }
}

function send(tabId, message) {
  return api.tabs.sendMessage(tabId, message, { frameId: 0 });
}

async function isInjected(tabId) {
  try {
    const r = await send(tabId, { type: MSG.PING });
    return Boolean(r && r.ok);
  } catch (_) {
    return false; // no receiver: nothing injected (or the page navigated away)
  }
}

// One operation at a time per tab, so that two quick toggles cannot inject twice.
const queues = new Map();
function serial(tabId, fn) {
  const prev = queues.get(tabId) || Promise.resolve();
  const next = prev.catch(() => {}).then(fn);
  queues.set(tabId, next);
  next.finally(() => { if (queues.get(tabId) === next) queues.delete(tabId); }).catch(() => {});
  return next;
}

async function showState(tabId, s) {
  let text = "";
  let title = TITLE;
  let popup = "";
  if (s.mode === "unavailable" && s.reason === REASON.noAccess) {
    // Not a property of the page: a click on the toolbar button grants access and toggles.
    title = TITLE + " (click to read this page)";
  } else if (s.mode === "unavailable") {
    text = "!";
    title = "ClaimLens is unavailable here: " + (s.reason || "this page cannot be read.");
    popup = "popup.html";
  } else if (s.on) {
    text = String(s.claims);
    const n = s.sources.length;
    title = `ClaimLens: ${s.claims} claim${s.claims === 1 ? "" : "s"}, ${n} source${n === 1 ? "" : "s"}` +
      " (click for the summary)";
    popup = "popup.html";
  }
  // While overlays are off, a click toggles them on; while on (or unavailable), it opens the popup.
  try {
    await Promise.all([
      api.action.setBadgeText({ tabId, text }),
      api.action.setTitle({ tabId, title }),
      api.action.setPopup({ tabId, popup }),
    ]);
  } catch (_) {
    // the tab was closed meanwhile
  }
}

async function getState(tabId) {
  if (await isInjected(tabId)) {
    try {
      return await send(tabId, { type: MSG.STATE });
    } catch (_) {
      return offState();
    }
  }
  const url = await tabUrl(tabId);
  if (url !== undefined) {
    const reason = restrictedReason(url);
    return reason ? offState("unavailable", reason) : offState();
  }
  // The URL is hidden (no grant yet): a no-op probe tells browser pages apart without running
  // anything in the page (without a grant it cannot run; with one the URL would be known).
  try {
    await api.scripting.executeScript({ target: { tabId }, func: () => true });
    return offState();
  } catch (e) {
    const reason = reasonForInjectError(e, undefined, false);
    return reason === REASON.noAccess ? offState() : offState("unavailable", reason);
  }
}

// How long to wait before trying the injection once more after a click whose grant was not yet in
// place (Chromium sometimes runs onClicked before activeTab applies to the tab).
const GRANT_RETRY_MS = 100;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function inject(tabId, granted) {
  let url = await tabUrl(tabId);
  for (let attempt = 0; ; attempt++) {
    const restricted = restrictedReason(url);
    if (restricted) return restricted;
    try {
      await api.scripting.executeScript({ target: { tabId }, files: CONTENT_FILES });
      return null;
    } catch (e) {
      const reason = reasonForInjectError(e, url, granted);
      if (!granted || attempt > 0 || reason !== REASON.noAccess) return reason;
      await sleep(GRANT_RETRY_MS);
      url = await tabUrl(tabId);
    }
  }
}

async function toggle(tabId, granted) {
  if (!(await isInjected(tabId))) {
    const reason = await inject(tabId, granted);
    if (reason) return offState("unavailable", reason);
  }
  try {
    return await send(tabId, { type: MSG.TOGGLE });
  } catch (e) {
    return { ...offState(), error: "The page did not answer: " + String((e && e.message) || e) };
  }
}

function run(tabId, op, granted = false) {
  return serial(tabId, async () => {
    const s = op === MSG.TOGGLE ? await toggle(tabId, granted) : await getState(tabId);
    await showState(tabId, s);
    return s;
  });
}

async function focus(tabId, name) {
  if (!(await isInjected(tabId))) return { ok: false, error: "ClaimLens is off on this page." };
  try {
    return await send(tabId, { type: MSG.FOCUS, name });
  } catch (e) {
    return { ok: false, error: String((e && e.message) || e) };
  }
}

// The toolbar button (only fires while the tab has no popup set, i.e. while overlays are off).
api.action.onClicked.addListener((tab) => {
  if (tab && tab.id != null) run(tab.id, MSG.TOGGLE, true).catch(() => {});
});

api.commands.onCommand.addListener(async (command, tab) => {
  if (command !== "toggle-overlay") return;
  let id = tab && tab.id;
  if (id == null) {
    const [active] = await api.tabs.query({ active: true, currentWindow: true });
    id = active && active.id;
  }
  if (id != null) run(id, MSG.TOGGLE, true).catch(() => {});
});

// Only the extension's own pages (popup, whether in the toolbar or opened as a tab) may ask; content
// scripts of web pages have the page's URL as sender.url and are refused.
function fromExtensionPage(sender) {
  return Boolean(sender) && sender.id === api.runtime.id && typeof sender.url === "string" &&
    sender.url.startsWith(api.runtime.getURL(""));
}

// Our content script's own notification (top frame): only updates that tab's toolbar button.
function fromOwnContentScript(sender) {
  return Boolean(sender) && sender.id === api.runtime.id && Boolean(sender.tab) &&
    sender.frameId === 0 && !fromExtensionPage(sender);
}

function plainState(s) {
  const on = Boolean(s && s.on);
  const mode = s && s.mode === "unavailable" ? "unavailable" : "in-page";
  return {
    ...offState(mode, mode === "unavailable" ? String(s.reason || "") : null),
    on, claims: on ? Number(s.claims) || 0 : 0,
    sources: on && Array.isArray(s.sources) ? s.sources.slice(0, 1000) : [],
  };
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (MSG.isClaimLensMessage(msg) && msg.type === MSG.CHANGED && fromOwnContentScript(sender)) {
    showState(sender.tab.id, plainState(msg.state)).catch(() => {});
    return false;
  }
  if (!fromExtensionPage(sender) || !MSG.isTabRequest(msg)) return false;
  // The toolbar popup (not in a tab) was opened by a click on the button, which grants access.
  const granted = !sender.tab;
  const reply = msg.type === MSG.FOCUS ? focus(msg.tabId, msg.name) : run(msg.tabId, msg.type, granted);
  reply.then(sendResponse, (e) => sendResponse({ ...offState(), error: String((e && e.message) || e) }));
  return true;
});
