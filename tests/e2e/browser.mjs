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

/** Records console errors and page errors in `page.problems`. The browser's own line for a
 *  document served with status 404 (an unknown address gets 404.html, as it should) is not a
 *  problem of the page. */
function recordProblems(page) {
  page.problems = [];
  // Origins whose failed requests a test causes on purpose (a sync server it stops).
  page.expectFailuresFrom = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const at = msg.location()?.url || '';
    const notFoundDocument = /status of 404/.test(msg.text()) && at === page.url();
    const expected = page.expectFailuresFrom.some((origin) => at.startsWith(origin));
    if (!notFoundDocument && !expected) page.problems.push(msg.text());
  });
  page.on('pageerror', (err) => page.problems.push(String(err)));
}

/** A new page that records console errors and page errors in `page.problems` (except failed
 *  requests to the origins a test lists in `page.expectFailuresFrom`). */
export async function newPage(browser, { width = 1280, height = 900, ...ctxOpts } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...ctxOpts });
  const page = await context.newPage();
  recordProblems(page);
  return page;
}

/** Waits until the page answers: the citizen bundle has hydrated every island of a public
 *  page, or the staff app has mounted (both set `<html data-app="ready">`). */
export async function appReady(page) {
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 15000 });
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
  recordProblems(page);
  return {
    context,
    page,
    close: async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}
