// The SOP pages: every SOP renders its title, all its steps and its total; the checklist
// keeps its ticks; step anchors; the print form; accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, serveDist, newPage, appReady } from './browser.mjs';
import { seriousViolations } from './axe.mjs';

let browser, server, catalogue;
before(async () => {
  browser = await launch();
  server = await serveDist();
  catalogue = JSON.parse(fs.readFileSync((process.env.DIST_DIR || 'dist') + '/catalogue.json', 'utf8'));
});
after(async () => { await browser?.close(); await server?.close(); });

test('the open-data catalogue.json holds the 22 SOPs', () => {
  assert.equal(catalogue.sops.length, 22);
});

test('every SOP page renders its title, all its steps and its total', async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  const problems = [];
  for (const sop of catalogue.sops) {
    await page.goto(server.url + 'sop/' + sop.id);
    await appReady(page);
    const title = (await page.locator('h1').first().textContent()).trim();
    if (title !== sop.title) problems.push(`${sop.id}: title ${title}`);
    const steps = await page.locator('.steps__list > li').count();
    if (steps !== sop.steps.length) problems.push(`${sop.id}: ${steps} steps, expected ${sop.steps.length}`);
    const texts = await page.locator('.steps__list .step__text').allTextContents();
    sop.steps.forEach((st, i) => { if (texts[i]?.trim() !== st.text) problems.push(`${sop.id}: step ${st.no} text`); });
    const total = (await page.getByTestId('sop-total').textContent()).trim();
    if (!total) problems.push(`${sop.id}: no total`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${sop.id}: overflows 390px by ${overflow}px`);
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('JHT shows 29 menit, an estimate and its decision', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + 'sop/jht');
  await appReady(page);
  assert.equal((await page.getByTestId('sop-total').textContent()).trim(), '29 menit');
  assert.match(await page.getByTestId('sop-estimate').textContent(), /(Senin|Selasa|Rabu|Kamis|Jumat), \d+ \w+ 20\d\d/);
  assert.match(await page.locator('#langkah-4').textContent(), /Berkas lengkap\?/);
  // The 2027 dates that wait for the sidang isbat are named as such (from data/holidays.toml).
  const estimated = await page.getByTestId('sop-estimated-holidays').textContent();
  assert.match(estimated, /Idulfitri 1448 Hijriah \(.*10 Maret 2027.*11 Maret 2027\)/);
  assert.match(estimated, /Iduladha 1448 Hijriah \(.*17 Mei 2027\)/);
  assert.match(estimated, /sidang isbat/);
  await page.context().close();
});

test('requirement ticks are kept on the device', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + 'sop/kartu-ak1');
  await appReady(page);
  const boxes = page.locator('.checklist__items input[type=checkbox]');
  assert.equal(await boxes.count(), 3);
  await boxes.nth(0).check();
  await boxes.nth(2).check();
  await page.reload();
  await appReady(page);
  assert.deepEqual(await boxes.evaluateAll((els) => els.map((e) => e.checked)), [true, false, true]);
  assert.match(await page.locator('.checklist__progress').textContent(), /2 \/ 3/);
  await page.context().close();
});

test('each step has its own anchor that opens the page at that step', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + 'sop/pelatihan-blk#langkah-14');
  await appReady(page);
  const link = page.locator('#langkah-14 .step__link');
  assert.match(await link.getAttribute('href'), /\/sop\/pelatihan-blk#langkah-14$/);
  await page.waitForFunction(() => {
    const r = document.getElementById('langkah-14')?.getBoundingClientRect();
    return r && r.top >= -5 && r.top < window.innerHeight;
  }, null, { timeout: 5000 });
  await page.context().close();
});

test('print: the SOP-AP form with one column per pelaksana, as a PDF', async () => {
  const page = await newPage(browser);
  const sop = catalogue.sops.find((s) => s.id === 'pencadangan-tanah');
  await page.goto(server.url + 'sop/' + sop.id);
  await appReady(page);
  await page.emulateMedia({ media: 'print' });
  // The form is drawn when the print media query starts matching (an event), so wait for it.
  await page.locator('.print-procedure').waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await page.locator('.sop-screen').isVisible(), false);
  const lanes = await page.locator('.print-procedure thead .print-procedure__lane').allTextContents();
  assert.deepEqual(lanes.map((l) => l.trim()), sop.lanes);
  // One symbol per step, in the performer's column.
  const cells = await page.locator('.print-procedure tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('.print-procedure__cell')].findIndex((c) => c.querySelector('svg'))));
  assert.deepEqual(cells, sop.steps.map((s) => s.lane_index));
  assert.deepEqual(await seriousViolations(page), []);
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 2, `PDF has ${pages} pages`);
  await page.context().close();
});

test('SOP page: no serious accessibility violations; unknown SOP shows the 404 page', async () => {
  const page = await newPage(browser, { width: 360, height: 780 });
  await page.goto(server.url + 'sop/pkb');
  await appReady(page);
  assert.deepEqual(await seriousViolations(page), []);
  await page.goto(server.url + 'sop/tidak-ada');
  await appReady(page);
  assert.equal((await page.locator('h1').first().textContent()).trim(), 'Halaman tidak ditemukan');
  await page.context().close();
});
