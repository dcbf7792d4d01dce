// The public pages are HTML written at build time: readable (and printable) without
// JavaScript, and adopted in place by the citizen bundle, which hydrates only the islands and
// never redraws what the citizen already sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, serveDist, newPage, appReady } from './browser.mjs';

let browser, server, catalogue;
before(async () => {
  browser = await launch();
  server = await serveDist();
  catalogue = JSON.parse(fs.readFileSync((process.env.DIST_DIR || 'dist') + '/catalogue.json', 'utf8'));
});
after(async () => { await browser?.close(); await server?.close(); });

/** Holds the page's wasm until `release()` is called, so the test can look at the page as
 *  the HTML left it. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route(/\.wasm$/, async (route) => { await gate; await route.continue(); });
  return release;
}

test('without JavaScript the katalog and every SOP page show their content and print the SOP-AP form', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(server.url);
  assert.equal(await page.locator('.results__list > li').count(), 22);
  const problems = [];
  for (const sop of catalogue.sops) {
    await page.goto(server.url + 'sop/' + sop.id);
    const say = (what) => problems.push(`${sop.id}: ${what}`);
    if ((await page.locator('h1').textContent()).trim() !== sop.title) say('title');
    const reqs = (await page.locator('.checklist__items label').allTextContents()).map((t) => t.trim());
    if (JSON.stringify(reqs) !== JSON.stringify(sop.requirements)) say(`requirements ${JSON.stringify(reqs)}`);
    const texts = await page.locator('.steps__list .step__text').allTextContents();
    if (texts.length !== sop.steps.length || sop.steps.some((st, i) => texts[i].trim() !== st.text)) say('steps');
    // Each step says its time (the parsed duration in words, "—" style for none is still a line).
    const times = await page.locator('.steps__list .step__facts').evaluateAll((dls) =>
      dls.map((dl) => [...dl.querySelectorAll('dt')].some((dt) => dt.textContent.trim() === 'Waktu')));
    if (!times.every(Boolean)) say('a step without its time line');
    if (!(await page.locator('[data-testid="sop-total"]').textContent()).trim()) say('no total');
    if ((await page.locator('.diagram svg[data-layout="compact"] .dg-step').count()) !== sop.steps.length) say('no static diagram');
    if (!(await page.locator('.sop-head__meta').textContent()).includes('Nomor SOP')) say('no identity data');
  }
  assert.deepEqual(problems, []);
  // The finish estimate depends on the day of viewing: it is not frozen into the HTML.
  await page.goto(server.url + 'sop/jht');
  assert.equal((await page.locator('[data-testid="sop-estimate"]').textContent()).trim(), '…');
  // Printing needs no script: the form is in the page, the print stylesheet shows it.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.sop-print .print-procedure tbody tr').count(), 9);
  assert.equal(await page.locator('.sop-print').isVisible(), true);
  assert.equal(await page.locator('.sop-screen').isVisible(), false);
  await context.close();
});

test('the katalog: the bundle adopts the written nodes and a search filters in place', async () => {
  const page = await newPage(browser);
  const release = await holdWasm(page);
  await page.goto(server.url);
  await page.evaluate(() => {
    window.__written = {
      h1: document.querySelector('h1'),
      results: document.querySelector('.results'),
      first: document.querySelector('.results__list > li'),
      input: document.querySelector('#cari'),
    };
  });
  release();
  await appReady(page);
  // Nothing was redrawn at start.
  assert.deepEqual(await page.evaluate(() => Object.fromEntries(Object.entries(window.__written).map(([k, el]) =>
    [k, el.isConnected && el === document.querySelector({ h1: 'h1', results: '.results', first: '.results__list > li', input: '#cari' }[k])]))),
  { h1: true, results: true, first: true, input: true });
  // The app answers: a search filters the list, inside the same section, under the same title.
  await page.getByLabel('Cari layanan').fill('kartu kuning');
  await page.waitForFunction(() => document.querySelector('.results__list > li')?.dataset.sop === 'kartu-ak1');
  assert.equal(await page.evaluate(() => window.__written.h1 === document.querySelector('h1') && window.__written.h1.isConnected), true);
  assert.equal(await page.evaluate(() => window.__written.results === document.querySelector('.results')), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a SOP page: the bundle adopts the written nodes, fills the estimate, and moves nothing', async () => {
  const page = await newPage(browser, { width: 360, height: 780 });
  const release = await holdWasm(page);
  await page.goto(server.url + 'sop/pelatihan-blk');
  const selectors = ['h1', '.timing', '.checklist', '.steps__list > li', '.diagram svg[data-layout="compact"]', '.info'];
  const boxes = async () => page.evaluate((sels) => sels.map((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return [s, Math.round(r.top), Math.round(r.height)];
  }), selectors);
  const before = await boxes();
  await page.evaluate((sels) => { window.__written = sels.map((s) => document.querySelector(s)); }, selectors);
  release();
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="sop-estimate"]').textContent.trim() !== '…');
  assert.match(await page.getByTestId('sop-estimate').textContent(), /20\d\d/);
  assert.deepEqual(
    await page.evaluate((sels) => sels.map((s, i) => window.__written[i] === document.querySelector(s) && window.__written[i].isConnected), selectors),
    selectors.map(() => true),
  );
  // Filling the estimate moved nothing on the page (layout shift 0).
  assert.deepEqual(await boxes(), before);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the citizen bundle is asked for only after the written page\'s largest paint', async () => {
  for (const route of ['', 'sop/pelatihan-blk']) {
    const page = await newPage(browser, { width: 412, height: 823 });
    await page.addInitScript(() => {
      window.__seen = { lcp: [], code: [] };
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__seen.lcp.push(e.startTime); })
        .observe({ type: 'largest-contentful-paint', buffered: true });
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) if (/\/citizen-[0-9a-f]+(_bg\.wasm|\.js)$/.test(e.name)) window.__seen.code.push(e.startTime);
      }).observe({ type: 'resource', buffered: true });
    });
    await page.goto(server.url + route);
    await appReady(page);
    const { lcp, code } = await page.evaluate(() => window.__seen);
    assert.ok(lcp.length > 0 && code.length === 2, `${route}: ${JSON.stringify({ lcp, code })}`);
    assert.ok(Math.min(...code) >= lcp[0], `/${route}: bundle asked for at ${Math.min(...code)} ms, largest paint at ${lcp[0]} ms`);
    await page.context().close();
  }
});

test('every written page hydrates without an error', async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  const routes = ['', ...catalogue.sops.map((s) => 'sop/' + s.id)];
  const failed = [];
  for (const route of routes) {
    await page.goto(server.url + route);
    try {
      await appReady(page);
    } catch {
      failed.push(route);
    }
  }
  assert.deepEqual(failed, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a staff address on a host without rewrites (404.html) starts the staff app, never shows "not found"', async () => {
  const plain = await serveDist({ staffRewrite: false });
  const page = await newPage(browser);
  try {
    const release = await holdWasm(page);
    await page.goto(plain.url + 'kasus/jht-2026-0001');
    assert.equal(await page.locator('.fallback-public').isVisible(), false);
    assert.equal(await page.locator('.loading-shell__text--staff').isVisible(), true);
    release();
    await appReady(page);
    assert.equal((await page.locator('h1').first().textContent()).trim(), 'Permohonan tidak ditemukan');
    assert.equal(await page.locator('text=Halaman tidak ditemukan').count(), 0);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
    await plain.close();
  }
});
