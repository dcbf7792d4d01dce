// The monthly report: with the November 2026 fixture (tests/e2e/fixtures, generated from a
// scenario by crates/sop-domain/tests/e2e_fixtures.rs) imported through the backup restore,
// the report shows the counts and times worked out by hand below, and the CSV export says
// the same as the tables.
//
// The scenario (WIB, office hours 08.00–16.00, no holiday in Oct–Nov 2026):
//   G  JHT  created Wed 28 Oct 09.00, selesai Tue 3 Nov 09.00  → 420+480+480+480+60 = 1920 min
//   A  JHT  created Mon 2 Nov 09.00,  selesai 09.25             → 25 min (within 29 menit)
//   B  JHT  created Tue 3 Nov 09.00,  selesai Wed 4 Nov 09.00   → 420+60 = 480 min
//   E  JHT  created Fri 20 Nov 09.00, dibatalkan 10.00          → 60 min
//   F  JHT  created Wed 25 Nov 09.00, still running             → over 29 menit by the month's end
//   D  PKB  created Mon 9 Nov 09.00,  ditolak Tue 10 Nov 09.00  → 480 min (mutu baku 15 hari)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, serveDist, newPage, appReady } from './browser.mjs';
import { seriousViolations } from './axe.mjs';

const FIXTURE = 'tests/e2e/fixtures/laporan-november-2026.json';
let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

async function importFixture(page) {
  await page.goto(server.url + 'kasus');
  await appReady(page);
  page.on('dialog', (d) => d.accept());
  await page.locator('#pulihkan-cadangan').setInputFiles(FIXTURE);
  await page.waitForFunction(() => document.querySelectorAll('[data-case]').length >= 6, null, { timeout: 15000 });
}

const rowCells = (page, selector) => page.locator(selector).evaluate((tr) =>
  [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim()));

test('the November 2026 report shows the expected counts and times, and the CSV matches', async () => {
  const page = await newPage(browser);
  await importFixture(page);
  await page.goto(server.url + 'laporan?dari=2026-11&sampai=2026-11');
  await appReady(page);
  await page.getByTestId('report-basis').waitFor();
  assert.match(await page.getByTestId('report-basis').textContent(), /Dihitung dari 6 permohonan/);

  // Counts, all services: Dibuka, Selesai, Ditolak, Dibatalkan, Berjalan, Berjalan melewati, Ditutup melewati.
  const month = await rowCells(page, '#tabel-bulan tr[data-month="2026-11"]');
  assert.deepEqual(month, ['November 2026', '5', '3', '1', '1', '1', '1', '3']);
  assert.equal((await page.getByTestId('tile-opened').locator('.tile__n').textContent()).trim(), '5');

  // Per SOP over the period.
  assert.deepEqual((await rowCells(page, '#tabel-layanan tr[data-sop="jht"]')).slice(1), ['4', '3', '0', '1', '1', '1', '3']);
  assert.deepEqual((await rowCells(page, '#tabel-layanan tr[data-sop="pkb"]')).slice(1), ['1', '0', '1', '0', '0', '0', '0']);

  // Time against mutu baku (JHT): finished 3 → 25, 480, 1920 minutes: median 480, p90 1920.
  const perf = page.locator('#tabel-kinerja tr[data-sop="jht"]');
  const minutes = await perf.locator('td[data-minutes]').evaluateAll((tds) => tds.map((td) => td.dataset.minutes));
  assert.deepEqual(minutes, ['29', '480', '1920']);
  const perfCells = await rowCells(page, '#tabel-kinerja tr[data-sop="jht"]');
  assert.equal(perfCells[2], '3'); // finished
  assert.equal(perfCells[6], '1'); // within the standard
  assert.equal(perfCells[7], '33,3%');

  // Pencatatan: JHT served 3 in November (the cancelled case is listed, not served).
  const records = page.locator('.laporan-records[data-sop="jht"] tbody tr').filter({ hasText: 'November 2026' });
  assert.deepEqual(await records.first().evaluate((tr) => [...tr.children].map((c) => c.textContent.trim())), ['November 2026', '3', '3']);

  // The CSV export holds the same numbers.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh CSV (Excel)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'laporan-sop-2026-11-2026-11.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'UTF-8 BOM for Excel');
  const lines = csv.split('\r\n');
  assert.ok(lines.includes(['Semua layanan', 'November 2026', ...month.slice(1)].join(';')), 'counts row in the CSV');
  const jhtPerf = lines.find((l) => l.startsWith('JHT;Surat Keterangan Jaminan Hari Tua;3;'));
  assert.ok(jhtPerf, 'JHT performance row in the CSV');
  assert.deepEqual(jhtPerf.split(';').slice(2, 8), ['3', '29', '480', '1920', '1', '33,3']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the report at phone width: no horizontal page scroll, no serious accessibility violations', async () => {
  const page = await newPage(browser, { width: 360, height: 780 });
  await importFixture(page);
  await page.goto(server.url + 'laporan?dari=2026-10&sampai=2026-12');
  await appReady(page);
  await page.getByTestId('report-basis').waitFor();
  // Three months, October to December (empty) included.
  assert.equal(await page.locator('#tabel-bulan tbody tr').count(), 3);
  assert.deepEqual((await rowCells(page, '#tabel-bulan tr[data-month="2026-12"]')).slice(1, 5), ['0', '0', '0', '0']);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  assert.deepEqual(await seriousViolations(page), []);
  await page.context().close();
});
