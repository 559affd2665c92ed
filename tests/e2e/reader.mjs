// The reader page (issue 8, §2): a page whose CSP forbids WebAssembly in content scripts is read in
// the ClaimLens reader page in Chromium (Firefox draws on the page itself); the popup's reader view
// in both browsers; the XSS article in the reader page. Called by runSuite (common.mjs).
import path from 'node:path';
import {
  PAGES_DIR, SEED_CLAIMS, XSS_STRINGS, cliReport, extSend, labelsOf, openControl, openTarget, pgBadges, pgCompareSnapshot,
  pgCount, pgPopupState, pgSnapshot, pgXssState, sleep, stateOf, toggleMsg, turnOn, waitFor,
} from './common.mjs';

// In the reader page: whether it is done, its article's text and its own list of sources.
export function pgReaderState() {
  const article = document.getElementById('article');
  return {
    ready: document.body.dataset.ready === 'true',
    claims: document.body.dataset.claims === undefined ? null : Number(document.body.dataset.claims),
    status: (document.getElementById('status') || {}).textContent || '',
    text: article ? article.textContent : '',
    markup: article ? [...article.querySelectorAll('*')].filter((e) => !['h1', 'h2', 'p', 'blockquote', 'claimlens-badge'].includes(e.localName)).map((e) => e.localName) : [],
    sources: [...document.querySelectorAll('#sources button.source')].map((b) => b.dataset.name),
    links: [...document.querySelectorAll('a')].map((a) => a.href),
  };
}

// The reader tab the extension opened for page tab `tabId` (waits for it and for its article).
async function readerOf(B, tabId, timeout = 15000) {
  const prefix = B.extUrl(`reader.html?tabId=${tabId}`);
  const found = await waitFor(async () => { const t = await B.findTab(prefix); return { done: !!t, t }; }, { timeout });
  if (!found.done) return { tab: null };
  const st = await waitFor(async () => { const r = await B.eval(found.t, pgReaderState); return { done: r.ready && r.claims !== null || /could not/.test(r.status), r }; }, { timeout });
  return { tab: found.t, st: st.r, timedOut: !st.done };
}

// The state of tab `tabId` once the reader page reported its summary.
async function readerState(B, ctl, tabId, timeout = 10000) {
  const w = await waitFor(async () => { const s = await stateOf(B, ctl, tabId); return { done: s && s.mode === 'reader' && (s.claims > 0 || !!s.notice), s }; }, { timeout });
  return w.s;
}

function checkSeedOrder(R, name, badges) {
  let cursor = 0;
  const missing = [];
  for (const exp of SEED_CLAIMS) {
    const idx = badges.findIndex((b, i) => i >= cursor && b.segment.includes(exp.phrase));
    if (idx < 0 || !exp.source.test(badges[idx].label || '')) missing.push(`${exp.phrase}: ${idx < 0 ? 'no badge' : badges[idx].label}`);
    else cursor = idx + 1;
  }
  R.check(`${name}: the DESIGN §2 claims have their badges, in order, naming their sources`, missing.length === 0, missing.join(' | '));
}

async function xssChecks(R, B, name, reader, cli) {
  const bs = await B.eval(reader, pgBadges, null);
  // Open every card through focus so that any lazily built card exists too.
  for (let i = 0; i < bs.length; i++) {
    await B.eval(reader, (k) => { const b = document.querySelectorAll('claimlens-badge')[k]; const btn = b && b.shadowRoot && b.shadowRoot.querySelector('button'); if (btn) btn.focus(); return true; }, i);
  }
  const bs2 = await B.eval(reader, pgBadges, null);
  const x = await B.eval(reader, pgXssState);
  const pp = await B.eval(reader, pgPopupState);
  const rs = await B.eval(reader, pgReaderState);
  R.check(`${name}: badges as the CLI's claims`, bs.length === cli.claims.length, `${bs.length} badges, CLI ${cli.claims.length}`);
  R.check(`${name}: no alert or dialog ran`, (await B.dialogs()).length === 0, JSON.stringify(await B.dialogs()));
  R.check(`${name}: no img, script or handler made from the page's text (page and shadow roots), only the reader's own scripts`,
    x.elements.length === 0 && pp.bad.length === 0 && x.imgs === 1, JSON.stringify({ elements: x.elements, bad: pp.bad, imgs: x.imgs }));
  R.check(`${name}: the article holds only the reader's own elements (h1, h2, p, blockquote, badges)`, rs.markup.length === 0, JSON.stringify(rs.markup));
  R.check(`${name}: the markup-like strings are shown as text`, XSS_STRINGS.every((s) => rs.text.includes(s)), rs.text.slice(0, 300));
  for (const s of XSS_STRINGS) {
    const where = cli.claims.map((cl, i) => ({ i, cl })).filter(({ cl }) => cl.source && [cl.source.name, cl.source.descriptor, cl.source.mention].some((v) => v && v.includes(s)));
    if (!where.length) continue;
    const shown = where.map(({ i }) => { const b = bs2.find((y) => Number(y.claim) === i); return !!b && [b.card, b.label, b.text].some((v) => (v || '').includes(s)); });
    R.check(`${name}: ${s} shows as text in the cards of the claims whose source carries it`, shown.every(Boolean), JSON.stringify(shown));
  }
}

export async function runReader(B, R, { srv, ext, pageUrl }) {
  // -- A page with a strict CSP (no 'wasm-unsafe-eval') --------------------------------------------
  // DESIGN §3: Chromium refuses to compile wasm in a content script there, Firefox does not. The
  // page has no inline style or script, so any CSP violation would be the extension's.
  {
    const cli = cliReport(path.join(PAGES_DIR, 'csp-seed.html'));
    const t = await openTarget(B, srv.base, pageUrl('csp/csp-seed.html'));
    await B.eval(t.tab, pgSnapshot);
    const c = await openControl(B, ext, t.tabId);
    const on = await turnOn(B, c, t.tab, t.tabId);
    if (on.clicks > 1) R.info(`csp: the toolbar button needed ${on.clicks} clicks`);
    if (B.name === 'chromium') {
      const r = await readerOf(B, t.tabId);
      R.check('csp: Chromium opens the reader page (an extension page) for the page whose CSP forbids wasm', !!r.tab && !r.timedOut,
        r.tab ? JSON.stringify(r.st) : 'no reader tab');
      const s = await readerState(B, c, t.tabId);
      R.check('csp: claimlens/state for the page answers mode "reader" with its claim count (the CLI\'s) and why',
        s && s.mode === 'reader' && s.on === true && s.claims === cli.claims.length && typeof s.reason === 'string' && /CSP/.test(s.reason) && !s.error,
        JSON.stringify(s));
      R.check('csp: no badge in the page itself', (await B.eval(t.tab, pgCount)) === 0);
      if (r.tab) {
        const badges = await B.eval(r.tab, pgBadges, null);
        R.check('csp: the reader page has a badge per claim (as the CLI)', badges.length === cli.claims.length, `${badges.length} badges, CLI ${cli.claims.length}`);
        checkSeedOrder(R, 'csp reader', badges);
        const rs = await B.eval(r.tab, pgReaderState);
        const want = cli.sources.map((x) => x.name);
        R.check('csp: the reader page lists the sources (as the CLI)', want.every((n) => rs.sources.includes(n)) && rs.sources.length === want.length, JSON.stringify(rs.sources));
        R.check('csp: the reader page links back only to the page itself', rs.links.length === 1 && rs.links[0] === t.url, JSON.stringify(rs.links));
      }
      await B.reload(c);
      await waitFor(async () => ({ done: await B.eval(c, () => document.body && document.body.dataset.ready === 'true') }), { timeout: 5000 });
      const pp = await B.eval(c, pgPopupState);
      R.check('csp: the popup says the claims are in the reader view', /reader view/.test(pp.text) && pp.text.includes(String(cli.claims.length)), pp.text.slice(0, 300));
      // Off: the reader tab closes and the page is back to "reader only".
      const off = await B.eval(c, extSend, { type: 'claimlens/toggle', tabId: t.tabId });
      const gone = await waitFor(async () => ({ done: !(await B.findTab(B.extUrl(`reader.html?tabId=${t.tabId}`))) }), { timeout: 5000 });
      R.check('csp: turning it off closes the reader page; the state says the page can be read only in the reader',
        gone.done && off && off.on === false && off.mode === 'unavailable' && off.blocked === true, JSON.stringify(off));
    } else {
      const s = on.st || {};
      R.check('csp: Firefox draws the badges in the page', !on.timedOut && on.n === cli.claims.length && s.mode === 'in-page',
        `${on.n} badges, CLI ${cli.claims.length}; state ${JSON.stringify(s)}`);
      await toggleMsg(B, c, t.tab, t.tabId, false);
    }
    const cmp = await B.eval(t.tab, pgCompareSnapshot);
    R.check('csp: the page is as before', cmp.ok, cmp.diffs.join(' | '));
    await B.close(c);
    await B.close(t.tab);
  }

  // -- The popup's reader view on an ordinary page (both browsers) -------------------------------------
  {
    const cli = cliReport(path.join(PAGES_DIR, 'seed.html'));
    const t = await openTarget(B, srv.base, pageUrl('seed.html'));
    const c = await openControl(B, ext, t.tabId);
    const on = await turnOn(B, c, t.tab, t.tabId);
    const resp = await B.eval(c, extSend, { type: 'claimlens/reader', tabId: t.tabId });
    const r = await readerOf(B, t.tabId);
    const s = await readerState(B, c, t.tabId);
    R.check('reader view: claimlens/reader opens the reader page; the state says mode "reader" with the CLI\'s count',
      on.n > 0 && !!r.tab && resp && resp.mode === 'reader' && s && s.claims === cli.claims.length, JSON.stringify({ resp, s }));
    R.check('reader view: the page itself has no badge left while the reader shows it', (await B.eval(t.tab, pgCount)) === 0);
    if (r.tab) {
      const badges = await B.eval(r.tab, pgBadges, null);
      checkSeedOrder(R, 'reader view', badges);
      await B.close(r.tab);
      const after = await waitFor(async () => { const x = await stateOf(B, c, t.tabId); return { done: x && x.mode === 'in-page', x }; }, { timeout: 5000 });
      R.check('reader view: closing the reader tab puts the page back to in-page, off', after.done && after.x.on === false, JSON.stringify(after.x));
    }
    await B.close(c);
    await B.close(t.tab);
  }

  // -- The XSS article in the reader page ------------------------------------------------------------
  {
    const cli = cliReport(path.join(PAGES_DIR, 'csp-xss.html'));
    const t = await openTarget(B, srv.base, pageUrl('csp/csp-xss.html'));
    await B.eval(t.tab, pgSnapshot);
    const c = await openControl(B, ext, t.tabId);
    await turnOn(B, c, t.tab, t.tabId);
    // Chromium opened the reader by itself (the CSP); Firefox drew in the page: ask for the reader.
    if (B.name !== 'chromium') await B.eval(c, extSend, { type: 'claimlens/reader', tabId: t.tabId });
    const r = await readerOf(B, t.tabId);
    R.check('xss reader: the reader page opens on the XSS article', !!r.tab && !r.timedOut, JSON.stringify(r.st));
    if (r.tab) {
      await xssChecks(R, B, 'xss reader', r.tab, cli);
      await B.close(r.tab);
    }
    await waitFor(async () => { const x = await stateOf(B, c, t.tabId); return { done: x && x.mode !== 'reader' }; }, { timeout: 5000 });
    const cmp = await B.eval(t.tab, pgCompareSnapshot);
    R.check('xss reader: the page is as before', cmp.ok, cmp.diffs.join(' | '));
    await B.close(c);
    await B.close(t.tab);
  }
  await sleep(100);
}
