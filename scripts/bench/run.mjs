// Runs every benchmark module against the release build in dist/ and prints one table
// (figure, value, budget, pass/fail); writes target/bench.json.
import fs from 'node:fs';
import os from 'node:os';
import { startServer } from '../../tests/e2e/server.mjs';
import { measureBytes } from './bytes.mjs';
import { measureAnswer } from './answer.mjs';
import { measureFirstRender } from './render.mjs';
import { measureSearch } from './search.mjs';
import { measureLighthouse } from './lighthouse.mjs';
import { median } from './util.mjs';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (name) => !only || only.includes(name);
// BENCH_DIST=<dir> measures another build (e.g. an older commit's) with today's scripts.
const dist = process.env.BENCH_DIST || 'dist';
const server = await startServer({ root: dist });
const catalogue = JSON.parse(fs.readFileSync(`${dist}/catalogue.json`, 'utf8'));
const largestSop = [...catalogue.sops].sort((a, b) => b.steps.length - a.steps.length)[0].id;
// The budgets name these two pages.
const firstVisitPages = ['', 'sop/pelatihan-blk'];

const results = { date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`, quick };
const rows = [];
const row = (figure, value, unit, budget, pass) => rows.push({ figure, value, unit, budget, pass });
const kb = (b) => Math.round(b / 102.4) / 10;
const ms = (x) => Math.round(x * 10) / 10;

try {
  if (want('bytes')) {
    const b = await measureBytes({ server, pages: firstVisitPages });
    results.bytes = b;
    for (const [page, v] of Object.entries(b)) {
      row(`first visit ${page}, gzip on the wire (page, bundle, worker's cache)`, kb(v.total), 'KB', '≤ 250 KB (aim 200)', v.total <= 250 * 1024);
      const kinds = Object.entries(v.byKind).map(([k, n]) => `${k} ${kb(n)}`).join(', ');
      row(`  by kind`, kinds, '', '', null);
    }
  }
  if (want('answer')) {
    const a = await measureAnswer({ server, runs: quick ? 3 : 5, largestSop });
    results.answer = a;
    for (const [name, v] of Object.entries(a)) {
      const staff = name.includes('staff');
      row(`slow 3G: ${name} (median)`, Math.round(v.median), 'ms', staff ? 'reported' : '≤ 2500 ms', staff ? null : v.median <= 2500);
    }
  }
  if (want('render')) {
    const r = await measureFirstRender({ server, runs: quick ? 3 : 5, largestSop });
    results.firstRender = r;
    for (const [name, v] of Object.entries(r)) {
      const budgeted = name === '/ slow 3G';
      row(`first render ${name} (median)`, ms(v.median), 'ms', budgeted ? '≤ 1500 ms' : '', budgeted ? v.median <= 1500 : null);
    }
  }
  if (want('search')) {
    const s = await measureSearch({ server });
    results.search = s;
    row(`search keystroke median (${s.keystrokes} keystrokes, ${s.queries} queries)`, ms(s.median), 'ms', '', null);
    row('search keystroke p95', ms(s.p95), 'ms', '≤ 16 ms', s.p95 <= 16);
  }
  for (const name of ['diagrams', 'cases', 'sync']) {
    if (!want(name)) continue;
    const mod = await import(`./${name}.mjs`);
    const r = await mod.measure({ server, catalogue, largestSop, quick });
    results[name] = r.results;
    for (const x of r.rows) row(...x);
  }
  if (want('lighthouse') && !quick) {
    const runs = 3;
    const l = await measureLighthouse({ server, pages: firstVisitPages, runs });
    results.lighthouse = l;
    for (const [page, v] of Object.entries(l)) {
      const perf = v.map((x) => x.performance);
      row(`Lighthouse ${page} performance (${runs} runs)`, perf.join(' / '), '', '≥ 95 each', perf.every((p) => p >= 95));
      for (const [cat, key] of [['accessibility', 'accessibility'], ['best practices', 'bestPractices'], ['SEO', 'seo']]) {
        const s = v.map((x) => x[key]);
        row(`Lighthouse ${page} ${cat}`, s.join(' / '), '', '100', s.every((p) => p >= 100));
      }
      const gap = v.map((x) => x.lcpMs - x.fcpMs);
      row(`Lighthouse ${page} FCP / LCP (median)`, `${median(v.map((x) => x.fcpMs))} / ${median(v.map((x) => x.lcpMs))} ms`, '', 'LCP ≤ FCP + 300', gap.every((g) => g <= 300));
      row(`Lighthouse ${page} TBT / CLS (median)`, `${median(v.map((x) => x.tbtMs))} ms / ${median(v.map((x) => x.cls))}`, '', 'CLS 0', v.every((x) => x.cls === 0));
    }
  }
} finally {
  await server.close();
}

results.rows = rows;
fs.mkdirSync('target', { recursive: true });
fs.writeFileSync('target/bench.json', JSON.stringify(results, null, 2));
const w = Math.max(...rows.map((r) => r.figure.length));
console.log(`\n${'figure'.padEnd(w)}  ${'value'.padStart(26)}  ${'budget'.padEnd(18)} result`);
for (const r of rows) {
  const v = `${r.value}${r.unit ? ' ' + r.unit : ''}`;
  const res = r.pass === null ? '' : r.pass ? 'pass' : 'OVER BUDGET';
  console.log(`${r.figure.padEnd(w)}  ${String(v).padStart(26)}  ${r.budget.padEnd(18)} ${res}`);
}
console.log(`\n${results.machine}, ${results.date}; written to target/bench.json`);
