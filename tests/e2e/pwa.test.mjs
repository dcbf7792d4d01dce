// The installable, offline-first PWA: no installability errors; after one online visit the
// app works offline (pages and search); a new build brings the update banner; a sub-path
// build works offline too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, launchPersistent, serveDist, newPage, appReady } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Visits `url` once and waits until the service worker controls the page and has
 *  precached this build. */
async function visitOnline(page, url) {
  await page.goto(url);
  await appReady(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await appReady(page);
  }
  await until(page, async () => {
    const names = await caches.keys();
    return names.some((n) => n.startsWith('layanan-sop-'));
  });
}

/** The staff side is cached when a staff page is first opened online; the SOP pages when
 *  opened, and all of them from the second visit on (the first visit stays small). */
async function openStaffAndWarm(page, base) {
  await page.goto(base + 'kasus');
  await appReady(page);
  await untilCached(page, ['/.staff-used', '/sop/pkb']);
}

/** The paths in this build's cache, or null while there is not exactly one build's cache. */
const cachedPaths = (page) => page.evaluate(async () => {
  const names = (await caches.keys()).filter((n) => n.startsWith('layanan-sop-'));
  if (names.length !== 1) return null;
  return (await (await caches.open(names[0])).keys()).map((r) => new URL(r.url).pathname);
});

/** Waits until this build's cache holds a path ending with each of `ends`; returns its paths. */
async function untilCached(page, ends, timeout = 20000) {
  const end = Date.now() + timeout;
  for (;;) {
    const paths = await cachedPaths(page);
    if (paths && ends.every((e) => paths.some((p) => p.endsWith(e)))) return paths;
    if (Date.now() > end) throw new Error(`timed out waiting for ${ends.join(', ')} in the cache: ${paths?.join(' ')}`);
    await page.waitForTimeout(100);
  }
}

/** Offline, the staff's case list reloads from the cache. */
async function reloadsOfflineAsCaseList(page) {
  await page.context().setOffline(true);
  await page.reload();
  await appReady(page);
  assert.equal((await page.locator('h1').first().textContent()).trim(), 'Daftar Permohonan');
  await page.context().setOffline(false);
}

/** Polls an async check in the page (waitForFunction takes a returned promise as truthy). */
async function until(page, check, timeout = 20000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(check))) {
    if (Date.now() > end) throw new Error('timed out: ' + check.toString().slice(0, 120));
    await page.waitForTimeout(100);
  }
}

async function offlineChecks(page, base) {
  await openStaffAndWarm(page, base);
  await page.context().setOffline(true);
  for (const [route, heading] of [['', 'Katalog Layanan'], ['sop/pkb', 'Pendaftaran Perjanjian Kerja Bersama (PKB)'], ['kasus', null]]) {
    await page.goto(base + route);
    await appReady(page);
    const h1 = (await page.locator('h1').first().textContent()).trim();
    if (heading) assert.equal(h1, heading, `offline ${route}`);
    else assert.notEqual(h1, 'Halaman tidak ditemukan');
  }
  // Search still works offline.
  await page.goto(base);
  await appReady(page);
  await page.getByLabel('Cari layanan').fill('kartu kuning');
  await page.waitForFunction(() => document.querySelector('.results__list > li')?.dataset.sop === 'kartu-ak1');
  await page.context().setOffline(false);
}

test('the manifest and service worker make the app installable', async (t) => {
  const server = await serveDist();
  const app = await launchPersistent();
  t.after(async () => { await app.close(); await server.close(); });
  const page = app.page;
  await visitOnline(page, server.url);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await (await fetch(server.url + 'manifest.webmanifest')).json();
  assert.equal(manifest.lang, 'id');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  assert.deepEqual(page.problems, []);
});

test('after one online visit, /, a SOP page and /kasus reload offline and search works', async (t) => {
  const server = await serveDist();
  const page = await newPage(browser);
  t.after(async () => { await page.context().close(); await server.close(); });
  await visitOnline(page, server.url);
  await offlineChecks(page, server.url);
});

test('a first visit to / fetches no staff code, even with the worker\'s precache; /kasus then opens online and offline', async (t) => {
  const server = await serveDist();
  const page = await newPage(browser);
  t.after(async () => { await page.context().close(); await server.close(); });
  await visitOnline(page, server.url);
  // Everything the server sent for the page and the worker's install (the server counts it).
  await page.waitForTimeout(500);
  const paths = server.sent.map((s) => s.path);
  assert.ok(paths.some((p) => /\/citizen-[0-9a-f]+_bg\.wasm$/.test(p)), paths.join(' '));
  const staffCode = paths.filter((p) => /\/staff-[0-9a-f]+(_bg\.wasm|\.js)$|\/kasus-[0-9a-f]+\.css$|\/laporan-[0-9a-f]+\.css$/.test(p));
  assert.deepEqual(staffCode, [], 'staff files fetched on a citizen\'s first visit');
  // Then a staff page: its bundle arrives now, and the page works offline afterwards.
  await page.goto(server.url + 'kasus');
  await appReady(page);
  assert.ok(server.sent.some((s) => /\/staff-[0-9a-f]+_bg\.wasm$/.test(s.path)));
  await page.getByRole('heading', { name: 'Daftar Permohonan' }).waitFor();
  await untilCached(page, ['/.staff-used']);
  await reloadsOfflineAsCaseList(page);
});

test('a first visit that starts on /kasus caches the staff side, not the katalog, and reopens offline', async (t) => {
  const server = await serveDist();
  const page = await newPage(browser);
  t.after(async () => { await page.context().close(); await server.close(); });
  await page.goto(server.url + 'kasus');
  await appReady(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  const cached = await untilCached(page, ['/.staff-used']);
  assert.ok(cached.some((k) => /\/staff-[0-9a-f]+_bg\.wasm$/.test(k)), cached.join(' '));
  assert.ok(cached.some((k) => k.endsWith('/kasus/')), cached.join(' '));
  // The katalog's bundle is not what this visit needed.
  assert.ok(!cached.some((k) => /\/citizen-[0-9a-f]+_bg\.wasm$/.test(k)), cached.join(' '));
  await reloadsOfflineAsCaseList(page);
});

test('a new build served at the same address brings the update banner; reloading switches', async (t) => {
  assert.ok(fs.existsSync('dist-update/index.html'), 'scripts/test.sh builds dist-update');
  const server = await serveDist();
  const page = await newPage(browser);
  t.after(async () => { await page.context().close(); await server.close(); });
  await visitOnline(page, server.url);
  const oldVersion = (await page.getByTestId('app-version').textContent()).trim();
  assert.equal(await page.getByTestId('update-banner').count(), 0);

  server.setRoot('dist-update');
  await page.evaluate(async () => { const r = await navigator.serviceWorker.getRegistration(); await r.update(); });
  await page.getByTestId('update-banner').waitFor({ timeout: 20000 });
  assert.match(await page.getByTestId('update-banner').textContent(), /Versi baru tersedia — muat ulang/);
  // The page keeps working while the banner shows (it does not block).
  await page.getByLabel('Cari layanan').fill('jht');
  await page.waitForFunction(() => document.querySelector('.results__list > li')?.dataset.sop === 'jht');

  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Muat ulang' }).click(),
  ]);
  await appReady(page);
  const newVersion = (await page.getByTestId('app-version').textContent()).trim();
  assert.notEqual(newVersion, oldVersion);
  assert.match(newVersion, /-update$/);
  // Only the new build's cache remains.
  const caches = await page.evaluate(async () => (await self.caches.keys()).filter((n) => n.startsWith('layanan-sop-')));
  assert.equal(caches.length, 1);
});

test('a build for a sub-path (/layanan-sop/) routes, installs and works offline', async (t) => {
  assert.ok(fs.existsSync('dist-sub/index.html'), 'scripts/test.sh builds dist-sub');
  const server = await serveDist({ root: 'dist-sub', base: '/layanan-sop/' });
  const app = await launchPersistent();
  t.after(async () => { await app.close(); await server.close(); });
  const page = app.page;
  await visitOnline(page, server.url);
  assert.match(server.url, /\/layanan-sop\/$/);
  // Links stay under the sub-path.
  await page.getByRole('link', { name: 'Surat Keterangan Jaminan Hari Tua' }).click();
  await page.waitForURL(/\/layanan-sop\/sop\/jht$/);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, server.url);
  const cdp = await page.context().newCDPSession(page);
  assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
  await offlineChecks(page, server.url);
});

test('under a sub-path the staff pages stay inside it: new case, list filter, report period', async () => {
  const server = await serveDist({ root: 'dist-sub', base: '/layanan-sop/' });
  const page = await newPage(browser);
  try {
    await page.goto(server.url + 'kasus');
    await appReady(page);
    await page.fill('#nama-petugas', 'Rina Wati');
    await page.click('[data-testid=case-staff] button[type=submit]');
    await page.getByTestId('new-case').click();
    await page.waitForURL(/\/layanan-sop\/kasus\?baru=$/);
    await page.selectOption('#baru-sop', 'jht');
    await page.fill('#baru-pemohon', 'Budi Santoso');
    await page.fill('#baru-perihal', 'Klaim JHT');
    await page.click('[data-testid=case-new] button[type=submit]');
    await page.waitForURL(/\/layanan-sop\/kasus\/jht-\d{4}-\d{4}$/);
    await page.waitForSelector('.case-head');
    await page.goto(server.url + 'kasus');
    await appReady(page);
    await page.fill('#cari-permohonan', 'Budi');
    await page.waitForURL(/\/layanan-sop\/kasus\?q=Budi$/);
    await page.selectOption('#filter-status', 'ditolak');
    await page.waitForURL(/\/layanan-sop\/kasus\?q=Budi&status=ditolak$/);
    await page.goto(server.url + 'laporan');
    await appReady(page);
    await page.selectOption('#laporan-sop', 'jht');
    await page.waitForURL(/\/layanan-sop\/laporan\?dari=\d{4}-\d{2}&sampai=\d{4}-\d{2}&sop=jht$/);
    assert.notEqual((await page.locator('h1').first().textContent()).trim(), 'Halaman tidak ditemukan');
  } finally {
    await page.context().close();
    await server.close();
  }
});
