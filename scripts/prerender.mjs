// Prerendering: the release build renders its own public pages in headless Chromium at build
// time, and each page's markup is written into a copy of index.html (dist/index.html for /,
// dist/sop/<id>/index.html for each SOP). A citizen on a slow phone then sees the content as
// soon as the HTML arrives; the wasm app replaces it with the same markup when it starts.
// No second renderer: the markup is the app's own.
//
// Parts that depend on the moment of viewing (the finish estimate "if you apply today") carry
// data-prerender="blank" and are emptied here.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

export async function prerender(staging, publicUrl) {
  const catalogue = JSON.parse(fs.readFileSync(path.join(staging, 'catalogue.json'), 'utf8'));
  const template = fs.readFileSync(path.join(staging, 'index.html'), 'utf8');
  const routes = ['/', ...catalogue.sops.map((s) => `/sop/${s.id}`)];
  const server = await startServer({ root: staging, base: publicUrl });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const route of routes) {
      await page.goto(server.url + route.slice(1));
      await page.waitForSelector('#loading-shell', { state: 'detached', timeout: 20000 });
      await page.waitForSelector('main#isi > *');
      const markup = await page.evaluate(() => {
        for (const el of document.querySelectorAll('[data-prerender="blank"]')) el.textContent = '…';
        const parts = ['.skip-link', 'header.site-header', 'main#isi', 'footer.site-footer'];
        // Leptos marks dynamic boundaries with comment nodes; they mean nothing without the app.
        return parts.map((sel) => document.querySelector(sel)?.outerHTML ?? '').join('\n')
          .replace(/<!--[^]*?-->/g, '');
      });
      const shell = `<div id="loading-shell" class="loading-shell" data-route="${route}">\n<div class="prerender">${markup}</div>\n` +
        `<p class="loading-shell__text">Memuat layanan…</p>\n</div>`;
      const html = template.replace(/<div id="loading-shell"[^]*?<!-- \/loading-shell -->/, shell);
      if (html === template) throw new Error('index.html has no loading-shell block to replace');
      const out = route === '/' ? path.join(staging, 'index.html') : path.join(staging, route.slice(1), 'index.html');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, html);
    }
    if (errors.length) throw new Error('errors while prerendering:\n' + errors.join('\n'));
  } finally {
    await browser.close();
    await server.close();
  }
  return routes.length;
}
