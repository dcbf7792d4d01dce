// Bytes of a first visit: every file the page fetches to render /, and every file the service
// worker precaches in the background; raw, gzip and brotli, by kind.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, newPage, appReady } from './util.mjs';

function kindOf(file) {
  if (file.endsWith('.wasm')) return 'wasm';
  if (file.endsWith('.js') && !file.endsWith('sw.js')) return 'js';
  if (file.endsWith('.css')) return 'css';
  if (file.endsWith('.html')) return 'html';
  if (file === 'catalogue.json') return 'catalogue';
  return 'other';
}

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export async function measureBytes({ server, dist }) {
  const browser = await launch();
  const page = await newPage(browser);
  const fetched = new Set();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === server.origin) fetched.add(u.pathname.slice(1) || 'index.html');
  });
  await page.goto(server.url);
  await appReady(page);
  await page.waitForTimeout(1500); // let the service worker precache
  await browser.close();

  const files = [...fetched].map((f) => (f.endsWith('/') || !path.extname(f) ? 'index.html' : f));
  const unique = [...new Set(files)].filter((f) => fs.existsSync(path.join(dist, f)));
  const swSource = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const precache = JSON.parse(swSource.match(/const PRECACHE = (\[.*?\]);/s)[1]);
  const rows = [];
  const all = [...new Set([...unique, ...precache, 'sw.js'])];
  for (const f of all) {
    rows.push({ file: f, kind: kindOf(f), firstRender: unique.includes(f), ...sizes(fs.readFileSync(path.join(dist, f))) });
  }
  // The catalogue is embedded in the wasm; catalogue.json (open data) is listed for reference.
  const catalogue = { file: 'catalogue.json', kind: 'catalogue', firstRender: false, ...sizes(fs.readFileSync(path.join(dist, 'catalogue.json'))) };
  const sum = (pred, key) => rows.filter(pred).reduce((a, r) => a + r[key], 0);
  return {
    files: rows,
    catalogueJson: catalogue,
    firstRender: { raw: sum((r) => r.firstRender, 'raw'), gzip: sum((r) => r.firstRender, 'gzip'), brotli: sum((r) => r.firstRender, 'brotli') },
    allFiles: { raw: sum(() => true, 'raw'), gzip: sum(() => true, 'gzip'), brotli: sum(() => true, 'brotli') },
    byKind: Object.fromEntries(['wasm', 'js', 'css', 'html', 'other'].map((k) => [k, {
      raw: sum((r) => r.kind === k, 'raw'), gzip: sum((r) => r.kind === k, 'gzip'), brotli: sum((r) => r.kind === k, 'brotli'),
    }])),
  };
}
