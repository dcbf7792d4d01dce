// Assembles the site after the three Trunk builds (scripts/build.sh):
//   1. copies the bundles' files (the katalog build also carries the icons and manifest);
//   2. runs the site generator (crates/site) with their hashed names: every public page,
//      404.html, offline.html, the staff pages' shells, sitemap.xml, robots.txt,
//      catalogue.json, and the preview cards;
//   3. photographs each preview card in Chromium into og/<name>.png (1200×630);
//   4. writes sw.js: what a citizen's first visit caches (per kind of page), what a later
//      visit adds, the staff bundle's list (cached when a staff page is first opened) and a
//      version derived from every file's content.
//
// usage: node scripts/post-build.mjs <dist> <public-url> <trunk-out-dir>
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const [dist, publicUrl = '/', trunkOut] = process.argv.slice(2);
if (!dist || !trunkOut) throw new Error('usage: post-build.mjs <dist> <public-url> <trunk-out-dir>');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const base = publicUrl.replace(/\/$/, '');

function walk(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    return entry.isDirectory() ? walk(path.join(dir, entry.name), rel + '/') : [rel];
  });
}

// 1. The bundles' files; Trunk's own HTML only tells which names it chose.
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });
const katalogDir = path.join(trunkOut, 'katalog');
const sopDir = path.join(trunkOut, 'sop');
const staffDir = path.join(trunkOut, 'staff');
for (const dir of [katalogDir, sopDir, staffDir]) {
  for (const f of walk(dir)) {
    if (f === 'index.html') continue; // Trunk's shell: the site generator writes the pages
    fs.mkdirSync(path.dirname(path.join(dist, f)), { recursive: true });
    fs.copyFileSync(path.join(dir, f), path.join(dist, f));
  }
}
function assetsOf(htmlFile) {
  const html = fs.readFileSync(htmlFile, 'utf8');
  const strip = (href) => href.slice(base.length + 1);
  const js = html.match(/<link rel="modulepreload" href="([^"]+\.js)"/)[1];
  const wasm = html.match(/<link rel="preload" href="([^"]+\.wasm)"/)[1];
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"/g)].map((m) => strip(m[1]));
  return { js: strip(js), wasm: strip(wasm), css };
}
const katalog = assetsOf(path.join(katalogDir, 'index.html'));
const sopPage = assetsOf(path.join(sopDir, 'index.html'));
const staff = assetsOf(path.join(staffDir, 'index.html'));
const cssNamed = (name) => {
  const f = staff.css.find((c) => c.startsWith(name + '-'));
  if (!f) throw new Error(`no ${name}-*.css in the staff build`);
  return f;
};
const assets = {
  katalog: { js: katalog.js, wasm: katalog.wasm },
  sop: { js: sopPage.js, wasm: sopPage.wasm },
  staff: { js: staff.js, wasm: staff.wasm },
  css: { main: cssNamed('main'), diagram: cssNamed('diagram'), kasus: cssNamed('kasus'), laporan: cssNamed('laporan') },
};
const work = path.join(trunkOut, 'site');
fs.mkdirSync(work, { recursive: true });
fs.writeFileSync(path.join(work, 'assets.json'), JSON.stringify(assets, null, 2));

// 2. The pages. The version people see in the footer and the update check compares:
// APP_VERSION, or the package version from Cargo.toml.
const cargoVersion = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const appVersion = (process.env.APP_VERSION || cargoVersion).replace(/[^\w.+-]/g, '');
const origin = process.env.SITE_ORIGIN || 'https://www.distransnaker.katingankab.go.id';
const cards = path.join(work, 'og-cards');
fs.rmSync(cards, { recursive: true, force: true });
execFileSync('cargo', ['run', '-q', '--locked', '-p', 'site', '--',
  '--out', dist, '--assets', path.join(work, 'assets.json'), '--public-url', publicUrl,
  '--origin', origin, '--version', appVersion, '--og-cards', cards], { cwd: root, stdio: 'inherit' });

// 3. Preview images: each card photographed at 1200×630.
fs.mkdirSync(path.join(dist, 'og'), { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  for (const card of fs.readdirSync(cards).filter((f) => f.endsWith('.html')).sort()) {
    await page.setContent(fs.readFileSync(path.join(cards, card), 'utf8'));
    await page.screenshot({ path: path.join(dist, 'og', card.replace(/\.html$/, '.png')) });
  }
} finally {
  await browser.close();
}

// 4. The service worker.
const files = walk(dist).filter((f) => f !== 'sw.js').sort();
const hash = crypto.createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update(fs.readFileSync(path.join(dist, f)));
}
// The worker's own logic too: a change to it alone is a new build that must replace the old.
hash.update(fs.readFileSync(path.join(root, 'scripts', 'sw.template.js')));
const version = hash.digest('hex').slice(0, 16);
const staffRoutes = fs.readdirSync(dist).filter((d) => fs.existsSync(path.join(dist, d, 'index.html')) &&
  fs.readFileSync(path.join(dist, d, 'index.html'), 'utf8').includes(staff.js));
// What every first visit caches: the styles, the manifest, the small icons and the page for
// "not saved for offline"; plus the bundle of the kind of page being visited (the katalog
// with its page, or a SOP page's), which the browser has just downloaded. The rest — the
// other bundle, the katalog, every SOP page — follows on a later visit (`warm` in sw.js).
const coreFiles = [assets.css.main, assets.css.diagram, 'manifest.webmanifest', 'icons/icon.svg',
  'icons/favicon-32.png', 'offline.html'];
const katalogFiles = ['', katalog.js, katalog.wasm];
const sopFiles = [sopPage.js, sopPage.wasm];
const sopPages = files.filter((f) => /^sop\/[^/]+\/index\.html$/.test(f)).map((f) => f.replace(/\/index\.html$/, ''));
const staffFiles = [staff.js, staff.wasm, assets.css.kasus, assets.css.laporan, ...staffRoutes.map((r) => r + '/')];
const template = fs.readFileSync(path.join(root, 'scripts', 'sw.template.js'), 'utf8');
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__CORE__', JSON.stringify(coreFiles))
  .replace('__KATALOG__', JSON.stringify(katalogFiles))
  .replace('__SOP_BUNDLE__', JSON.stringify(sopFiles))
  .replace('__SOP_PAGES__', JSON.stringify(sopPages))
  .replace('__STAFF__', JSON.stringify(staffFiles))
  .replace('__STAFF_ROUTES__', JSON.stringify(staffRoutes));
fs.writeFileSync(path.join(dist, 'sw.js'), sw);
fs.writeFileSync(path.join(dist, 'version.txt'), version + '\n');
console.log(`post-build: sw.js version ${version}; first visit ${coreFiles.length} files + its bundle, staff ${staffFiles.length}, ${sopPages.length} SOP pages on a later visit`);
