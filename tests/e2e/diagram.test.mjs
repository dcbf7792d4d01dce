// The swimlane diagrams: lanes and symbols from the data, decisions with both exits,
// keyboard navigation, the phone variant, downloads and print.
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

test('every SOP page shows a diagram with one lane per pelaksana and one symbol per step', async () => {
  const page = await newPage(browser);
  const problems = [];
  for (const sop of catalogue.sops) {
    await page.goto(server.url + 'sop/' + sop.id);
    await appReady(page);
    const svg = page.locator('.diagram svg[data-layout="swimlane"]');
    const lanes = await svg.locator('.dg-lane').count();
    const steps = await svg.locator('.dg-step').count();
    const headers = (await svg.locator('.dg-header-text').allTextContents()).length;
    if (lanes !== sop.lanes.length) problems.push(`${sop.id}: ${lanes} lanes, expected ${sop.lanes.length}`);
    if (headers !== sop.lanes.length) problems.push(`${sop.id}: ${headers} lane headers`);
    if (steps !== sop.steps.length) problems.push(`${sop.id}: ${steps} symbols, expected ${sop.steps.length}`);
    // Each step's symbol sits in its performer's lane.
    const placement = await svg.evaluate((el) => {
      const lanes = [...el.querySelectorAll('.dg-lane')].map((r) => [+r.getAttribute('x'), +r.getAttribute('x') + +r.getAttribute('width')]);
      return [...el.querySelectorAll('.dg-step')].map((g) => {
        const b = g.getBBox();
        const cx = b.x + b.width / 2;
        return lanes.findIndex(([a, z]) => cx > a && cx < z);
      });
    });
    sop.steps.forEach((st, i) => { if (placement[i] !== st.lane_index) problems.push(`${sop.id}: step ${st.no} in lane ${placement[i]}`); });
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const id of ['pkb', 'pengesahan-pp', 'lks-bipartit', 'sp-sb']) {
  test(`${id}: the decision shows both exits, "Ya" and "Tidak"`, async () => {
    const page = await newPage(browser);
    await page.goto(server.url + 'sop/' + id);
    await appReady(page);
    const svg = page.locator('.diagram svg[data-layout="swimlane"]');
    assert.equal(await svg.locator('.dg-shape--decision').count(), 1);
    assert.equal(await svg.locator('polyline.dg-conn--yes').count(), 1);
    assert.ok(await svg.locator('polyline.dg-conn--no').count() >= 1);
    assert.deepEqual((await svg.locator('.dg-conn-label').allTextContents()).sort(), ['Tidak', 'Ya']);
    // "Tidak" ends the case rejected here.
    assert.equal(await svg.locator('.dg-shape--rejected').count(), 1);
    await page.context().close();
  });
}

test('keyboard: Tab reaches the diagram, arrow keys move the highlight, Enter opens the step', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + 'sop/jht');
  await appReady(page);
  // The page carries both drawings; at this width the swimlane is the one shown.
  const first = page.locator('svg[data-layout="swimlane"] .dg-step[data-step="0"]');
  await first.focus();
  assert.match(await first.getAttribute('class'), /dg-step--selected/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-step'));
  assert.equal(focused, '2');
  assert.match(await page.locator('svg[data-layout="swimlane"] .dg-step[data-step="2"]').getAttribute('class'), /dg-step--selected/);
  assert.match(await page.locator('.diagram__details').textContent(), /Langkah 3/);
  // Tab from a symbol goes to the next symbol.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-step')), '3');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#langkah-4$/);
  await page.waitForFunction(() => {
    const r = document.getElementById('langkah-4')?.getBoundingClientRect();
    return r && r.top >= -5 && r.top < window.innerHeight;
  });
  await page.context().close();
});

test('hover shows the step\'s kelengkapan, waktu and output', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + 'sop/kartu-ak1');
  await appReady(page);
  await page.locator('svg[data-layout="swimlane"] .dg-step[data-step="4"]').hover();
  const details = await page.locator('.diagram__details').textContent();
  const step = catalogue.sops.find((s) => s.id === 'kartu-ak1').steps[4];
  assert.ok(details.includes(step.inputs) && details.includes(step.output) && details.includes('3 menit'), details);
  await page.context().close();
});

test('phone width shows the one-column variant with lane chips', async () => {
  const page = await newPage(browser, { width: 360, height: 780 });
  await page.goto(server.url + 'sop/pelatihan-blk');
  await appReady(page);
  // Both drawings are in the page; at phone width only the one-column drawing shows.
  const svg = page.locator('.diagram svg[data-layout="compact"]');
  assert.equal(await svg.isVisible(), true);
  assert.equal(await page.locator('.diagram svg[data-layout="swimlane"]').isVisible(), false);
  assert.equal(await svg.locator('.dg-step').count(), 20);
  assert.equal(await svg.locator('.dg-chip').count(), 20);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  assert.deepEqual(await seriousViolations(page), []);
  await page.context().close();
});

test('downloads: a valid SVG and a PNG named after the SOP number', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + 'sop/pkb');
  await appReady(page);
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh SVG' }).click(),
  ]);
  assert.equal(svgDownload.suggestedFilename(), 'SOP-55-DPITK-TKU-1-1-2025.svg');
  const svgText = fs.readFileSync(await svgDownload.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      ns: doc.documentElement.namespaceURI,
      steps: doc.querySelectorAll('.dg-step').length,
      styled: !!doc.querySelector('style'),
    };
  }, svgText);
  assert.deepEqual(parsed, { error: null, root: 'svg', ns: 'http://www.w3.org/2000/svg', steps: 7, styled: true });

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh PNG' }).click(),
  ]);
  assert.equal(pngDownload.suggestedFilename(), 'SOP-55-DPITK-TKU-1-1-2025.png');
  const png = fs.readFileSync(await pngDownload.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.length > 5000, `PNG is only ${png.length} bytes`);
  await page.context().close();
});

test('print: the diagram is split into pages with off-page connectors', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + 'sop/pelatihan-blk');
  await appReady(page);
  await page.emulateMedia({ media: 'print' });
  await page.waitForSelector('.print-diagram .dg-print-page');
  const pages = await page.locator('.print-diagram .dg-print-page').count();
  assert.equal(pages, 3); // 20 steps, 8 to a page
  assert.ok(await page.locator('.print-diagram .dg-shape--offpage').count() >= 4);
  assert.equal(await page.locator('.diagram').isVisible(), false);
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  assert.ok(pdf.length > 10000);
  await page.context().close();
});
