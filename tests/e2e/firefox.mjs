// End-to-end tests of the built extension (dist/firefox) in Firefox ESR, through selenium-webdriver
// and geckodriver.
//
//   node tests/e2e/firefox.mjs            the checks (PASS/FAIL lines; exit 1 on any failure)
//   node tests/e2e/firefox.mjs --bench FILE [--runs N]   the benchmark, results as JSON to FILE
//
// Firefox: /usr/bin/firefox-esr (or $FIREFOX), headless, a fresh profile; geckodriver from
// $GECKODRIVER or ~/.cargo/bin/geckodriver, started with --allow-system-access (moz-extension://
// pages and the privileged "chrome" context, used to fire the command's <key>, to map tabs to the
// extension's tab ids, to watch every HTTP request and to read the console). The extension is a
// temporary add-on with a fixed moz-extension:// UUID. The page server is also the proxy for every
// host but 127.0.0.1.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import {
  Report, benchPages, extensionInfo, runBench, runSuite, sleep, startServer, watchdog,
} from './common.mjs';
import { runRestart } from './sites.mjs';

const require = createRequire(import.meta.url);
const { Builder, By, Key } = require('selenium-webdriver');
const firefox = require('selenium-webdriver/firefox');
const LogInspector = require('selenium-webdriver/bidi/logInspector');

const argv = process.argv.slice(2);
const benchOut = argv.includes('--bench') ? argv[argv.indexOf('--bench') + 1] : null;
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 7;

const UUID = '7c1a1e55-c1a1-4e2e-9e2e-000000000e2e';
const t0 = Date.now();
const R = new Report('firefox');
const ext = extensionInfo('firefox');
if (!ext.geckoId) throw new Error('dist/firefox/manifest.json has no browser_specific_settings.gecko.id');
const bench = benchOut ? benchPages() : null;
const srv = await startServer({ extra: bench && bench.extraDir });

const opts = new firefox.Options()
  .setBinary(process.env.FIREFOX || '/usr/bin/firefox-esr')
  .addArguments('-headless')
  .enableBidi()  // WebDriver BiDi: console.error() calls of pages, extension pages and content scripts
  .windowSize({ width: 1280, height: 900 })
  .setPreference('extensions.webextensions.uuids', JSON.stringify({ [ext.geckoId]: UUID }))
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
  .setPreference('extensions.getAddons.cache.enabled', false)
  .setPreference('browser.shell.checkDefaultBrowser', false)
  .setPreference('datareporting.policy.dataSubmissionEnabled', false)
  .setPreference('datareporting.healthreport.uploadEnabled', false)
  .setPreference('toolkit.telemetry.enabled', false)
  .setPreference('network.captive-portal-service.enabled', false)
  .setPreference('network.connectivity-service.enabled', false)
  .setPreference('browser.safebrowsing.update.enabled', false)
  .setPreference('browser.safebrowsing.malware.enabled', false)
  .setPreference('browser.safebrowsing.phishing.enabled', false)
  .setPreference('browser.aboutConfig.showWarning', false)
  // Remote settings, region and search lookups: the values Mozilla's own test profiles use.
  .setPreference('services.settings.server', 'data:,#remote-settings-dummy/v1')
  .setPreference('browser.region.network.url', '')
  .setPreference('browser.region.update.enabled', false)
  .setPreference('browser.search.update', false)
  .setPreference('browser.newtabpage.enabled', false)
  .setPreference('browser.startup.homepage', 'about:blank')
  .setPreference('startup.homepage_welcome_url', 'about:blank')
  .setPreference('browser.startup.page', 0)
  .setPreference('extensions.systemAddon.update.enabled', false)
  .setPreference('extensions.blocklist.enabled', false)
  .setPreference('browser.ping-centre.telemetry', false)
  .setPreference('toolkit.telemetry.server', '')
  .setPreference('dom.disable_open_during_load', false)
  // permissions.request (from the popup's real click) is granted without the doorhanger, which
  // headless Firefox shows to nobody; the request must still come from a user's input.
  .setPreference('extensions.webextOptionalPermissionPrompts', false)
  // performance.now() to the microsecond (Firefox rounds it to 1 ms by default): for the benchmark.
  .setPreference('privacy.reduceTimerPrecision', false);

const service = new firefox.ServiceBuilder(process.env.GECKODRIVER || `${process.env.HOME}/.cargo/bin/geckodriver`)
  .addArguments('--allow-system-access')
  // Release builds ignore services.settings.server unless this is set.
  .setEnvironment({ ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' });
let driver = null;
let firefoxPid = null;
const cleanup = async () => {
  if (driver) await Promise.race([driver.quit().catch(() => {}), sleep(8000)]);
  if (firefoxPid) { try { process.kill(firefoxPid, 'SIGKILL'); } catch { /* gone */ } }
  srv.stop();
  ext.remove();
  if (bench && bench.extraDir) (await import('node:fs')).rmSync(bench.extraDir, { recursive: true, force: true });
};
const stopWatchdog = watchdog(Number(process.env.E2E_TIMEOUT_S || (benchOut ? 600 : 300)) * 1000, cleanup);

let code = 1;
try {
  console.log(`firefox: starting (+${Date.now() - t0} ms)`);
  driver = await new Builder().forBrowser('firefox').setFirefoxOptions(opts).setFirefoxService(service).build();
  firefoxPid = (await driver.getCapabilities()).get('moz:processID') || null;
  console.log(`firefox: up, pid ${firefoxPid} (+${Date.now() - t0} ms)`);
  const blank = await driver.getWindowHandle();
  let current = blank;
  const use = async (h) => { if (h !== current) { await driver.switchTo().window(h); current = h; } };
  const dialogs = [];
  const chrome = async (fn, ...args) => {
    await driver.setContext('chrome');
    try { return await driver.executeScript(fn, ...args); } finally { await driver.setContext('content'); }
  };
  // Every HTTP(S) request of the whole browser (pages, extension, background), from the start.
  await chrome(() => {
    window.__claimlensRequests = [];
    const obs = {
      observe(subject) {
        try {
          const ch = subject.QueryInterface(Ci.nsIHttpChannel);
          const li = ch.loadInfo;
          window.__claimlensRequests.push({
            url: ch.URI.spec,
            by: li && li.triggeringPrincipal ? (li.triggeringPrincipal.isSystemPrincipal ? 'system' : li.triggeringPrincipal.origin) : 'unknown',
          });
        } catch (e) { /* not an HTTP channel */ }
      },
    };
    Services.obs.addObserver(obs, 'http-on-modify-request');
    return true;
  });
  const consoleFrom = Date.now();
  // console.error() calls (the console service above sees uncaught errors of every process, but
  // console API calls of content processes only reach WebDriver BiDi).
  const consoleCalls = [];
  const inspector = await LogInspector(driver);
  await inspector.onConsoleEntry((e) => {
    if (e.level === 'error') consoleCalls.push({ where: (e.source && e.source.context) || '', category: 'console.error', text: e.text });
  });

  const addonId = await driver.installAddon(ext.dir, true);
  const extOrigin = `moz-extension://${UUID}`;
  console.log(`firefox: temporary add-on ${addonId} from ${ext.dir} at ${extOrigin} (+${Date.now() - t0} ms)`);

  const evalIn = async (h, fn, ...args) => {
    await use(h);
    try {
      return await driver.executeScript(fn, ...args);
    } catch (e) {
      if (e && e.name === 'UnexpectedAlertOpenError') { dialogs.push(String(e.message)); return driver.executeScript(fn, ...args); }
      throw e;
    }
  };
  const B = {
    name: 'firefox',
    extOrigin,
    extUrl: (p) => `${extOrigin}/${p}`,
    async open(url) {
      await driver.switchTo().newWindow('tab');
      current = await driver.getWindowHandle();
      await driver.get(url);
      return current;
    },
    eval: evalIn,
    evalNoGesture: evalIn, // WebDriver's script is not a user's input
    front: (h) => use(h).then(() => driver.switchTo().window(h)),
    async tabId(h, url) {
      await use(h);
      return chrome((u) => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const tt = ExtensionParent.apiManager.global.tabTracker;
        for (const win of Services.wm.getEnumerator('navigator:browser')) {
          for (const tab of win.gBrowser.tabs) if (tab.linkedBrowser.currentURI.spec === u) return tt.getId(tab);
        }
        return null;
      }, url);
    },
    async key(h, k) {
      await use(h);
      await driver.actions().sendKeys(k === 'Escape' ? Key.ESCAPE : k === 'Tab' ? Key.TAB : k).perform();
    },
    async click(h, css) { await use(h); await driver.findElement(By.css(css)).click(); },
    async command(h) {
      await driver.switchTo().window(h); current = h;
      // The real <key> element Firefox made for the command (what the shortcut would trigger).
      const info = await chrome((widget, name) => {
        const keyset = document.getElementById(`ext-keyset-id-${widget}`);
        if (!keyset) return { error: `no keyset ext-keyset-id-${widget}` };
        const keys = [...keyset.children];
        const key = keys.find((k) => (k.id || '').endsWith(name)) || (keys.length === 1 ? keys[0] : null);
        if (!key) return { error: 'no key for ' + name, keys: keys.map((k) => k.id) };
        key.doCommand();
        return { id: key.id, shortcut: `${key.getAttribute('modifiers')}+${key.getAttribute('key')}` };
      }, ext.geckoId.replace(/[^a-z0-9_-]/gi, '_').toLowerCase(), ext.command);
      if (info && info.error) throw new Error(JSON.stringify(info));
      return info;
    },
    async action(h) {
      await driver.switchTo().window(h); current = h;
      // The real toolbar button of the selected tab (grants activeTab, as a click does).
      return chrome((id) => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const e = ExtensionParent.GlobalManager.getExtension(id);
        const t = performance.timeOrigin + performance.now();
        ExtensionParent.apiManager.global.browserActionFor(e).triggerAction(window);
        return t;
      }, ext.geckoId);
    },
    // A tab the extension opened (the reader page): the first whose URL starts with `prefix`.
    async findTab(prefix) {
      for (const h of await driver.getAllWindowHandles()) {
        await use(h);
        if ((await driver.getCurrentUrl()).startsWith(prefix)) return h;
      }
      return null;
    },
    async reload(h) { await use(h); await driver.navigate().refresh(); },
    async close(h) { await use(h); await driver.close(); await driver.switchTo().window(blank); current = blank; },
    consoleErrors: () => chrome((since, base, origin) => {
      const out = [];
      for (const m of Services.console.getMessageArray() || []) {
        if (!(m instanceof Ci.nsIScriptError)) continue;
        if (m.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) continue;
        if (m.timeStamp < since) continue;
        const src = m.sourceName || '';
        const ours = src.startsWith(base) || src.startsWith(origin) || (!m.isFromChromeContext && !/^(chrome|resource|moz-src|about):/.test(src));
        if (ours) out.push({ where: src, category: m.category, text: m.errorMessage });
      }
      return out;
    }, consoleFrom, srv.base, extOrigin).then((out) => out.concat(consoleCalls)),
    requests: () => chrome(() => window.__claimlensRequests),
    dialogs: async () => dialogs,
    async memory(h) {
      await use(h);
      const url = await driver.getCurrentUrl();
      await chrome(() => { Services.obs.notifyObservers(null, 'child-gc-request'); Services.obs.notifyObservers(null, 'child-cc-request'); return true; });
      await sleep(700);
      return chrome(async (u) => {
        const info = await ChromeUtils.requestProcInfo();
        for (const c of info.children) {
          if ((c.windows || []).some((w) => w.documentURI && w.documentURI.spec === u)) return { contentProcessMemory: c.memory };
        }
        return null;
      }, url);
    },
  };

  if (benchOut) {
    const results = await runBench(B, srv, ext, bench.pages, runs);
    const caps = await driver.getCapabilities();
    writeFileSync(benchOut, JSON.stringify({ browser: 'firefox', version: caps.get('browserVersion'), note: bench.note, memoryKind: 'ChromeUtils.requestProcInfo(): memory of the content process hosting the tab, after GC and CC requests', results }, null, 2));
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
