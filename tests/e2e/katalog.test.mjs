// The citizen's catalogue: search ranking, filters and URL state, accessibility, phone layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, newPage, appReady } from './browser.mjs';
import { seriousViolations } from './axe.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const firstResult = (page) => page.locator('.results__list > li').first().getAttribute('data-sop');

// Realistic queries: the names people use, typos, and printed numbers.
const QUERIES = [
  ['kartu kuning', 'kartu-ak1'],
  ['kartu kunign', 'kartu-ak1'],
  ['ak-1', 'kartu-ak1'],
  ['JHT', 'jht'],
  ['jaminan hari tau', 'jht'],
  ['53/DPTTK', 'jht'],
  ['TKA', 'imta'],
  ['IMTA', 'imta'],
  ['tenaga kerja asing', 'imta'],
  ['PKB', 'pkb'],
  ['perjanjian kerja bersama', 'pkb'],
  ['SP/SB', 'sp-sb'],
  ['serikat pekerja', 'sp-sb'],
  ['LKS', 'lks-bipartit'],
  ['BLK', 'pelatihan-blk'],
  ['cuti', 'cuti-tahunan'],
  ['pangkat', 'kenaikan-pangkat'],
  ['transmigrasi', 'pencadangan-tanah'],
  ['peraturan perusahaan', 'pengesahan-pp'],
  ['perselisihan', 'perselisihan'],
];

test('search ranks the right SOP first for realistic queries', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await appReady(page);
  const box = page.getByLabel('Cari layanan');
  const wrong = [];
  for (const [query, expected] of QUERIES) {
    await box.fill(query);
    await page.waitForFunction(
      (q) => document.querySelector('[data-testid="result-count"]')?.textContent.includes(q),
      query,
    );
    const got = await firstResult(page);
    if (got !== expected) wrong.push(`${query} → ${got} (expected ${expected})`);
  }
  assert.deepEqual(wrong, []);
  // The matching words are highlighted.
  await box.fill('jaminan hari');
  await page.waitForSelector('.results__list mark');
  assert.ok((await page.locator('.results__list > li').first().locator('mark').count()) >= 2);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an empty result says so and suggests what to try', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + '?q=zzzqqq');
  await appReady(page);
  await page.getByRole('heading', { name: 'Tidak ada layanan yang cocok' }).waitFor();
  assert.equal(await page.locator('.results__list > li').count(), 0);
  await page.getByRole('button', { name: 'Hapus pencarian dan filter' }).click();
  await page.waitForURL(server.url);
  assert.equal(await page.locator('.results__list > li').count(), 22);
  await page.context().close();
});

test('query and filters live in the URL: reload and back restore them', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await appReady(page);
  assert.equal(await page.locator('.results__list > li').count(), 22);

  await page.getByLabel('Unit').selectOption('bidang-hi');
  await page.waitForURL(/unit=bidang-hi/);
  const hiCount = await page.locator('.results__list > li').count();
  assert.ok(hiCount >= 5 && hiCount < 22, `HI unit shows ${hiCount}`);

  await page.getByLabel('Jenis').selectOption('public');
  await page.waitForURL(/jenis=public/);
  await page.getByLabel('Cari layanan').fill('pencatatan');
  await page.waitForURL(/q=pencatatan/);
  const filtered = await page.locator('.results__list > li').evaluateAll((els) => els.map((e) => e.dataset.sop));
  assert.ok(filtered.length > 0);

  await page.reload();
  await appReady(page);
  assert.equal(await page.getByLabel('Cari layanan').inputValue(), 'pencatatan');
  assert.equal(await page.getByLabel('Unit').inputValue(), 'bidang-hi');
  assert.equal(await page.getByLabel('Jenis').inputValue(), 'public');
  assert.deepEqual(await page.locator('.results__list > li').evaluateAll((els) => els.map((e) => e.dataset.sop)), filtered);

  // Back undoes the audience filter (typing replaced its history entry), then the unit.
  await page.goBack();
  await page.waitForURL((u) => !u.search.includes('jenis='));
  assert.equal(await page.getByLabel('Jenis').inputValue(), '');
  assert.equal(await page.getByLabel('Unit').inputValue(), 'bidang-hi');
  await page.goBack();
  await page.waitForURL((u) => !u.search.includes('unit='));
  assert.equal(await page.locator('.results__list > li').count(), 22);
  await page.context().close();
});

test('katalog: no serious accessibility violations, no horizontal scroll at 360 px, keyboard reaches results', async () => {
  const page = await newPage(browser, { width: 360, height: 780 });
  await page.goto(server.url + '?q=kartu');
  await appReady(page);
  assert.deepEqual(await seriousViolations(page), []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  // Tap targets: the search box, selects and result links are at least 44px tall.
  for (const sel of ['#cari', '#filter-unit', '#filter-jenis', '.result__title a']) {
    const h = await page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().height);
    assert.ok(h >= 44, `${sel} is ${h}px tall`);
  }
  // Keyboard only: Tab from the search box reaches the first result and Enter opens it.
  await page.locator('#cari').focus();
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.closest('.result__title'))) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/sop\/kartu-ak1$/);
  await page.context().close();
});
