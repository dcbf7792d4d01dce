// The staff pages as an office uses them: a name change reaches every open tab; an unreadable
// value is named by its case number in plain Indonesian; a confirmation never covers the
// button needed next; a change kept only in memory is shown on every staff page, with the way
// back to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, newPage, appReady } from './browser.mjs';
import { openListAsStaff, createCase, current, clickCurrent, auditTexts } from './kasus-helpers.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a staff name changed in one tab signs the next action in another tab, without a reload', async () => {
  const a = await newPage(browser);
  await openListAsStaff(a, server.url, 'Rina Wati');
  const id = await createCase(a, server.url, 'jht', 'Budi Santoso');
  const b = await a.context().newPage();
  await b.goto(server.url + 'kasus/' + id);
  await appReady(b);
  await b.waitForSelector('.case-step--current');
  assert.equal((await b.getByTestId('staff-name').textContent()).trim(), 'Rina Wati');

  await a.goto(server.url + 'kasus');
  await appReady(a);
  await a.locator('[data-testid=case-staff]').getByRole('button', { name: 'Ganti' }).click();
  await a.fill('#nama-petugas', 'Siti Aminah');
  await a.click('[data-testid=case-staff] button[type=submit]');
  await b.waitForFunction(() => document.querySelector('[data-testid=staff-name]')?.textContent.trim() === 'Siti Aminah');
  await clickCurrent(b, 'timer-button');
  const actors = await b.locator('[data-testid=audit] li').first().textContent();
  assert.match(actors, /Siti Aminah/);
  await a.context().close();
});

test('an unreadable value is named by its case number and SOP, in Indonesian, with the parser\'s words tucked away', async () => {
  const page = await newPage(browser);
  await openListAsStaff(page, server.url);
  const bad = await createCase(page, server.url, 'jht', 'Rudi Hidayat');
  const number = (await page.getByTestId('case-number').textContent()).trim();
  assert.match(number, /^JHT\/\d{4}\/[IVX]+\/\d{4}$/);
  // Damaged beyond reading (cut short); the list's index still knows the number.
  await page.evaluate((k) => { const v = localStorage.getItem(k); localStorage.setItem(k, v.slice(0, Math.floor(v.length / 2))); }, 'lsk:case:' + bad);
  await page.goto(server.url + 'kasus');
  await appReady(page);
  const banner = page.getByTestId('quarantine-banner');
  await banner.waitFor();
  const visible = await banner.innerText();
  // The number as printed on the documents; its month only if anything left still says it.
  const [code, running, , year] = number.split('/');
  assert.match(visible, new RegExp(`${code}/${running}/([IVX]+|…)/${year}`));
  assert.match(visible, /Surat Keterangan Jaminan Hari Tua/);
  assert.doesNotMatch(visible, /lsk:case:/, 'no storage key');
  // No English on screen: the parser's words are behind "Rincian teknis", closed.
  assert.doesNotMatch(visible, /\b(expected|line|column|EOF|invalid|unexpected)\b/i);
  const details = banner.locator('details');
  if (await details.count()) {
    assert.equal(await details.first().evaluate((d) => d.open), false);
    assert.match(await details.locator('summary').first().textContent(), /Rincian teknis/);
  }
  await page.context().close();
});

/** Every visible message box and every visible button box: none may overlap. */
async function overlaps(page) {
  return page.evaluate(() => {
    const box = (el) => el.getBoundingClientRect();
    // Seen on screen: a box, and not hidden (a closed <details> keeps its content's boxes).
    const shown = (el) => { const r = box(el); return r.width > 2 && r.height > 2 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true }); };
    const messages = [...document.querySelectorAll('.case-feedback__msg')].filter(shown);
    const buttons = [...document.querySelectorAll('button, a.button')].filter(shown).filter((b) => !b.closest('.case-feedback__msg'));
    const hit = [];
    for (const m of messages) {
      const r = box(m);
      for (const b of buttons) {
        const q = box(b);
        if (r.left < q.right && q.left < r.right && r.top < q.bottom && q.top < r.bottom) hit.push(`${m.textContent.trim()} × ${b.textContent.trim()}`);
      }
    }
    return { messages: messages.length, hit };
  });
}

for (const width of [360, 1280]) {
  test(`a case walk at ${width} px: no confirmation ever covers a button`, async () => {
    const page = await newPage(browser, { width, height: width < 600 ? 740 : 900 });
    await openListAsStaff(page, server.url);
    await createCase(page, server.url, 'jht', 'Dewi Lestari');
    const seen = [];
    for (let step = 0; step < 12; step++) {
      if (!(await current(page).count())) break;
      await clickCurrent(page, 'timer-button');
      const afterStart = await overlaps(page);
      seen.push(afterStart.messages);
      assert.deepEqual(afterStart.hit, [], `after starting step ${step + 1}`);
      const decision = await current(page).locator('[data-testid=decide-yes]').count();
      await clickCurrent(page, decision ? 'decide-yes' : 'finish-button');
      const afterFinish = await overlaps(page);
      assert.deepEqual(afterFinish.hit, [], `after finishing step ${step + 1}`);
    }
    // The messages were there to see (not hidden to pass).
    assert.ok(seen.some((n) => n > 0), 'a confirmation was shown');
    assert.match((await auditTexts(page)).join('\n'), /selesai/i);
    await page.context().close();
  });
}

test('with storage full, the list and every staff page say a change is unsaved and lead back to it', async () => {
  const page = await newPage(browser);
  await openListAsStaff(page, server.url);
  const id = await createCase(page, server.url, 'jht', 'Marlina Tarigan');
  await page.evaluate(() => {
    let n = 0; let size = 1 << 20;
    while (size >= 1) {
      try { localStorage.setItem('zz-filler-' + n, 'x'.repeat(size)); n++; } catch { size = Math.floor(size / 2); }
    }
  });
  await current(page).getByTestId('timer-button').click();
  await page.getByTestId('unsaved').waitFor();
  const number = (await page.getByTestId('unsaved-marker').textContent()).match(/JHT\/\d{4}\/[IVX]+\/\d{4}/)[0];
  // Back to the list inside the app (no reload: the change lives in this tab's memory).
  await page.locator('.breadcrumb a').first().click();
  await page.waitForURL(/\/kasus$/);
  const marker = page.getByTestId('unsaved-marker');
  await marker.waitFor();
  assert.match(await marker.textContent(), new RegExp(number.replace(/\//g, '\\/')));
  assert.equal(await page.locator(`[data-case="${id}"] [data-testid=unsaved-badge]`).count(), 1);
  await marker.getByRole('link', { name: number }).click();
  await page.waitForURL(new RegExp(`/kasus/${id}$`));
  await page.getByTestId('unsaved').waitFor();
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('zz-filler-')) localStorage.removeItem(k); });
  await page.context().close();
});

test('hand-over between two PCs that both numbered from 0001: imported, the later case renumbered and said, its old number still found', async () => {
  const fs = await import('node:fs');
  const pc1 = await newPage(browser);
  await openListAsStaff(pc1, server.url, 'Rina Wati');
  const id1 = await createCase(pc1, server.url, 'jht', 'Budi Santoso', 'Klaim JHT di PC 1');
  const number = (await pc1.getByTestId('case-number').textContent()).trim();
  const pc2 = await newPage(browser);
  await openListAsStaff(pc2, server.url, 'Siti Aminah');
  const id2 = await createCase(pc2, server.url, 'jht', 'Ani Wijaya', 'Klaim JHT di PC 2');
  assert.equal(id2, id1, 'both PCs gave out the same first number');
  assert.equal((await pc2.getByTestId('case-number').textContent()).trim(), number);

  const [dl] = await Promise.all([pc1.waitForEvent('download'), pc1.getByTestId('export-case').click()]);
  const file = fs.readFileSync(await dl.path(), 'utf8');
  await pc2.goto(server.url + 'kasus');
  await appReady(pc2);
  await pc2.setInputFiles('#impor-permohonan', { name: 'permohonan.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  const message = pc2.locator('[data-testid=case-feedback-inline] .case-feedback__msg');
  await message.waitFor();
  const said = await message.innerText();
  assert.doesNotMatch(said, /Tidak diimpor/);
  // Both numbers and the SOP are named; PC 2's own case, created later, moved.
  const [code, running, month, year] = number.split('/');
  const next = `${code}/${String(Number(running) + 1).padStart(4, '0')}/${month}/${year}`;
  assert.match(said, new RegExp(number.replace(/\//g, '\\/')));
  assert.match(said, new RegExp(next.replace(/\//g, '\\/')));
  assert.match(await pc2.getByTestId('case-count').textContent(), /^2 permohonan/);
  // Budi's case (PC 1, created first) keeps the number; Ani's case took the next one, and
  // its history says so.
  const moved = `jht-${year}-${String(Number(running) + 1).padStart(4, '0')}`;
  await pc2.goto(server.url + 'kasus/' + moved);
  await appReady(pc2);
  await pc2.waitForSelector('.case-step--current');
  assert.equal((await pc2.getByTestId('case-number').textContent()).trim(), next);
  assert.match((await auditTexts(pc2)).join('\n'), new RegExp(`Nomor diubah dari ${number.replace(/\//g, '\\/')} menjadi ${next.replace(/\//g, '\\/')}`));
  // A document printed earlier with the old number still finds Ani's case.
  await pc2.goto(server.url + 'kasus?q=' + encodeURIComponent(number));
  await appReady(pc2);
  const found = await pc2.locator('.case-list [data-case]').evaluateAll((rows) => rows.map((r) => r.dataset.case));
  assert.ok(found.includes(moved), `search by the old number finds ${moved}: ${found}`);
  assert.deepEqual(pc1.problems.concat(pc2.problems), []);
  await pc1.context().close();
  await pc2.context().close();
});
