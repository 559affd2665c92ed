// The reader page (an extension page, where WebAssembly may run whatever the site's CSP says): the
// article of tab N rebuilt from its text, with the same badges, cards and summary as in a page.
// Opened by the background as reader.html?tabId=N: on pages whose CSP forbids WebAssembly in
// content scripts (Chromium), and from the popup's "Reader view" button.
//
// The page's HTML arrives as a string from the content script and is parsed here with DOMParser:
// an inert document (no script runs, nothing loads). renderPage() reads it with the same extraction
// as any page and rebuilds the article from text only (new elements, text nodes); annotate() draws
// the badges. No markup of the page is ever inserted here; every text from it is set as text.
const api = globalThis.browser ?? globalThis.chrome;
const MSG = globalThis.CLAIMLENS_MSG;
const S = globalThis.CLAIMLENS_SETTINGS;
const $ = (id) => document.getElementById(id);
const tabId = Number(new URLSearchParams(location.search).get("tabId"));

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

function plainSummary(s) {
  return {
    on: Boolean(s.on), claims: Number(s.claims) || 0,
    sources: Array.from(s.sources || [], (x) => ({ name: String(x.name), type: String(x.type), claims: Number(x.claims) || 0 })),
    unattributed: Number(s.unattributed) || 0, notice: s.notice == null ? null : String(s.notice),
    highlights: Boolean(s.highlights),
  };
}

function showSummary(s) {
  const list = $("sources");
  list.replaceChildren(...s.sources.map((src) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "source";
    button.dataset.name = src.name;
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
    button.addEventListener("click", () => wasm_bindgen.focusSource(src.name));
    const li = document.createElement("li");
    li.append(button);
    return li;
  }));
  $("unattributed").textContent = s.unattributed ? `No source given: ${plural(s.unattributed, "claim")}` : "";
  $("unattributed").hidden = !s.unattributed;
  $("summary").hidden = s.sources.length === 0 && !s.unattributed;
}

function httpUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (_) {
    return null;
  }
}

async function main() {
  if (!Number.isInteger(tabId) || tabId < 0) throw new Error("no page to read");
  const page = await api.runtime.sendMessage({ type: MSG.PAGE, tabId });
  if (!page || page.error || typeof page.html !== "string") throw new Error((page && page.error) || "the page did not answer");
  const from = httpUrl(page.url);
  if (page.title) document.title = `ClaimLens reader: ${page.title}`;
  if (from) {
    const a = document.createElement("a");
    a.href = from;
    a.rel = "noreferrer";
    a.textContent = from;
    $("from").append("from ", a);
  }
  const doc = new DOMParser().parseFromString(page.html, "text/html");
  await wasm_bindgen({ module_or_path: api.runtime.getURL("pkg/claimlens_bg.wasm") });
  let options;
  try {
    options = (await S.load()).options;
  } catch (_) {
    options = undefined;
  }
  wasm_bindgen.configure(options);
  const blocks = wasm_bindgen.renderPage($("article"), doc);
  let summary;
  if (blocks == null) {
    summary = { on: true, claims: 0, sources: [], unattributed: 0, notice: "no_article", highlights: false };
  } else {
    summary = plainSummary(wasm_bindgen.annotate($("article")));
  }
  const text = NOTICE[summary.notice] ||
    (summary.claims ? `${plural(summary.claims, "claim")} from ${plural(summary.sources.length, "source")}.` : "No claims found in this article.");
  const cut = page.truncated || summary.notice === "truncated" ? " Only the first part of this very long page was read." : "";
  const complex = summary.notice === "too_complex" ? " This page is too complex to read in full: some claims may be missing." : "";
  $("status").textContent = text + cut + complex;
  $("why").textContent = "ClaimLens rebuilt this article from the page's text. Links, images and the page's own scripts are left out.";
  $("why").hidden = false;
  showSummary(summary);
  document.body.dataset.claims = String(summary.claims);
  await api.runtime.sendMessage({ type: MSG.READER_DONE, tabId, summary });
}

main()
  .catch((e) => { $("status").textContent = "ClaimLens could not read the page: " + String((e && e.message) || e); })
  .finally(() => { document.body.dataset.ready = "true"; });
