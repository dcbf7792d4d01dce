// When a page answers, as a slow phone on 3G (CPU 4×, 1.6 Mbps, 150 ms), cold cache, median
// of N runs, in ms after navigation start:
// - `/`: the first keystroke filters the list (typed as soon as the search can take it);
// - a SOP page: the "if you apply today" estimate is filled;
// - `/kasus` (staff): the case list is on screen.
import { launch, newPage, median, throttle } from './util.mjs';

async function katalog(browser, url) {
  const page = await newPage(browser, { width: 390, height: 844 });
  await throttle(page);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 60000 });
  await page.locator('#cari').fill('kartu');
  await page.waitForFunction(() => document.querySelector('.results__list > li')?.dataset.sop === 'kartu-ak1', null, { timeout: 60000 });
  const t = await page.evaluate(() => performance.now());
  await page.context().close();
  return t;
}

async function estimate(browser, url) {
  const page = await newPage(browser, { width: 390, height: 844 });
  await throttle(page);
  await page.addInitScript(() => {
    const obs = new MutationObserver(() => {
      const el = document.querySelector('[data-testid="sop-estimate"]');
      if (el && el.textContent.trim() !== '…' && window.__filled === undefined) {
        window.__filled = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__filled !== undefined, null, { timeout: 60000 });
  const t = await page.evaluate(() => window.__filled);
  await page.context().close();
  return t;
}

async function staff(browser, url) {
  const page = await newPage(browser, { width: 1280, height: 900 });
  await throttle(page);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 60000 });
  await page.waitForSelector('main#isi h1');
  const t = await page.evaluate(() => performance.now());
  await page.context().close();
  return t;
}

export async function measureAnswer({ server, runs, largestSop }) {
  const browser = await launch();
  const out = {};
  try {
    for (const [name, fn, url] of [
      ['/ first keystroke filters', katalog, server.url],
      [`/sop/${largestSop} estimate filled`, estimate, server.url + 'sop/' + largestSop],
      ['/kasus list on screen (staff)', staff, server.url + 'kasus'],
    ]) {
      const times = [];
      for (let i = 0; i < runs; i++) times.push(await fn(browser, url));
      out[name] = { median: median(times), runs: times.map(Math.round) };
    }
  } finally {
    await browser.close();
  }
  return out;
}
