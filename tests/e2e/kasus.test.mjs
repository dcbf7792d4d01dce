// The staff's case tracking: create a case, run its timers (derived from stored timestamps,
// so a reload keeps them), walk it to "selesai", reject one with "Tidak", the mutu baku
// display, hand a case over as a file and import it back, refuse malformed files, and
// accessibility of the list and the case page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, serveDist, newPage, appReady } from './browser.mjs';
import { seriousViolations } from './axe.mjs';
import { STAFF, openListAsStaff, createCase, current, auditTexts, stored, clickCurrent } from './kasus-helpers.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const currentIndex = async (page) => Number(await current(page).getAttribute('data-step'));

/** Starts and finishes the current step, answering Ya at decisions. */
async function startAndFinish(page) {
  await clickCurrent(page, 'timer-button');
  const decision = await current(page).locator('[data-testid=decide-yes]').count();
  await clickCurrent(page, decision ? 'decide-yes' : 'finish-button');
}

/** Runs `action` and returns the text of the message it leads to. */
async function feedbackOf(page, action) {
  const region = page.getByTestId('case-feedback');
  const seen = Number(await region.getAttribute('data-seq'));
  await action();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=case-feedback]').dataset.seq) > n
    && document.querySelector('[data-testid=case-feedback] p'), seen);
  return region.textContent();
}

const storageSnapshot = (page) => page.evaluate(() => {
  const out = {};
  for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); out[k] = localStorage.getItem(k); }
  return out;
});

test('a JHT case: the timer survives a reload and its time comes from the stored start', async () => {
  const page = await newPage(browser);
  await openListAsStaff(page, server.url);
  const id = await createCase(page, server.url, 'jht', 'Budi Santoso', 'Klaim JHT');
  assert.match(id, /^jht-\d{4}-\d{4}$/);
  assert.match(await page.getByTestId('case-number').textContent(), /^JHT\/\d{4}\/[IVX]+\/\d{4}$/);
  await clickCurrent(page, 'timer-button');
  assert.equal(await current(page).getByTestId('step-status').textContent(), 'Sedang dikerjakan');
  const clock = current(page).getByTestId('step-clock');
  const first = Number(await clock.getAttribute('data-elapsed-ms'));
  await page.waitForTimeout(1500);
  await page.reload();
  await appReady(page);
  await page.waitForSelector('.case-step--current [data-testid=step-clock]');
  assert.equal(await current(page).getByTestId('step-status').textContent(), 'Sedang dikerjakan');
  const afterReload = Number(await current(page).getByTestId('step-clock').getAttribute('data-elapsed-ms'));
  assert.ok(afterReload >= first + 1000, `elapsed grows across the reload (${first} → ${afterReload})`);
  // It keeps growing on screen.
  await page.waitForFunction((ms) => Number(document.querySelector('.case-step--current [data-testid=step-clock]')
    .getAttribute('data-elapsed-ms')) >= ms + 1000, afterReload);
  // The stored case did not change while the clock ran: the display derives it.
  const raw = await stored(page, id);
  await page.waitForTimeout(1100);
  assert.equal(await stored(page, id), raw);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a clock an hour ahead shows an hour more: elapsed time is derived from timestamps', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(server.url + 'kasus');
  await appReady(page);
  await page.fill('#nama-petugas', STAFF);
  await page.click('[data-testid=case-staff] button[type=submit]');
  await createCase(page, server.url, 'jht', 'Sri Handayani');
  await clickCurrent(page, 'timer-button');
  await context.clock.install({ time: Date.now() + 3600_000 });
  await page.reload();
  await appReady(page);
  const clock = page.locator('.case-step--current [data-testid=step-clock]');
  await clock.waitFor();
  const ms = Number(await clock.getAttribute('data-elapsed-ms'));
  assert.ok(ms >= 3600_000 && ms < 3700_000, `about an hour: ${ms}`);
  assert.match(await clock.textContent(), /^01:0\d:\d\d$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('working time against the mutu baku: over the standard is said and marked', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Monday 30 November 2026, 09:00 WIB: office hours, so working minutes count.
  await context.clock.install({ time: new Date('2026-11-30T02:00:00Z') });
  const page = await context.newPage();
  await page.goto(server.url + 'kasus');
  await appReady(page);
  await page.fill('#nama-petugas', STAFF);
  await page.click('[data-testid=case-staff] button[type=submit]');
  await createCase(page, server.url, 'jht', 'Yulius Nyahu');
  await startAndFinish(page); // step 1 (no standard)
  await clickCurrent(page, 'timer-button'); // step 2: 5 menit
  await context.clock.fastForward(3 * 60_000);
  const time = current(page).getByTestId('step-time');
  await page.waitForFunction(() => /3 menit dari 5 menit/.test(document.querySelector('.case-step--current [data-testid=step-time]')?.textContent));
  assert.match(await time.textContent(), /Waktu kerja 3 menit dari 5 menit — masih dalam waktu baku/);
  await context.clock.fastForward(67 * 60_000);
  await page.waitForFunction(() => /melewati/.test(document.querySelector('.case-step--current [data-testid=step-time]')?.textContent));
  assert.match(await time.textContent(), /Waktu kerja 1 jam 10 menit dari 5 menit — melewati waktu baku/);
  assert.match(await time.getAttribute('class'), /case-step__time--over/);
  // In-app navigation keeps the page's (fake) clock.
  await page.locator('.breadcrumb a').click();
  await page.locator('#filter-lewat').check();
  await page.waitForURL(/lewat=1/);
  await page.waitForFunction(() => document.querySelector('[data-testid=case-count]')?.textContent.startsWith('1 '));
  assert.equal(await page.locator('[data-testid=case-list] > li').count(), 1, 'the overdue filter finds it');
  assert.match(await page.locator('[data-testid=case-list] > li').textContent(), /Melewati waktu baku/);
  await context.close();
});

test('a JHT case walked to the end is selesai, with every step in the audit trail', async () => {
  const page = await newPage(browser);
  await openListAsStaff(page, server.url);
  const id = await createCase(page, server.url, 'jht', 'Maria Simanjuntak');
  // Step 4 is "Berkas lengkap?": before the click it says where each answer leads.
  for (let i = 0; i < 3; i++) await startAndFinish(page);
  assert.equal(await currentIndex(page), 3);
  await clickCurrent(page, 'timer-button');
  assert.match(await current(page).getByTestId('decide-yes').textContent(), /Ya — lanjut ke langkah 5/);
  assert.match(await current(page).getByTestId('decide-no').textContent(), /Tidak — kembali ke langkah 1/);
  await clickCurrent(page, 'decide-yes');
  while (await current(page).count()) await startAndFinish(page);
  assert.equal(await page.getByTestId('case-status').textContent(), 'Selesai');
  const audit = await auditTexts(page);
  assert.equal(audit[0], 'Langkah 9 selesai, permohonan selesai');
  assert.equal(audit.at(-1), 'Permohonan dibuat');
  assert.ok(audit.includes('Langkah 4 diputuskan: Ya, lanjut ke langkah 5'));
  assert.equal(audit.length, 1 + 9 * 2);
  assert.match(await page.locator('.case-audit__meta').first().textContent(), /WIB · Rina Wati$/);
  // The list shows it closed.
  await page.goto(server.url + 'kasus?status=selesai');
  await appReady(page);
  assert.equal(await page.locator(`[data-case="${id}"] .case-status`).textContent(), 'Selesai');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a PKB case answered "Tidak" ends ditolak, after saying so, with an audit entry', async () => {
  const page = await newPage(browser, { width: 360, height: 800 });
  await openListAsStaff(page, server.url);
  await createCase(page, server.url, 'pkb', 'PT Katingan Hijau Lestari', 'Pendaftaran PKB 2027');
  for (let i = 0; i < 3; i++) await startAndFinish(page);
  await clickCurrent(page, 'timer-button');
  const no = current(page).getByTestId('decide-no');
  assert.match(await no.textContent(), /Tidak — permohonan ditolak/);
  await no.click();
  // Rejecting closes the case: it asks once more.
  await current(page).getByTestId('confirm-reject').waitFor();
  await clickCurrent(page, 'confirm-reject');
  assert.equal(await page.getByTestId('case-status').textContent(), 'Ditolak');
  assert.equal((await auditTexts(page))[0], 'Langkah 4 diputuskan: Tidak, permohonan ditolak');
  assert.equal(await page.locator('.case-step--current').count(), 0);
  // A closed case takes notes but no more step actions.
  await page.locator('.case-notes-section summary').click();
  await page.fill('#catatan-permohonan-form-teks', 'Surat penolakan sudah diambil pemohon.');
  await page.locator('.case-notes-section button[type=submit]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=audit] .case-audit__what')?.textContent.startsWith('Catatan:'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px (${overflow})`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('no action without a staff name: the page asks for it first', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + 'kasus?baru=jht');
  await appReady(page);
  await page.fill('#baru-pemohon', 'Tanpa Petugas');
  await page.fill('#baru-perihal', 'Uji');
  await page.click('[data-testid=case-new] button[type=submit]');
  assert.match(await page.locator('[data-testid=case-new] .notice--error').textContent(), /Isi nama petugas dahulu/);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lsk:case:')).length), 0);
  // Required fields are checked with a message; nothing typed is lost.
  await page.fill('#nama-petugas', STAFF);
  await page.click('[data-testid=case-staff] button[type=submit]');
  await page.fill('#baru-perihal', '');
  await page.click('[data-testid=case-new] button[type=submit]');
  assert.match(await page.locator('[data-testid=case-new] .notice--error').textContent(), /Perihal wajib diisi/);
  assert.equal(await page.locator('#baru-pemohon').inputValue(), 'Tanpa Petugas');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('edit the case data and note a step: both in the audit trail', async () => {
  const page = await newPage(browser);
  await openListAsStaff(page, server.url);
  await createCase(page, server.url, 'jht', 'Budi Santosa', 'Klaim JHT');
  await page.getByRole('button', { name: 'Ubah data' }).click();
  await page.fill('#ubah-pemohon', 'Budi Santoso');
  await page.fill('#ubah-kontak', '0812-5123-4567');
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=audit] .case-audit__what')?.textContent.startsWith('Data permohonan diubah'));
  assert.equal((await auditTexts(page))[0],
    'Data permohonan diubah: Nama pemohon \u201cBudi Santosa\u201d \u2192 \u201cBudi Santoso\u201d; Kontak \u201c\u201d \u2192 \u201c0812-5123-4567\u201d');
  assert.equal(await page.getByTestId('case-applicant').textContent(), 'Budi Santoso');
  // A note on a step that is not the current one.
  const step2 = page.locator('.case-step[data-step="1"]');
  await step2.locator('summary').click();
  await step2.locator('textarea').fill('Kepala Dinas sedang dinas luar sampai Kamis.');
  await step2.getByRole('button', { name: 'Simpan catatan' }).click();
  await step2.locator('.case-notes__text').waitFor();
  assert.equal(await step2.locator('.case-notes__text').textContent(), 'Kepala Dinas sedang dinas luar sampai Kamis.');
  assert.match(await step2.locator('.case-notes__meta').textContent(), /WIB · Rina Wati$/);
  assert.equal((await auditTexts(page))[0], 'Catatan pada langkah 2: Kepala Dinas sedang dinas luar sampai Kamis.');
  // An empty note is refused with a message, nothing is saved.
  const count = (await auditTexts(page)).length;
  await step2.getByRole('button', { name: 'Simpan catatan' }).click();
  assert.match(await step2.locator('.notice--error').textContent(), /Tulis catatannya dahulu/);
  assert.equal((await auditTexts(page)).length, count);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('export a case, clear the storage, import it back intact; newer replaces, older is refused', async () => {
  const page = await newPage(browser);
  await openListAsStaff(page, server.url);
  const id = await createCase(page, server.url, 'kartu-ak1', 'Ahmad Saputra', 'Kartu kuning');
  await clickCurrent(page, 'timer-button');
  await current(page).locator('input[type=checkbox]').first().check();
  await page.waitForFunction(() => document.querySelector('[data-testid=audit] .case-audit__what')?.textContent.includes('dicentang'));
  const exportFile = async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-case').click()]);
    assert.equal(dl.suggestedFilename(), `permohonan-${id}.json`);
    return fs.readFileSync(await dl.path(), 'utf8');
  };
  const older = await exportFile();
  await clickCurrent(page, 'finish-button');
  const newer = await exportFile();
  const parsed = JSON.parse(newer);
  assert.equal(parsed.kind, 'layanan-sop-katingan/case');
  assert.equal(parsed.case.id, id);

  await page.evaluate(() => localStorage.clear());
  await page.goto(server.url + 'kasus');
  await appReady(page);
  assert.match(await page.getByTestId('case-count').textContent(), /^0 permohonan/);
  const importFile = (content, name = 'berkas.json') => feedbackOf(page, () =>
    page.setInputFiles('#impor-permohonan', { name, mimeType: 'application/json', buffer: Buffer.from(content) }));
  assert.match(await importFile(older), /diimpor/);
  assert.match(await importFile(newer), /diperbarui dari berkas/);
  assert.match(await importFile(older), /versi lama .* Tidak diimpor/);
  assert.match(await importFile(newer), /sudah tersimpan persis sama/);
  assert.match(await page.getByTestId('case-count').textContent(), /^1 permohonan/);

  await page.click(`[data-case="${id}"] a`);
  await page.waitForSelector('.case-step--current');
  const again = JSON.parse(await exportFile());
  delete again.exported_at; delete parsed.exported_at;
  assert.deepEqual(again, parsed, 'the imported case exports exactly as it was exported');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('malformed files show an error and change nothing', async () => {
  const page = await newPage(browser);
  await openListAsStaff(page, server.url);
  await createCase(page, server.url, 'jht', 'Hendra Kusuma');
  await page.goto(server.url + 'kasus');
  await appReady(page);
  const before = await storageSnapshot(page);
  const tries = [
    ['#impor-permohonan', '{"kind": "layanan-sop-katingan/case", "schema": 2, "case": {', /bukan JSON yang utuh.*Tidak ada yang diubah/],
    ['#impor-permohonan', '{"kind": "sesuatu-lain"}', /bukan berkas permohonan.*Tidak ada yang diubah/],
    ['#impor-permohonan', '{"kind": "layanan-sop-katingan/case", "schema": 2, "case": {"v": 2, "id": "x"}}', /Isi berkas rusak.*Tidak ada yang diubah/],
    ['#pulihkan-cadangan', 'bukan json sama sekali', /bukan JSON yang utuh.*Tidak ada yang diubah/],
    ['#pulihkan-cadangan', '{"kind": "layanan-sop-katingan/case", "schema": 2}', /berkas satu permohonan; gunakan menu Impor permohonan/],
  ];
  for (const [input, content, expected] of tries) {
    const text = await feedbackOf(page, () =>
      page.setInputFiles(input, { name: 'rusak.json', mimeType: 'application/json', buffer: Buffer.from(content) }));
    assert.match(text, expected);
    assert.equal(await page.locator('[data-testid=case-feedback] .notice--error').count(), 1);
  }
  assert.deepEqual(await storageSnapshot(page), before);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the (filtered) list as CSV for Excel with the Indonesian locale', async () => {
  const page = await newPage(browser);
  await openListAsStaff(page, server.url);
  await createCase(page, server.url, 'jht', 'Agus Salim', 'Klaim; tahap "1"');
  await createCase(page, server.url, 'pkb', 'PT Karya Hampangen', 'PKB');
  await page.goto(server.url + 'kasus?sop=jht');
  await appReady(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv').click()]);
  assert.match(dl.suggestedFilename(), /^daftar-permohonan-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await dl.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffNomor;SOP;Pemohon;'), 'UTF-8 BOM and ; separators');
  const rows = csv.split('\r\n').filter(Boolean);
  assert.equal(rows.length, 2, 'header + the one JHT case the filter shows');
  assert.match(rows[1], /^JHT\/\d{4}\/[IVX]+\/\d{4};Surat Keterangan Jaminan Hari Tua;Agus Salim;;"Klaim; tahap ""1""";Berjalan;/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a search typed and left at once for a case is still there when coming back', async () => {
  const page = await newPage(browser);
  await openListAsStaff(page, server.url);
  const budi = await createCase(page, server.url, 'jht', 'Budi Santoso');
  await createCase(page, server.url, 'pkb', 'Ani Lestari');
  await page.goto(server.url + 'kasus');
  await appReady(page);
  const entries = await page.evaluate(() => history.length);
  // The list answers the keystrokes; the address waits for a pause, or for the box to be left.
  await page.locator('#cari-permohonan').pressSequentially('Budi');
  await page.waitForFunction(() => document.querySelector('[data-testid=case-count]')?.textContent === '1 permohonan');
  await page.locator('[data-testid=case-list] > li a').first().click();
  await page.waitForURL(new RegExp(`/kasus/${budi}$`));
  await page.goBack();
  await page.waitForURL(/\/kasus\?q=Budi$/);
  await page.waitForFunction(() => document.querySelector('[data-testid=case-count]')?.textContent === '1 permohonan');
  assert.equal(await page.locator('#cari-permohonan').inputValue(), 'Budi');
  // Typing added no history entry of its own: one back more is where the list was opened from.
  assert.equal(await page.evaluate(() => history.length), entries + 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('backup and restore: every case comes back into an empty browser', async () => {
  const page = await newPage(browser);
  await openListAsStaff(page, server.url);
  const a = await createCase(page, server.url, 'jht', 'Desi Pratama');
  const b = await createCase(page, server.url, 'sp-sb', 'SP Kahayan', 'Pencatatan SP');
  await page.goto(server.url + 'kasus');
  await appReady(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()]);
  const backup = fs.readFileSync(await dl.path(), 'utf8');
  assert.equal(JSON.parse(backup).count, 2);
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('lsk:case:') || k.startsWith('lsk:index:') || k === 'lsk:meta') localStorage.removeItem(k); });
  await page.reload();
  await appReady(page);
  await page.setInputFiles('#pulihkan-cadangan', { name: 'cadangan.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await page.locator('[data-testid=case-feedback] .notice--ok').waitFor();
  assert.match(await page.locator('[data-testid=case-feedback]').textContent(), /2 baru, 0 diperbarui, 0 sudah sama, 0 tidak dipulihkan/);
  for (const id of [a, b]) assert.equal(await page.locator(`[data-case="${id}"]`).count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the list and a case page have no serious accessibility violations', async () => {
  const page = await newPage(browser);
  await openListAsStaff(page, server.url);
  const id = await createCase(page, server.url, 'jht', 'Nurul Rahman');
  await clickCurrent(page, 'timer-button');
  await page.goto(server.url + 'kasus');
  await appReady(page);
  await page.waitForSelector(`[data-case="${id}"]`);
  assert.deepEqual(await seriousViolations(page), [], 'list page');
  await page.goto(server.url + 'kasus?baru=jht');
  await appReady(page);
  assert.deepEqual(await seriousViolations(page), [], 'list page with the new-case form');
  await page.goto(server.url + 'kasus/' + id);
  await appReady(page);
  await page.waitForSelector('.case-step--current [data-testid=step-clock]');
  assert.deepEqual(await seriousViolations(page), [], 'case page');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the case page works with the keyboard alone', async () => {
  const page = await newPage(browser);
  await openListAsStaff(page, server.url);
  await createCase(page, server.url, 'jht', 'Teguh Wijaya');
  const timer = current(page).getByTestId('timer-button');
  await timer.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.case-step--current [data-testid=timer-button]')?.textContent === 'Jeda');
  // The timer button keeps the focus while its label changes.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'timer-button');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'finish-button');
  await page.keyboard.press('Enter');
  // The case moved to step 2: the focus follows to its heading, not to the page top.
  await page.waitForFunction(() => document.activeElement?.id === 'kasus-langkah-1');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
