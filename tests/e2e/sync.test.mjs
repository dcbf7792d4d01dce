// The optional sync through CouchDB, with two browser contexts as two PCs of the office and a
// real CouchDB-compatible server the test starts itself (tests/e2e/couch.mjs): a case made
// on one PC appears on the other; work done on both while the server is down is merged; two
// PCs giving out the same number end with one renumbered, and told; a wrong password and a
// malformed document on the server cost nothing; with the sync off the app talks to no one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, newPage, appReady } from './browser.mjs';
import { startCouch, fillSyncForm, waitSynced } from './couch.mjs';
import { openListAsStaff, createCase, auditTexts } from './kasus-helpers.mjs';

let browser, server, couch;
before(async () => {
  browser = await launch();
  server = await serveDist();
  couch = await startCouch({ appOrigin: new URL(server.url).origin });
});
after(async () => {
  await browser?.close();
  await server?.close();
  await couch?.close();
});

/** A PC: its own browser context (its own localStorage and cookies), signed in as staff. */
async function pc(name) {
  const page = await newPage(browser);
  page.expectFailuresFrom.push(couch.url);
  await openListAsStaff(page, server.url, name);
  return page;
}

const statusText = (page) => page.getByTestId('sync-status-text').textContent();

async function waitStatus(page, re, timeout = 15000) {
  await page.waitForFunction(
    ([src, flags]) => new RegExp(src, flags).test(document.querySelector('[data-testid=sync-status-text]')?.textContent || ''),
    [re.source, re.flags],
    { timeout },
  );
}

const connect = (page, opts) => fillSyncForm(page, server.url, couch, opts);

async function connected(page) {
  await connect(page);
  await page.getByTestId('sync-settings-status').waitFor();
  await waitSynced(page);
}

/** Waits until the case list of `page` holds `id` (following the sync), within `ms`. */
async function waitForCase(page, id, ms = 15000) {
  await page.locator(`[data-case="${id}"]`).waitFor({ timeout: ms });
}

async function addNote(page, id, text) {
  await page.goto(server.url + 'kasus/' + id);
  await appReady(page);
  await page.locator('.case-notes-section summary').click();
  await page.fill('#catatan-permohonan-form-teks', text);
  const before = await page.locator('[data-testid=audit] li').count();
  await page.locator('.case-notes-section button[type=submit]').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=audit] li').length > n, before);
}

async function auditOf(page, id, expect, ms = 15000) {
  await page.goto(server.url + 'kasus/' + id);
  await appReady(page);
  await page.waitForSelector('.case-head');
  const until = Date.now() + ms;
  for (;;) {
    const texts = (await auditTexts(page)).join('\n');
    if (expect.every((re) => re.test(texts)) || Date.now() > until) return texts;
    await page.waitForTimeout(300);
    await page.reload();
    await appReady(page);
    await page.waitForSelector('.case-head');
  }
}

test('settings refuse plain http to another machine, and a wrong password costs nothing', async () => {
  const page = await pc('Rina Wati');
  const id = await createCase(page, server.url, 'jht', 'Budi Santoso', 'Sebelum sinkronisasi');
  await page.goto(server.url + 'pengaturan');
  await appReady(page);
  // No server set up: no status line anywhere, the page says what the sync is for.
  assert.equal(await page.getByTestId('sync-status').count(), 0);
  await page.fill('#sync-url', 'http://10.0.0.5:5984');
  await page.fill('#sync-db', couch.db);
  await page.fill('#sync-user', couch.user.name);
  await page.fill('#sync-password', 'apa saja');
  await page.click('[data-testid=sync-form] button[type=submit]');
  assert.match(await page.getByTestId('sync-error').textContent(), /http:\/\/.*ditolak.*https:\/\//);

  await connect(page, { password: 'salah-sandi' });
  const error = page.getByTestId('sync-error');
  await error.waitFor();
  assert.match(await error.textContent(), /Nama pengguna atau kata sandi salah/);
  // Nothing changed: still off, the case still here, nothing reached the server.
  assert.equal(await page.getByTestId('sync-status').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('lsk:pref:sync')), null);
  await page.goto(server.url + 'kasus');
  await appReady(page);
  await page.locator(`[data-case="${id}"]`).waitFor();
  assert.equal((await couch.allDocs()).rows.length, 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a case made on PC A appears on PC B; both PCs edit it while the server is down, and both edits survive', async () => {
  const a = await pc('Rina Wati');
  const b = await pc('Siti Aminah');
  // PC A already holds a case from before the sync: the first sync sends it up.
  const early = await createCase(a, server.url, 'pkb', 'PT Sawit Katingan', 'Pendaftaran PKB');
  await connected(a);
  await connected(b);
  await b.goto(server.url + 'kasus');
  await appReady(b);
  await waitForCase(b, early);

  // One change, one PC to the other, both online: PC B's open list shows it without a
  // reload (its sync's long poll carries it).
  const id = await createCase(a, server.url, 'jht', 'Budi Santoso', 'Klaim JHT');
  const t0 = Date.now();
  await waitForCase(b, id, 5000);
  console.log(`    new case on PC A visible in PC B's open list ${Date.now() - t0} ms after it was saved`);
  const docs = (await couch.allDocs()).rows.map((r) => r.doc);
  const doc = docs.find((d) => d.case_id === id);
  assert.ok(doc, 'the case is one document on the server');
  assert.equal(doc._id, 'permohonan:' + doc.uid);
  assert.equal(doc.type, 'permohonan');
  assert.equal(doc.applicant, 'Budi Santoso');

  // The server goes down; each PC adds a note to the same case.
  couch.stop();
  await addNote(a, id, 'Dari meja depan: berkas asli diterima.');
  await addNote(b, id, 'Dari Kasi: pemohon diminta datang Senin.');
  await waitStatus(a, /perubahan menunggu|gagal|luring/);
  assert.match(await statusText(a), /1 perubahan menunggu|gagal|luring/);
  // Back up: both PCs end with both notes and the merge in the history.
  couch.resume();
  await a.getByTestId('sync-status').locator('a').click();
  await a.getByTestId('sync-now').click();
  await b.goto(server.url + 'pengaturan');
  await appReady(b);
  await b.getByTestId('sync-now').click();
  const expect = [/berkas asli diterima/, /pemohon diminta datang Senin/, /digabung/];
  for (const page of [a, b]) {
    const texts = await auditOf(page, id, expect, 30000);
    for (const re of expect) assert.match(texts, re);
  }
  await waitStatus(a, /^tersinkron/, 30000);
  await waitStatus(b, /^tersinkron/, 30000);
  assert.deepEqual(a.problems.concat(b.problems), []);
  await a.context().close();
  await b.context().close();
});

test('two PCs offline give out the same number: one case is renumbered, recorded and told, on both', async () => {
  const a = await pc('Rina Wati');
  const b = await pc('Siti Aminah');
  await connected(a);
  await connected(b);
  couch.stop();
  const idA = await createCase(a, server.url, 'kartu-ak1', 'Dewi Lestari', 'Kartu kuning A');
  const idB = await createCase(b, server.url, 'kartu-ak1', 'Eko Prasetyo', 'Kartu kuning B');
  assert.equal(idA, idB, 'both PCs gave out the same number while apart');
  const number = (await a.getByTestId('case-number').textContent()).trim();
  couch.resume();
  for (const page of [a, b]) {
    await page.goto(server.url + 'pengaturan');
    await appReady(page);
    await page.getByTestId('sync-now').click();
  }
  // Both PCs list two cases of that SOP with different numbers, and tell the user.
  for (const page of [a, b]) {
    await page.getByTestId('sync-renumbered').waitFor({ timeout: 30000 });
    assert.match(await page.getByTestId('sync-renumbered').textContent(), new RegExp(number.replace(/\//g, '\\/')));
  }
  const lists = [];
  for (const page of [a, b]) {
    await page.goto(server.url + 'kasus?sop=kartu-ak1');
    await appReady(page);
    await page.waitForFunction(() => document.querySelectorAll('.case-list [data-case]').length === 2, null, { timeout: 30000 });
    lists.push(await page.locator('.case-list .case-row__number').allTextContents());
  }
  assert.deepEqual(lists[0].sort(), lists[1].sort(), 'both PCs hold the same two numbers');
  assert.equal(new Set(lists[0]).size, 2);
  assert.ok(lists[0].includes(number), 'one case keeps the number');
  const moved = lists[0].find((n) => n !== number);
  // The renumbered case's history says so, on both PCs.
  for (const page of [a, b]) {
    await page.goto(server.url + 'kasus?q=' + encodeURIComponent(moved));
    await appReady(page);
    await page.locator('.case-list [data-case] a').first().click();
    await page.waitForSelector('.case-head');
    const texts = (await auditTexts(page)).join('\n');
    assert.match(texts, new RegExp(`Nomor diubah dari ${number.replace(/\//g, '\\/')} menjadi ${moved.replace(/\//g, '\\/')}`));
  }
  assert.deepEqual(a.problems.concat(b.problems), []);
  await a.context().close();
  await b.context().close();
});

test('a malformed document on the server is set aside on the PC; everything else syncs', async () => {
  await couch.putDoc({ _id: 'permohonan:rusak-1', type: 'permohonan', schema: 1, uid: 'rusak-1', number: 'JHT/0099/XII/2026', steps: 'bukan daftar' });
  const a = await pc('Rina Wati');
  await connected(a);
  await a.getByTestId('sync-set-aside').waitFor();
  assert.match(await a.getByTestId('sync-set-aside').textContent(), /permohonan:rusak-1/);
  assert.match(await a.getByTestId('sync-status').textContent(), /1 dokumen server disisihkan/);
  // Everything else still goes both ways.
  const b = await pc('Siti Aminah');
  await connected(b);
  const id = await createCase(b, server.url, 'jht', 'Fajar Nugroho', 'Setelah dokumen rusak');
  await a.goto(server.url + 'kasus');
  await appReady(a);
  await waitForCase(a, id);
  // The malformed document is left as it was on the server.
  const kept = await couch.getDoc('permohonan:rusak-1');
  assert.equal(kept.steps, 'bukan daftar');
  assert.deepEqual(a.problems.concat(b.problems), []);
  await a.context().close();
  await b.context().close();
});

test('with the sync off the app talks to no server and works as before', async () => {
  const page = await pc('Rina Wati');
  const elsewhere = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url)) elsewhere.push(r.url());
  });
  const id = await createCase(page, server.url, 'jht', 'Gita Permata', 'Tanpa server');
  await addNote(page, id, 'Catatan tanpa server.');
  await page.goto(server.url + 'laporan');
  await appReady(page);
  await page.goto(server.url + 'kasus');
  await appReady(page);
  await waitForCase(page, id);
  assert.equal(await page.getByTestId('sync-status').count(), 0);
  assert.deepEqual(elsewhere, []);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lsk:sync')).length), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
