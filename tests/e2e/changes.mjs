// Pages that change under the overlay (issue 8, §3): an app that swaps its article (URL change
// without a load), content that arrives late, a framework that re-renders its text every 200 ms for
// 10 s (a bounded number of redraws, then the page is left alone and the state says why), and, at
// the same time, a page that mutates for 10 s with the overlay off (no observer callback, no
// timer). Called by runSuite (common.mjs).
import path from 'node:path';
import {
  PAGES_DIR, cliReport, openControl, openTarget, pgBadges, pgCount, sleep, stateOf, toggleMsg, turnOn, waitFor,
} from './common.mjs';

// The budgets of src/web/observe.rs: a page redrawn more often than MAX_REDRAWS times within a
// minute is left alone, and so is one that never pauses for MAX_UNQUIET_BURSTS bursts in a row (each
// cut at 1.5 s): re-rendering every 200 ms, it is left alone after 4 redraws, about 7.5 s in.
const MAX_REDRAWS = 8;
const MAX_UNQUIET_BURSTS = 5;
const FIGHT_MS = 10000;

// In the page: re-renders every paragraph of the article (its text set again, as a framework does,
// which takes the badges inside it away) every `every` ms for `during` ms; counts the renders.
export function pgRerenderFor(every, during) {
  window.__renders = 0;
  const id = setInterval(() => {
    for (const p of document.querySelectorAll('article p')) p.textContent = p.textContent;
    window.__renders++;
  }, every);
  setTimeout(() => clearInterval(id), during);
  return true;
}
export function pgRenders() { return window.__renders; }

// Waits until the page's state shows `n` or more redraws and the badges agree with the state.
async function settledAfterRedraws(B, c, t, n, timeout = 10000) {
  let prev = -1;
  return waitFor(async () => {
    const s = await stateOf(B, c, t.tabId);
    const count = await B.eval(t.tab, pgCount);
    const ok = s && s.observer && s.observer.redraws >= n && !s.observer.pending && count === s.claims && count === prev;
    prev = count;
    return { done: ok, s, count };
  }, { timeout, interval: 200 });
}

// Turns the overlay off and on again: what a fresh reading of the page gives now.
async function fresh(B, c, t) {
  await toggleMsg(B, c, t.tab, t.tabId, false);
  const on = await toggleMsg(B, c, t.tab, t.tabId, true);
  return { n: on.n, labels: (await B.eval(t.tab, pgBadges, null)).map((b) => b.label) };
}

export async function runChanges(B, R, { srv, ext, pageUrl }) {
  // -- An app that swaps its article without a page load ---------------------------------------------
  {
    const cli = cliReport(path.join(PAGES_DIR, 'spa.html'));
    const t = await openTarget(B, srv.base, pageUrl('spa.html'));
    const c = await openControl(B, ext, t.tabId);
    const on = await turnOn(B, c, t.tab, t.tabId);
    R.check('spa: the first article gets its badges (as the CLI)', on.n === cli.claims.length, `${on.n} badges, CLI ${cli.claims.length}`);
    const url = await B.eval(t.tab, () => window.__spaShow(2));
    const w = await settledAfterRedraws(B, c, t, 1);
    const labels = (await B.eval(t.tab, pgBadges, null)).map((b) => b.label);
    const stale = labels.filter((l) => /Financial Times|Alibaba|White House|Liu Pengyu|Anthropic|Lin Jian/.test(l || ''));
    R.check('spa: after the app swapped the article (URL changed, no load), new badges and no stale one',
      w.done && /story=2/.test(url) && w.count > 0 && stale.length === 0 && labels.some((l) => /Ana Ruiz/.test(l || '')),
      `${w.count} badges; state ${JSON.stringify(w.s && { claims: w.s.claims, observer: w.s.observer })}; labels ${JSON.stringify(labels)}`);
    const f = await fresh(B, c, t);
    R.check('spa: the badges drawn after the swap are those of a fresh reading', JSON.stringify(f.labels) === JSON.stringify(labels), `fresh ${JSON.stringify(f.labels)}`);
    await toggleMsg(B, c, t.tab, t.tabId, false);
    await B.close(c);
    await B.close(t.tab);
  }

  // -- Content that arrives late --------------------------------------------------------------------
  {
    const t = await openTarget(B, srv.base, pageUrl('late.html'));
    const c = await openControl(B, ext, t.tabId);
    const on = await turnOn(B, c, t.tab, t.tabId);
    R.check('late: the app shell has no article yet (no badge, the state says no_article)', on.n === 0 && on.st && on.st.notice === 'no_article', JSON.stringify(on.st && { on: on.st.on, notice: on.st.notice }));
    await B.eval(t.tab, () => window.__lateArrive());
    const w = await settledAfterRedraws(B, c, t, 1);
    const labels = (await B.eval(t.tab, pgBadges, null)).map((b) => b.label);
    R.check('late: the article that arrived late gets its badges, with no click', w.done && w.count >= 12 && labels.some((l) => /^Source: Liu Pengyu/.test(l || '')),
      `${w.count} badges; state ${JSON.stringify(w.s && { claims: w.s.claims, notice: w.s.notice, observer: w.s.observer })}`);
    const f = await fresh(B, c, t);
    R.check('late: they are those of a fresh reading', JSON.stringify(f.labels) === JSON.stringify(labels), `fresh ${f.n}, after the change ${labels.length}`);
    await toggleMsg(B, c, t.tab, t.tabId, false);
    await B.close(c);
    await B.close(t.tab);
  }

  // -- Re-rendered every 200 ms for 10 s (on), and mutating for 10 s (off), at the same time ---------
  {
    const off = await openTarget(B, srv.base, pageUrl('inline.html'));
    const co = await openControl(B, ext, off.tabId);
    await turnOn(B, co, off.tab, off.tabId);
    const offState = await toggleMsg(B, co, off.tab, off.tabId, false);
    const before = (await stateOf(B, co, off.tabId)).observer;
    R.check('off: the page was read once (the content script and the module are loaded), and is off', offState.n === 0 && before && before.watching === false,
      JSON.stringify(before));

    const t = await openTarget(B, srv.base, pageUrl('seed.html'));
    const c = await openControl(B, ext, t.tabId);
    const on = await turnOn(B, c, t.tab, t.tabId);
    await B.eval(off.tab, pgRerenderFor, 200, FIGHT_MS);
    await B.front(t.tab);
    await B.eval(t.tab, pgRerenderFor, 200, FIGHT_MS);
    await sleep(FIGHT_MS + 2500);
    const s = await stateOf(B, c, t.tabId);
    const renders = await B.eval(t.tab, pgRenders);
    const o = s.observer || {};
    R.info(`fight: ${renders} re-renders in ${FIGHT_MS / 1000} s; observer ${JSON.stringify(o)}; ${on.n} badges at first`);
    R.check(`fight: a page re-rendering its text for ${FIGHT_MS / 1000} s gets a bounded number of redraws (≤ ${MAX_REDRAWS})`,
      renders >= 10 && o.redraws > 0 && o.redraws <= MAX_REDRAWS && o.pending === false, JSON.stringify({ renders, observer: o }));
    R.check(`fight: the page that never pauses is left alone (≤ ${MAX_UNQUIET_BURSTS - 1} redraws): no observer is left and claimlens/state says why in \`reason\``,
      o.redraws <= MAX_UNQUIET_BURSTS - 1 && o.watching === false && typeof s.reason === 'string' && /keeps changing/.test(s.reason),
      JSON.stringify({ watching: o.watching, reason: s.reason }));
    const after = (await stateOf(B, co, off.tabId)).observer;
    const offRenders = await B.eval(off.tab, pgRenders);
    R.check(`off: a page mutating for ${FIGHT_MS / 1000} s with the overlay off costs no observer callback, no redraw, no timer`,
      offRenders >= 10 && after.callbacks === before.callbacks && after.records === before.records && after.redraws === before.redraws &&
      after.watching === false && after.pending === false && (await B.eval(off.tab, pgCount)) === 0,
      JSON.stringify({ renders: offRenders, before, after }));
    await toggleMsg(B, c, t.tab, t.tabId, false);
    await B.close(c);
    await B.close(t.tab);
    await B.close(co);
    await B.close(off.tab);
  }
}
