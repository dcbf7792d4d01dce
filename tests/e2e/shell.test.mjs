// The app shell: every route renders its page inside the header/footer frame, at phone and
// desktop width, with no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, newPage, appReady } from './browser.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const ROUTES = [
  ['', 'Katalog Layanan'],
  ['kasus', 'Daftar Permohonan'],
  ['laporan', 'Laporan Bulanan'],
  ['catatan-sumber', 'Catatan Sumber'],
  ['halaman-yang-tidak-ada', 'Halaman tidak ditemukan'],
];

for (const [route, heading] of ROUTES) {
  test(`/${route} renders "${heading}"`, async () => {
    const page = await newPage(browser);
    await page.goto(server.url + route);
    await appReady(page);
    assert.equal((await page.locator('h1').first().textContent()).trim(), heading);
    assert.match(await page.locator('header').first().textContent(), /Kabupaten Katingan/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('the staff pages\' links move between them without a reload', async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await page.goto(server.url + 'kasus');
  await appReady(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.getByRole('link', { name: 'Laporan' }).click();
  await page.waitForURL(/\/laporan$/);
  assert.equal((await page.locator('h1').first().textContent()).trim(), 'Laporan Bulanan');
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  // No horizontal scroll at phone width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the 390px viewport`);
  await page.context().close();
});
