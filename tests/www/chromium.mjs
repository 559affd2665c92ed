// The demo page (dist/www) in headless Chromium, through playwright-core.
//
//   node tests/www/chromium.mjs                      the checks (PASS/FAIL lines; exit 1 on a failure)
//   node tests/www/chromium.mjs --bench FILE [--runs N]   the benchmark, results as JSON to FILE
//
// Chromium is /usr/bin/chromium (or $CHROMIUM). The page server is also the browser's proxy, so a
// request for any host but 127.0.0.1 is recorded and refused, never sent.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { Report, runBench, runSuite, startServer, watchdog } from './common.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const argv = process.argv.slice(2);
const benchOut = argv.includes('--bench') ? argv[argv.indexOf('--bench') + 1] : null;
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 7;

const t0 = Date.now();
const R = new Report('chromium');
const srv = await startServer();
let browser = null;
const cleanup = async () => {
  if (browser) await browser.close().catch(() => {});
  srv.stop();
};
const stopWatchdog = watchdog(Number(process.env.WWW_TIMEOUT_S || (benchOut ? 600 : 180)) * 1000, cleanup);

let code = 1;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--proxy-server=http://127.0.0.1:${srv.port}`],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  const dialogs = [];
  context.on('request', (r) => requests.push({ url: r.url(), by: r.frame() ? r.frame().url() : 'unknown', type: r.resourceType() }));
  page.on('console', (m) => { if (m.type() === 'error') errors.push({ t: Date.now(), where: page.url(), text: m.text() }); });
  page.on('pageerror', (e) => errors.push({ t: Date.now(), where: page.url(), text: 'uncaught: ' + String(e && e.stack || e) }));
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });

  const expr = (fn, args) => `(${fn.toString()})(...${JSON.stringify(args)})`;
  const B = {
    name: 'chromium',
    goto: (url) => page.goto(url, { waitUntil: 'load', timeout: 20000 }),
    eval: (fn, ...args) => page.evaluate(expr(fn, args)),
    click: (css) => page.click(css, { timeout: 5000 }),
    press: (key) => page.keyboard.press(key),
    setFile: (css, file) => page.setInputFiles(css, file),
    viewport: (width, height) => page.setViewportSize({ width, height }),
    dark: (on) => page.emulateMedia({ colorScheme: on ? 'dark' : 'light' }),
    screenshot: (file) => page.screenshot({ path: file }),
    requests: async () => requests,
    dialogs: async () => dialogs,
    consoleErrors: async () => errors,
  };
  console.log(`www chromium: ${browser.version()} (+${Date.now() - t0} ms)`);
  if (benchOut) {
    const results = await runBench(B, srv, runs);
    writeFileSync(benchOut, JSON.stringify({ browser: 'chromium', version: browser.version(), ...results }, null, 2));
    code = 0;
  } else {
    await runSuite(B, R, srv);
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
