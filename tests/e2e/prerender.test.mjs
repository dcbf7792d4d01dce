// Prerendered pages: the HTML itself carries the content (a slow phone sees it before the
// wasm arrives), another route never shows it, and the app replaces it with the same text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, newPage, appReady } from './browser.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

test('without JavaScript the katalog and a SOP page still show their content', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(server.url);
  assert.equal(await page.locator('.prerender .results__list > li').count(), 22);
  await page.goto(server.url + 'sop/jht');
  assert.equal((await page.locator('.prerender h1').textContent()).trim(), 'Surat Keterangan Jaminan Hari Tua');
  assert.equal(await page.locator('.prerender .steps__list > li').count(), 9);
  assert.equal((await page.locator('.prerender [data-testid="sop-total"]').textContent()).trim(), '29 menit');
  // The finish estimate depends on the day of viewing: it is not frozen into the HTML.
  assert.equal((await page.locator('.prerender [data-testid="sop-estimate"]').textContent()).trim(), '…');
  await context.close();
});

test('a route served the fallback page hides the prerendered katalog until the app starts', async () => {
  // The route check is an inline script, so scripts stay on; the wasm is blocked to freeze
  // the page before the app starts.
  const ctx2 = await browser.newContext();
  const p2 = await ctx2.newPage();
  await p2.route(/\.wasm$/, (route) => route.abort());
  await p2.goto(server.url + 'kasus');
  assert.equal(await p2.locator('.prerender').isVisible(), false);
  assert.equal(await p2.locator('.loading-shell__text').isVisible(), true);
  await ctx2.close();
});

test('the app replaces the prerendered page with the same content', async () => {
  const html = await (await fetch(server.url + 'sop/pkb')).text();
  const before = [...html.matchAll(/<p class="step__text">([^<]*)<\/p>/g)].map((m) => m[1]
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"));
  assert.equal(before.length, 7);
  const page = await newPage(browser);
  await page.goto(server.url + 'sop/pkb');
  await appReady(page);
  assert.equal(await page.locator('.prerender').count(), 0);
  const after = await page.locator('.step__text').allTextContents();
  assert.deepEqual(after, before);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
