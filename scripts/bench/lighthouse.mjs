// Lighthouse 12 (default mobile settings: simulated slow 4G and a 4× slower CPU) against
// Debian's Chromium: performance, accessibility, best-practices and SEO scores, FCP, LCP, TBT
// and CLS; `runs` runs per page.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../../tests/e2e/browser.mjs';

async function startChromium(port) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lh-profile-'));
  const proc = spawn(process.env.CHROMIUM || '/usr/bin/chromium', [
    '--headless=new', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, ...CHROMIUM_ARGS, 'about:blank',
  ], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (r.ok) return { proc, profile };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error('chromium did not start for lighthouse');
}

export async function measureLighthouse({ server, pages, runs = 1 }) {
  const port = 9333;
  const { proc, profile } = await startChromium(port);
  const out = {};
  try {
    for (const route of pages) for (let run = 0; run < runs; run++) {
      const result = await lighthouse(server.url + route, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const lhr = result.lhr;
      const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      const audit = (a) => lhr.audits[a]?.numericValue;
      (out['/' + route] ??= []).push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        fcpMs: Math.round(audit('first-contentful-paint')),
        lcpMs: Math.round(audit('largest-contentful-paint')),
        // What the LCP was (a written element: the page is not redrawn).
        lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
        tbtMs: Math.round(audit('total-blocking-time')),
        cls: Number((audit('cumulative-layout-shift') ?? 0).toFixed(3)),
        failing: Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
          .map((a) => a.id),
      });
    }
  } finally {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill();
    await exited;
    // Chromium's helpers may still write into the profile for a moment; a leftover temp
    // directory must not throw away the figures.
    try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }); } catch { /* left in /tmp */ }
  }
  return out;
}
