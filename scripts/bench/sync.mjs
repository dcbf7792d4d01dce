// The sync through CouchDB at 10,000 cases, against the sync tests' server (PouchDB Server
// from npm, or COUCHDB_URL; tests/e2e/couch.mjs): PC A holds the 10,000 synthetic cases of
// the cases benchmark and connects (its first push); PC B, an empty browser, connects (its
// first full pull); then one change saved on A and the time until B's open case page shows
// it, both online.
import fs from 'node:fs';
import { launch, median } from './util.mjs';
import { startCouch, fillSyncForm, waitSynced } from '../../tests/e2e/couch.mjs';

const SYNTH = 'target/bench/cases-10000.json';

async function pcPage(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  return page;
}

async function connect(page, server, couch) {
  const t0 = Date.now();
  await fillSyncForm(page, server.url, couch);
  await waitSynced(page, 30 * 60 * 1000);
  return Date.now() - t0;
}

export async function measure({ server, quick }) {
  if (!fs.existsSync(SYNTH)) throw new Error(`${SYNTH} is missing: scripts/bench.sh makes it with sopctl synth-cases`);
  const entries = JSON.parse(fs.readFileSync(SYNTH, 'utf8'));
  const cases = Object.keys(entries).filter((k) => k.startsWith('lsk:case:')).length;
  const couch = await startCouch({ appOrigin: new URL(server.url).origin });
  const browser = await launch();
  try {
    const a = await pcPage(browser, server);
    await a.evaluate((all) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v);
      localStorage.setItem('lsk:pref:petugas', JSON.stringify('Petugas A'));
    }, entries);
    const firstPushMs = await connect(a, server, couch);

    const b = await pcPage(browser, server);
    await b.evaluate(() => localStorage.setItem('lsk:pref:petugas', JSON.stringify('Petugas B')));
    const firstPullMs = await connect(b, server, couch);
    const onB = await b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lsk:case:')).length);
    if (onB !== cases) throw new Error(`PC B holds ${onB} cases after the first sync, not ${cases}`);

    // One change at a time: a note on A, until B's open case page lists it.
    await a.goto(server.url + 'kasus');
    await a.waitForSelector('.case-list [data-case]');
    const id = await a.locator('.case-list [data-case]').first().getAttribute('data-case');
    await a.goto(server.url + 'kasus/' + id);
    await a.waitForSelector('.case-head');
    await b.goto(server.url + 'kasus/' + id);
    await b.waitForSelector('.case-head');
    const visible = [];
    for (let i = 0; i < (quick ? 3 : 7); i++) {
      const text = `Catatan sinkron ${i} ${Date.now()}`;
      // Let B's sync settle back into its long poll first.
      await b.waitForTimeout(500);
      if (!(await a.locator('#catatan-permohonan-form-teks').isVisible())) await a.locator('.case-notes-section summary').click();
      await a.fill('#catatan-permohonan-form-teks', text);
      const t0 = Date.now();
      await a.locator('.case-notes-section button[type=submit]').click();
      await b.waitForFunction((t) => document.body.textContent.includes(t), text, { timeout: 60000, polling: 'raf' });
      visible.push(Date.now() - t0);
    }
    const results = { cases, firstPushMs, firstPullMs, changeVisibleMs: median(visible), changeVisible: visible };
    const s = (ms) => Math.round(ms / 100) / 10;
    const rows = [
      [`sync: first push of ${cases} cases from a PC to an empty server`, s(firstPushMs), 's', 'reported', null],
      [`sync: first full sync of ${cases} cases from the server to an empty browser`, s(firstPullMs), 's', 'reported', null],
      ['sync: one change saved on PC A, visible on PC B (median)', Math.round(median(visible)), 'ms', '≤ 2000 ms (aim)', median(visible) <= 2000],
    ];
    return { results, rows };
  } finally {
    await browser.close();
    await couch.close();
  }
}
