// Diagrams: layout + render time of every SOP's swimlane diagram with the app's own
// component (bench/diagram.html, built by scripts/bench.sh), and the same flowcharts — lanes
// as subgraphs — rendered by mermaid in the same browser run; milliseconds and bytes of both.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { startServer } from '../../tests/e2e/server.mjs';
import { launch, newPage, median } from './util.mjs';

const require = createRequire(import.meta.url);
const MERMAID = require.resolve('mermaid/dist/mermaid.min.js');
const REPEATS = 15;
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** The SOP as a mermaid flowchart: one subgraph per pelaksana, the same symbols and edges. */
export function mermaidOf(sop) {
  const esc = (t) => t.replace(/"/g, '#quot;').slice(0, 60);
  const label = (st) => esc(st.label || st.decision?.question || st.text);
  const lines = ['flowchart TD'];
  sop.lanes.forEach((lane, l) => {
    lines.push(`  subgraph L${l}["${esc(lane)}"]`);
    sop.steps.forEach((st, i) => {
      if (st.lane_index !== l) return;
      const first = i === 0 || i === sop.steps.length - 1;
      if (st.decision) lines.push(`    s${i}{"${label(st)}"}`);
      else if (first) lines.push(`    s${i}(["${label(st)}"])`);
      else lines.push(`    s${i}["${label(st)}"]`);
    });
    lines.push('  end');
  });
  sop.steps.forEach((st, i) => {
    if (st.decision) {
      lines.push(`  s${i} -->|Ya| s${st.decision.yes.index}`);
      const no = st.decision.no;
      if (no === 'rejected') lines.push(`  s${i} -->|Tidak| r${i}(["Selesai (ditolak)"])`);
      else lines.push(`  s${i} -->|Tidak| s${no.step.index}`);
    } else if (i + 1 < sop.steps.length) {
      lines.push(`  s${i} --> s${i + 1}`);
    }
  });
  return lines.join('\n');
}

export async function measure({ catalogue, largestSop }) {
  const benchDist = 'target/bench-dist';
  if (!fs.existsSync(path.join(benchDist, 'index.html'))) throw new Error('build bench/diagram.html first (scripts/bench.sh)');
  fs.copyFileSync(MERMAID, path.join(benchDist, 'mermaid.min.js'));
  fs.writeFileSync(path.join(benchDist, 'mermaid.html'),
    '<!DOCTYPE html><html><head><meta charset="utf-8"><script src="mermaid.min.js"></script></head>' +
    '<body><div id="stage" style="width:1280px"></div></body></html>');
  const server = await startServer({ root: benchDist });
  const browser = await launch();
  try {
    const ours = await newPage(browser);
    await ours.goto(server.url);
    await ours.waitForFunction(() => window.__diagramBench, null, { timeout: 120000 });
    const oursRows = JSON.parse(await ours.evaluate(() => window.__diagramBench));

    const mer = await newPage(browser);
    await mer.goto(server.url + 'mermaid.html');
    const merRows = await mer.evaluate(async ({ charts, repeats }) => {
      // eslint-disable-next-line no-undef
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { htmlLabels: false } });
      const stage = document.getElementById('stage');
      const out = [];
      let k = 0;
      for (const { id, text } of charts) {
        const times = [];
        let bytes = 0;
        for (let r = 0; r < repeats; r++) {
          const t0 = performance.now();
          // eslint-disable-next-line no-undef
          const { svg } = await mermaid.render(`m${k++}`, text);
          stage.innerHTML = svg;
          void stage.offsetHeight;
          times.push(performance.now() - t0);
          bytes = svg.length;
          stage.innerHTML = '';
        }
        out.push({ id, times, svgBytes: bytes });
      }
      return out;
    }, { charts: catalogue.sops.map((s) => ({ id: s.id, text: mermaidOf(s) })), repeats: REPEATS });

    const perSop = oursRows.map((o) => {
      const m = merRows.find((x) => x.id === o.id);
      return { id: o.id, steps: o.steps, oursMs: median(o.times), mermaidMs: median(m.times), oursSvgBytes: o.svgBytes, mermaidSvgBytes: m.svgBytes };
    });
    const largest = perSop.find((p) => p.id === largestSop);
    const benchFiles = fs.readdirSync(benchDist).filter((f) => /^diagram-bench-.*\.(wasm|js)$/.test(f));
    const oursCodeGzip = benchFiles.reduce((a, f) => a + gz(fs.readFileSync(path.join(benchDist, f))), 0);
    const mermaidCodeGzip = gz(fs.readFileSync(MERMAID));
    const results = {
      repeats: REPEATS,
      perSop,
      medianOursMs: median(perSop.map((p) => p.oursMs)),
      medianMermaidMs: median(perSop.map((p) => p.mermaidMs)),
      largest,
      oursCodeGzip,
      mermaidCodeGzip,
      medianOursSvgBytes: median(perSop.map((p) => p.oursSvgBytes)),
      medianMermaidSvgBytes: median(perSop.map((p) => p.mermaidSvgBytes)),
    };
    const r1 = (x) => Math.round(x * 10) / 10;
    const kb = (b) => Math.round(b / 102.4) / 10;
    const speed = largest.mermaidMs / largest.oursMs;
    const codeRatio = mermaidCodeGzip / oursCodeGzip;
    const rows = [
      ['diagram, median over 22 SOPs: ours / mermaid', `${r1(results.medianOursMs)} / ${r1(results.medianMermaidMs)}`, 'ms', '', null],
      [`diagram, largest (${largest.id}, ${largest.steps} steps): ours`, r1(largest.oursMs), 'ms', '≤ 16 ms', largest.oursMs <= 16],
      ['diagram, largest: mermaid', r1(largest.mermaidMs), 'ms', '', null],
      ['diagram, largest: mermaid / ours (speed)', `${r1(speed)}×`, '', '≥ 10×', speed >= 10],
      ['diagram code, gzip: ours (whole bench wasm+js) / mermaid', `${kb(oursCodeGzip)} / ${kb(mermaidCodeGzip)}`, 'KB', '', null],
      ['diagram code bytes: mermaid / ours', `${r1(codeRatio)}×`, '', '≥ 10×', codeRatio >= 10],
      ['diagram SVG, median bytes: ours / mermaid', `${kb(results.medianOursSvgBytes)} / ${kb(results.medianMermaidSvgBytes)}`, 'KB', '', null],
      ['diagram SVG bytes: mermaid / ours', `${r1(results.medianMermaidSvgBytes / results.medianOursSvgBytes)}×`, '', '≥ 10×', results.medianMermaidSvgBytes >= 10 * results.medianOursSvgBytes],
    ];
    return { results, rows };
  } finally {
    await browser.close();
    await server.close();
  }
}
