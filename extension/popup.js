// The popup: on/off for this page, the reader view, the site's setting (always on / ask / always
// off) and the page's sourcing summary. Opened from the toolbar, it works on the active tab; opened
// as a normal tab at popup.html?tabId=N (automation, headless browsers), on tab N. Every text from
// the page is set with textContent only.
const api = globalThis.browser ?? globalThis.chrome;
const MSG = globalThis.CLAIMLENS_MSG;
const P = globalThis.CLAIMLENS_POLICY;
const $ = (id) => document.getElementById(id);

const param = new URLSearchParams(location.search).get("tabId");
const inTab = param !== null;

const TYPE_LABEL = {
  person: "person", organization: "organisation", media: "media outlet", government: "government",
  document: "document", anonymous: "anonymous source", unknown: "source of unknown type",
};

const NOTICE = {
  no_article: "No article found on this page.",
  unsupported_language: "This page's language is not supported yet: ClaimLens reads English.",
  empty_input: "This page has no text to read.",
};

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

async function targetTab() {
  if (inTab) return Number(param);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : null;
}

function statusText(s) {
  if (s.mode === "unavailable" && s.blocked) return "ClaimLens can show this page only in its reader view.";
  if (s.mode === "unavailable") return "ClaimLens cannot run on this page.";
  if (!s.on) return s.setting === P.SETTINGS.NEVER ? "Off on this site." : "Off on this page.";
  if (s.mode === "reader" && s.claims === 0 && !s.notice) return "Shown in the reader view.";
  if (NOTICE[s.notice]) return NOTICE[s.notice];
  if (s.claims === 0) return "No claims found in this article.";
  const where = s.mode === "reader" ? " (in the reader view)" : "";
  const text = `${plural(s.claims, "claim")} from ${plural(s.sources.length, "source")}${where}.`;
  if (s.notice === "truncated") return text + " Only the first part of this very long page was read.";
  if (s.notice === "too_complex") return text + " This page is too complex to read in full: some claims may be missing.";
  return text;
}

function sourceItem(tabId, src) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "source";
  button.dataset.name = src.name;
  button.dataset.type = src.type;
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = src.name;
  const type = document.createElement("span");
  type.className = "type";
  type.textContent = TYPE_LABEL[src.type] || src.type;
  const count = document.createElement("span");
  count.className = "count";
  count.textContent = plural(src.claims, "claim");
  button.append(name, type, count);
  button.setAttribute("aria-label", `${src.name}, ${type.textContent}, ${count.textContent}: show the first`);
  button.addEventListener("click", async () => {
    const r = await request({ type: MSG.FOCUS, tabId, name: src.name });
    if (r && r.ok) {
      if (!inTab) window.close(); // hand the keyboard to the page, where the badge now has focus
    } else {
      showReason((r && r.error) || "That claim could not be shown.");
    }
  });
  const li = document.createElement("li");
  li.append(button);
  return li;
}

function showReason(text) {
  $("reason").textContent = text || "";
  $("reason").hidden = !text;
}

let current = null; // the last state shown

function renderSite(s) {
  const box = $("site");
  box.hidden = !s.site;
  document.body.dataset.site = s.site || "";
  document.body.dataset.setting = s.setting || "";
  if (!s.site) return;
  $("site-name").textContent = s.site;
  for (const input of box.querySelectorAll('input[name="site"]')) input.checked = input.value === s.setting;
  const note = $("site-note");
  const lost = s.setting === P.SETTINGS.ALWAYS && !s.access;
  note.textContent = lost
    ? "Access to this site was taken back in the browser's settings: choose Always on again to grant it."
    : s.setting === P.SETTINGS.ALWAYS ? "ClaimLens may read this site's pages as they load." : "";
  note.hidden = note.textContent === "";
}

function render(tabId, s) {
  current = s;
  document.body.dataset.mode = s.mode;
  document.body.dataset.on = String(Boolean(s.on));
  $("status").textContent = statusText(s);
  const toggle = $("toggle");
  toggle.disabled = false;
  toggle.setAttribute("aria-pressed", String(Boolean(s.on)));
  toggle.textContent = s.on ? "Turn off" : "Turn on";
  showReason(s.error || s.reason);
  // The reader view: for any page ClaimLens can read (the only view where the CSP forbids wasm).
  $("reader").hidden = !(s.mode === "in-page" || s.blocked) || s.mode === "reader";
  renderSite(s);
  const list = $("sources");
  list.replaceChildren(...(s.on ? s.sources.map((src) => sourceItem(tabId, src)) : []));
  const un = $("unattributed");
  un.textContent = s.unattributed ? `No source given: ${plural(s.unattributed, "claim")}` : "";
  un.hidden = !s.unattributed;
  $("summary").hidden = !s.on || (s.sources.length === 0 && !s.unattributed);
}

async function request(message) {
  let error = "ClaimLens did not answer.";
  try {
    const r = await api.runtime.sendMessage(message);
    if (r) return r;
  } catch (e) {
    error = String((e && e.message) || e);
  }
  return { ok: false, on: false, claims: 0, sources: [], unattributed: 0, mode: "in-page", reason: null, error };
}

// The site's setting. "Always on" needs the site's host permission: requested here, synchronously in
// the click (browsers grant optional permissions only from a user's gesture), before anything else.
function onSiteClick(tabId, input) {
  const s = current;
  if (!s || !s.site || input.value === s.setting) return;
  const setting = input.value;
  const asked = setting === P.SETTINGS.ALWAYS
    ? api.permissions.request({ origins: [P.originPattern(s.site)] })
    : Promise.resolve(true);
  document.body.dataset.busy = "true";
  asked
    .then((ok) => ok
      ? request({ type: MSG.SITE, tabId, setting })
      : { ...s, error: "ClaimLens did not get access to this site, so the setting stays as it was." },
    (e) => ({ ...s, error: String((e && e.message) || e) }))
    .then((next) => render(tabId, next))
    .finally(() => { delete document.body.dataset.busy; });
}

async function main() {
  const tabId = await targetTab();
  if (!Number.isInteger(tabId) || tabId < 0) {
    $("status").textContent = "No page to read.";
    return;
  }
  document.body.dataset.tabId = String(tabId);
  try {
    const cmd = (await api.commands.getAll()).find((c) => c.name === "toggle-overlay");
    $("shortcut").textContent = (cmd && cmd.shortcut) || "not set";
  } catch (_) {
    // keep the default text
  }
  $("toggle").addEventListener("click", async () => {
    $("toggle").disabled = true;
    document.body.dataset.busy = "true";
    render(tabId, await request({ type: MSG.TOGGLE, tabId, from: "popup" }));
    delete document.body.dataset.busy;
  });
  $("reader").addEventListener("click", async () => {
    document.body.dataset.busy = "true";
    render(tabId, await request({ type: MSG.READER, tabId }));
    delete document.body.dataset.busy;
  });
  for (const input of document.querySelectorAll('#site input[name="site"]')) {
    input.addEventListener("click", () => onSiteClick(tabId, input));
  }
  $("options").addEventListener("click", () => { api.runtime.openOptionsPage().catch(() => {}); });
  render(tabId, await request({ type: MSG.STATE, tabId }));
  $("toggle").focus();
}

// data-ready="true" on <body> once the first state is shown (automation waits for it).
main()
  .catch((e) => { $("status").textContent = "ClaimLens could not start: " + String((e && e.message) || e); })
  .finally(() => { document.body.dataset.ready = "true"; });
