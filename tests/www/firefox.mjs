// The demo page (dist/www) in headless Firefox ESR, through selenium-webdriver and geckodriver.
//
//   node tests/www/firefox.mjs                      the checks (PASS/FAIL lines; exit 1 on a failure)
//   node tests/www/firefox.mjs --bench FILE [--runs N]   the benchmark, results as JSON to FILE
//
// Firefox is /usr/bin/firefox-esr (or $FIREFOX); geckodriver $GECKODRIVER or ~/.cargo/bin/geckodriver,
// started with --allow-system-access for the privileged "chrome" context (which watches every HTTP
// request of the browser, reads the console service, and sets the colour scheme pages see). The
// page server is also the proxy for every host but 127.0.0.1.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { Report, runBench, runSuite, sleep, startServer, watchdog } from './common.mjs';

const require = createRequire(import.meta.url);
const { Builder, By, Key } = require('selenium-webdriver');
const firefox = require('selenium-webdriver/firefox');
const LogInspector = require('selenium-webdriver/bidi/logInspector');

const argv = process.argv.slice(2);
const benchOut = argv.includes('--bench') ? argv[argv.indexOf('--bench') + 1] : null;
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 7;

const t0 = Date.now();
const R = new Report('firefox');
const srv = await startServer();

const opts = new firefox.Options()
  .setBinary(process.env.FIREFOX || '/usr/bin/firefox-esr')
  .addArguments('-headless')
  .enableBidi()
  .windowSize({ width: 1280, height: 1000 })
  // Every host but 127.0.0.1 goes to the page server, which records it and answers 502.
  .setPreference('network.proxy.type', 1)
  .setPreference('network.proxy.http', '127.0.0.1')
  .setPreference('network.proxy.http_port', srv.port)
  .setPreference('network.proxy.ssl', '127.0.0.1')
  .setPreference('network.proxy.ssl_port', srv.port)
  .setPreference('network.proxy.no_proxies_on', '')
  .setPreference('network.proxy.allow_hijacking_localhost', false)
  .setPreference('network.dns.disablePrefetch', true)
  .setPreference('network.prefetch-next', false)
  .setPreference('app.update.enabled', false)
  .setPreference('extensions.update.enabled', false)
  .setPreference('browser.shell.checkDefaultBrowser', false)
  .setPreference('datareporting.policy.dataSubmissionEnabled', false)
  .setPreference('datareporting.healthreport.uploadEnabled', false)
  .setPreference('toolkit.telemetry.enabled', false)
  .setPreference('network.captive-portal-service.enabled', false)
  .setPreference('network.connectivity-service.enabled', false)
  .setPreference('browser.safebrowsing.update.enabled', false)
  .setPreference('browser.safebrowsing.malware.enabled', false)
  .setPreference('browser.safebrowsing.phishing.enabled', false)
  .setPreference('services.settings.server', 'data:,#remote-settings-dummy/v1')
  .setPreference('browser.region.network.url', '')
  .setPreference('browser.region.update.enabled', false)
  .setPreference('browser.search.update', false)
  .setPreference('browser.newtabpage.enabled', false)
  .setPreference('browser.startup.homepage', 'about:blank')
  .setPreference('browser.startup.page', 0)
  .setPreference('extensions.systemAddon.update.enabled', false)
  .setPreference('extensions.blocklist.enabled', false)
  .setPreference('layout.css.prefers-color-scheme.content-override', 1) // light, until the test asks for dark
  // performance.now() to the microsecond (Firefox rounds it to 1 ms by default): for the benchmark.
  .setPreference('privacy.reduceTimerPrecision', false);

const service = new firefox.ServiceBuilder(process.env.GECKODRIVER || `${process.env.HOME}/.cargo/bin/geckodriver`)
  .addArguments('--allow-system-access')
  .setEnvironment({ ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' });
let driver = null;
let firefoxPid = null;
const cleanup = async () => {
  if (driver) await Promise.race([driver.quit().catch(() => {}), sleep(8000)]);
  if (firefoxPid) { try { process.kill(firefoxPid, 'SIGKILL'); } catch { /* gone */ } }
  srv.stop();
};
const stopWatchdog = watchdog(Number(process.env.WWW_TIMEOUT_S || (benchOut ? 600 : 180)) * 1000, cleanup);

let code = 1;
try {
  driver = await new Builder().forBrowser('firefox').setFirefoxOptions(opts).setFirefoxService(service).build();
  const caps = await driver.getCapabilities();
  firefoxPid = caps.get('moz:processID') || null;
  console.log(`www firefox: ${caps.get('browserVersion')}, pid ${firefoxPid} (+${Date.now() - t0} ms)`);
  const chrome = async (fn, ...args) => {
    await driver.setContext('chrome');
    try { return await driver.executeScript(fn, ...args); } finally { await driver.setContext('content'); }
  };
  // Every HTTP(S) request of the whole browser, from now on, with who triggered it.
  await chrome(() => {
    window.__wwwRequests = [];
    Services.obs.addObserver({
      observe(subject) {
        try {
          const ch = subject.QueryInterface(Ci.nsIHttpChannel);
          const p = ch.loadInfo && ch.loadInfo.triggeringPrincipal;
          window.__wwwRequests.push({ url: ch.URI.spec, by: p ? (p.isSystemPrincipal ? 'system' : p.origin) : 'unknown' });
        } catch (e) { /* not an HTTP channel */ }
      },
    }, 'http-on-modify-request');
    return true;
  });
  const consoleFrom = Date.now();
  const consoleCalls = [];
  const inspector = await LogInspector(driver);
  await inspector.onConsoleEntry((e) => { if (e.level === 'error') consoleCalls.push({ t: e.timestamp || Date.now(), where: 'console', text: e.text }); });
  await inspector.onJavascriptException((e) => consoleCalls.push({ t: e.timestamp || Date.now(), where: 'exception', text: e.text }));
  const dialogs = [];
  const evalIn = async (fn, ...args) => {
    try {
      return await driver.executeScript(fn, ...args);
    } catch (e) {
      if (e && e.name === 'UnexpectedAlertOpenError') { dialogs.push(String(e.message)); return driver.executeScript(fn, ...args); }
      throw e;
    }
  };
  const keys = { Tab: Key.TAB, Escape: Key.ESCAPE, Enter: Key.ENTER };
  const B = {
    name: 'firefox',
    goto: (url) => driver.get(url),
    eval: evalIn,
    async click(css) { await driver.findElement(By.css(css)).click(); },
    async press(key) {
      if (key === 'Shift+Tab') await driver.actions().keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
      else await driver.actions().sendKeys(keys[key] || key).perform();
    },
    async setFile(css, file) { await driver.findElement(By.css(css)).sendKeys(file); },
    async viewport(width, height) {
      // The window's outer size, corrected by the difference to the page's viewport.
      await driver.manage().window().setRect({ width, height });
      const inner = await driver.executeScript('return [innerWidth, innerHeight]');
      await driver.manage().window().setRect({ width: width + (width - inner[0]), height: height + (height - inner[1]) });
    },
    dark: (on) => chrome((v) => { Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', v); return true; }, on ? 0 : 1),
    async screenshot(file) { writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64')); },
    requests: () => chrome(() => window.__wwwRequests).then((all) => all.filter((r) => r.by !== 'system')),
    dialogs: async () => dialogs,
    consoleErrors: () => chrome((since, base) => {
      const out = [];
      for (const m of Services.console.getMessageArray() || []) {
        if (!(m instanceof Ci.nsIScriptError) || m.timeStamp < since) continue;
        if (m.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) continue;
        const src = m.sourceName || '';
        if (src.startsWith(base) || (!m.isFromChromeContext && !/^(chrome|resource|moz-src|about):/.test(src))) {
          out.push({ t: m.timeStamp, where: src, text: `${m.category}: ${m.errorMessage}` });
        }
      }
      return out;
    }, consoleFrom, srv.base).then((out) => out.concat(consoleCalls)),
  };
  if (benchOut) {
    const results = await runBench(B, srv, runs);
    writeFileSync(benchOut, JSON.stringify({ browser: 'firefox', version: caps.get('browserVersion'), ...results }, null, 2));
    code = 0;
  } else {
    await runSuite(B, R, srv);
    // The system principal: the driver's navigations (to the page's own URLs) and the browser's own traffic.
    const sys = (await chrome(() => window.__wwwRequests)).filter((r) => r.by === 'system' && !r.url.startsWith(srv.base + '/'));
    if (sys.length) R.info(`the browser’s own requests (system principal), not the page’s: ${[...new Set(sys.map((r) => new URL(r.url).host))].join(', ')}`);
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
