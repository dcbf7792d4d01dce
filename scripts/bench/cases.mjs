// Cases: with 10,000 synthetic cases in localStorage (exactly as the app stores them, from
// `sopctl synth-cases`): start to an interactive case list, filtering the list, saving one
// change, computing the monthly report, and the storage footprint.
import fs from 'node:fs';
import { launch, newPage, median, percentile, firstRenderProbe, keystrokeLatencies } from './util.mjs';

const SYNTH = 'target/bench/cases-10000.json';
const FILTERS = ['jht', 'budi', '0007', 'pt ', 'rotan', 'selesai', 'imta/0', 'siti'];

async function seed(page, url, entries) {
  await page.goto(url);
  await page.evaluate((all) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v);
    // Every change is signed: without a staff name the note form would only ask for one.
    localStorage.setItem('lsk:pref:petugas', JSON.stringify('Petugas Benchmark'));
  }, entries);
}

const measures = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

export async function measure({ server, quick }) {
  if (!fs.existsSync(SYNTH)) throw new Error(`${SYNTH} is missing: scripts/bench.sh makes it with sopctl synth-cases`);
  const entries = JSON.parse(fs.readFileSync(SYNTH, 'utf8'));
  const units = Object.entries(entries).reduce((a, [k, v]) => a + k.length + v.length, 0);
  const caseKeys = Object.keys(entries).filter((k) => k.startsWith('lsk:case:')).length;
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const setup = await context.newPage();
    await seed(setup, server.url, entries);
    await setup.close();

    // Start: navigation to the first list row, from a cold page (wasm from the HTTP cache).
    const starts = [];
    for (let i = 0; i < (quick ? 3 : 5); i++) {
      const page = await context.newPage();
      await page.addInitScript(firstRenderProbe('.case-list [data-case]'));
      await page.goto(server.url + 'kasus', { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 60000 });
      starts.push(await page.evaluate(() => window.__firstRender));
      await page.close();
    }

    // Filter: per keystroke, input event to the last DOM change it causes.
    const page = await context.newPage();
    await page.goto(server.url + 'kasus');
    await page.waitForSelector('.case-list [data-case]');
    // The case to save on, taken before the filter runs leave the list narrowed.
    const open = await page.locator('.case-list [data-case]').first().getAttribute('data-case');
    const filterMs = await keystrokeLatencies(page, 'cari-permohonan', FILTERS, 40);

    // One save: a note on an open case (the store measures its write as "lsk:save").
    await page.goto(server.url + 'kasus/' + open);
    // The case-level note form (a <details> to open first).
    await page.locator('.case-notes-section summary').click();
    const note = page.locator('#catatan-permohonan-form-teks');
    await note.waitFor();
    const saves = [];
    for (let i = 0; i < (quick ? 3 : 7); i++) {
      const before = await page.locator('.case-notes-section .case-notes__text').count();
      if (!(await note.isVisible())) await page.locator('.case-notes-section summary').click();
      await note.fill(`Catatan benchmark ${i}`);
      await page.locator('.case-notes-section button[type=submit]').click();
      await page.waitForFunction((n) => document.querySelectorAll('.case-notes-section .case-notes__text').length > n, before);
    }
    saves.push(...(await measures(page, 'lsk:save')));

    // The monthly report over 24 months (reading the cases, then computing).
    const reports = [];
    const reads = [];
    for (let i = 0; i < (quick ? 2 : 3); i++) {
      const rp = await context.newPage();
      await rp.goto(server.url + 'laporan?dari=2024-12&sampai=2026-11');
      await rp.getByTestId('report-basis').waitFor({ timeout: 60000 });
      reports.push(...(await measures(rp, 'lsk:report')));
      reads.push(...(await measures(rp, 'lsk:report-read')));
      await rp.close();
    }
    const results = {
      cases: caseKeys,
      storageUnits: units,
      storageBytes: units * 2,
      quotaShare: units / 5242880,
      startMs: median(starts),
      starts,
      filterMedianMs: median(filterMs),
      filterP95Ms: percentile(filterMs, 95),
      saveMedianMs: median(saves),
      saves,
      reportMs: median(reports),
      reportReadMs: median(reads),
    };
    const r1 = (x) => Math.round(x * 10) / 10;
    const rows = [
      [`cases: storage for ${caseKeys} cases (UTF-16 units, share of Chromium's quota)`, `${units} (${r1(results.quotaShare * 100)}%)`, '', '', null],
      ['cases: start to interactive list (median)', r1(results.startMs), 'ms', '≤ 200 ms', results.startMs <= 200],
      ['cases: list filter keystroke p95', r1(results.filterP95Ms), 'ms', '≤ 16 ms', results.filterP95Ms <= 16],
      ['cases: one save (median)', r1(results.saveMedianMs), 'ms', '≤ 5 ms', results.saveMedianMs <= 5],
      ['cases: report computation, 24 months (median)', r1(results.reportMs), 'ms', '≤ 100 ms', results.reportMs <= 100],
      ['cases: report, reading the cases first (median)', r1(results.reportReadMs), 'ms', '', null],
    ];
    return { results, rows };
  } finally {
    await context.close();
    await browser.close();
  }
}
