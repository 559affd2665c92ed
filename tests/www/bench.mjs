// `make bench-www`: the demo page's speed in each browser. A measurement, not a test: nothing is
// asserted (the machines are shared and noisy).
//
//   node tests/www/bench.mjs [--runs N] [--only chromium|firefox]
//
// For the seed article and a 100 KB article (common.mjs, benchArticles), each browser script, N + 1
// times: loads the page, puts the article in the paste box, clicks Analyse (a real click), waits for
// the page to finish, then clicks Analyse again; the first round warms the browser up and is not
// counted. The page itself times each run (window.ClaimLensDemo.state.runs), from the click event's
// time stamp:
//   to badges: the article rendered, analysed and every badge in the DOM (annotate() returned);
//   to paint:  the first frame after that has run (requestAnimationFrame, then a task);
//   annotate:  annotate() alone (extraction, analysis, highlights and badges);
//   panel:     the summary panel afterwards (analyzeText() again, the lists), not in "to badges";
//   again:     "to badges" for the second Analyse on the same page (clearing the previous badges too);
//   engine ready: from the start of the page's navigation to the module compiled and ready.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HERE, SITE, median } from './common.mjs';

const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 7;
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
if (!existsSync(path.join(SITE, 'index.html'))) {
  console.error(`bench-www: ${SITE}/index.html not found: run \`make www\` first`);
  process.exit(1);
}

const dir = mkdtempSync(path.join(tmpdir(), 'claimlens-bench-www-'));
const out = [];
for (const b of ['chromium', 'firefox']) {
  if (only && only !== b) continue;
  const file = path.join(dir, `${b}.json`);
  console.log(`\n== ${b}: ${runs} runs per article (and one warm-up) …`);
  const r = spawnSync(process.execPath, [path.join(HERE, `${b}.mjs`), '--bench', file, '--runs', String(runs)], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(file)) { console.log(`bench-www: ${b} did not finish (exit ${r.status})`); continue; }
  out.push(JSON.parse(readFileSync(file, 'utf8')));
}
rmSync(dir, { recursive: true, force: true });

const ms = (x) => (x == null || Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : x.toFixed(0));
const range = (xs) => (xs.length ? `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}` : '—');
const wasm = path.join(SITE, 'pkg/claimlens_bg.wasm');
const raw = readFileSync(wasm);
console.log('\nThe ClaimLens demo page: from the click on Analyse to the badges (median of runs, ms; no assertion)\n');
console.log(`wasm ${path.relative(process.cwd(), wasm)}: ${statSync(wasm).size.toLocaleString('en')} bytes, ${gzipSync(raw, { level: 9 }).length.toLocaleString('en')} gzipped`);
console.log('');
console.log('| browser | article | chars | claims | to badges | to paint | annotate() | panel after | again, to badges |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const o of out) {
  for (const a of o.articles) {
    console.log(`| ${o.browser} ${o.version} | ${a.label} | ${a.chars.toLocaleString('en')} | ${a.claims} | ${ms(median(a.toBadges))} (${range(a.toBadges)}) | ${ms(median(a.toPaint))} | ${ms(median(a.annotate))} | ${ms(median(a.panel))} | ${ms(median(a.again))} (${range(a.again)}) |`);
  }
}
console.log(`\nMedians of ${runs} runs per article (after one warm-up), each on a freshly loaded page; (the range).`);
for (const o of out) console.log(`${o.browser}: the engine is ready ${ms(median(o.engineReadyMs))} ms (median) after the page's navigation starts (fetching and compiling the wasm).`);
