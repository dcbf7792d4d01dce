// Shared helpers for the benchmark modules.
import { launch, newPage, appReady } from '../../tests/e2e/browser.mjs';

export { launch, newPage, appReady };

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** "Slow phone on 3G": CPU 4× slower, 1.6 Mbps down / 750 kbps up / 150 ms RTT. */
export async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

/** An init script recording in window.__firstRender the time (ms since navigation start)
 *  at which `selector` first exists in the DOM. */
export function firstRenderProbe(selector) {
  return `(() => {
    const sel = ${JSON.stringify(selector)};
    const check = () => {
      if (window.__firstRender === undefined && document.querySelector(sel)) {
        window.__firstRender = performance.now();
        obs.disconnect();
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(document, { childList: true, subtree: true });
  })();`;
}
