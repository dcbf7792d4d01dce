// Renders public/icons/icon.svg into the PNG icons the web app manifest needs (run by hand after editing the SVG: node scripts/make-icons.mjs).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
const svg = fs.readFileSync('public/icons/icon.svg', 'utf8');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const [size, pad, name] of [[192, 0, 'icon-192.png'], [512, 0, 'icon-512.png'], [512, 0.1, 'icon-maskable-512.png'], [180, 0, 'apple-touch-icon.png'], [32, 0, 'favicon-32.png']]) {
  const p = await b.newPage({ viewport: { width: size, height: size } });
  // The maskable icon keeps its content inside the 80% safe zone on a full-bleed background.
  const inner = pad ? `<div style="width:${size}px;height:${size}px;background:#0b5d3b;display:grid;place-items:center"><div style="width:${size*(1-2*pad)}px;height:${size*(1-2*pad)}px">${svg.replace('rx="96"','rx="0"')}</div></div>` : svg;
  await p.setContent(`<html><body style="margin:0;background:transparent">${inner}</body></html><style>svg{width:100%;height:100%;display:block}</style>`);
  await p.screenshot({ path: 'public/icons/' + name, omitBackground: true });
}
await b.close();
