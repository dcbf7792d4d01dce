// Screenshot of one element of a page of the release build, for looking at:
//   node scripts/shoot-element.mjs <route> <selector> <width> <out.png>
import { launch, serveDist, newPage, appReady } from '../tests/e2e/browser.mjs';
const [route, selector, width = '1280', out = 'target/screenshots/element.png'] = process.argv.slice(2);
const browser = await launch();
const server = await serveDist();
try {
  const page = await newPage(browser, { width: Number(width), height: 900 });
  await page.goto(server.url + route);
  await appReady(page);
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  await el.screenshot({ path: out });
  if (page.problems.length) console.warn('console problems:', page.problems);
  console.log(out);
} finally {
  await browser.close();
  await server.close();
}
