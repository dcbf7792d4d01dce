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

/** Per-keystroke latency of a search field: for every prefix of every query, the time from
 *  the input event to the last DOM change under <main> it causes (a MutationObserver), with
 *  `settleMs` of quiet after each keystroke. Returns milliseconds, one per keystroke. */
export function keystrokeLatencies(page, inputId, queries, settleMs) {
  return page.evaluate(async ([id, qs, quiet]) => {
    const input = document.getElementById(id);
    const settle = () => new Promise((r) => setTimeout(r, quiet));
    const out = [];
    for (const q of qs) {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      for (let i = 1; i <= q.length; i++) {
        let last = 0;
        const obs = new MutationObserver(() => { last = performance.now(); });
        obs.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true, attributes: true });
        input.value = q.slice(0, i);
        const t0 = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        last = performance.now();
        await settle();
        obs.disconnect();
        out.push(last - t0);
      }
    }
    return out;
  }, [inputId, queries, settleMs]);
}
