// The popup: on/off for this page and its sourcing summary. Opened from the toolbar, it works on the
// active tab; opened as a normal tab at popup.html?tabId=N (automation, headless browsers), on tab N.
// Every text from the page is set with textContent only.
const api = globalThis.browser ?? globalThis.chrome;
const MSG = globalThis.CLAIMLENS_MSG;
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
  if (s.mode === "unavailable") return "ClaimLens cannot run on this page.";
  if (!s.on) return "Off on this page.";
  if (NOTICE[s.notice]) return NOTICE[s.notice];
  if (s.claims === 0) return "No claims found in this article.";
  const text = `${plural(s.claims, "claim")} from ${plural(s.sources.length, "source")}.`;
  return s.notice === "truncated" ? text + " Only the first part of this very long page was read." : text;
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

function render(tabId, s) {
  document.body.dataset.mode = s.mode;
  document.body.dataset.on = String(Boolean(s.on));
  $("status").textContent = statusText(s);
  const toggle = $("toggle");
  toggle.disabled = false;
  toggle.setAttribute("aria-pressed", String(Boolean(s.on)));
  toggle.textContent = s.on ? "Turn off" : "Turn on";
  showReason(s.error || s.reason);
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
    render(tabId, await request({ type: MSG.TOGGLE, tabId }));
    delete document.body.dataset.busy;
  });
  render(tabId, await request({ type: MSG.STATE, tabId }));
  $("toggle").focus();
}

// data-ready="true" on <body> once the first state is shown (automation waits for it).
main()
  .catch((e) => { $("status").textContent = "ClaimLens could not start: " + String((e && e.message) || e); })
  .finally(() => { document.body.dataset.ready = "true"; });
