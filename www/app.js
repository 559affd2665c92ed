// The demo page's shell. The wasm module (the very one the extensions ship) does the work: it
// rebuilds the article from text (renderText / renderPage, its reader rendering), draws the badges
// and highlights (annotate), and gives the report (analyzeText) from which this file builds the
// summary panel, the filters, the "why" panel and the JSON view. Nothing taken from the article is
// ever set as HTML here: every element is made with createElement and filled with textContent.
'use strict';

(() => {
  const EXAMPLES = [
    { name: 'seed', file: 'examples/seed.txt', format: 'text', title: 'The seed article (AFP)',
      what: 'Alibaba, the FT and the White House: a chain, denials, an unverified claim, coreference.' },
    { name: 'seed-page', file: 'examples/seed-page.html', format: 'html', title: 'The same, as a news page',
      what: 'HTML with menus, a sidebar and a cookie banner: the article is found first.' },
    { name: 'named-quote', file: 'examples/named-quote.txt', format: 'text', title: 'A named quote',
      what: 'A commissioner quoted by name, then paraphrased.' },
    { name: 'anonymous-source', file: 'examples/anonymous-source.txt', format: 'text', title: 'Anonymous sources',
      what: '“A person familiar with the matter”, officials who asked not to be named.' },
    { name: 'chain', file: 'examples/chain.txt', format: 'text', title: 'A chain through two outlets',
      what: 'What Le Monde reported, as Reuters relayed it.' },
    { name: 'denial', file: 'examples/denial.txt', format: 'text', title: 'A denial',
      what: 'An airline rejects a report about its engine checks.' },
    { name: 'unverified', file: 'examples/unverified.txt', format: 'text', title: 'An unverified claim',
      what: '“Could not independently verify”, and a hedged “reportedly”.' },
    { name: 'unattributed', file: 'examples/unattributed.txt', format: 'text', title: 'Unattributed claims',
      what: 'Statements that no one in the text is said to have made.' },
  ];
  // A link carries a pasted text in its hash up to this many characters (URL-encoded).
  const MAX_SHARE_CHARS = 6000;
  // Files larger than this are refused before reading (the engine reads at most 1 MiB of text and
  // 4 MiB of HTML anyway).
  const MAX_FILE_BYTES = 8 << 20;
  // Above this many characters the page shows "Analysing…" (one frame) before the work starts.
  const SHOW_BUSY_ABOVE_CHARS = 200000;

  const TYPE_LABELS = { person: 'person', organization: 'organisation', media: 'media outlet', government: 'government',
    document: 'document', anonymous: 'anonymous source', unknown: 'source' };
  const KIND_LABELS = { direct_quote: 'direct quote', partial_quote: 'partial quote', indirect: 'paraphrase',
    according_to: 'according to', unattributed: 'unattributed' };
  const KIND_WHY = {
    direct_quote: 'the whole claim is in quotation marks: these are said to be the source’s own words',
    partial_quote: 'part of the claim is in quotation marks, the rest is the writer’s wording',
    indirect: 'reported speech: the writer gives the gist of what the source said',
    according_to: 'the claim is put on the source with “according to” or a phrase like it',
    unattributed: 'a statement of fact that no one in the text is said to have made: the writer’s own, or unsourced',
  };
  const FLAGS = {
    denial: ['denial', 'the source denies or rejects something'],
    disputed: ['disputed', 'someone else in the article denies or contests it'],
    unverified: ['unverified', 'the article says it could not be verified'],
    hedged: ['hedged', 'hedging words such as “reportedly” or “allegedly” weaken it'],
    anonymous: ['anonymous source', 'the source is not named'],
  };
  const NOTICES = {
    empty_input: 'There is no text to read.',
    no_article: 'No article was found in this page.',
    unsupported_language: 'This text does not look like English: ClaimLens reads English only, so it marks nothing here.',
    truncated: 'The article is longer than ClaimLens reads (1 MiB of text, 4 MiB of HTML): only the first part was analysed.',
  };

  const $ = (id) => document.getElementById(id);
  /** An element with attributes and children; strings become text nodes, never markup. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }
  const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  const quote = (s) => `“${s}”`;
  const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

  // What the page shows now; read by the tests and the benchmark (window.ClaimLensDemo).
  const state = {
    ready: false, readyAt: null, report: null, summary: null, text: '', origin: null, consistent: null,
    filters: { sources: new Set(), flags: new Set() }, runs: [], error: null,
  };
  const originalDisplay = new WeakMap();
  window.ClaimLensDemo = Object.freeze({
    get state() { return { ready: state.ready, claims: state.summary ? state.summary.claims : null,
      notice: state.summary ? state.summary.notice : null, consistent: state.consistent, origin: state.origin,
      error: state.error, runs: state.runs.slice() }; },
    report: () => state.report && JSON.parse(JSON.stringify(state.report)),
    // Milliseconds from the start of navigation to the engine ready (module fetched and compiled).
    get readyAt() { return state.readyAt; },
  });

  function setStatus(text, { error = false } = {}) {
    const s = $('status');
    s.textContent = text;
    s.classList.toggle('error', error);
  }
  function setPageState(v) { document.body.dataset.state = v; }

  function looksLikeHtml(text) {
    const head = text.slice(0, 1024).trimStart();
    return /^(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--|<(p|div|article|section|main|header|h[1-6]|table|ul|ol|blockquote|meta|title|span|a)[\s>/])/i.test(head);
  }

  // ------------------------------------------------------------------------------------------
  // Examples and the URL

  function renderExamples() {
    const list = $('examples');
    for (const ex of EXAMPLES) {
      const a = el('a', { href: `?example=${ex.name}`, 'data-example': ex.name },
        el('span', { class: 'name' }, ex.title), el('span', { class: 'what' }, ex.what));
      a.addEventListener('click', (e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !state.ready) return;
        e.preventDefault();
        history.pushState(null, '', `?example=${encodeURIComponent(ex.name)}`);
        openExample(ex.name, { focus: true });
      });
      list.append(el('li', null, a));
    }
  }

  function markCurrentExample(name) {
    for (const a of $('examples').querySelectorAll('a')) {
      if (a.dataset.example === name) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
  }

  async function openExample(name, { focus = false } = {}) {
    const ex = EXAMPLES.find((x) => x.name === name);
    if (!ex) {
      setStatus(`There is no example named ${quote(clip(name, 60))}. Pick one of the list.`, { error: true });
      setPageState('error');
      return;
    }
    markCurrentExample(name);
    let text;
    try {
      const r = await fetch(ex.file, { cache: 'no-cache' });
      if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
      text = await r.text();
    } catch (e) {
      setStatus(`The example could not be loaded (${e.message}).`, { error: true });
      setPageState('error');
      return;
    }
    $('input-text').value = text;
    setFormat(ex.format);
    await analyse({ text, format: ex.format, origin: `example:${name}`, focus });
  }

  async function openFromUrl() {
    const hash = location.hash;
    if (hash.startsWith('#text=')) {
      let text;
      try { text = decodeURIComponent(hash.slice(6)); } catch { text = null; }
      if (text === null) { setStatus('The link’s text could not be read (it is not valid URL encoding).', { error: true }); return; }
      markCurrentExample(null);
      $('input-text').value = text;
      setFormat('text');
      await analyse({ text, format: 'text', origin: 'link' });
      return;
    }
    const name = new URLSearchParams(location.search).get('example');
    if (name !== null) { await openExample(name); return; }
    markCurrentExample(null);
    setStatus('Pick an example, or paste an article and press Analyse.');
    setPageState('ready');
  }

  function setFormat(v) {
    for (const r of document.querySelectorAll('input[name="format"]')) r.checked = r.value === v;
  }

  // ------------------------------------------------------------------------------------------
  // Analysis

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  /** Renders `text` into the article, draws the overlay, then builds the panel. */
  async function analyse({ text, format, origin, t0 = performance.now(), focus = false }) {
    setPageState('busy');
    state.error = null;
    const container = $('article');
    wasm_bindgen.clear();
    resetPanel();
    const tCleared = performance.now();
    if (text.length > SHOW_BUSY_ABOVE_CHARS) { setStatus('Analysing…'); await nextFrame(); }
    const kind = format === 'auto' ? (looksLikeHtml(text) ? 'html' : 'text') : format;
    $('results').hidden = false;
    let summary;
    let articleText;
    let tRendered;
    let tDrawn;
    try {
      if (kind === 'html') {
        // Parsed inert: a DOMParser document runs no script and loads nothing. renderPage reads it
        // with the extension's extraction and rebuilds the article from text only.
        const parsed = new DOMParser().parseFromString(text, 'text/html');
        const blocks = wasm_bindgen.renderPage(container, parsed);
        if (blocks === null || blocks === undefined) {
          container.replaceChildren();
          finish({ origin, kind, text: '', summary: { claims: 0, sources: [], unattributed: 0, notice: 'no_article' }, t0 });
          return;
        }
      } else {
        wasm_bindgen.renderText(container, text);
      }
      // The text the badges are drawn on, as the engine reads it: one block per line, the title first.
      articleText = Array.from(container.children, (c) => c.textContent).join('\n');
      tRendered = performance.now();
      summary = wasm_bindgen.annotate(container);
      tDrawn = performance.now();
    } catch (e) {
      fail(e);
      return;
    }
    const run = { origin, kind, chars: articleText.length, claims: summary.claims,
      clearMs: tCleared - t0, renderMs: tRendered - tCleared, annotateMs: tDrawn - tRendered, toBadgesMs: tDrawn - t0 };
    finish({ origin, kind, text: articleText, summary, t0, run });
    if (focus) $('article-section').focus({ preventScroll: false });
    await afterPaint();
    run.toPaintMs = performance.now() - t0;
    // The panel's data: the same analysis, as the CLI's JSON report.
    try {
      const tPanel = performance.now();
      state.report = wasm_bindgen.analyzeText(articleText);
      buildPanel();
      run.panelMs = performance.now() - tPanel;
    } catch (e) {
      fail(e);
      return;
    }
    state.runs.push(run);
    if (state.runs.length > 50) state.runs.shift();
    setStatus(`${$('summary-line').textContent} Analysed in ${Math.round(run.toBadgesMs)} ms.`);
    setPageState('done');
  }

  function finish({ origin, kind, text, summary, t0, run }) {
    state.summary = summary;
    state.text = text;
    state.origin = origin;
    const n = summary.claims;
    const notice = summary.notice ? NOTICES[summary.notice] || summary.notice : null;
    let line;
    if (n === 0) line = notice || 'No claims found in this text.';
    else {
      line = `${plural(n, 'claim', 'claims')} from ${plural(summary.sources.length, 'source', 'sources')}` +
        (summary.unattributed ? `; ${summary.unattributed} with no source given.` : '.');
      if (notice) line += ' ' + notice;
    }
    if (kind === 'html') line += ' (Read from HTML, for its text only.)';
    $('summary-line').textContent = line;
    if (origin === 'paste' || origin === 'file') updateShareHash(text);
    if (!run) {
      state.runs.push({ origin, kind, chars: 0, claims: 0, toBadgesMs: performance.now() - t0 });
      setStatus(line);
      setPageState('done');
    }
  }

  function fail(e) {
    state.error = String(e && e.message || e);
    setStatus(`ClaimLens could not analyse this text: ${state.error}`, { error: true });
    setPageState('error');
  }

  function updateShareHash(text) {
    const enc = encodeURIComponent(text);
    const url = location.pathname + (enc.length <= MAX_SHARE_CHARS ? `#text=${enc}` : '');
    history.replaceState(null, '', url);
    markCurrentExample(null);
  }

  // ------------------------------------------------------------------------------------------
  // The panel: sources and flags (filters), the claims, why, the JSON report

  function resetPanel() {
    state.report = null;
    state.consistent = null;
    state.filters.sources.clear();
    state.filters.flags.clear();
    for (const id of ['source-filters', 'flag-filters', 'claims', 'json-text', 'claims-count']) $(id).replaceChildren();
    $('why-body').replaceChildren(el('p', { class: 'hint' }, 'Focus or hover a badge, or choose a claim above, to see what ClaimLens read.'));
    $('reset-filters').hidden = true;
    $('link-note').hidden = true;
    const note = $('mismatch');
    if (note) note.remove();
    whyShown = null;
  }

  const sourceKey = (claim) => (claim.source ? `s:${claim.source.name}` : 'none');
  const badgeOf = (i) => $('article').querySelector(`claimlens-badge[data-claim="${i}"]`);
  const badgeButton = (i) => { const b = badgeOf(i); return b && b.shadowRoot ? b.shadowRoot.querySelector('button') : null; };

  function buildPanel() {
    const report = state.report;
    // The badges come from annotate(), the list from analyzeText() on the same text: check that
    // both readings agree (they should; a difference is shown rather than hidden).
    const badges = $('article').querySelectorAll('claimlens-badge');
    state.consistent = report.claims.length === state.summary.claims && Array.from(badges).every((b) => {
      const c = report.claims[Number(b.dataset.claim)];
      const label = b.shadowRoot && b.shadowRoot.querySelector('button') ? b.shadowRoot.querySelector('button').getAttribute('aria-label') : '';
      return c && (c.source ? label.startsWith(`Source: ${c.source.name},`) : label.startsWith('No source given'));
    });

    const srcList = $('source-filters');
    for (const s of report.sources) {
      srcList.append(el('li', null, chip(`s:${s.name}`, 'sources', s.name, TYPE_LABELS[s.type] || s.type, s.claims.length)));
    }
    const none = report.claims.filter((c) => !c.source).length;
    if (none) srcList.append(el('li', null, chip('none', 'sources', 'No source given', null, none)));
    const flagList = $('flag-filters');
    for (const [m, [label]] of Object.entries(FLAGS)) {
      const n = report.claims.filter((c) => c.markers.includes(m)).length;
      if (n) flagList.append(el('li', null, chip(m, 'flags', label, null, n)));
    }
    if (!flagList.children.length) flagList.append(el('li', { class: 'hint' }, 'No claim here is flagged.'));

    const list = $('claims');
    report.claims.forEach((c, i) => {
      const meta = [c.source ? c.source.name : 'No source given', KIND_LABELS[c.kind] || c.kind,
        ...c.markers.map((m) => (FLAGS[m] ? FLAGS[m][0] : m))].join(' · ');
      const b = el('button', { type: 'button', 'data-claim': i },
        el('span', { class: 'text' }, clip(c.text, 160)), el('span', { class: 'meta' }, meta));
      b.addEventListener('click', () => goToClaim(i));
      list.append(el('li', { 'data-claim': i }, b));
    });
    if (!report.claims.length) list.append(el('li', { class: 'hint' }, 'No claims.'));
    if (state.consistent === false) {
      list.before(el('p', { class: 'hint', id: 'mismatch' },
        'Note: this list comes from a second reading of the text, and it differs from the badges here.'));
    }
    applyFilters();
    if ($('json').open) $('json-text').textContent = jsonText();
  }

  function chip(key, group, name, type, count) {
    const b = el('button', { type: 'button', 'aria-pressed': 'false', 'data-key': key, 'data-group': group },
      el('span', { class: 'name' }, name), type ? el('span', { class: 'type' }, ` (${type})`) : null,
      el('span', { class: 'count' }, ` ${count}`));
    b.setAttribute('aria-label', `${name}${type ? `, ${type}` : ''}: ${plural(count, 'claim', 'claims')}`);
    b.addEventListener('click', () => {
      const set = state.filters[group];
      if (set.has(key)) set.delete(key); else set.add(key);
      b.setAttribute('aria-pressed', String(set.has(key)));
      applyFilters();
    });
    return b;
  }

  function matches(c) {
    const f = state.filters;
    return (!f.sources.size || f.sources.has(sourceKey(c))) && (!f.flags.size || c.markers.some((m) => f.flags.has(m)));
  }

  /** Shows the matching claims in the list and only their badges in the article. */
  function applyFilters() {
    const report = state.report;
    if (!report) return;
    let shown = 0;
    report.claims.forEach((c, i) => {
      const ok = matches(c);
      if (ok) shown++;
      const li = $('claims').querySelector(`li[data-claim="${i}"]`);
      if (li) li.hidden = !ok;
      const host = badgeOf(i);
      if (!host) return;
      // The module sets the badge's display inline with !important; hiding must match that.
      if (!originalDisplay.has(host)) originalDisplay.set(host, [host.style.getPropertyValue('display'), host.style.getPropertyPriority('display')]);
      if (ok) host.style.setProperty('display', ...originalDisplay.get(host));
      else host.style.setProperty('display', 'none', 'important');
    });
    const filtering = state.filters.sources.size + state.filters.flags.size > 0;
    $('claims-count').textContent = filtering ? `(${shown} of ${report.claims.length} shown)` : `(${report.claims.length})`;
    $('reset-filters').hidden = !filtering;
  }

  function goToClaim(i) {
    const b = badgeButton(i);
    if (!b) { showWhy(i); return; }
    badgeOf(i).scrollIntoView({ block: 'center' });
    b.focus({ preventScroll: true });
    showWhy(i);
  }

  function order(c) {
    const parts = [{ at: c.start, what: 'claim' }];
    if (c.source && c.source.start !== c.source.end) parts.push({ at: c.source.start, what: 'source' });
    if (c.cue) parts.push({ at: c.cue.start, what: 'cue' });
    return parts.sort((a, b) => a.at - b.at).map((p) => p.what).join(' → ');
  }

  let whyShown = null;
  function showWhy(i) {
    const c = state.report && state.report.claims[i];
    if (!c || whyShown === i) return;
    whyShown = i;
    const rows = [];
    const row = (k, ...v) => rows.push(el('dt', null, k), el('dd', null, ...v));
    if (c.source) {
      row('Source', `${c.source.name} (${TYPE_LABELS[c.source.type] || c.source.type})`);
      if (c.source.mention && c.source.mention !== c.source.name) row('Written as', quote(c.source.mention));
      if (c.source.descriptor) row('Described as', c.source.descriptor);
    } else {
      row('Source', 'none given');
    }
    row('How', `${KIND_LABELS[c.kind] || c.kind}: ${KIND_WHY[c.kind] || ''}`);
    row('Cue', c.cue ? `${quote(c.cue.text)}: the words that tie the claim to its source` : 'none: no reporting words');
    if (c.kind !== 'unattributed') row('Pattern', c.pattern || `${order(c)}${c.cue ? `, with ${quote(c.cue.text)}` : ''}`);
    if (c.via.length) row('Via', `${c.via.map((v) => v.name).join(' → ')}: who relayed it to this article, nearest first`);
    if (c.based_on) row('Based on', c.based_on);
    if (c.channel) row('Said', c.channel);
    if (c.markers.length) {
      row('Flags', el('ul', null, c.markers.map((m) => el('li', null, FLAGS[m] ? `${FLAGS[m][0]}: ${FLAGS[m][1]}` : m))));
    }
    $('why-body').replaceChildren(
      el('p', null, `Claim ${i + 1} of ${state.report.claims.length}:`),
      el('blockquote', null, clip(c.text, 600)),
      el('dl', null, rows),
      el('p', { class: 'hint' }, 'The pattern is the construction the engine read the attribution with: SOURCE stands for who, CLAIM for what, around the reporting words as they appear in the text.'));
  }

  // A badge in focus or under the pointer: events from inside its shadow root reach the document
  // retargeted to the <claimlens-badge> element.
  function onBadgeEvent(e) {
    const t = e.target;
    if (t instanceof Element && t.localName === 'claimlens-badge' && $('article').contains(t)) showWhy(Number(t.dataset.claim));
  }

  // ------------------------------------------------------------------------------------------
  // JSON, download, link

  function jsonText() { return JSON.stringify(state.report, null, 2); }

  function download() {
    if (!state.report) return;
    const url = URL.createObjectURL(new Blob([jsonText() + '\n'], { type: 'application/json' }));
    const a = el('a', { href: url, download: 'claimlens-report.json', hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function copyLink() {
    const note = $('link-note');
    note.hidden = false;
    let url;
    if (state.origin && state.origin.startsWith('example:')) {
      url = new URL(`?example=${encodeURIComponent(state.origin.slice(8))}`, location.href).href;
    } else {
      const enc = encodeURIComponent(state.text);
      if (enc.length > MAX_SHARE_CHARS) {
        note.textContent = `This article is too long for a link (${enc.length.toLocaleString('en')} characters once encoded; a link holds ${MAX_SHARE_CHARS.toLocaleString('en')}). Share the file or the report instead.`;
        return;
      }
      url = new URL(`#text=${enc}`, location.href).href;
    }
    try {
      await navigator.clipboard.writeText(url);
      note.textContent = 'Link copied. The text travels in the part after “#”, which is never sent to a server.';
    } catch {
      note.textContent = `Copy this link: ${url}`;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Start

  async function readFile(file) {
    if (file.size > MAX_FILE_BYTES) {
      setStatus(`This file is ${(file.size / 1048576).toFixed(1)} MB: ClaimLens opens files up to ${MAX_FILE_BYTES >> 20} MB.`, { error: true });
      return;
    }
    const text = await file.text();
    const format = /\.(x?html?)$/i.test(file.name) ? 'html' : /\.txt$/i.test(file.name) ? 'text' : 'auto';
    $('input-text').value = text;
    setFormat(format);
    markCurrentExample(null);
    await analyse({ text, format, origin: 'file' });
  }

  async function init() {
    setPageState('loading');
    renderExamples();
    $('analyse').disabled = true;
    try {
      await wasm_bindgen({ module_or_path: 'pkg/claimlens_bg.wasm' });
    } catch (e) {
      setStatus(`The ClaimLens engine could not start in this browser: ${e && e.message || e}`, { error: true });
      setPageState('error');
      return;
    }
    state.ready = true;
    state.readyAt = performance.now();
    $('analyse').disabled = false;
    $('version').textContent = wasm_bindgen.version();
    $('paste-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const t0 = e.timeStamp > 0 && e.timeStamp <= performance.now() ? e.timeStamp : performance.now();
      const text = $('input-text').value;
      const format = document.querySelector('input[name="format"]:checked').value;
      markCurrentExample(null);
      analyse({ text, format, origin: 'paste', t0 });
    });
    $('clear-input').addEventListener('click', () => { $('input-text').value = ''; $('input-text').focus(); });
    $('file').addEventListener('change', (e) => { const f = e.target.files && e.target.files[0]; if (f) readFile(f); });
    $('reset-filters').addEventListener('click', () => {
      state.filters.sources.clear();
      state.filters.flags.clear();
      for (const b of document.querySelectorAll('.chips button')) b.setAttribute('aria-pressed', 'false');
      applyFilters();
    });
    $('download').addEventListener('click', download);
    $('copy-link').addEventListener('click', copyLink);
    $('json').addEventListener('toggle', () => { if ($('json').open && state.report) $('json-text').textContent = jsonText(); });
    document.addEventListener('focusin', onBadgeEvent);
    document.addEventListener('mouseover', onBadgeEvent);
    // Back and forward between examples, and a hash typed into the address bar (both fire popstate).
    window.addEventListener('popstate', openFromUrl);
    await openFromUrl();
  }

  init();
})();
