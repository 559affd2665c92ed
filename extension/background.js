// The background: toolbar button, keyboard command, toolbar badge, per-site settings, the reader
// page, and the automation contract (README, "The browser extension"). Chrome runs it as a service
// worker, Firefox as an event page (background.scripts lists messages.js, policy.js and settings.js
// first). It keeps no state of its own: the content script in each tab is the source of truth for
// the page, storage for the settings, the browser for the permissions; what to do is always
// policy.js's decide().
if (typeof importScripts === "function" && !globalThis.CLAIMLENS_MSG) {
  importScripts("messages.js", "policy.js", "settings.js");
}

const api = globalThis.browser ?? globalThis.chrome;
const MSG = globalThis.CLAIMLENS_MSG;
const P = globalThis.CLAIMLENS_POLICY;
const S = globalThis.CLAIMLENS_SETTINGS;

// Injected in this order; pkg/claimlens.js defines `wasm_bindgen`, content.js uses it.
const CONTENT_FILES = ["pkg/claimlens.js", "messages.js", "policy.js", "settings.js", "content.js"];
// What runs as the pages of a site set to "always on" load (scripting.registerContentScripts).
const AUTO_ID = "claimlens-always-on";
const AUTO_FILES = [...CONTENT_FILES, "auto.js"];
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
  never: "ClaimLens is set to stay off on this site. Turn it on for this page here, or change the setting.",
  noSite: "This page has no site setting (only web pages have one).",
  noPermission: "ClaimLens did not get access to this site, so the setting stays as it was.",
};

function offState(mode = "in-page", reason = null) {
  return {
    on: false, claims: 0, sources: [], unattributed: 0, notice: null, highlights: false,
    mode, reason, error: null, blocked: false, readerTab: null,
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
    return (await api.tabs.get(tabId)).url; // undefined unless activeTab or the site's permission
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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Sites, settings and permissions

async function hasAccess(site) {
  if (!site) return false;
  try {
    return await api.permissions.contains({ origins: [P.originPattern(site)] });
  } catch (_) {
    return false;
  }
}

// The site of the tab and what it is set to. `url` is undefined while the tab's URL is hidden.
async function siteInfo(tabId) {
  const url = await tabUrl(tabId);
  const site = P.siteOf(url);
  if (!site) return { url, site: null, setting: null, access: false };
  const settings = await S.load();
  return { url, site, setting: P.settingFor(settings, site), access: await hasAccess(site) };
}

// The registered content script for the sites set to "always on" whose permission is granted:
// kept in step with storage and the browser's permissions (a permission taken back in the
// browser's settings ends "always on" for that site). Serialised; idempotent.
let autoSync = Promise.resolve();
function syncAlwaysOn() {
  autoSync = autoSync.catch(() => {}).then(async () => {
    const settings = await S.load();
    const { origins } = await api.permissions.getAll();
    const matches = P.autoSites(settings, origins).map(P.originPattern);
    const existing = await api.scripting.getRegisteredContentScripts({ ids: [AUTO_ID] });
    if (matches.length === 0) {
      if (existing.length) await api.scripting.unregisterContentScripts({ ids: [AUTO_ID] });
      return;
    }
    const script = {
      id: AUTO_ID, matches, js: AUTO_FILES, runAt: "document_idle", allFrames: false, persistAcrossSessions: true,
    };
    if (existing.length) await api.scripting.updateContentScripts([script]);
    else await api.scripting.registerContentScripts([script]);
  });
  return autoSync;
}

// ---------------------------------------------------------------------------------------------
// The reader page: tabs opened on a page's article, remembered per session (reader tab -> page tab).

const READER_KEY = (readerTab) => `reader:${readerTab}`;
const session = api.storage && api.storage.session;

async function rememberReader(readerTab, tabId) {
  if (session) await session.set({ [READER_KEY(readerTab)]: tabId }).catch(() => {});
}

async function readerTabAlive(readerTab) {
  try {
    await api.tabs.get(readerTab);
    return true;
  } catch (_) {
    return false;
  }
}

async function openReader(tabId, granted) {
  if (!(await isInjected(tabId))) {
    const reason = await inject(tabId, granted);
    if (reason) return offState("unavailable", reason);
  }
  const cur = await send(tabId, { type: MSG.STATE });
  if (cur.readerTab != null && (await readerTabAlive(cur.readerTab))) {
    await api.tabs.update(cur.readerTab, { active: true }).catch(() => {});
    return cur;
  }
  let index;
  try {
    index = (await api.tabs.get(tabId)).index + 1;
  } catch (_) {
    index = undefined;
  }
  const reader = await api.tabs.create({ url: api.runtime.getURL(`reader.html?tabId=${tabId}`), active: true, index });
  await rememberReader(reader.id, tabId);
  return send(tabId, { type: MSG.READER_STATE, reader: { tabId: reader.id, summary: null } });
}

async function closeReader(tabId, s) {
  if (s.readerTab != null) await api.tabs.remove(s.readerTab).catch(() => {});
  if (session && s.readerTab != null) await session.remove(READER_KEY(s.readerTab)).catch(() => {});
  return send(tabId, { type: MSG.READER_STATE, reader: null });
}

// ---------------------------------------------------------------------------------------------
// The toolbar

async function showState(tabId, s) {
  let text = "";
  let title = TITLE;
  let popup = "";
  if (s.mode === "unavailable" && s.reason === REASON.noAccess) {
    // Not a property of the page: a click on the toolbar button grants access and toggles.
    title = TITLE + " (click to read this page)";
  } else if (s.mode === "unavailable" && s.blocked) {
    // A click opens the reader page (policy: the button on a blocked page).
    title = "ClaimLens: " + s.reason;
  } else if (s.mode === "unavailable") {
    text = "!";
    title = "ClaimLens is unavailable here: " + (s.reason || "this page cannot be read.");
    popup = "popup.html";
  } else if (s.neverHere) {
    title = "ClaimLens is off on this site (click for the setting)";
    popup = "popup.html";
  } else if (s.on) {
    text = String(s.claims);
    const n = s.sources.length;
    const where = s.mode === "reader" ? " in the reader page" : "";
    title = `ClaimLens: ${s.claims} claim${s.claims === 1 ? "" : "s"}, ${n} source${n === 1 ? "" : "s"}${where}` +
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

// ---------------------------------------------------------------------------------------------
// The page's state and the actions on it

async function pageState(tabId) {
  if (await isInjected(tabId)) {
    let s;
    try {
      s = await send(tabId, { type: MSG.STATE });
    } catch (_) {
      return { ...offState(), injected: false };
    }
    // The reader tab was closed (or moved on): the page is back to what it is without it.
    if (s.mode === "reader" && !(await readerTabAlive(s.readerTab))) {
      s = await send(tabId, { type: MSG.READER_STATE, reader: null }).catch(() => s);
    }
    return { ...s, injected: true };
  }
  const url = await tabUrl(tabId);
  if (url !== undefined) {
    const reason = restrictedReason(url);
    return { ...(reason ? offState("unavailable", reason) : offState()), injected: false };
  }
  // The URL is hidden (no grant yet): a no-op probe tells browser pages apart without running
  // anything in the page (without a grant it cannot run; with one the URL would be known).
  try {
    await api.scripting.executeScript({ target: { tabId }, func: () => true });
    return { ...offState(), injected: false };
  } catch (e) {
    const reason = reasonForInjectError(e, undefined, false);
    return { ...(reason === REASON.noAccess ? offState() : offState("unavailable", reason)), injected: false };
  }
}

// How long to wait before trying the injection once more after a click whose grant was not yet in
// place (Chromium sometimes runs onClicked before activeTab applies to the tab).
const GRANT_RETRY_MS = 100;

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

async function turnOn(tabId, granted) {
  if (!(await isInjected(tabId))) {
    const reason = await inject(tabId, granted);
    if (reason) return offState("unavailable", reason);
  }
  return send(tabId, { type: MSG.SET, on: true });
}

async function turnOff(tabId, s) {
  if (s.mode === "reader") s = await closeReader(tabId, s);
  if (!s.injected && s.mode !== "reader" && !(await isInjected(tabId))) return s;
  return send(tabId, { type: MSG.SET, on: false });
}

// Applies the policy's outcome of `action` on the tab. `granted`: the user's gesture just granted
// activeTab (toolbar button, shortcut, toolbar popup).
async function act(tabId, action, granted) {
  let info = await siteInfo(tabId);
  if (granted && info.url === undefined) {
    await sleep(GRANT_RETRY_MS); // the grant may apply a moment after the click (Chromium)
    info = await siteInfo(tabId);
  }
  const cur = await pageState(tabId);
  const decision = { setting: info.setting || P.SETTINGS.ASK, access: info.access, action };
  let outcome = P.decide({ ...decision, page: P.pageOf(cur) });
  let s = cur;
  try {
    if (outcome === P.OUTCOMES.ON) {
      s = await turnOn(tabId, granted);
      // Only now known: the page's CSP forbids WebAssembly here. The same action decides again.
      if (s.blocked && s.mode === "unavailable") outcome = P.decide({ ...decision, page: P.PAGES.BLOCKED });
    }
    if (outcome === P.OUTCOMES.READER) s = await openReader(tabId, granted);
    else if (outcome === P.OUTCOMES.OFF) s = await turnOff(tabId, cur);
    else if (outcome === P.OUTCOMES.POPUP) {
      s = { ...cur, reason: REASON.never, neverHere: true };
      // Opening the popup from the click is allowed in recent browsers; otherwise the next click does.
      if (api.action.openPopup) {
        await api.action.setPopup({ tabId, popup: "popup.html" }).catch(() => {});
        api.action.openPopup().catch(() => {});
      }
    }
  } catch (e) {
    s = { ...offState(), error: "The page did not answer: " + String((e && e.message) || e) };
  }
  return { ...s, outcome };
}

// The state as the contract gives it: the page's, with the site, its setting and the access.
async function decorate(tabId, s) {
  const info = await siteInfo(tabId);
  const injected = s.injected !== undefined ? s.injected : await isInjected(tabId);
  const out = { ...s, injected, site: info.site, setting: info.setting, access: info.access };
  delete out.outcome;
  if (out.neverHere === undefined) out.neverHere = !out.on && info.setting === P.SETTINGS.NEVER;
  return out;
}

function run(tabId, op, granted = false, from = null) {
  return serial(tabId, async () => {
    let s;
    if (op === MSG.TOGGLE) s = await act(tabId, from === "popup" ? P.ACTIONS.POPUP : P.ACTIONS.BUTTON, granted);
    else if (op === MSG.READER) s = await act(tabId, P.ACTIONS.READER, granted);
    else s = await pageState(tabId);
    s = await decorate(tabId, s);
    await showState(tabId, s);
    return s;
  });
}

const SET_ACTION = { always: P.ACTIONS.SET_ALWAYS, ask: P.ACTIONS.SET_ASK, never: P.ACTIONS.SET_NEVER };

// The popup set this tab's site to `setting`. "always" needs the site's permission, which the popup
// requested from the user's click; leaving "always" gives it back.
function setSite(tabId, setting, granted) {
  return serial(tabId, async () => {
    const info = await siteInfo(tabId);
    if (!info.site) return decorate(tabId, { ...(await pageState(tabId)), error: REASON.noSite });
    if (setting === P.SETTINGS.ALWAYS && !info.access) {
      return decorate(tabId, { ...(await pageState(tabId)), error: REASON.noPermission });
    }
    let error = null;
    try {
      await S.setSite(info.site, setting);
    } catch (e) {
      error = String((e && e.message) || e);
    }
    if (!error && setting !== P.SETTINGS.ALWAYS && info.access) {
      await api.permissions.remove({ origins: [P.originPattern(info.site)] }).catch(() => {});
    }
    await syncAlwaysOn().catch(() => {});
    let s = error ? await pageState(tabId) : await act(tabId, SET_ACTION[setting], granted);
    s = await decorate(tabId, { ...s, error: error || s.error || null });
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

// The reader page asks for the page's HTML (it parses it inert and rebuilds the article from text).
async function pageHtml(tabId) {
  if (!(await isInjected(tabId))) return { error: "The page is no longer open, or ClaimLens may not read it." };
  try {
    return await send(tabId, { type: MSG.HTML });
  } catch (e) {
    return { error: String((e && e.message) || e) };
  }
}

// The reader page drew the article: the page's state (and toolbar) carry its summary.
function readerDone(tabId, readerTab, summary) {
  return serial(tabId, async () => {
    let s;
    try {
      s = await send(tabId, { type: MSG.READER_STATE, reader: { tabId: readerTab, summary } });
    } catch (e) {
      return { ...offState(), error: String((e && e.message) || e) };
    }
    s = await decorate(tabId, s);
    await showState(tabId, s);
    return s;
  });
}

// ---------------------------------------------------------------------------------------------
// Listeners

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

// A reader tab closed: its page is back to what it is without it.
api.tabs.onRemoved.addListener((closed) => {
  if (!session) return;
  const key = READER_KEY(closed);
  session.get(key).then((items) => {
    const tabId = items[key];
    if (!Number.isInteger(tabId)) return;
    session.remove(key).catch(() => {});
    run(tabId, MSG.STATE).catch(() => {});
  }, () => {});
});

api.permissions.onAdded.addListener(() => { syncAlwaysOn().catch(() => {}); });
api.permissions.onRemoved.addListener(() => { syncAlwaysOn().catch(() => {}); });
S.onChanged(() => { syncAlwaysOn().catch(() => {}); });
api.runtime.onStartup.addListener(() => { syncAlwaysOn().catch(() => {}); });
api.runtime.onInstalled.addListener(() => { syncAlwaysOn().catch(() => {}); });

// Only the extension's own pages (popup, options, reader, whether in the toolbar or opened as a
// tab) may ask; content scripts of web pages have the page's URL as sender.url and are refused.
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
  const blocked = Boolean(s && s.blocked);
  const mode = s && (s.mode === "unavailable" || s.mode === "reader") ? s.mode : "in-page";
  return {
    ...offState(mode, mode !== "in-page" ? String(s.reason || "") : null),
    on, blocked, claims: on ? Number(s.claims) || 0 : 0,
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
  let reply;
  switch (msg.type) {
    case MSG.FOCUS: reply = focus(msg.tabId, msg.name); break;
    case MSG.SITE: reply = setSite(msg.tabId, msg.setting, granted); break;
    case MSG.PAGE: reply = pageHtml(msg.tabId); break;
    case MSG.READER_DONE:
      reply = sender.tab ? readerDone(msg.tabId, sender.tab.id, msg.summary) : Promise.resolve({ ...offState(), error: "not a reader tab" });
      break;
    default: reply = run(msg.tabId, msg.type, granted, msg.from || null);
  }
  reply.then(sendResponse, (e) => sendResponse({ ...offState(), error: String((e && e.message) || e) }));
  return true;
});

syncAlwaysOn().catch(() => {});
