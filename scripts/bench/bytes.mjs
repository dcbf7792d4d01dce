// Bytes of a first visit, as the network carries them: every response the server sends from
// the navigation until nothing more is asked for (2 s of quiet) — the page, its styles and
// bundle, and whatever the service worker caches in the background — counted by the server
// itself (gzip, as it serves them), so a file the worker takes from the browser's HTTP cache
// costs nothing, as on a phone. One fresh browser profile per page.
import { launch, newPage, appReady } from './util.mjs';

function kindOf(file) {
  if (file.endsWith('.wasm')) return 'wasm';
  if (file.endsWith('.js')) return 'js';
  if (file.endsWith('.css')) return 'css';
  if (file.endsWith('.png') || file.endsWith('.svg')) return 'image';
  if (file.endsWith('.webmanifest') || file.endsWith('.json')) return 'other';
  return 'html';
}

async function quiet(server, ms) {
  let seen = server.sent.length;
  let since = Date.now();
  while (Date.now() - since < ms) {
    await new Promise((r) => setTimeout(r, 100));
    if (server.sent.length !== seen) {
      seen = server.sent.length;
      since = Date.now();
    }
  }
}

async function firstVisit(server, route) {
  const browser = await launch();
  const page = await newPage(browser, { width: 390, height: 844 });
  const start = server.sent.length;
  await page.goto(server.url + route);
  await appReady(page);
  await page.evaluate(async () => { await navigator.serviceWorker?.ready; });
  await quiet(server, 2000);
  const sent = server.sent.slice(start);
  await browser.close();
  const byKind = {};
  for (const r of sent) {
    const k = kindOf(r.path);
    byKind[k] = (byKind[k] || 0) + r.bytes;
  }
  return { total: sent.reduce((a, r) => a + r.bytes, 0), byKind, files: sent };
}

export async function measureBytes({ server, pages }) {
  const out = {};
  for (const route of pages) out['/' + route] = await firstVisit(server, route);
  return out;
}
