// The public website as search engines, link previews and printers see it: each page its own
// title, description, canonical address, preview card and structured data; a sitemap and
// robots.txt; citizens' services first; highlights that never break a title; each printout
// in its own orientation with the browser's defaults; a QR code that leads back to the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { launch, serveDist, newPage, appReady } from './browser.mjs';

const require = createRequire(import.meta.url);
const dist = process.env.DIST_DIR || 'dist';
let browser, server, catalogue;
before(async () => {
  browser = await launch();
  server = await serveDist();
  catalogue = JSON.parse(fs.readFileSync(dist + '/catalogue.json', 'utf8'));
});
after(async () => { await browser?.close(); await server?.close(); });

const routes = () => ['', ...catalogue.sops.map((s) => 'sop/' + s.id)];

/** The head of a written page, read from its HTML as a crawler would (no script runs). */
async function headOf(route) {
  const html = await (await fetch(server.url + route)).text();
  const meta = (attr, name) => html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`))?.[1];
  return {
    title: html.match(/<title>([^<]*)<\/title>/)?.[1],
    description: meta('name', 'description'),
    canonical: html.match(/<link rel="canonical" href="([^"]*)"/)?.[1],
    ogTitle: meta('property', 'og:title'),
    ogUrl: meta('property', 'og:url'),
    ogImage: meta('property', 'og:image'),
    twitterCard: meta('name', 'twitter:card'),
    twitterImage: meta('name', 'twitter:image'),
    jsonLd: [...html.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)].map((m) => m[1]),
  };
}

/** PNG width and height from its IHDR chunk. */
function pngSize(buf) {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

/** The local server's address for an absolute site address (the build names the real origin). */
const local = (url) => server.origin + new URL(url).pathname;

test('every written page has its own title, description, canonical address and preview card', async () => {
  const heads = [];
  for (const route of routes()) heads.push([route, await headOf(route)]);
  const problems = [];
  for (const [route, h] of heads) {
    for (const key of ['title', 'description', 'canonical', 'ogTitle', 'ogUrl', 'ogImage', 'twitterCard', 'twitterImage']) {
      if (!h[key]) problems.push(`${route || '/'}: no ${key}`);
    }
    for (const key of ['canonical', 'ogUrl', 'ogImage', 'twitterImage']) {
      if (h[key] && !/^https?:\/\/[^/]+\//.test(h[key])) problems.push(`${route}: ${key} not absolute: ${h[key]}`);
    }
    if (h.canonical && !h.canonical.endsWith('/' + route)) problems.push(`${route}: canonical ${h.canonical}`);
    if (h.description && h.description.length > 170) problems.push(`${route}: description of ${h.description.length} chars`);
    if (h.ogImage) {
      const res = await fetch(local(h.ogImage));
      if (res.status !== 200 || res.headers.get('content-type') !== 'image/png') problems.push(`${route}: og:image ${res.status}`);
      else {
        const [w, hgt] = pngSize(Buffer.from(await res.arrayBuffer()));
        if (w !== 1200 || hgt !== 630) problems.push(`${route}: og:image ${w}×${hgt}`);
      }
    }
  }
  const unique = (key) => new Set(heads.map(([, h]) => h[key])).size;
  assert.equal(unique('title'), heads.length, 'titles are unique');
  assert.equal(unique('description'), heads.length, 'descriptions are unique');
  assert.deepEqual(problems, []);
  const jht = heads.find(([r]) => r === 'sop/jht')[1];
  assert.match(jht.title, /^Surat Keterangan Jaminan Hari Tua/);
  assert.match(jht.description, /29 menit/);
});

test('sitemap.xml lists the katalog and the 22 SOP pages, each answering 200; robots.txt points to it', async () => {
  const xml = await (await fetch(server.url + 'sitemap.xml')).text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  assert.equal(locs.length, 23);
  // lastmod from a SOP's printed dates (the newest of them); a SOP that prints none has none.
  const dated = catalogue.sops.filter((s) => s.created || s.revised || s.effective);
  assert.equal([...xml.matchAll(/<lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/g)].length, 1 + dated.length);
  const jht = catalogue.sops.find((s) => s.id === 'jht');
  const newest = [jht.created, jht.revised, jht.effective].filter(Boolean).sort().pop();
  assert.match(xml, new RegExp(`/sop/jht</loc><lastmod>${newest}</lastmod>`));
  for (const loc of locs) assert.equal((await fetch(local(loc))).status, 200, loc);
  const robots = await (await fetch(server.url + 'robots.txt')).text();
  assert.match(robots, /^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  for (const staff of ['/kasus', '/laporan', '/catatan-sumber']) assert.match(robots, new RegExp(`^Disallow: ${staff}$`, 'm'));
  // The staff pages say so themselves too.
  assert.match(await (await fetch(server.url + 'kasus')).text(), /<meta name="robots" content="noindex">/);
});

test('every SOP page carries schema.org GovernmentService data with its required fields', async () => {
  const problems = [];
  for (const sop of catalogue.sops) {
    const { jsonLd, canonical } = await headOf('sop/' + sop.id);
    if (jsonLd.length !== 1) { problems.push(`${sop.id}: ${jsonLd.length} JSON-LD blocks`); continue; }
    const ld = JSON.parse(jsonLd[0]);
    const need = (cond, what) => { if (!cond) problems.push(`${sop.id}: ${what}`); };
    need(ld['@context'] === 'https://schema.org', '@context');
    need(ld['@type'] === 'GovernmentService', '@type');
    need(ld.name === sop.title, 'name');
    need(typeof ld.description === 'string' && ld.description.length > 20, 'description');
    need(ld.url === canonical, 'url');
    need(ld.provider?.['@type'] === 'GovernmentOrganization', 'provider type');
    need(/Dinas Perindustrian, Transmigrasi dan Tenaga Kerja/.test(ld.provider?.name), 'provider name');
    need(ld.provider?.address?.['@type'] === 'PostalAddress' && ld.provider.address.addressLocality === 'Kasongan', 'provider address');
    need(ld.areaServed?.name === 'Kabupaten Katingan', 'areaServed');
    const hours = ld.hoursAvailable;
    need(hours?.['@type'] === 'OpeningHoursSpecification' && hours.opens === '08:00' && hours.closes === '16:00'
      && hours.dayOfWeek?.length === 5, 'office hours');
  }
  assert.deepEqual(problems, []);
});

test('at 360 px: a public service comes first, the header is one row, a highlighted title reads as its title', async () => {
  const page = await newPage(browser, { width: 360, height: 780 });
  await page.goto(server.url);
  await appReady(page);
  const first = await page.locator('.results__list > li').first().getAttribute('data-sop');
  assert.equal(catalogue.sops.find((s) => s.id === first).audience, 'public');
  assert.equal((await page.locator('.results__group-title').first().textContent()).trim(), 'Layanan untuk masyarakat');
  // One row: the staff entry sits beside the office's name, not under it.
  const [brand, staff] = await Promise.all(['.site-header__brand', '.site-nav__link--staff'].map((s) =>
    page.locator(s).evaluate((e) => e.getBoundingClientRect().toJSON())));
  assert.ok(staff.top < brand.bottom && staff.bottom > brand.top, `header wraps: brand ${JSON.stringify(brand)}, staff ${JSON.stringify(staff)}`);
  assert.equal((await page.locator('.site-nav a').count()), 1);
  assert.equal((await page.locator('.site-nav a').textContent()).trim(), 'Untuk petugas');
  // A search that marks words inside a title.
  await page.getByLabel('Cari layanan').fill('jaminan hari');
  await page.waitForSelector('.results__list .result__title mark');
  const title = page.locator('.results__list > li').first().locator('.result__title a');
  assert.equal((await title.innerText()).trim(), 'Surat Keterangan Jaminan Hari Tua');
  await page.getByLabel('Cari layanan').fill('kartu');
  await page.waitForSelector('.results__list .result__title mark');
  const rows = await page.locator('.results__list > li').first().locator('.result__title a').evaluate((a) => {
    const marks = [...a.querySelectorAll('mark')];
    return marks.map((m) => m.getClientRects().length);
  });
  assert.ok(rows.every((n) => n === 1), `a highlight split over lines: ${rows}`);
  await page.context().close();
});

test('share: the phone\'s share sheet where there is one, the link copied elsewhere', async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await page.addInitScript(() => {
    navigator.share = async (data) => { window.__shared = data; };
  });
  await page.goto(server.url + 'sop/jht');
  await appReady(page);
  await page.getByRole('button', { name: 'Bagikan' }).click();
  await page.waitForFunction(() => window.__shared);
  const shared = await page.evaluate(() => window.__shared);
  assert.equal(shared.url, server.url + 'sop/jht');
  assert.match(shared.title, /Jaminan Hari Tua/);
  await page.context().close();

  const desktop = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await desktop.goto(server.url + 'sop/jht');
  await appReady(desktop);
  // A desktop browser without a share sheet (Chromium on Linux has none; make sure).
  await desktop.evaluate(() => { delete Navigator.prototype.share; delete navigator.share; });
  await desktop.getByRole('button', { name: 'Bagikan' }).click();
  await desktop.getByText('Tautan disalin').waitFor();
  assert.equal(await desktop.evaluate(() => navigator.clipboard.readText()), server.url + 'sop/jht');
  await desktop.context().close();
});

test('printed with the page\'s own page size: the SOP-AP form landscape, the report portrait', async () => {
  const page = await newPage(browser);
  // The SOP with the most pelaksana columns.
  const widest = [...catalogue.sops].sort((a, b) => b.lanes.length - a.lanes.length)[0];
  await page.goto(server.url + 'sop/' + widest.id);
  await appReady(page);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const box = pdfPageSize(pdf);
  assert.ok(box.width > box.height, `SOP-AP form page is ${box.width}×${box.height} pt`);
  // Every pelaksana column at least 12 mm wide, its name set horizontally.
  await page.emulateMedia({ media: 'print' });
  const lanes = await page.locator('.print-procedure thead .print-procedure__lane').evaluateAll((ths) => ths.map((th) => {
    const r = th.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(th);
    const lines = new Set([...range.getClientRects()].map((q) => Math.round(q.top))).size;
    const words = th.textContent.trim().split(/\s+/).length;
    return { name: th.textContent.trim(), mm: r.width * 25.4 / 96, lines, words };
  }));
  assert.equal(lanes.length, widest.lanes.length);
  for (const l of lanes) {
    assert.ok(l.mm >= 12, `${l.name}: ${l.mm.toFixed(1)} mm`);
    // Horizontal: never more lines than letters would need if set one per line.
    assert.ok(l.lines <= l.words + 1, `${l.name}: set over ${l.lines} lines for ${l.words} words`);
  }
  await page.goto(server.url + 'laporan');
  await appReady(page);
  const report = pdfPageSize(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  assert.ok(report.height > report.width, `report page is ${report.width}×${report.height} pt`);
  await page.context().close();
});

/** The first page's MediaBox of a PDF, in points. */
function pdfPageSize(pdf) {
  const m = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/);
  assert.ok(m, 'a MediaBox');
  return { width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) };
}

test('the printed SOP-AP form and checklist carry a QR code that leads to the page', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + 'sop/kartu-ak1');
  await appReady(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.print-qr--form').isVisible(), true);
  await page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
  const decoded = await page.locator('.print-qr--form .print-qr__code svg').evaluate(async (svg) => {
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 400;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0, 400, 400);
    const data = ctx.getImageData(0, 0, 400, 400);
    return window.jsQR(data.data, 400, 400)?.data ?? null;
  });
  const canonical = (await headOf('sop/kartu-ak1')).canonical;
  assert.equal(decoded, canonical);
  // The checklist prints with the same code.
  await page.evaluate(() => document.body.classList.add('print-checklist'));
  assert.equal(await page.locator('.print-qr--checklist').isVisible(), true);
  assert.equal(await page.locator('.print-qr--form').isVisible(), false);
  await page.context().close();
});
