// Time to first render: navigation start to the page's main content in the DOM, cold cache,
// unthrottled and as a slow phone on 3G; median of N runs.
import { launch, newPage, median, throttle, firstRenderProbe } from './util.mjs';

async function once(browser, url, selector, slow) {
  const page = await newPage(browser, { width: 390, height: 844 });
  if (slow) await throttle(page);
  await page.addInitScript(firstRenderProbe(selector));
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 60000 });
  const t = await page.evaluate(() => window.__firstRender);
  await page.context().close();
  return t;
}

export async function measureFirstRender({ server, runs, largestSop }) {
  const browser = await launch();
  const targets = [
    ['/', server.url, '.results__list li'],
    [`/sop/${largestSop}`, server.url + 'sop/' + largestSop, '.steps__list li'],
  ];
  const out = {};
  for (const [name, url, selector] of targets) {
    for (const slow of [false, true]) {
      const times = [];
      for (let i = 0; i < runs; i++) times.push(await once(browser, url, selector, slow));
      out[`${name} ${slow ? 'slow 3G' : 'fast'}`] = { median: median(times), runs: times };
    }
  }
  await browser.close();
  return out;
}
