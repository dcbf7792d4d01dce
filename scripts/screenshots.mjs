// Screenshots of the release build for looking at (not a test):
//   node scripts/screenshots.mjs [route ...]   → target/screenshots/<name>-<width>.png
// Serves dist/ on a free port, visits each route at phone and desktop width, and also saves
// a print-media screenshot and PDF of SOP pages. SEED=<file> first fills localStorage from a
// JSON object of keys and values (e.g. `sopctl synth-cases data 40 <file>`) to see the staff
// pages with cases in them. SYNC=1 starts the sync tests' CouchDB-compatible server and
// connects each page to it first (/pengaturan), to see the sync's status and settings.
import fs from 'node:fs';
import { launch, serveDist, newPage, appReady } from '../tests/e2e/browser.mjs';
import { startCouch, fillSyncForm, waitSynced } from '../tests/e2e/couch.mjs';

const routes = process.argv.slice(2);
if (routes.length === 0) routes.push('', 'sop/jht', 'kasus', 'laporan', 'catatan-sumber');
const widths = (process.env.WIDTHS || '360,1280').split(',').map(Number);
const out = 'target/screenshots';
fs.mkdirSync(out, { recursive: true });
const seed = process.env.SEED ? fs.readFileSync(process.env.SEED, 'utf8') : null;
const browser = await launch();
const server = await serveDist();
const couch = process.env.SYNC ? await startCouch({ appOrigin: new URL(server.url).origin }) : null;
if (couch && process.env.SYNC === 'aside') {
  await couch.putDoc({ _id: 'permohonan:rusak-1', type: 'permohonan', schema: 1, uid: 'rusak-1', number: 'JHT/0099/XII/2026', steps: 'bukan daftar' });
}
try {
  for (const route of routes) {
    const name = (route.replace(/[^a-z0-9]+/gi, '_') || 'home').replace(/_+$/, '');
    for (const width of widths) {
      const page = await newPage(browser, { width, height: width < 600 ? 800 : 900 });
      if (seed) {
        await page.goto(server.url);
        await page.evaluate((json) => {
          for (const [k, v] of Object.entries(JSON.parse(json))) localStorage.setItem(k, v);
          localStorage.setItem('lsk:pref:petugas', JSON.stringify('Rina Wati'));
        }, seed);
      }
      if (couch) {
        await fillSyncForm(page, server.url, couch);
        await waitSynced(page, 60000);
      }
      await page.goto(server.url + route);
      await appReady(page);
      await page.waitForTimeout(couch ? 800 : 150);
      const file = `${out}/${name}-${width}.png`;
      // A windowed list of 10,000 cases is ~1 million pixels tall, past what Chromium can
      // capture: such a page is shot at its first 4 screens.
      const tall = await page.evaluate(() => document.documentElement.scrollHeight > 8000);
      const clip = tall ? { x: 0, y: 0, width, height: (width < 600 ? 800 : 900) * 4 } : undefined;
      await page.screenshot({ path: file, fullPage: process.env.FULL !== '0', clip });
      if (page.problems.length) console.warn(`  console problems on ${route}:`, page.problems);
      console.log(file);
      if (route.startsWith('sop/') && width === widths[widths.length - 1] && process.env.PRINT !== '0') {
        await page.emulateMedia({ media: 'print' });
        // The browser's defaults: the page's own CSS page size decides the orientation.
        await page.pdf({ path: `${out}/${name}.pdf`, preferCSSPageSize: true, printBackground: true });
        console.log(`${out}/${name}.pdf`);
      }
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  await couch?.close();
}
