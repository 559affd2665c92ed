// End-to-end tests of the built extension (dist/chrome) in Chromium, through playwright-core.
//
//   node tests/e2e/chromium.mjs            the checks (PASS/FAIL lines; exit 1 on any failure)
//   node tests/e2e/chromium.mjs --bench FILE [--runs N]   the benchmark, results as JSON to FILE
//
// Chromium: /usr/bin/chromium (or $CHROMIUM), headless, a fresh profile, the extension loaded with
// --load-extension. The page server is also the browser's proxy for every host but 127.0.0.1, so
// nothing can reach the network and every attempt is recorded.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  Report, benchPages, extensionInfo, runBench, runSuite, sleep, startServer, watchdog,
} from './common.mjs';
import { runRestart } from './sites.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const argv = process.argv.slice(2);
const benchOut = argv.includes('--bench') ? argv[argv.indexOf('--bench') + 1] : null;
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 7;

const t0 = Date.now();
const R = new Report('chromium');
const ext = extensionInfo('chromium');
const bench = benchOut ? benchPages() : null;
const srv = await startServer({ extra: bench && bench.extraDir });
const userDataDir = mkdtempSync(path.join(tmpdir(), 'claimlens-chromium-'));
let context = null;
const cleanup = async () => {
  if (context) await context.close().catch(() => {});
  srv.stop();
  ext.remove();
  rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  if (bench && bench.extraDir) rmSync(bench.extraDir, { recursive: true, force: true });
};
const stopWatchdog = watchdog(Number(process.env.E2E_TIMEOUT_S || (benchOut ? 600 : 300)) * 1000, cleanup);

// The id Chromium gives an unpacked extension: the first 128 bits of the SHA-256 of its absolute
// path, each hex digit written as a letter a-p.
const unpackedId = (dir) => [...createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32)]
  .map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
// The optional host permission for the test pages' site, as Chromium records it once a user granted
// it and the extension gave it back (permissions.remove keeps it in runtime_granted_permissions):
// then permissions.request from a real click resolves without the permission dialog, which headless
// Chromium cannot show or answer (measured: the request never settles; no switch or DevTools
// command accepts it). The request still needs the click: without a user gesture Chromium refuses.
const expectedId = unpackedId(ext.dir);
mkdirSync(path.join(userDataDir, 'Default'), { recursive: true });
writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify({
  extensions: { settings: { [expectedId]: { runtime_granted_permissions: { explicit_host: ['*://127.0.0.1/*'], scriptable_host: [] } } } },
}));

const launchOptions = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  ignoreDefaultArgs: ['--disable-extensions'],
  viewport: { width: 1280, height: 900 },
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--disable-extensions-except=${ext.dir}`, `--load-extension=${ext.dir}`,
    `--proxy-server=http://127.0.0.1:${srv.port}`,
  ],
};
const errors = [];
const requests = [];
const dialogs = [];
let browserCdp = null;

// Launches Chromium on the profile (again, for the restart test) and watches it; the extension's id.
async function start() {
  context = await chromium.launchPersistentContext(userDataDir, launchOptions);
  context.on('request', (r) => {
    let by = 'unknown';
    try { by = r.serviceWorker() ? 'service worker' : (r.frame() ? r.frame().url() : 'unknown'); } catch { /* detached */ }
    requests.push({ url: r.url(), by, type: r.resourceType() });
  });
  const watchPage = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') errors.push({ where: page.url(), text: m.text(), at: m.location() && m.location().url }); });
    page.on('pageerror', (e) => errors.push({ where: page.url(), text: 'uncaught: ' + String(e && e.stack || e) }));
    page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()} on ${page.url()}`); d.dismiss().catch(() => {}); });
  };
  context.on('page', watchPage);
  for (const p of context.pages()) watchPage(p);

  let sw = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15000 });
  const watchWorker = (w) => { w.on('console', (m) => { if (process.env.E2E_DEBUG) console.log('SW console:', m.text()); if (m.type() === 'error') errors.push({ where: w.url(), text: m.text() }); }); };
  watchWorker(sw);
  context.on('serviceworker', watchWorker);
  // The browser-level DevTools session: Extensions.triggerAction is the real toolbar button (it
  // grants activeTab, as a click does); headless Chromium has no toolbar to click.
  browserCdp = await context.browser().newBrowserCDPSession();
  return { sw, extId: new URL(sw.url()).host };
}

let code = 1;
try {
  const { sw, extId } = await start();
  const worker = async () => {
    const w = context.serviceWorkers().find((x) => x.url().startsWith(`chrome-extension://${extId}/`));
    return w || context.waitForEvent('serviceworker', { timeout: 10000 });
  };
  console.log(`chromium: extension ${extId} loaded from ${ext.dir} (service worker ${sw.url()}, +${Date.now() - t0} ms)`);
  if (extId !== expectedId) R.info(`the extension's id ${extId} is not the one computed from its path (${expectedId}): the site permission was not pre-seeded`);

  const expr = (fn, args) => `(${fn.toString()})(...${JSON.stringify(args)})`;
  const B = {
    name: 'chromium',
    extOrigin: `chrome-extension://${extId}`,
    extUrl: (p) => `chrome-extension://${extId}/${p}`,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 20000 });
      return page;
    },
    eval: (page, fn, ...args) => page.evaluate(expr(fn, args)),
    // Surely without a user gesture: playwright's evaluate runs with one (as if the user had
    // clicked), and the page keeps that activation for seconds; so a fresh copy of the page, loaded
    // without evaluating anything, and the DevTools protocol's evaluate with userGesture false.
    async evalNoGesture(page, fn, ...args) {
      const fresh = await context.newPage();
      try {
        await fresh.goto(page.url(), { waitUntil: 'load', timeout: 10000 });
        const cdp = await context.newCDPSession(fresh);
        const r = await cdp.send('Runtime.evaluate', { expression: expr(fn, args), awaitPromise: true, returnByValue: true, userGesture: false });
        await cdp.detach().catch(() => {});
        return r.result.value;
      } finally {
        await fresh.close().catch(() => {});
      }
    },
    front: (page) => page.bringToFront(),
    async tabId(page, url) {
      await page.bringToFront();
      return (await worker()).evaluate(async (u) => {
        const byUrl = await chrome.tabs.query({ url: u }).catch(() => []);
        if (byUrl.length === 1 && byUrl[0].url === u) return byUrl[0].id;
        const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return active ? active.id : null;
      }, url);
    },
    key: (page, k) => page.keyboard.press(k),
    click: (page, css) => page.click(css, { timeout: 5000 }),
    async command(page) {
      await page.bringToFront();
      const tabId = await B.tabId(page, page.url());
      // Headless Chromium does not deliver shortcuts; dispatch() runs the listeners the background
      // registered, with the same arguments the browser passes.
      return (await worker()).evaluate(async ({ name, tabId }) => {
        const tab = await chrome.tabs.get(tabId);
        if (name === '_execute_action') chrome.action.onClicked.dispatch(tab);
        else chrome.commands.onCommand.dispatch(name, tab);
        return true;
      }, { name: ext.command, tabId });
    },
    async action(page) {
      await page.bringToFront();
      const { targetInfos } = await browserCdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tabs = targetInfos.filter((x) => x.type === 'tab' && x.url === page.url());
      if (tabs.length !== 1) throw new Error(`${tabs.length} tab targets for ${page.url()}`);
      const t = performance.timeOrigin + performance.now();
      await browserCdp.send('Extensions.triggerAction', { id: extId, targetId: tabs[0].targetId });
      return t;
    },
    // A tab the extension opened (the reader page): the first whose URL starts with `prefix`.
    findTab: async (prefix) => context.pages().find((p) => p.url().startsWith(prefix)) || null,
    reload: (page) => page.reload({ waitUntil: 'load', timeout: 20000 }),
    // Closes the browser and starts it again on the same profile (every tab is gone).
    async restart() {
      await context.close();
      const again = await start();
      if (again.extId !== extId) throw new Error(`the extension came back as ${again.extId}, not ${extId}`);
    },
    close: (page) => page.close(),
    consoleErrors: async () => errors,
    requests: async () => requests,
    dialogs: async () => dialogs,
    async memory(page) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await sleep(100);
      await cdp.send('HeapProfiler.collectGarbage');
      const h = await cdp.send('Runtime.getHeapUsage');
      // The wasm linear memory, read in the content script's own (isolated) world: once initialised,
      // wasm_bindgen() returns the instance's exports without loading anything again.
      const contexts = [];
      cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
      await cdp.send('Runtime.enable');
      await sleep(100);
      let wasmMemory = null;
      for (const c of contexts) {
        if (!c.auxData || c.auxData.type !== 'isolated' || !String(c.origin || c.name).includes(extId) && c.name !== ext.manifest.name) continue;
        const r = await cdp.send('Runtime.evaluate', {
          contextId: c.id, awaitPromise: true, returnByValue: true,
          // version() throws until the module is instantiated; only then is wasm_bindgen() a lookup.
          expression: `(() => { try { wasm_bindgen.version(); } catch (e) { return null; } return wasm_bindgen().then((w) => w.memory.buffer.byteLength); })()`,
        }).catch(() => null);
        if (r && r.result && typeof r.result.value === 'number') wasmMemory = r.result.value;
      }
      await cdp.detach();
      return { jsHeapUsed: h.usedSize, backingStores: h.backingStorageSize ?? null, wasmMemory };
    },
  };

  if (benchOut) {
    const results = await runBench(B, srv, ext, bench.pages, runs);
    writeFileSync(benchOut, JSON.stringify({ browser: 'chromium', version: context.browser() ? context.browser().version() : null, note: bench.note, memoryKind: 'the tab’s renderer isolate after two forced GCs (CDP Runtime.getHeapUsage): JS heap used by the page and the content script’s world; and the wasm linear memory (memory.buffer.byteLength, read in the content script’s world), which V8 keeps outside that heap', results }, null, 2));
    code = 0;
  } else {
    await runSuite(B, R, srv, ext);
    await runRestart(B, R, { srv, ext });
    code = R.summary(t0);
  }
} catch (e) {
  R.check('the run finished without an exception', false, String(e && e.stack || e));
  code = R.summary(t0) || 1;
} finally {
  stopWatchdog();
  await cleanup();
}
process.exit(code);
