// Runs every benchmark module against the release build in dist/ and prints one table
// (figure, value, budget, pass/fail); writes target/bench.json.
import fs from 'node:fs';
import os from 'node:os';
import { startServer } from '../../tests/e2e/server.mjs';
import { measureBytes } from './bytes.mjs';
import { measureFirstRender } from './render.mjs';
import { measureSearch } from './search.mjs';
import { measureLighthouse } from './lighthouse.mjs';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (name) => !only || only.includes(name);
const dist = 'dist';
const server = await startServer({ root: dist });
const catalogue = JSON.parse(fs.readFileSync(`${dist}/catalogue.json`, 'utf8'));
const largestSop = [...catalogue.sops].sort((a, b) => b.steps.length - a.steps.length)[0].id;

const results = { date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`, quick };
const rows = [];
const row = (figure, value, unit, budget, pass) => rows.push({ figure, value, unit, budget, pass });
const kb = (b) => Math.round(b / 102.4) / 10;
const ms = (x) => Math.round(x * 10) / 10;

try {
  if (want('bytes')) {
    const b = await measureBytes({ server, dist });
    results.bytes = b;
    row('first render, gzip (files fetched for /)', kb(b.firstRender.gzip), 'KB', '≤ 250 KB', b.firstRender.gzip <= 250 * 1024);
    row('first visit, gzip, all files (incl. precache)', kb(b.allFiles.gzip), 'KB', '≤ 250 KB', b.allFiles.gzip <= 250 * 1024);
    row('first visit, brotli, all files', kb(b.allFiles.brotli), 'KB', '', null);
    for (const k of ['wasm', 'js', 'css', 'html']) row(`  ${k}: raw / gzip / brotli`, `${kb(b.byKind[k].raw)} / ${kb(b.byKind[k].gzip)} / ${kb(b.byKind[k].brotli)}`, 'KB', '', null);
    row('  catalogue.json (open data): raw / gzip / brotli', `${kb(b.catalogueJson.raw)} / ${kb(b.catalogueJson.gzip)} / ${kb(b.catalogueJson.brotli)}`, 'KB', '', null);
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
  for (const name of ['diagrams', 'cases']) {
    if (!want(name)) continue;
    try {
      const mod = await import(`./${name}.mjs`);
      const r = await mod.measure({ server, catalogue, largestSop, quick });
      results[name] = r.results;
      for (const x of r.rows) row(...x);
    } catch (e) {
      if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    }
  }
  if (want('lighthouse') && !quick) {
    const l = await measureLighthouse({ server, pages: ['', `sop/${largestSop}`] });
    results.lighthouse = l;
    for (const [page, v] of Object.entries(l)) {
      row(`Lighthouse ${page} performance`, v.performance, '', '≥ 95', v.performance >= 95);
      row(`Lighthouse ${page} accessibility`, v.accessibility, '', '100', v.accessibility >= 100);
      row(`Lighthouse ${page} best practices`, v.bestPractices, '', '', null);
      row(`Lighthouse ${page} LCP / TBT / CLS`, `${v.lcpMs} ms / ${v.tbtMs} ms / ${v.cls}`, '', '', null);
    }
  }
} finally {
  await server.close();
}

results.rows = rows;
fs.mkdirSync('target', { recursive: true });
fs.writeFileSync('target/bench.json', JSON.stringify(results, null, 2));
const w = Math.max(...rows.map((r) => r.figure.length));
console.log(`\n${'figure'.padEnd(w)}  ${'value'.padStart(22)}  ${'budget'.padEnd(12)} result`);
for (const r of rows) {
  const v = `${r.value}${r.unit ? ' ' + r.unit : ''}`;
  const res = r.pass === null ? '' : r.pass ? 'pass' : 'OVER BUDGET';
  console.log(`${r.figure.padEnd(w)}  ${String(v).padStart(22)}  ${r.budget.padEnd(12)} ${res}`);
}
console.log(`\n${results.machine}, ${results.date}; written to target/bench.json`);
