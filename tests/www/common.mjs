// Shared by tests/www/chromium.mjs and tests/www/firefox.mjs: the server, the expectations, the
// functions run in the page, the suite and the benchmark. Each browser script supplies a driver:
//
//   name                         'chromium' | 'firefox'
//   goto(url)                    navigates the one tab and waits for the load event
//   eval(fn, ...args)            runs fn in the page (self-contained; arguments as JSON), awaits a promise
//   click(css)                   a real click on the first element matching css
//   press(key)                   a real key press: 'Tab', 'Shift+Tab', 'Escape', 'Enter'
//   setFile(css, file)           puts a local file into an <input type=file> (as the file dialog does)
//   viewport(w, h)               the size of the page's viewport
//   dark(on)                     the system colour scheme the page sees
//   screenshot(file)             a PNG of the viewport
//   requests() → [{url, by}]     every request the browser made for the page (see each driver)
//   dialogs() → [string]         alerts, confirms and prompts that opened
//   consoleErrors() → [{t, where, text}]   errors so far; t is the epoch time in ms
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const SITE = path.resolve(ROOT, process.env.WWW_DIR || 'dist/www');
export const CLI = path.resolve(ROOT, process.env.CLAIMLENS_BIN || 'target/release/claimlens');
export const SHOTS = path.resolve(ROOT, 'target');

// ---------------------------------------------------------------------------------------------
// Reporting

export class Report {
  constructor(browser) { this.browser = browser; this.pass = 0; this.fail = 0; this.failures = []; }
  check(name, ok, detail = '') {
    const line = `${ok ? 'PASS' : 'FAIL'} [www ${this.browser}] ${name}${detail ? ' — ' + oneLine(detail) : ''}`;
    console.log(line);
    if (ok) this.pass++; else { this.fail++; this.failures.push(line); }
    return ok;
  }
  info(msg) { console.log(`INFO [www ${this.browser}] ${oneLine(msg, 1500)}`); }
  summary(t0) {
    console.log(`\n[www ${this.browser}] ${this.pass} passed, ${this.fail} failed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
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

/** Polls `fn` (a driver eval) until it returns a truthy `done`, or the time is up. */
export async function waitFor(fn, timeout = 15000, interval = 50) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v && v.done) return v;
    if (Date.now() > end) return { ...(v || {}), done: false, timedOut: true };
    await sleep(interval);
  }
}

/** Stops the process (after `cleanup`) if the run takes longer than `ms`. */
export function watchdog(ms, cleanup) {
  const t = setTimeout(async () => {
    console.log(`FAIL [www] watchdog: the run took longer than ${ms / 1000} s, stopping`);
    try { await Promise.race([cleanup(), sleep(10000)]); } catch { /* stopping anyway */ }
    process.exit(2);
  }, ms);
  return () => clearTimeout(t);
}

// ---------------------------------------------------------------------------------------------
// The server: scripts/serve-www.py on a free port of 127.0.0.1, logging every request. The
// browsers also use it as their proxy for every other host: such a request is recorded and refused.

export async function startServer() {
  if (!existsSync(path.join(SITE, 'index.html'))) throw new Error(`${SITE}/index.html not found: run \`make www\` first`);
  const dir = mkdtempSync(path.join(tmpdir(), 'claimlens-www-'));
  const log = path.join(dir, 'requests.jsonl');
  const proc = spawn('python3', [path.join(ROOT, 'scripts/serve-www.py'), '--root', SITE, '--port', '0', '--log', log,
    '--quiet', '--exit-on-stdin-eof', '--max-seconds', '900'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let buf = '';
    const t = setTimeout(() => reject(new Error('serve-www.py did not start in 10 s')), 10000);
    proc.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/serving (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(t); resolve(m[1]); }
    });
    proc.on('exit', (c) => { clearTimeout(t); reject(new Error(`serve-www.py exited with ${c}`)); });
  });
  return {
    base, port: Number(new URL(base).port), dir,
    entries: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []),
    stop() { try { proc.stdin.end(); proc.kill(); } catch { /* gone */ } rmSync(dir, { recursive: true, force: true }); },
  };
}

/** The CLI's JSON report of a file (the expected claims). */
export function cliReport(file) {
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: run \`cargo build --release\` first`);
  return JSON.parse(execFileSync(CLI, ['analyze', '--format', 'json', file], { maxBuffer: 64 << 20 }).toString('utf8'));
}

// ---------------------------------------------------------------------------------------------
// Expectations

// DESIGN §2, in document order: a phrase of the claim (in the article text between the previous
// badge and this one) and the source its badge's aria-label must name.
const FT = /^Source: (the )?Financial Times\b/;
const WH = /^Source: (the )?White House\b/;
const ALIBABA = /^Source: (an )?Alibaba\b/;
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

// The team's short examples: the badge each one is written to show (checked against the CLI when
// the examples were written; mistakes the engine makes in them are listed in the page's limits).
export const EXAMPLES = [
  { name: 'seed-page', file: 'examples/seed-page.html', labels: [FT, /^Source: White House notes, paraphrase, via Financial Times/, /^Source: Lin Jian\b/] },
  { name: 'named-quote', file: 'examples/named-quote.txt', labels: [/^Source: Maria Ortega, direct quote$/, /^Source: Maria Ortega, paraphrase$/] },
  { name: 'anonymous-source', file: 'examples/anonymous-source.txt', labels: [/^Source: Person familiar with the matter, paraphrase, anonymous source$/, /^Source: Officials, paraphrase, anonymous source$/] },
  { name: 'chain', file: 'examples/chain.txt', labels: [/^Source: Le Monde, paraphrase, via Reuters$/, /^Source: Minister, paraphrase, via Le Monde$/] },
  { name: 'denial', file: 'examples/denial.txt', labels: [/, direct quote, in a statement, denial/, /^Source: Anna Berg, partial quote, denial$/] },
  { name: 'unverified', file: 'examples/unverified.txt', labels: [/^Source: Rebel fighters, paraphrase, unverified$/, /^No source given, paraphrase, hedged$/] },
  { name: 'unattributed', file: 'examples/unattributed.txt', labels: [/^No source given, unattributed$/, /^No source given, unattributed$/, /^No source given, unattributed$/] },
];

export const XSS_STRINGS = ['<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>'];
// Pasted as plain text: the strings must show as text (in the article, the cards, the panel).
export const XSS_TEXT = [
  'Comment forms let visitors post <img src=x onerror=alert(1)> as a name',
  '“Anyone could type <img src=x onerror=alert(1)> into the form and it would run,” said Maria Okafor, a security engineer.',
  'The plugin’s maintainer said the fix escapes </script><script>alert(1)</script> before a comment is stored.',
  'The attack was a prank, said a spokesman for the </script><script>alert(1)</script> collective.',
  'According to <img src=x onerror=alert(1)>, the flaw has been fixed.',
].join('\n');
// Pasted as HTML: markup that would run or load if it were ever put in the page, and the same
// strings escaped, which must show as text.
export const XSS_HTML = `<!doctype html><html><head><title>Hostile page</title>
<script>alert(1)</script><meta http-equiv="refresh" content="0; url=http://example.com/">
<link rel="stylesheet" href="http://example.com/x.css"><style>body { background: url(http://example.com/bg.png) }</style></head>
<body onload="alert(1)"><nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article>
<h1>Researchers warn about comment forms that run &lt;img src=x onerror=alert(1)&gt;</h1>
<p>A widely used comment plugin let visitors post raw markup, researchers said on Tuesday. The flaw affected thousands of news sites, according to the researchers, who found it during a routine audit last month. <img src=x onerror=alert(1)></p>
<p>“Anyone could type &lt;img src=x onerror=alert(1)&gt; into the form and it would run in every reader’s browser,” said Maria Okafor, a security engineer at the Open Web Lab.</p>
<p>The plugin’s maintainer, Daniel Weiss, said the team had shipped a fix that escapes &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; and every other tag before a comment is stored. <script>alert(1)</script></p>
<p style="color: red">Okafor said the lab had not seen the flaw exploited at scale, but she urged site owners to update the plugin immediately. <iframe src="http://example.com/"></iframe>
<a href="javascript:alert(1)">Read more</a> <svg onload="alert(1)"></svg> <img src="http://example.com/pixel.gif"></p>
<p>The attack was a prank, said Ivan Petrov, who runs a small security collective in Lisbon. “It was never meant to hurt anyone,” he told reporters.</p>
</article></main><footer>© Test Desk</footer></body></html>`;

// ---------------------------------------------------------------------------------------------
// Functions evaluated in the page (self-contained: they are serialised)

export function pgState() {
  const d = window.ClaimLensDemo;
  return { pageState: document.body.dataset.state || null, demo: d ? d.state : null, status: document.getElementById('status').textContent };
}

/** Every badge of the article in document order: label, card, the text since the previous badge. */
export function pgBadges() {
  const root = document.getElementById('article');
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeType === 3 ? NodeFilter.FILTER_ACCEPT : n.localName === 'claimlens-badge' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  let seg = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) { seg += n.data; continue; }
    const sr = n.shadowRoot;
    const btn = sr && sr.querySelector('button');
    const card = sr && sr.querySelector('[role="tooltip"]');
    out.push({ claim: n.getAttribute('data-claim'), open: !!sr && sr.mode === 'open', label: btn ? btn.getAttribute('aria-label') : null,
      card: card ? card.textContent : null, shown: getComputedStyle(n).display !== 'none', segment: seg.replace(/\s+/g, ' ').slice(-600) });
    seg = '';
  }
  return out;
}

/** Which badge has focus and which cards are open. */
export function pgFocus() {
  const all = [...document.querySelectorAll('#article claimlens-badge')];
  const a = document.activeElement;
  const host = a && a.localName === 'claimlens-badge' ? a : null;
  const open = [];
  all.forEach((b, i) => {
    const t = b.shadowRoot && b.shadowRoot.querySelector('[role="tooltip"]');
    if (t && !t.hidden && getComputedStyle(t).display !== 'none') open.push(i);
  });
  const expanded = host && host.shadowRoot ? host.shadowRoot.querySelector('button').getAttribute('aria-expanded') : null;
  return { focused: host ? all.indexOf(host) : -1, inner: host && host.shadowRoot && host.shadowRoot.activeElement ? host.shadowRoot.activeElement.localName : null,
    open, expanded, why: document.getElementById('why-body').textContent };
}

/** Elements that page text must never become, in the page and in every shadow root; the head
 *  must hold only the page's own elements. */
export function pgHostile() {
  const roots = [document.body, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
  const bad = [];
  for (const r of roots) {
    for (const e of r.querySelectorAll('img, iframe, frame, svg, object, embed, link, meta, style, script, base, form, a[href^="javascript:"]')) {
      if (r.host && e.localName === 'style') continue; // the module's badge style (when it cannot adopt a sheet)
      if (e.id === 'paste-form') continue; // the page's own form
      bad.push(e.outerHTML.slice(0, 120));
    }
    for (const e of r.querySelectorAll('*')) for (const a of e.attributes) if (/^on/i.test(a.name)) bad.push(`${e.localName}[${a.name}]`);
  }
  const ownHead = (e) => (e.localName === 'script' && ['pkg/claimlens.js', 'app.js'].includes(e.getAttribute('src')))
    || (e.localName === 'link' && ['icon.svg', 'style.css'].includes(e.getAttribute('href')))
    || (e.localName === 'meta' && (!e.httpEquiv || e.httpEquiv === 'Content-Security-Policy')) || e.localName === 'title';
  for (const e of document.head.children) if (!ownHead(e)) bad.push('head: ' + e.outerHTML.slice(0, 120));
  return { bad, alerts: window.__wwwTestAlerts || [], article: document.getElementById('article').textContent,
    panel: document.getElementById('panel').textContent };
}

export function pgTrapAlerts() {
  window.__wwwTestAlerts = [];
  for (const k of ['alert', 'confirm', 'prompt']) window[k] = (m) => { window.__wwwTestAlerts.push(`${k}: ${m}`); };
  return true;
}

/** Puts `text` in the paste box with the given format (what pasting does), ready for Analyse. */
export function pgPaste(text, format) {
  const t = document.getElementById('input-text');
  t.value = text;
  t.dispatchEvent(new Event('input', { bubbles: true }));
  document.querySelector(`input[name="format"][value="${format}"]`).checked = true;
  return window.ClaimLensDemo.state.runs.length;
}

export function pgLayout() {
  const html = document.documentElement;
  return { scrollWidth: html.scrollWidth, clientWidth: html.clientWidth, bg: getComputedStyle(html).backgroundColor,
    fg: getComputedStyle(html).color, dark: matchMedia('(prefers-color-scheme: dark)').matches };
}

// ---------------------------------------------------------------------------------------------
// The suite

const waitDone = (B, runsBefore, timeout = 20000) => waitFor(async () => {
  const s = await B.eval(pgState);
  return { done: s.demo && s.pageState !== 'busy' && (s.pageState === 'error' || s.demo.runs.length > runsBefore), s };
}, timeout);

const luminance = (rgb) => { const m = String(rgb).match(/\d+(\.\d+)?/g) || [0, 0, 0]; return (0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]) / 255; };

/** Matches expectations to badges in order: each expected claim's phrase in the text since the
 *  previous badge, and the label naming the expected source. */
function matchInOrder(badges, expected) {
  const found = [];
  let from = 0;
  for (const e of expected) {
    let hit = -1;
    for (let i = from; i < badges.length; i++) if (badges[i].segment.includes(e.phrase)) { hit = i; break; }
    found.push({ phrase: e.phrase, at: hit, label: hit >= 0 ? badges[hit].label : null, ok: hit >= 0 && e.source.test(badges[hit].label || '') });
    if (hit >= 0) from = hit + 1;
  }
  return found;
}

export async function runSuite(B, R, srv) {
  const url = (q = '') => `${srv.base}/${q}`;
  // Where the console may show CSP reports: while pasted HTML is parsed ([from, to] epoch ms).
  const htmlPhases = [];
  const htmlPhase = async (fn) => { const a = Date.now() - 50; await fn(); await sleep(200); htmlPhases.push([a, Date.now()]); };
  const shot = (name) => path.join(SHOTS, `www-${name}-${B.name}.png`);

  // -- 1. The page loads; the seed example by its URL -------------------------------------------
  await B.goto(url('?example=seed'));
  let w = await waitDone(B, 0);
  R.check('the page loads the engine and opens ?example=seed', w.done && w.s.pageState === 'done', JSON.stringify(w.s));
  const seedCli = cliReport(path.join(ROOT, 'samples/seed-article.txt'));
  let badges = await B.eval(pgBadges);
  R.check(`seed: as many badges as the CLI's claims (${seedCli.claims.length})`, badges.length === seedCli.claims.length, `${badges.length} badges`);
  R.check('seed: every badge is a claimlens-badge with an open shadow root and an aria-label', badges.length > 0 && badges.every((b) => b.open && b.label), JSON.stringify(badges.filter((b) => !b.open || !b.label)));
  const m = matchInOrder(badges, SEED_CLAIMS);
  R.check('seed: the badges name the DESIGN §2 sources in order (Financial Times, White House, Alibaba, Liu Pengyu, no source, Anthropic, Lin Jian)',
    m.every((x) => x.ok), JSON.stringify(m.filter((x) => !x.ok)));
  const st = (await B.eval(pgState)).demo;
  R.check('seed: the badges and the panel agree claim by claim', st.consistent === true, JSON.stringify(st));

  // -- 2. A card with the keyboard ----------------------------------------------------------------
  await B.eval(() => { document.getElementById('article-section').focus(); return true; });
  await B.press('Tab');
  let f = await B.eval(pgFocus);
  R.check('keyboard: Tab from the article moves to the first badge and opens its card',
    f.focused === 0 && f.open.length === 1 && f.open[0] === 0 && f.expanded === 'true', JSON.stringify(f));
  R.check('keyboard: the "why" panel explains the focused badge (cue and pattern)', f.why.includes('Cue') && f.why.includes('Pattern') && f.why.includes('aiding Chinese army operations'), f.why.slice(0, 300));
  await B.press('Tab');
  f = await B.eval(pgFocus);
  R.check('keyboard: Tab moves to the next badge, whose card opens', f.focused === 1 && f.open.length === 1 && f.open[0] === 1, JSON.stringify(f));
  await B.press('Escape');
  f = await B.eval(pgFocus);
  R.check('keyboard: Escape closes the card', f.focused === 1 && f.open.length === 0 && f.expanded === 'false', JSON.stringify(f));
  // The screenshot of the seed example, a card open (README, and for a person to look at).
  await B.eval(() => { document.activeElement && document.activeElement.blur(); return true; });
  await B.eval(() => {
    const h = document.querySelector('#article claimlens-badge[data-claim="2"]');
    window.scrollTo({ top: document.getElementById('status').getBoundingClientRect().top + scrollY - 12, behavior: 'instant' });
    document.getElementById('panel').scrollTop = 0;
    h.shadowRoot.querySelector('button').focus({ preventScroll: true });
    return true;
  });
  await sleep(300);
  await B.screenshot(shot('seed'));
  R.info(`screenshot: ${path.relative(ROOT, shot('seed'))}`);

  // A claim of the list takes the focus to its badge.
  await B.click('#claims li[data-claim="6"] button');
  f = await B.eval(pgFocus);
  R.check('the claims list: choosing claim 7 focuses its badge and opens its card', f.focused === 6 && f.open.includes(6), JSON.stringify(f));

  await B.click('#json summary');
  const shown = await B.eval(() => document.getElementById('json-text').textContent);
  const cliJson = execFileSync(CLI, ['analyze', '--format', 'json', path.join(ROOT, 'samples/seed-article.txt')]).toString('utf8').trim();
  R.check('seed: the JSON panel shows exactly the CLI’s `--format json` output for samples/seed-article.txt', shown === cliJson,
    `${shown.length} chars shown, CLI ${cliJson.length}; first difference at ${[...shown].findIndex((ch, i) => ch !== cliJson[i])}`);
  await B.click('#json summary');

  // -- 3. Filters -----------------------------------------------------------------------------------
  await B.click('#source-filters button[data-key="s:Alibaba"]');
  badges = await B.eval(pgBadges);
  const shownAlibaba = badges.filter((b) => b.shown).map((b) => b.label);
  const listAlibaba = await B.eval(() => [...document.querySelectorAll('#claims li')].filter((li) => !li.hidden).length);
  R.check('filter by source: only Alibaba’s badges and claims show', shownAlibaba.length === 2 && shownAlibaba.every((l) => l.startsWith('Source: Alibaba,')) && listAlibaba === 2,
    JSON.stringify({ shownAlibaba, listAlibaba }));
  await B.click('#reset-filters');
  await B.click('#flag-filters button[data-key="denial"]');
  badges = await B.eval(pgBadges);
  const shownDenial = badges.filter((b) => b.shown).map((b) => b.label);
  const cliDenials = seedCli.claims.filter((c) => c.markers.includes('denial')).length;
  R.check(`filter by flag: only the ${cliDenials} denials show`, shownDenial.length === cliDenials && shownDenial.every((l) => l.includes('denial')), JSON.stringify(shownDenial));
  await B.click('#reset-filters');
  badges = await B.eval(pgBadges);
  R.check('show all: every badge is back', badges.every((b) => b.shown) && badges.length === seedCli.claims.length, `${badges.filter((b) => b.shown).length} shown`);

  // -- 4. Dark mode and a phone-width screen --------------------------------------------------------
  await B.dark(true);
  await B.viewport(390, 844);
  await sleep(300);
  const lay = await B.eval(pgLayout);
  R.check('dark mode follows the system (dark background, light text)', lay.dark && luminance(lay.bg) < 0.2 && luminance(lay.fg) > 0.7, JSON.stringify(lay));
  R.check('phone width (390 px): nothing wider than the screen', lay.scrollWidth <= lay.clientWidth + 1, JSON.stringify(lay));
  await B.eval(() => { document.querySelector('#article claimlens-badge[data-claim="1"]').scrollIntoView({ block: 'center', behavior: 'instant' }); return true; });
  await sleep(200);
  await B.screenshot(shot('phone-dark'));
  await B.dark(false);
  await B.viewport(1280, 1000);

  // -- 5. Every example by its link ----------------------------------------------------------------
  for (const ex of EXAMPLES) {
    const before = (await B.eval(pgState)).demo.runs.length;
    const open = async () => { await B.click(`#examples a[data-example="${ex.name}"]`); w = await waitDone(B, before); };
    if (ex.file.endsWith('.html')) await htmlPhase(open); else await open();
    const cli = cliReport(path.join(SITE, ex.file));
    const bs = await B.eval(pgBadges);
    const labels = bs.map((b) => b.label);
    const missing = [];
    const pool = [...labels];
    for (const re of ex.labels) { const i = pool.findIndex((l) => re.test(l)); if (i < 0) missing.push(String(re)); else pool.splice(i, 1); }
    const loc = await B.eval(() => location.search);
    R.check(`example ${ex.name}: ${cli.claims.length} badges as the CLI, among them the ones it is written to show`,
      w.done && bs.length === cli.claims.length && missing.length === 0 && w.s.demo.consistent === true && loc === `?example=${ex.name}`,
      `${bs.length} badges; missing ${JSON.stringify(missing)}; labels ${JSON.stringify(labels)}; consistent ${w.s.demo.consistent}; url ${loc}`);
  }

  await B.goto(url('?example=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'));
  w = await waitFor(async () => { const s = await B.eval(pgState); return { done: s.pageState === 'error', s }; });
  R.check('an unknown ?example= says so (the name shown as text)', w.done && w.s.status.includes('<img src=x onerror=alert(1)>') && (await B.eval(pgHostile)).bad.length === 0, w.s && w.s.status);

  // -- 6. Hostile text, pasted as plain text --------------------------------------------------------
  await B.goto(url());
  await waitFor(async () => ({ done: (await B.eval(pgState)).pageState === 'ready' }));
  await B.eval(pgTrapAlerts);
  let runs = await B.eval(pgPaste, XSS_TEXT, 'auto');
  await B.click('#analyse');
  w = await waitDone(B, runs);
  let h = await B.eval(pgHostile);
  const xssCli = (() => { const d = mkdtempSync(path.join(tmpdir(), 'claimlens-www-xss-')); const p = path.join(d, 'xss.txt'); writeFileSync(p, XSS_TEXT); const r = cliReport(p); rmSync(d, { recursive: true, force: true }); return r; })();
  badges = await B.eval(pgBadges);
  R.check('pasted text: analysed as plain text, with the CLI’s claims', w.done && w.s.pageState === 'done' && badges.length === xssCli.claims.length && badges.length > 0, `${badges.length} badges, CLI ${xssCli.claims.length}; ${JSON.stringify(w.s)}`);
  R.check('pasted text: both hostile strings show as text in the article', XSS_STRINGS.every((s) => h.article.includes(s)), h.article.slice(0, 300));
  const inCards = XSS_STRINGS.filter((s) => xssCli.claims.some((c) => c.source && c.source.mention.includes(s)))
    .every((s) => badges.some((b) => (b.card || '').includes(s) || (b.label || '').includes(s)));
  R.check('pasted text: where a source carries a hostile string, its card shows it as text', inCards, JSON.stringify(badges.map((b) => b.card)));
  R.check('pasted text: the panel lists the claims with the strings as text', XSS_STRINGS.some((s) => h.panel.includes(s)), h.panel.slice(0, 300));
  R.check('pasted text: no element or handler made from it, no alert', h.bad.length === 0 && h.alerts.length === 0 && (await B.dialogs()).length === 0,
    JSON.stringify({ bad: h.bad, alerts: h.alerts, dialogs: await B.dialogs() }));
  const hash = await B.eval(() => location.hash);
  R.check('pasted text: the address now carries it in its hash', hash === '#text=' + encodeURIComponent(XSS_TEXT), hash.slice(0, 80));

  // The link with the text in its hash opens the same result (a fresh load).
  await B.goto('about:blank');
  await B.goto(url('#text=' + encodeURIComponent(XSS_TEXT)));
  w = await waitDone(B, 0);
  await B.eval(pgTrapAlerts);
  const viaLink = await B.eval(pgBadges);
  R.check('a link with #text= opens the pasted article with the same badges', w.done && JSON.stringify(viaLink.map((b) => b.label)) === JSON.stringify(badges.map((b) => b.label)),
    `${viaLink.length} badges`);

  // -- 7. Hostile HTML, pasted and read as HTML, then opened as a file --------------------------
  runs = await B.eval(pgPaste, XSS_HTML, 'auto');
  await htmlPhase(async () => {
    await B.click('#analyse');
    w = await waitDone(B, runs);
    await sleep(500); // time for anything that might load or run
  });
  h = await B.eval(pgHostile);
  badges = await B.eval(pgBadges);
  const htmlCli = (() => { const d = mkdtempSync(path.join(tmpdir(), 'claimlens-www-xss-')); const p = path.join(d, 'xss.html'); writeFileSync(p, XSS_HTML); const r = cliReport(p); rmSync(d, { recursive: true, force: true }); return r; })();
  R.check('pasted HTML: recognised as HTML, its article rebuilt from text, the CLI’s claims', w.done && w.s.pageState === 'done' && /HTML/.test(w.s.status) && badges.length === htmlCli.claims.length && badges.length > 0,
    `${badges.length} badges, CLI ${htmlCli.claims.length}; ${w.s.status}`);
  R.check('pasted HTML: escaped strings show as text', h.article.includes('<img src=x onerror=alert(1)>') && h.article.includes('</script><script>alert(1)</script>'), h.article.slice(0, 300));
  R.check('pasted HTML: no script, image, frame, link or handler carried over; no alert', h.bad.length === 0 && h.alerts.length === 0 && (await B.dialogs()).length === 0,
    JSON.stringify({ bad: h.bad, alerts: h.alerts, dialogs: await B.dialogs() }));
  const tmp = mkdtempSync(path.join(tmpdir(), 'claimlens-www-file-'));
  const htmlFile = path.join(tmp, 'hostile-article.html');
  writeFileSync(htmlFile, XSS_HTML);
  runs = (await B.eval(pgState)).demo.runs.length;
  await htmlPhase(async () => {
    await B.setFile('#file', htmlFile);
    w = await waitDone(B, runs);
    await sleep(300);
  });
  h = await B.eval(pgHostile);
  const fileBadges = await B.eval(pgBadges);
  R.check('an .html file opened from disk: read as HTML, the same badges, nothing carried over', w.done && w.s.demo.origin === 'file' && fileBadges.length === badges.length && h.bad.length === 0 && h.alerts.length === 0,
    JSON.stringify({ n: fileBadges.length, bad: h.bad, origin: w.s.demo.origin }));
  rmSync(tmp, { recursive: true, force: true });

  // -- 8. Requests and console ---------------------------------------------------------------------
  await sleep(300);
  const own = (p) => { const rel = decodeURIComponent(p.replace(/^\//, '')) || 'index.html'; const f = path.resolve(SITE, rel); return f.startsWith(SITE + path.sep) && existsSync(f) && statSync(f).isFile(); };
  const log = srv.entries();
  const local = log.filter((e) => !e.proxied);
  const strange = local.filter((e) => e.method !== 'GET' || !own(e.path));
  R.check('requests: the server was asked only for the page’s own files', strange.length === 0 && local.length > 0,
    `${local.length} requests (${[...new Set(local.map((e) => e.path))].join(' ')}); others: ${JSON.stringify(strange.map((e) => `${e.method} ${e.path}`))}`);
  // Other hosts: the browsers send every such request to the server, as their proxy, which refuses it.
  const proxied = log.filter((e) => e.proxied);
  const hostile = proxied.filter((e) => /example\.com/.test(e.host));
  R.check('requests: nothing named in the pasted HTML (example.com: a stylesheet, an image, a frame, a refresh) was fetched', hostile.length === 0,
    JSON.stringify(hostile.map((e) => `${e.method} ${e.host}${e.path}`)));
  if (proxied.length) R.info(`the browser itself tried ${proxied.length} requests to other hosts (refused by the proxy; the page’s own requests are checked below): ${[...new Set(proxied.map((e) => e.host.replace(/:443$/, '')))].join(', ')}`);
  const reqs = await B.requests();
  const badReqs = reqs.filter((r) => !(r.url.startsWith(srv.base + '/') && own(new URL(r.url).pathname)) && !/^(data|blob|about):/.test(r.url));
  R.check('requests: the browser made no request beyond the page’s own files', badReqs.length === 0 && reqs.length > 0, `${reqs.length} requests; others: ${JSON.stringify(badReqs.slice(0, 10))}`);
  // Chromium reports the page's Content Security Policy refusing the inline styles and handlers of
  // a pasted page while DOMParser parses it (the parsed document inherits the policy); they are
  // errors in the console, but nothing of the pasted page ever runs. Only those are allowed, and
  // only while HTML is parsed.
  const errs = await B.consoleErrors();
  const inHtml = (e) => htmlPhases.some(([a, b]) => e.t >= a && e.t <= b);
  const csp = (e) => /Content Security Policy|Content-Security-Policy/i.test(e.text);
  const badErrs = errs.filter((e) => !(inHtml(e) && csp(e)));
  R.check('console: no error (but the CSP refusing pasted pages’ inline code)', badErrs.length === 0, JSON.stringify(badErrs.slice(0, 10)));
  const cspErrs = errs.filter((e) => inHtml(e) && csp(e));
  if (cspErrs.length) R.info(`${cspErrs.length} CSP reports while pasted HTML was parsed, e.g. ${cspErrs[0].text.slice(0, 160)}`);
}

// ---------------------------------------------------------------------------------------------
// The benchmark: from the click on Analyse to the badges in the page, per article, several runs.

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}

/** The seed article, and a 100 KB article: the seed and the team's examples, paragraph by
 *  paragraph in turn, repeated until 100,000 bytes (the title once). Deterministic. */
export function benchArticles() {
  const seed = readFileSync(path.join(ROOT, 'samples/seed-article.txt'), 'utf8');
  const texts = ['named-quote', 'anonymous-source', 'chain', 'denial', 'unverified', 'unattributed']
    .map((n) => readFileSync(path.join(ROOT, 'www/examples', `${n}.txt`), 'utf8'));
  const bodies = [seed, ...texts].map((t) => t.split('\n').filter((l) => l.trim()).slice(1));
  const lines = ['A long article: the seed article and the demo examples, repeated'];
  let bytes = Buffer.byteLength(lines[0]);
  for (let round = 0; bytes < 100000; round++) {
    for (const b of bodies) {
      const line = b[round % b.length];
      lines.push(line);
      bytes += Buffer.byteLength(line) + 1;
      if (bytes >= 100000) break;
    }
  }
  const big = lines.join('\n');
  return [
    { label: 'seed article', text: seed },
    { label: `100 KB article (${Buffer.byteLength(big).toLocaleString('en')} bytes)`, text: big },
  ];
}

export async function runBench(B, srv, runs) {
  const out = { engineReadyMs: [], articles: [] };
  const analyseOnce = async (a) => {
    const before = await B.eval(pgPaste, a.text, 'text');
    await B.click('#analyse');
    const w = await waitDone(B, before, 60000);
    if (!w.done || w.s.pageState !== 'done') throw new Error(`${a.label}: no result (${JSON.stringify(w.s)})`);
    return w.s.demo.runs[w.s.demo.runs.length - 1];
  };
  for (const a of benchArticles()) {
    const rec = { label: a.label, chars: a.text.length, claims: null, toBadges: [], toPaint: [], annotate: [], panel: [], again: [] };
    // Each run on a freshly loaded page (the engine loaded, nothing drawn yet), as a user who pastes
    // an article and presses Analyse; then Analyse again on that page (the previous badges are
    // cleared first). The first run warms the browser up and is not counted.
    for (let i = 0; i <= runs; i++) {
      await B.goto(`${srv.base}/?bench=${i}`);
      const ready = await waitFor(async () => ({ done: (await B.eval(pgState)).pageState === 'ready' }), 20000);
      if (!ready.done) throw new Error('the page did not get ready');
      const first = await analyseOnce(a);
      const again = await analyseOnce(a);
      rec.claims = first.claims;
      if (i === 0) continue;
      out.engineReadyMs.push(await B.eval(() => window.ClaimLensDemo.readyAt));
      rec.toBadges.push(first.toBadgesMs);
      rec.toPaint.push(first.toPaintMs);
      rec.annotate.push(first.annotateMs);
      rec.panel.push(first.panelMs);
      rec.again.push(again.toBadgesMs);
    }
    out.articles.push(rec);
  }
  return out;
}
