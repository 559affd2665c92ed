// Shared by tests/e2e/chromium.mjs and tests/e2e/firefox.mjs: the page server, the CLI's reports,
// the expectations, the functions evaluated in pages, and the suite itself. Each browser script
// supplies a small driver (see `Driver` below) and calls runSuite() or runBench().
//
// Driver (one per browser):
//   name                      'chromium' | 'firefox'
//   open(url) → tab           a new tab, loaded
//   eval(tab, fn, ...args)    runs fn in the tab's main world (page or extension page), awaits a promise
//   evalNoGesture(tab, fn, ...args)   the same, surely outside any user gesture
//   findTab(prefix) → tab | null      an open tab whose URL starts with prefix (the reader page)
//   front(tab)                makes the tab the active one of its window
//   tabId(tab, url) → number  the extension API's id of that tab
//   key(tab, 'Escape'|'Tab')  a real key press in that tab
//   click(tab, css)           a real click on an element of that tab
//   command(tab)              fires the handler of the extension's keyboard command for that tab
//   action(tab)               the real toolbar button on that tab (grants activeTab, as a click does)
//   reload(tab), close(tab)
//   consoleErrors() → [{where, text}]   errors seen so far (pages, extension pages, background)
//   requests() → [{url, by}]            requests the browser reported (see each driver)
//   dialogs() → [string]                alerts/confirms/prompts that opened
//   memory(tab) → {label: bytes} | null (bench only)
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runChanges } from './changes.mjs';
import { runReader } from './reader.mjs';
import { runSites } from './sites.mjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const PAGES_DIR = path.join(HERE, 'pages');
export const DIST = path.resolve(ROOT, process.env.DIST || 'dist');
export const DATA = path.resolve(ROOT, process.env.DATA || '../shared/data');
export const CLI = path.resolve(ROOT, process.env.CLAIMLENS_BIN || 'target/release/claimlens');

// ---------------------------------------------------------------------------------------------
// Reporting

export class Report {
  constructor(browser) { this.browser = browser; this.pass = 0; this.fail = 0; this.skip = 0; this.failures = []; }
  check(name, ok, detail = '') {
    const line = `${ok ? 'PASS' : 'FAIL'} [${this.browser}] ${name}${detail ? ' — ' + oneLine(detail) : ''}`;
    console.log(line);
    if (ok) this.pass++; else { this.fail++; this.failures.push(line); }
    return ok;
  }
  skipped(name, why) { console.log(`SKIP [${this.browser}] ${name} — ${oneLine(why)}`); this.skip++; }
  info(msg) { console.log(`INFO [${this.browser}] ${oneLine(msg, 2000)}`); }
  summary(t0) {
    console.log(`\n[${this.browser}] ${this.pass} passed, ${this.fail} failed, ${this.skip} skipped in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const f of this.failures) console.log('  ' + f);
    return this.fail === 0 ? 0 : 1;
  }
}

export function oneLine(x, max = 700) {
  const s = typeof x === 'string' ? x : JSON.stringify(x);
  const t = (s ?? '').replace(/\s+/g, ' ');
  return t.length > max ? t.slice(0, max) + '…' : t;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(fn, { timeout = 15000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last && last.done) return last;
    if (Date.now() > end) return { ...(last || {}), done: false, timedOut: true };
    await sleep(interval);
  }
}

// Exits the process if the run takes longer than `ms` (the suites stop by themselves).
export function watchdog(ms, cleanup) {
  const t = setTimeout(async () => {
    console.log(`FAIL watchdog: the run took longer than ${ms / 1000} s, stopping`);
    try { await Promise.race([cleanup(), sleep(10000)]); } catch { /* stopping anyway */ }
    process.exit(2);
  }, ms);
  return () => clearTimeout(t);
}

// ---------------------------------------------------------------------------------------------
// The page server (serve.py), started on a free port; stops when this process ends.

export async function startServer({ extra } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimlens-e2e-'));
  const log = path.join(dir, 'requests.jsonl');
  const args = [path.join(HERE, 'serve.py'), '--port', '0', '--log', log, '--exit-on-stdin-eof', '--max-seconds', '900'];
  if (extra) args.push('--extra', extra);
  const proc = spawn('python3', args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let buf = '';
    const t = setTimeout(() => reject(new Error('serve.py did not start in 10 s')), 10000);
    proc.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/serving (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(t); resolve(m[1]); }
    });
    proc.on('exit', (c) => { clearTimeout(t); reject(new Error(`serve.py exited with ${c}`)); });
  });
  const port = Number(new URL(base).port);
  return {
    base, port, log, proc,
    entries() {
      if (!existsSync(log)) return [];
      return readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    },
    stop() { try { proc.stdin.end(); proc.kill(); } catch { /* gone */ } rmSync(dir, { recursive: true, force: true }); },
  };
}

// ---------------------------------------------------------------------------------------------
// The extension build and the CLI

export function extensionInfo(browser) {
  const built = path.join(DIST, browser === 'chromium' ? 'chrome' : 'firefox');
  const manifestPath = path.join(built, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run \`make dist\` first`);
  // A private copy: a `make dist` running meanwhile cannot change the extension under test.
  const copy = mkdtempSync(path.join(tmpdir(), `claimlens-ext-${browser}-`));
  cpSync(built, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(copy, 'manifest.json'), 'utf8'));
  const commands = Object.keys(manifest.commands || {});
  const popup = (manifest.action && manifest.action.default_popup) || 'popup.html';
  return {
    dir: copy, built, manifest, popup,
    remove() { rmSync(copy, { recursive: true, force: true }); },
    geckoId: manifest.browser_specific_settings?.gecko?.id ?? null,
    // The command that toggles: the first that is not an _execute_* one, else _execute_action.
    command: commands.find((c) => !c.startsWith('_execute')) || commands[0] || null,
    commands,
  };
}

const cliCache = new Map();
export function cliReport(file) {
  if (cliCache.has(file)) return cliCache.get(file);
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: run \`cargo build --release\` first`);
  const out = execFileSync(CLI, ['analyze', '--format', 'json', file], { maxBuffer: 64 << 20 });
  const report = JSON.parse(out.toString('utf8'));
  cliCache.set(file, report);
  return report;
}

export function wasmSizes() {
  const out = [];
  for (const b of ['chrome', 'firefox']) {
    const dir = path.join(DIST, b);
    if (!existsSync(dir)) continue;
    const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.wasm') ? [path.join(d, e.name)] : []);
    for (const f of walk(dir)) {
      const raw = readFileSync(f);
      out.push({ file: path.relative(ROOT, f), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Expectations

// DESIGN §2, in document order: a phrase of the claim (found in the page text between the previous
// badge and this one) and the source its badge's aria-label must name.
const FT = /^Source: (the )?Financial Times\b/i;
const WH = /^Source: (the )?White House\b/i;
const ALIBABA = /^Source: (an )?Alibaba\b/i;
export const SEED_CLAIMS = [
  { phrase: 'aiding Chinese army operations', source: FT },
  { phrase: 'providing technical support', source: FT },
  { phrase: 'sent user data', source: WH },
  { phrase: 'could not independently verify', source: FT },
  { phrase: 'The claim is “completely false”', source: ALIBABA },
  { phrase: 'threat to national security', source: WH },
  { phrase: 'claims and insinuations', source: ALIBABA },
  { phrase: 'malicious PR operation', source: ALIBABA },
  { phrase: 'has never and will never require', source: /^Source: Liu Pengyu\b/ },
  { phrase: 'technological battle', source: /^No source given\b/ },
  { phrase: 'thwarted a cyber espionage campaign', source: /^Source: Anthropic\b/ },
  { phrase: 'GTG-1002', source: /^Source: Anthropic\b/ },
  { phrase: 'continues to fight hacking', source: /^Source: Lin Jian\b/ },
];
// Where no badge may be on the seed page.
export const SEED_EXCLUDED = 'nav, header, footer, .sidebar, .cookie-banner, aside.related';

// Real pages (Readability test corpus copies, see pages/README): the badge count must equal the
// claim count of the CLI on the same file, unless `tolerance` says otherwise (with the reason).
// `notice`: the page must get no badge and the state must give this reason.
export const REAL_PAGES = [
  { file: 'ars-1.html' },
  { file: 'breitbart.html' },
  { file: 'citylab-1.html' },
  { file: 'cnn.html' },
  { file: 'nytimes-3.html' },
  { file: 'nytimes-4.html' },
  { file: 'yahoo-3.html' },
  { file: 'nytimes-5.html', notice: 'no_article' },
  { file: 'lemonde-1.html', notice: 'unsupported_language' },
  { file: 'heise.html', notice: 'unsupported_language' },
];

export const XSS_STRINGS = ['<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>'];

// ---------------------------------------------------------------------------------------------
// Functions evaluated in pages (self-contained: they are serialised)

export function pgReady() { return document.readyState; }

export function pgCount() { return document.querySelectorAll('claimlens-badge').length; }

// Every badge in document order with its label, card and the page text since the previous badge.
export function pgBadges(excludedCss) {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (n.nodeType === 1) {
        const t = n.localName;
        if (t === 'script' || t === 'style' || t === 'noscript' || t === 'template') return NodeFilter.FILTER_REJECT;
        return t === 'claimlens-badge' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  let seg = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) { seg += n.data; continue; }
    const root = n.shadowRoot;
    const btn = root && root.querySelector('button');
    const tip = root && root.querySelector('[role="tooltip"]');
    const ex = excludedCss ? n.closest(excludedCss) : null;
    out.push({
      claim: n.getAttribute('data-claim'),
      shadow: !!root,
      label: btn ? btn.getAttribute('aria-label') : null,
      text: btn ? btn.textContent : null,
      card: tip ? tip.textContent : null,
      excluded: ex ? ex.localName + (ex.className ? '.' + String(ex.className).split(' ').join('.') : '') : null,
      segment: seg.replace(/\s+/g, ' ').slice(-800),
      lightChildren: n.childNodes.length,
    });
    seg = '';
  }
  return out;
}

// Keeps every node of the document (in the page's own world, not in the DOM) and its HTML, text,
// layout and overlay traces, to compare after the overlay is turned off.
export function pgSnapshot() {
  const nodes = [];
  const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  for (let n = w.currentNode; n; n = w.nextNode()) nodes.push(n);
  const rects = [...document.querySelectorAll('p, h1, h2, h3, li, blockquote')].slice(0, 400)
    .map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.top + scrollY), Math.round(r.left), Math.round(r.width), Math.round(r.height)].join(','); });
  window.__claimlensTestSnapshot = {
    nodes, rects,
    html: document.documentElement.outerHTML,
    text: document.documentElement.textContent,
    inner: document.body ? document.body.innerText : '',
    sheets: document.adoptedStyleSheets.length,
    attrs: nodes.filter((n) => n.nodeType === 1).map((e) => [...e.attributes].map((a) => a.name + '=' + a.value).join(' ')),
  };
  return { nodes: nodes.length, html: window.__claimlensTestSnapshot.html.length };
}

export function pgCompareSnapshot() {
  const s = window.__claimlensTestSnapshot;
  if (!s) return { ok: false, diffs: ['no snapshot'] };
  const diffs = [];
  const nodes = [];
  const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  for (let n = w.currentNode; n; n = w.nextNode()) nodes.push(n);
  const describe = (n) => !n ? 'nothing' : n.nodeType === 3 ? `#text "${n.data.slice(0, 60)}"` : n.nodeType === 1 ? `<${n.localName}>` : `node type ${n.nodeType}`;
  if (nodes.length !== s.nodes.length || nodes.some((n, i) => n !== s.nodes[i])) {
    const i = nodes.findIndex((n, k) => n !== s.nodes[k]);
    diffs.push(`nodes: ${s.nodes.length} before, ${nodes.length} after; first difference at #${i}: was ${describe(s.nodes[i])}, now ${describe(nodes[i])}`);
  }
  const firstDiff = (a, b) => { let i = 0; while (i < a.length && a[i] === b[i]) i++; return i; };
  const html = document.documentElement.outerHTML;
  if (html !== s.html) { const i = firstDiff(html, s.html); diffs.push(`outerHTML differs at ${i}: before …${s.html.slice(Math.max(0, i - 60), i + 80)}… after …${html.slice(Math.max(0, i - 60), i + 80)}…`); }
  if (document.documentElement.textContent !== s.text) diffs.push('textContent differs');
  if ((document.body ? document.body.innerText : '') !== s.inner) diffs.push('innerText differs');
  const attrs = nodes.filter((n) => n.nodeType === 1).map((e) => [...e.attributes].map((a) => a.name + '=' + a.value).join(' '));
  if (attrs.join('\n') !== s.attrs.join('\n')) diffs.push('attributes differ');
  if (document.adoptedStyleSheets.length !== s.sheets) diffs.push(`adoptedStyleSheets: ${s.sheets} before, ${document.adoptedStyleSheets.length} after`);
  const rects = [...document.querySelectorAll('p, h1, h2, h3, li, blockquote')].slice(0, 400)
    .map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.top + scrollY), Math.round(r.left), Math.round(r.width), Math.round(r.height)].join(','); });
  if (rects.join(';') !== s.rects.join(';')) { const i = rects.findIndex((r, k) => r !== s.rects[k]); diffs.push(`layout differs: block #${i} was ${s.rects[i]}, now ${rects[i]}`); }
  if (globalThis.CSS && CSS.highlights) {
    const left = [...CSS.highlights.keys()].filter((k) => k.startsWith('claimlens'));
    if (left.length) diffs.push('highlights left: ' + left.join(', '));
  }
  const badges = document.querySelectorAll('claimlens-badge').length;
  if (badges) diffs.push(`${badges} badges left`);
  return { ok: diffs.length === 0, diffs };
}

// The ranges of the claimlens-* highlights (not the mention's), in document order.
export function pgHighlights() {
  if (!globalThis.CSS || !CSS.highlights) return { api: false };
  const ranges = [];
  for (const [name, hl] of CSS.highlights) {
    if (!name.startsWith('claimlens-') || name === 'claimlens-mention') continue;
    for (const r of hl) {
      const rr = document.createRange();
      rr.setStart(r.startContainer, r.startOffset);
      rr.setEnd(r.endContainer, r.endOffset);
      ranges.push({ name, r: rr });
    }
  }
  ranges.sort((a, b) => a.r.compareBoundaryPoints(Range.START_TO_START, b.r) || a.r.compareBoundaryPoints(Range.END_TO_END, b.r));
  return { api: true, names: [...CSS.highlights.keys()], ranges: ranges.map((x) => ({ name: x.name, text: x.r.toString() })) };
}

// Focus state: which badge is focused (index in document order) and which cards are open.
export function pgFocusState() {
  const all = [...document.querySelectorAll('claimlens-badge')];
  const a = document.activeElement;
  const host = a && a.localName === 'claimlens-badge' ? a : null;
  const inner = host && host.shadowRoot ? host.shadowRoot.activeElement : null;
  const open = [];
  all.forEach((b, i) => {
    const t = b.shadowRoot && b.shadowRoot.querySelector('[role="tooltip"]');
    if (t && !t.hidden && getComputedStyle(t).display !== 'none' && getComputedStyle(t).visibility !== 'hidden') open.push(i);
  });
  return { focused: host ? all.indexOf(host) : -1, active: a ? a.localName : null, inner: inner ? inner.localName : null, open, count: all.length };
}

export function pgFocusBadge(i) {
  const b = document.querySelectorAll('claimlens-badge')[i];
  if (!b || !b.shadowRoot) return false;
  b.scrollIntoView({ block: 'center' });
  const btn = b.shadowRoot.querySelector('button');
  if (!btn) return false;
  btn.focus();
  return true;
}

export function pgBlur() { if (document.activeElement && document.activeElement.blur) document.activeElement.blur(); return true; }

// What the XSS page could have been made to run or create.
export function pgXssState() {
  const bad = [];
  const scan = (root, where) => {
    for (const e of root.querySelectorAll('*')) {
      for (const a of e.attributes) if (/^on/i.test(a.name) && /alert/.test(a.value)) bad.push(`${where}: <${e.localName} ${a.name}="${a.value}">`);
      if (e.localName === 'img' && e.getAttribute('src') === 'x') bad.push(`${where}: <img src=x>`);
      if (e.localName === 'script' && /alert\(1\)/.test(e.textContent)) bad.push(`${where}: <script>${e.textContent}</script>`);
      if (e.shadowRoot) scan(e.shadowRoot, where + ' > ' + e.localName + ' shadow');
    }
  };
  scan(document, 'page');
  return {
    alerts: window.__claimlensTestAlerts ? [...window.__claimlensTestAlerts] : null,
    elements: bad,
    imgs: document.querySelectorAll('img').length,
    scripts: document.querySelectorAll('script').length,
  };
}

// In an extension page: a runtime message to the background.
export function extSend(msg) {
  const api = globalThis.browser ?? globalThis.chrome;
  return api.runtime.sendMessage(msg).then((r) => r, (e) => ({ error: String(e && e.message || e) }));
}

// In an extension page: the message, with its start time (epoch ms, sub-ms precision).
export async function extSendTimed(msg) {
  const api = globalThis.browser ?? globalThis.chrome;
  const t0 = performance.timeOrigin + performance.now();
  let resp;
  try { resp = await api.runtime.sendMessage(msg); } catch (e) { resp = { error: String(e && e.message || e) }; }
  return { t0, t1: performance.timeOrigin + performance.now(), resp };
}

// In the popup: its text, scripts and anything the XSS strings could have created.
export function pgPopupState() {
  const bad = [];
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) if (/^on/i.test(a.name)) bad.push(`<${e.localName} ${a.name}>`);
    if (e.localName === 'img' && e.getAttribute('src') === 'x') bad.push('<img src=x>');
    if (e.localName === 'script' && (!e.src || !e.src.startsWith(location.origin))) bad.push(`<script src="${e.src}">${e.textContent.slice(0, 60)}`);
  }
  const buttons = [...document.querySelectorAll('button, [role="switch"], input[type="checkbox"]')].map((b) => ({
    id: b.id, tag: b.localName, text: (b.textContent || '').trim().slice(0, 40), label: b.getAttribute('aria-label'),
    pressed: b.getAttribute('aria-pressed') ?? b.getAttribute('aria-checked') ?? (b.localName === 'input' ? String(b.checked) : null),
    action: b.dataset ? (b.dataset.action || null) : null,
  }));
  return { text: document.body ? document.body.innerText : '', bad, buttons };
}

// The popup's on/off control: a CSS selector for it (ids and roles the popup may use).
export function pgPopupToggleSelector() {
  const sels = ['[data-action="toggle"]', '#toggle', '#claimlens-toggle', 'button[aria-pressed]', '[role="switch"]', 'input[type="checkbox"]#on', 'input[type="checkbox"]'];
  for (const s of sels) if (document.querySelector(s)) return s;
  const b = [...document.querySelectorAll('button')].find((x) => /\b(on|off|toggle|show|hide|turn)\b/i.test(x.textContent + ' ' + (x.getAttribute('aria-label') || '')));
  if (b) { b.setAttribute('data-claimlens-test-toggle', ''); return '[data-claimlens-test-toggle]'; }
  return null;
}

// Bench: in the page, records when the badge count reaches n (epoch ms), and when the last badge
// so far was inserted (for the first toggle, whose count is not known yet).
export function pgBenchArm(n) {
  const rec = { n, inserted: null, frame: null, last: null, count: 0 };
  window.__claimlensBench = rec;
  const now = () => performance.timeOrigin + performance.now();
  const seen = () => {
    const c = document.querySelectorAll('claimlens-badge').length;
    if (c > rec.count) { rec.count = c; rec.last = now(); }
    if (n && rec.inserted === null && c >= n) {
      rec.inserted = now();
      requestAnimationFrame(() => { rec.frame = performance.timeOrigin + performance.now(); });
      return true;
    }
    return false;
  };
  if (seen()) return true;
  const mo = new MutationObserver(() => { if (seen()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true });
  return true;
}
export function pgBenchRead() { return window.__claimlensBench || null; }

// ---------------------------------------------------------------------------------------------
// Helpers over a driver

export function settled(st, n, wantOn) {
  if (!st) return false;
  if (st.error) return true;  // settled, on an error the checks report
  if (!wantOn) return st.on === false && n === 0;
  if (st.on && typeof st.claims === 'number' && st.claims > 0) return n === st.claims;
  return !!(st.reason || st.notice) || st.mode === 'unavailable' || (st.on && st.claims === 0);
}

export async function stateOf(B, ctl, tabId) { return B.eval(ctl, extSend, { type: 'claimlens/state', tabId }); }

// Sends claimlens/toggle from the control page and waits until the page and the state agree.
export async function toggleMsg(B, ctl, tab, tabId, wantOn, timeout = 20000) {
  const resp = await B.eval(ctl, extSend, { type: 'claimlens/toggle', tabId });
  // A refusal (no access yet, wasm not allowed) is the answer itself; the state of a tab the
  // extension never ran in may not repeat the reason.
  if (wantOn && resp && !resp.on && (resp.mode === 'unavailable' || resp.error)) {
    return { resp, st: resp, n: await B.eval(tab, pgCount), done: true };
  }
  return { resp, ...(await waitSettled(B, ctl, tab, tabId, wantOn, timeout)) };
}

// Turns the overlay on the way a user would on a page the extension may not read yet: the message
// first (the extension answers "unavailable" until the user grants activeTab), then the toolbar
// button, which grants it. Returns the settled state and how it was turned on.
export async function turnOn(B, ctl, tab, tabId, timeout = 20000) {
  const m = await toggleMsg(B, ctl, tab, tabId, true, timeout);
  if (m.st && m.st.on) return { ...m, via: 'message' };
  const a = await actionOn(B, ctl, tab, tabId, timeout);
  return { ...a, via: 'action', before: m.st };
}

// The toolbar button while the overlay is off. In headless Chromium the first executeScript after
// the grant is sometimes refused ("Cannot access contents of the page"), and the page stays off;
// a second click works. The button is clicked up to three times; `clicks` says how many it took
// (the suite reports it). The background answers claimlens/state only after a running toggle of
// that tab is done, so "still off" a moment after the click means the click did not take.
export async function actionOn(B, ctl, tab, tabId, timeout = 20000) {
  let clicks = 0;
  let t0 = null;
  while (clicks < 3) {
    const t = await B.action(tab);
    clicks++;
    t0 = typeof t === 'number' ? t : null;
    const r = await waitFor(async () => {
      const st = await stateOf(B, ctl, tabId);
      return { done: !!st && (st.on || st.mode === 'unavailable' || !!st.error) };
    }, { timeout: 1500, interval: 100 });
    if (r.done) break;
  }
  const w = await waitSettled(B, ctl, tab, tabId, true, timeout);
  return { ...w, clicks, t0 };
}

export async function waitSettled(B, ctl, tab, tabId, wantOn, timeout = 20000) {
  let prev = -1;
  const r = await waitFor(async () => {
    const st = await stateOf(B, ctl, tabId);
    const n = await B.eval(tab, pgCount);
    const ok = settled(st, n, wantOn) && n === prev;  // the same count twice in a row
    prev = n;
    return { done: ok, st, n };
  }, { timeout, interval: 150 });
  return r;
}

export function labelsOf(badges) { return badges.map((b) => b.label); }

export function sameList(a, b) { return a.length === b.length && a.every((x, i) => x === b[i]); }

export async function openTarget(B, base, file) {
  const url = `${base}/${file}`;
  const tab = await B.open(url);
  await waitFor(async () => ({ done: (await B.eval(tab, pgReady)) === 'complete' }), { timeout: 15000 });
  const tabId = await B.tabId(tab, url);
  return { tab, url, tabId };
}

export async function openControl(B, ext, tabId) {
  const ctl = await B.open(B.extUrl(`${ext.popup}?tabId=${tabId}`));
  await waitFor(async () => ({ done: (await B.eval(ctl, pgReady)) === 'complete' }), { timeout: 10000 });
  return ctl;
}

// ---------------------------------------------------------------------------------------------
// The suite

export async function runSuite(B, R, srv, ext) {
  const opened = new Set(['/favicon.ico']);
  const pageUrl = (f) => { opened.add('/' + f); return f; };

  // -- 1. The seed page --------------------------------------------------------------------
  const seedCli = cliReport(path.join(PAGES_DIR, 'seed.html'));
  const seed = await openTarget(B, srv.base, pageUrl('seed.html'));
  R.check('seed: the extension API knows the tab', Number.isInteger(seed.tabId), `tabId ${seed.tabId}`);
  await B.eval(seed.tab, pgSnapshot);
  const ctl = await openControl(B, ext, seed.tabId);

  const before = await stateOf(B, ctl, seed.tabId);
  R.check('seed: claimlens/state before toggling says off', before && before.on === false, JSON.stringify(before));
  const nBefore = await B.eval(seed.tab, pgCount);
  R.check('seed: no badge before toggling (zero work when off)', nBefore === 0, `${nBefore} badges`);

  // First the message, as a test harness would send it before any user gesture: the extension
  // either turns on or answers why it cannot yet (no access until the toolbar button or the
  // shortcut grants activeTab); then the real toolbar button.
  const first = await turnOn(B, ctl, seed.tab, seed.tabId);
  if (first.via === 'action') {
    if (first.clicks > 1) R.info(`seed: the toolbar button needed ${first.clicks} clicks to turn the overlay on (the first refused: no access)`);
    const b = first.before || {};
    R.check('seed: before any user gesture, claimlens/toggle answers with a reason (no access yet)',
      b.on === false && b.mode === 'unavailable' && typeof b.reason === 'string' && b.reason.length > 0, JSON.stringify(b));
  } else {
    R.info('seed: claimlens/toggle turned the overlay on without a user gesture');
  }
  R.check(`seed: the ${first.via === 'action' ? 'toolbar button' : 'message'} turns the overlay on`, !first.timedOut && first.n > 0,
    `${first.n} badges; state ${JSON.stringify(first.st)}`);
  const off0 = await toggleMsg(B, ctl, seed.tab, seed.tabId, false);
  const cmp0 = await B.eval(seed.tab, pgCompareSnapshot);
  R.check('seed: claimlens/toggle from the popup page turns it off; the DOM (same nodes, outerHTML, text, attributes, layout) is as before',
    !off0.timedOut && cmp0.ok, `${off0.n} badges; ${cmp0.diffs.join(' | ')}`);
  const on1 = await toggleMsg(B, ctl, seed.tab, seed.tabId, true);
  R.check('seed: claimlens/toggle from the popup page (popup.html?tabId=N) turns it on', !on1.timedOut && on1.n > 0 && on1.st && on1.st.on === true,
    `response ${JSON.stringify(on1.resp)}; ${on1.n} badges; state ${JSON.stringify(on1.st)}`);
  const badges = await B.eval(seed.tab, pgBadges, SEED_EXCLUDED);
  R.info(`seed badges: ${badges.map((b, i) => `[${i}] ${b.label}`).join(' | ')}`);
  R.check('seed: every badge is a claimlens-badge with an open shadow root and a labelled button',
    badges.length > 0 && badges.every((b) => b.shadow && b.label), badges.filter((b) => !b.shadow || !b.label).length + ' without');
  let cursor = 0;
  for (const [k, exp] of SEED_CLAIMS.entries()) {
    const idx = badges.findIndex((b, i) => i >= cursor && b.segment.includes(exp.phrase));
    const b = badges[idx];
    const ok = idx >= 0 && exp.source.test(b.label || '');
    R.check(`seed: DESIGN §2 claim ${k + 1} “${exp.phrase}” has a badge naming ${exp.source.source.replace(/\\b|\^|\(the \)\?|\(an \)\?|Source: /g, '')}`,
      ok, idx < 0 ? 'no badge after this phrase' : `badge ${idx}: ${b.label}`);
    if (idx >= 0) cursor = idx + 1;
  }
  const excluded = badges.filter((b) => b.excluded);
  R.check('seed: no badge in the nav, header, sidebar, “Read also” box, footer or cookie banner', excluded.length === 0,
    excluded.map((b) => `${b.excluded}: ${b.label}`).join('; '));
  R.check('seed: badge count equals the CLI’s claim count', badges.length === seedCli.claims.length,
    `${badges.length} badges, CLI ${seedCli.claims.length} claims`);
  const st = on1.st || {};
  R.check('seed: claimlens/state says on, in-page, with the claim count of the badges',
    st.on === true && st.claims === badges.length && (st.mode === undefined || st.mode === 'in-page'), JSON.stringify(st));
  const want = new Map(seedCli.sources.map((s) => [s.name, s.claims.length]));
  const unatt = seedCli.claims.filter((c) => !c.source).length;
  const got = new Map((st.sources || []).map((s) => [s.name, s.claims]));
  const srcDiff = [...new Set([...want.keys(), ...got.keys()])].filter((k) => want.get(k) !== got.get(k));
  R.check('seed: claimlens/state lists the sources and their claim counts (as the CLI)', srcDiff.length === 0,
    srcDiff.map((k) => `${k}: state ${got.get(k)}, CLI ${want.get(k)}`).join('; ') + ` (unattributed: CLI ${unatt})`);

  // -- off: the page as before; on again: the same badges --------------------------------------
  const off1 = await toggleMsg(B, ctl, seed.tab, seed.tabId, false);
  R.check('seed: claimlens/toggle again turns it off', !off1.timedOut, `${off1.n} badges; state ${JSON.stringify(off1.st)}`);
  const cmp1 = await B.eval(seed.tab, pgCompareSnapshot);
  R.check('seed: after off the DOM (same nodes, outerHTML, text, attributes, layout) is as before', cmp1.ok, cmp1.diffs.join(' | '));
  const on2 = await toggleMsg(B, ctl, seed.tab, seed.tabId, true);
  const labels1 = labelsOf(badges);
  const labels2 = labelsOf(await B.eval(seed.tab, pgBadges, null));
  R.check('seed: on again gives the same badges (same aria-labels, same order)', !on2.timedOut && sameList(labels1, labels2),
    sameList(labels1, labels2) ? `${labels2.length} badges` : `before ${labels1.length}, now ${labels2.length}: ${JSON.stringify(labels2)}`);

  // -- the keyboard command's handler -------------------------------------------------------------
  if (!ext.command) {
    R.check('seed: the manifest declares a keyboard command', false, 'no "commands" in the manifest');
  } else {
    let err = null;
    try { await B.command(seed.tab); } catch (e) { err = e; }
    const c1 = await waitSettled(B, ctl, seed.tab, seed.tabId, false, 10000);
    R.check(`seed: the keyboard command (${ext.command}) turns it off`, !err && !c1.timedOut, err ? String(err) : `${c1.n} badges; state ${JSON.stringify(c1.st)}`);
    const cmpC = await B.eval(seed.tab, pgCompareSnapshot);
    R.check('seed: after the command turned it off the DOM is as before', cmpC.ok, cmpC.diffs.join(' | '));
    err = null;
    try { await B.command(seed.tab); } catch (e) { err = e; }
    const c2 = await waitSettled(B, ctl, seed.tab, seed.tabId, true, 10000);
    const labels3 = labelsOf(await B.eval(seed.tab, pgBadges, null));
    R.check(`seed: the keyboard command (${ext.command}) turns it on again, same badges`, !err && !c2.timedOut && sameList(labels1, labels3),
      err ? String(err) : `${c2.n} badges; state ${JSON.stringify(c2.st)}`);
  }

  // -- the popup: summary and its own toggle -------------------------------------------------------
  await B.reload(ctl);
  await waitFor(async () => ({ done: (await B.eval(ctl, pgReady)) === 'complete' }), { timeout: 10000 });
  const popupOk = await waitFor(async () => {
    const p = await B.eval(ctl, pgPopupState);
    const missing = (st.sources || []).map((s) => s.name).filter((n) => !p.text.includes(n));
    return { done: missing.length === 0 && (st.sources || []).length > 0, p, missing };
  }, { timeout: 5000 });
  R.check('seed: the popup (popup.html?tabId=N) lists every source of the page', popupOk.done,
    `missing ${JSON.stringify(popupOk.missing)}; popup text: ${popupOk.p && popupOk.p.text.slice(0, 300)}`);
  const toggleSel = await B.eval(ctl, pgPopupToggleSelector);
  if (!toggleSel) {
    R.check('seed: the popup has an on/off control', false, JSON.stringify((await B.eval(ctl, pgPopupState)).buttons));
  } else {
    await B.click(ctl, toggleSel);
    const p1 = await waitSettled(B, ctl, seed.tab, seed.tabId, false, 10000);
    R.check(`seed: the popup's toggle (${toggleSel}) turns it off`, !p1.timedOut, `${p1.n} badges; state ${JSON.stringify(p1.st)}`);
    const cmpP = await B.eval(seed.tab, pgCompareSnapshot);
    R.check('seed: after the popup turned it off the DOM is as before', cmpP.ok, cmpP.diffs.join(' | '));
    await B.click(ctl, toggleSel);
    const p2 = await waitSettled(B, ctl, seed.tab, seed.tabId, true, 10000);
    const labels4 = labelsOf(await B.eval(seed.tab, pgBadges, null));
    R.check(`seed: the popup's toggle turns it on again, same badges`, !p2.timedOut && sameList(labels1, labels4), `${p2.n} badges`);
  }

  // -- keyboard: focus opens the card, Escape closes it, Tab moves on ---------------------------
  {
    const n = await B.eval(seed.tab, pgCount);
    if (n < 2) {
      R.check('seed: keyboard (focus, Escape, Tab) on badges', false, `${n} badges on the page`);
    } else {
      await B.front(seed.tab);
      await B.eval(seed.tab, pgFocusBadge, 0);
      const f0 = (await waitFor(async () => { const s = await B.eval(seed.tab, pgFocusState); return { done: s.open.includes(0), s }; }, { timeout: 2000 })).s;
      R.check('seed: focusing a badge’s button focuses that badge', f0.focused === 0 && f0.inner === 'button', JSON.stringify(f0));
      R.check('seed: the focused badge’s card is open (not hidden)', f0.open.includes(0), JSON.stringify(f0));
      await B.key(seed.tab, 'Escape');
      const f1 = (await waitFor(async () => { const s = await B.eval(seed.tab, pgFocusState); return { done: !s.open.includes(0), s }; }, { timeout: 2000 })).s;
      R.check('seed: Escape closes the card', !f1.open.includes(0), JSON.stringify(f1));
      await B.key(seed.tab, 'Tab');
      const f2 = (await waitFor(async () => { const s = await B.eval(seed.tab, pgFocusState); return { done: s.focused === 1, s }; }, { timeout: 2000 })).s;
      R.check('seed: Tab moves the focus to the next badge (and opens its card)', f2.focused === 1 && f2.open.includes(1) && !f2.open.includes(0), JSON.stringify(f2));
      await B.eval(seed.tab, pgBlur);
    }
  }
  // -- the popup's source list: a click scrolls to the source's first claim and focuses its badge --
  {
    await B.reload(ctl);
    await waitFor(async () => ({ done: (await B.eval(ctl, pgReady)) === 'complete' }), { timeout: 10000 });
    const name = 'Liu Pengyu';
    const sel = await waitFor(async () => ({ done: await B.eval(ctl, (n) => !!document.querySelector(`button.source[data-name="${n}"]`), name) }), { timeout: 5000 });
    if (!sel.done) {
      R.check(`seed: the popup lists ${name} as a button`, false, (await B.eval(ctl, pgPopupState)).text.slice(0, 300));
    } else {
      await B.click(ctl, `button.source[data-name="${name}"]`);
      const want = labels1.findIndex((l) => (l || '').startsWith(`Source: ${name}`));
      const f = await waitFor(async () => { const st2 = await B.eval(seed.tab, pgFocusState); return { done: st2.focused === want, st2 }; }, { timeout: 3000 });
      R.check(`seed: clicking ${name} in the popup focuses the badge of its first claim`, f.done, `want badge ${want}; ${JSON.stringify(f.st2)}`);
      await B.eval(seed.tab, pgBlur);
    }
  }
  const offEnd = await toggleMsg(B, ctl, seed.tab, seed.tabId, false);
  const cmpEnd = await B.eval(seed.tab, pgCompareSnapshot);
  R.check('seed: after the cards were opened and closed, off leaves the DOM as before', !offEnd.timedOut && cmpEnd.ok, cmpEnd.diffs.join(' | '));
  // The page's own script still works with the overlay on (the cookie banner's button removes it).
  await toggleMsg(B, ctl, seed.tab, seed.tabId, true);
  await B.click(seed.tab, '.cookie-banner button');
  const banner = await B.eval(seed.tab, () => !!document.querySelector('.cookie-banner'));
  R.check('seed: the page’s own script still runs with the overlay on (cookie banner dismissed)', !banner);
  await B.close(ctl);
  await B.close(seed.tab);

  // -- 2. The XSS article ----------------------------------------------------------------------
  {
    const cli = cliReport(path.join(PAGES_DIR, 'xss.html'));
    const t = await openTarget(B, srv.base, pageUrl('xss.html'));
    const x0 = await B.eval(t.tab, pgXssState);
    const c = await openControl(B, ext, t.tabId);
    const on = await turnOn(B, c, t.tab, t.tabId);
    if (on.clicks > 1) R.info(`xss: the toolbar button needed ${on.clicks} clicks`);
    R.check('xss: the overlay turns on', !on.timedOut && on.n > 0, `${on.n} badges, CLI ${cli.claims.length}`);
    await sleep(300);
    const bs = await B.eval(t.tab, pgBadges, null);
    // Open each card through focus so that lazily-built cards exist too.
    for (let i = 0; i < bs.length; i++) await B.eval(t.tab, pgFocusBadge, i);
    await B.eval(t.tab, pgBlur);
    const bs2 = await B.eval(t.tab, pgBadges, null);
    const x1 = await B.eval(t.tab, pgXssState);
    R.check('xss: no alert ran in the page', x1.alerts !== null && x1.alerts.length === 0 && (await B.dialogs()).length === 0,
      `page alerts ${JSON.stringify(x1.alerts)}, dialogs ${JSON.stringify(await B.dialogs())}`);
    R.check('xss: no img or script element made from the page text (page and shadow roots)',
      x1.elements.length === 0 && x1.imgs === x0.imgs && x1.scripts === x0.scripts, JSON.stringify(x1));
    // Where the CLI's report puts an XSS string into a source's name, mention or descriptor, the card must show it as text.
    for (const s of XSS_STRINGS) {
      const where = cli.claims.map((cl, i) => ({ i, cl })).filter(({ cl }) => cl.source && [cl.source.name, cl.source.descriptor, cl.source.mention].some((v) => v && v.includes(s)));
      if (!where.length) { R.info(`xss: the CLI puts ${s} in no source`); continue; }
      const shown = where.map(({ i }) => {
        const b = bs2.find((x) => Number(x.claim) === i);
        return { i, found: !!b, inCardOrLabel: !!b && ((b.card || '').includes(s) || (b.label || '').includes(s) || (b.text || '').includes(s)), card: b && b.card };
      });
      R.check(`xss: ${s} shows as text in the card of the claim(s) whose source carries it`, shown.every((x) => x.inCardOrLabel), JSON.stringify(shown));
    }
    const hl = await B.eval(t.tab, pgHighlights);
    if (hl.api) {
      const txt = hl.ranges.map((r) => r.text).join('');
      R.check('xss: the highlighted claims contain the strings as text', XSS_STRINGS.every((s) => txt.includes(s)), `${hl.ranges.length} ranges`);
    }
    await B.reload(c);
    await waitFor(async () => ({ done: (await B.eval(c, pgReady)) === 'complete' }), { timeout: 10000 });
    await sleep(500);
    const pp = await B.eval(c, pgPopupState);
    R.check('xss: the popup has no element made from page text, no inline handler, only its own scripts', pp.bad.length === 0, JSON.stringify(pp.bad));
    R.info(`xss popup text: ${pp.text.slice(0, 400)}`);
    await toggleMsg(B, c, t.tab, t.tabId, false);
    await B.close(c);
    await B.close(t.tab);
  }

  // -- 3. Inline elements and emoji: the highlights' text --------------------------------------
  {
    const cli = cliReport(path.join(PAGES_DIR, 'inline.html'));
    const t = await openTarget(B, srv.base, pageUrl('inline.html'));
    await B.eval(t.tab, pgSnapshot);
    const c = await openControl(B, ext, t.tabId);
    const on = await turnOn(B, c, t.tab, t.tabId);
    if (on.clicks > 1) R.info(`inline: the toolbar button needed ${on.clicks} clicks`);
    R.check('inline: badges on the page with links, emphasis and emoji', !on.timedOut && on.n === cli.claims.length, `${on.n} badges, CLI ${cli.claims.length}`);
    const hl = await B.eval(t.tab, pgHighlights);
    const norm = (s) => s.replace(/\s+/g, '');
    if (!hl.api) {
      R.skipped('inline: highlighted text equals the claims’ text', 'no CSS Custom Highlight API in this browser');
    } else {
      const claims = [...cli.claims].sort((a, b) => a.start - b.start || a.end - b.end).map((x) => x.text);
      const got = norm(hl.ranges.map((r) => r.text).join(''));
      const exp = norm(claims.join(''));
      R.check('inline: the highlighted ranges’ text, joined, equals the claims’ texts', got === exp,
        got === exp ? `${hl.ranges.length} ranges for ${claims.length} claims` : `ranges: ${JSON.stringify(hl.ranges.map((r) => r.text))} claims: ${JSON.stringify(claims)}`);
      const st2 = await stateOf(B, c, t.tabId);
      R.info(`inline: highlight names ${JSON.stringify(hl.names)}; state ${JSON.stringify(st2)}`);
    }
    await toggleMsg(B, c, t.tab, t.tabId, false);
    const cmp = await B.eval(t.tab, pgCompareSnapshot);
    R.check('inline: after off the DOM is as before (split text nodes rejoined)', cmp.ok, cmp.diffs.join(' | '));
    await B.close(c);
    await B.close(t.tab);
  }

  // -- 4. Real pages ------------------------------------------------------------------------------
  for (const pg of REAL_PAGES) {
    const cli = cliReport(path.join(PAGES_DIR, pg.file));
    const t = await openTarget(B, srv.base, pageUrl(pg.file));
    await B.eval(t.tab, pgSnapshot);
    const c = await openControl(B, ext, t.tabId);
    const on = await turnOn(B, c, t.tab, t.tabId, 30000);
    if (on.clicks > 1) R.info(`${pg.file}: the toolbar button needed ${on.clicks} clicks`);
    const s = on.st || {};
    if (pg.notice) {
      const why = JSON.stringify([s.reason, s.notice]);
      R.check(`${pg.file}: no badge, and the state says why (${pg.notice})`,
        !on.timedOut && on.n === 0 && cli.notice === pg.notice && why.includes(pg.notice), `${on.n} badges; CLI notice ${cli.notice}; state ${JSON.stringify(s)}`);
    } else {
      const tol = pg.tolerance || 0;
      R.check(`${pg.file}: badges as the CLI's claims (${cli.claims.length}${tol ? ' ± ' + tol : ''})`,
        !on.timedOut && cli.claims.length > 0 && Math.abs(on.n - cli.claims.length) <= tol && s.claims === on.n,
        `${on.n} badges, state ${s.claims} claims, CLI ${cli.claims.length}${on.timedOut ? ' (timed out)' : ''}`);
    }
    await toggleMsg(B, c, t.tab, t.tabId, false, 30000);
    const cmp = await B.eval(t.tab, pgCompareSnapshot);
    R.check(`${pg.file}: after off the DOM is as before`, cmp.ok, cmp.diffs.join(' | '));
    await B.close(c);
    await B.close(t.tab);
  }

  // -- 5. A page with a strict CSP, and the reader page (tests/e2e/reader.mjs) ------------------
  await runReader(B, R, { srv, ext, pageUrl });

  // -- 6. Pages that change under the overlay (tests/e2e/changes.mjs) ---------------------------
  await runChanges(B, R, { srv, ext, pageUrl });

  // -- 7. Per-site settings: always on, ask, always off, the options page (tests/e2e/sites.mjs) --
  await runSites(B, R, { srv, ext, pageUrl });

  // -- 8. Requests and console ------------------------------------------------------------------------
  await sleep(500);
  const log = srv.entries();
  const local = log.filter((e) => !e.proxied);
  const unexpected = local.filter((e) => !opened.has(e.path) || e.method !== 'GET');
  R.check('requests: the page server got only the pages the test opened', unexpected.length === 0,
    `${local.length} requests; unexpected: ${JSON.stringify(unexpected.map((e) => `${e.method} ${e.path} ${JSON.stringify(e.headers)}`))}`);
  const proxied = log.filter((e) => e.proxied);
  const fromUs = proxied.filter((e) => /^(chrome|moz)-extension:/.test(e.headers.origin || '') || /127\.0\.0\.1/.test(e.headers.referer || ''));
  R.check('requests: nothing from the pages or the extension went to another host', fromUs.length === 0,
    JSON.stringify(fromUs.map((e) => `${e.method} ${e.host}${e.path} ${JSON.stringify(e.headers)}`)));
  if (proxied.length) R.info(`the browser itself tried ${proxied.length} requests to other hosts (blocked, not from pages or the extension): ${[...new Set(proxied.map((e) => e.host))].join(', ')}`);
  const all = await B.requests();
  // Firefox reports the whole browser's requests: those of the browser itself (system principal)
  // are not the pages' or the extension's, and the page server has already refused them.
  const reqs = all.filter((r) => r.by !== 'system');
  if (all.length !== reqs.length) R.info(`the browser's own requests (system principal), not counted: ${[...new Set(all.filter((r) => r.by === 'system').map((r) => new URL(r.url).host))].join(', ')}`);
  // The extension's own files: under its origin, or (web-accessible with use_dynamic_url, Chromium)
  // under a per-session random host of the same scheme; either way a file of the package.
  const ownFile = (u) => {
    const m = u.match(/^(chrome|moz)-extension:\/\/[^/]+\/([^?#]*)/);
    return !!m && existsSync(path.join(ext.dir, decodeURIComponent(m[2])));
  };
  const allowed = (u) => u.startsWith(srv.base + '/') || ownFile(u) || /^(data|blob|about):/.test(u);
  const badReqs = reqs.filter((r) => !allowed(r.url));
  const extReqs = reqs.filter((r) => ownFile(r.url));
  R.check('requests: the browser reported no request but the test pages and the extension’s own files', badReqs.length === 0,
    JSON.stringify(badReqs.slice(0, 20)));
  if (extReqs.length) R.info(`extension's own files loaded: ${[...new Set(extReqs.map((r) => r.url.split('?')[0]))].join(' ')}`);
  const errs = await B.consoleErrors();
  const grouped = new Map();
  for (const e of errs) { const k = `${e.category ? e.category + ': ' : ''}${String(e.text).slice(0, 200)} @ ${e.at || e.where}`; grouped.set(k, (grouped.get(k) || 0) + 1); }
  R.check('console: no error in the pages, the extension pages or the background', errs.length === 0,
    [...grouped].map(([k, n]) => `${n}× ${k}`).join(' | '));
}

// ---------------------------------------------------------------------------------------------
// The benchmark: toggle → badges in the DOM, per page, median over `runs`; memory.

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}

export async function runBench(B, srv, ext, pages, runs) {
  const results = [];
  for (const pg of pages) {
    const t = await openTarget(B, srv.base, pg.path);
    const c = await openControl(B, ext, t.tabId);
    const memBase = B.memory ? await B.memory(t.tab) : null;
    // First toggle on the freshly loaded page, by the toolbar button (what a user does; it also
    // injects the content script and compiles the wasm). It gives the claim count.
    const first = await timedToggle(B, c, t, null, 'action');
    const n = first.n;
    const memOn = B.memory ? await B.memory(t.tab) : null;
    await toggleMsg(B, c, t.tab, t.tabId, false, 30000);
    const memOff = B.memory ? await B.memory(t.tab) : null;
    // Warm: off and on again from the popup page (module loaded, annotate() from scratch).
    const warm = [];
    const frames = [];
    for (let i = 0; i < runs && n > 0; i++) {
      const r = await timedToggle(B, c, t, n, 'message');
      if (r.ms != null) warm.push(r.ms);
      if (r.frameMs != null) frames.push(r.frameMs);
      await toggleMsg(B, c, t.tab, t.tabId, false, 30000);
    }
    // Cold: the page reloaded each time, then the toolbar button.
    const cold = [];
    let extraClicks = first.clicks > 1 ? first.clicks - 1 : 0;
    for (let i = 0; i < runs && n > 0; i++) {
      await B.reload(t.tab);
      await waitFor(async () => ({ done: (await B.eval(t.tab, pgReady)) === 'complete' }), { timeout: 15000 });
      await sleep(200);
      const r = await timedToggle(B, c, t, n, 'action');
      if (r.ms != null) cold.push(r.ms);
      if (r.clicks > 1) extraClicks += r.clicks - 1;
      await toggleMsg(B, c, t.tab, t.tabId, false, 30000);
    }
    results.push({ page: pg.label, chars: pg.chars, claims: n, first: first.ms, warm, cold, frames, memBase, memOn, memOff, firstState: first.st, extraClicks });
    await B.close(c);
    await B.close(t.tab);
  }
  return results;
}

// One toggle on, timed from just before the trigger (epoch ms, taken in the extension page for a
// message, in the driver or the browser's chrome for the toolbar button) to the moment the page saw
// the last badge inserted.
async function timedToggle(B, c, t, n, trigger) {
  await B.eval(t.tab, pgBenchArm, n);
  let t0;
  let w;
  let clicks = 0;
  if (trigger === 'action') {
    const before = performance.timeOrigin + performance.now();
    w = await actionOn(B, c, t.tab, t.tabId, 30000);
    t0 = w.t0 ?? before;  // the last click
    clicks = w.clicks;
  } else {
    t0 = (await B.eval(c, extSendTimed, { type: 'claimlens/toggle', tabId: t.tabId })).t0;
    w = await waitSettled(B, c, t.tab, t.tabId, true, 30000);
  }
  if (!n) {
    const r = await B.eval(t.tab, pgBenchRead);
    return { n: w.n, st: w.st, clicks, ms: r && r.last != null ? r.last - t0 : null };
  }
  const rec = await waitFor(async () => { const r = await B.eval(t.tab, pgBenchRead); return { done: r && r.inserted != null, r }; }, { timeout: 5000 });
  await sleep(50);
  const r2 = await B.eval(t.tab, pgBenchRead);
  return {
    n: w.n,
    st: w.st,
    clicks,
    ms: rec.r && rec.r.inserted != null ? rec.r.inserted - t0 : null,
    frameMs: r2 && r2.frame != null ? r2.frame - t0 : null,
  };
}

export function benchPages() {
  const pages = [{ label: 'seed.html', path: 'seed.html', chars: statSync(path.join(PAGES_DIR, 'seed.html')).size }];
  let note = null;
  let extraDir = null;
  if (existsSync(path.join(DATA, 'pages'))) {
    const cands = readdirSync(path.join(DATA, 'pages'))
      .map((d) => path.join(DATA, 'pages', d, 'source.html')).filter((f) => existsSync(f))
      .map((f) => ({ f, size: statSync(f).size })).sort((a, b) => b.size - a.size);
    const big = cands[0];
    const name = path.basename(path.dirname(big.f));
    extraDir = mkdtempSync(path.join(tmpdir(), 'claimlens-bench-'));
    // Served stripped of what would reach the network (the same treatment as the test copies).
    execFileSync('python3', [path.join(HERE, 'strip_page.py'), big.f, path.join(extraDir, `${name}.html`)]);
    pages.push({ label: `${name} (largest of ${path.relative(ROOT, path.join(DATA, 'pages'))}, ${(big.size / 1024).toFixed(0)} KB)`, path: `extra/${name}.html`, chars: big.size });
  } else {
    note = `${DATA}/pages is absent: using the largest copy in tests/e2e/pages instead`;
    const cands = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html') && !REAL_PAGES.find((p) => p.file === f && p.notice))
      .map((f) => ({ f, size: statSync(path.join(PAGES_DIR, f)).size })).sort((a, b) => b.size - a.size);
    pages.push({ label: `${cands[0].f} (largest copy in tests/e2e/pages)`, path: cands[0].f, chars: cands[0].size });
  }
  return { pages, note, extraDir };
}
