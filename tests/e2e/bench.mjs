// `make bench-browser`: per browser, the time from toggle to badges, the wasm size and the memory
// the overlay adds. A measurement, not a test: nothing here is asserted.
//
//   node tests/e2e/bench.mjs [--runs N] [--only chromium|firefox]
//
// For each page (the seed page, and the largest page of ../shared/data/pages served stripped of
// what would reach the network; tests/e2e/pages when the data is absent), each browser script:
//   - opens the page and the popup as a tab (popup.html?tabId=N),
//   - first toggle: from the page freshly loaded, the extension not yet run on it (includes loading
//     the content script and compiling the wasm),
//   - warm: toggle off, then toggle on again, N times (the module is loaded; annotate() from scratch),
//   - cold: reload the page and toggle, N times,
// where each time is from just before the popup page sends {"type":"claimlens/toggle"} to the
// moment a MutationObserver in the page sees the last badge inserted (epoch clocks of the two
// pages, performance.timeOrigin + performance.now()).
// Memory: before the first toggle, with the overlay on, and after turning it off (each after
// forced garbage collection); what is measured differs per browser and is printed with the table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HERE, DIST, median, wasmSizes } from './common.mjs';

const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 7;
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
if (!existsSync(path.join(DIST, 'chrome', 'manifest.json'))) {
  console.error(`bench-browser: ${DIST}/chrome not found: run \`make dist\` first`);
  process.exit(1);
}

const dir = mkdtempSync(path.join(tmpdir(), 'claimlens-bench-out-'));
const out = [];
for (const b of ['chromium', 'firefox']) {
  if (only && only !== b) continue;
  const file = path.join(dir, `${b}.json`);
  console.log(`\n== ${b}: ${runs} runs per page …`);
  const r = spawnSync(process.execPath, [path.join(HERE, `${b}.mjs`), '--bench', file, '--runs', String(runs)], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(file)) { console.log(`bench-browser: ${b} did not finish (exit ${r.status})`); continue; }
  out.push(JSON.parse(readFileSync(file, 'utf8')));
}
rmSync(dir, { recursive: true, force: true });

const ms = (x) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(1));
const kb = (x) => (x == null || Number.isNaN(x) ? '—' : `${(x / 1024).toFixed(0)} KB`);
const signedKb = (x) => (x == null || Number.isNaN(x) ? '—' : `${x >= 0 ? '+' : ''}${(x / 1024).toFixed(0)} KB`);

console.log('\nClaimLens in the browser (no assertions; the machine is shared and noisy)\n');
for (const w of wasmSizes()) console.log(`wasm ${w.file}: ${w.raw.toLocaleString('en')} bytes raw, ${w.gzip.toLocaleString('en')} bytes gzipped (gzip -9), ${kb(w.gzip)} gz`);
const notes = [...new Set(out.map((o) => o.note).filter(Boolean))];
for (const n of notes) console.log('note: ' + n);
console.log('');
console.log(`| browser | page | claims | first toggle ms | warm median ms (n) | cold median ms (n) | memory before | on: added | off: left |`);
console.log(`|---|---|---|---|---|---|---|---|---|`);
for (const o of out) {
  for (const r of o.results) {
    const memCols = memoryColumns(o.browser, r);
    console.log(`| ${o.browser} ${o.version || ''} | ${r.page} | ${r.claims} | ${ms(r.first)} | ${ms(median(r.warm))} (${r.warm.length}) | ${ms(median(r.cold))} (${r.cold.length}) | ${memCols.join(' | ')} |`);
  }
}
console.log('');
for (const o of out) console.log(`memory, ${o.browser}: ${o.memoryKind}`);
for (const o of out) {
  for (const r of o.results) {
    console.log(`runs, ${o.browser}, ${r.page}: warm [${r.warm.map(ms).join(', ')}] cold [${r.cold.map(ms).join(', ')}]${r.frames && r.frames.length ? `; next frame after the last badge, warm median ${ms(median(r.frames))}` : ''}${r.extraClicks ? `; the toolbar button was refused ${r.extraClicks} time(s) and clicked again (timed from the last click)` : ''}`);
  }
}

function memoryColumns(browser, r) {
  const a = r.memBase, b = r.memOn, c = r.memOff;
  if (!a || !b) return ['—', '—', '—'];
  if (browser === 'chromium') {
    return [
      `JS heap ${kb(a.jsHeapUsed)}`,
      `JS heap ${signedKb(b.jsHeapUsed - a.jsHeapUsed)}, wasm memory ${kb(b.wasmMemory)}`,
      c ? `JS heap ${signedKb(c.jsHeapUsed - a.jsHeapUsed)}, wasm memory ${kb(c.wasmMemory)}` : '—',
    ];
  }
  return [
    `process ${kb(a.contentProcessMemory)}`,
    `process ${signedKb(b.contentProcessMemory - a.contentProcessMemory)}`,
    c ? `process ${signedKb(c.contentProcessMemory - a.contentProcessMemory)}` : '—',
  ];
}
