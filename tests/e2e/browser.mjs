// Shared set-up for the end-to-end tests: Debian's Chromium through playwright-core, the
// release build served on 127.0.0.1, and a page that fails the test on any console error
// or uncaught exception (a wasm that crashes on load must not pass silently).
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export async function serveDist(opts = {}) {
  return startServer({ root: process.env.DIST_DIR || 'dist', ...opts });
}

/** A new page that records console errors and page errors in `page.problems`. */
export async function newPage(browser, { width = 1280, height = 900, ...ctxOpts } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...ctxOpts });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(msg.text()); });
  page.on('pageerror', (err) => page.problems.push(String(err)));
  return page;
}

/** Waits until the app has mounted (the static loading shell is gone). */
export async function appReady(page) {
  await page.waitForSelector('#loading-shell', { state: 'detached', timeout: 15000 });
  await page.waitForSelector('main#isi');
}

/** A persistent (non-incognito) browser context, as an installed app needs: Chromium reports
 *  "in-incognito" as an installability error for Playwright's usual contexts. */
export async function launchPersistent({ width = 1280, height = 900 } = {}) {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsk-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height },
  });
  const page = context.pages()[0] || await context.newPage();
  page.problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(msg.text()); });
  page.on('pageerror', (err) => page.problems.push(String(err)));
  return {
    context,
    page,
    close: async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}
