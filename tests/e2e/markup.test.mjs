// Valid markup: every written page passes the W3C Nu HTML Checker (npm vnu-jar, on Java)
// with zero errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dist = process.env.DIST_DIR || 'dist';

test('every written page passes the Nu HTML Checker with zero errors', () => {
  const pages = ['index.html', '404.html', 'offline.html', 'kasus/index.html',
    ...fs.readdirSync(path.join(dist, 'sop')).map((id) => `sop/${id}/index.html`)];
  assert.equal(pages.length, 26);
  const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
  let out;
  try {
    out = execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--stdout',
      ...pages.map((p) => path.join(dist, p))], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    // vnu exits non-zero when it finds errors; its report is still on stdout.
    out = e.stdout;
  }
  const errors = JSON.parse(out).messages.filter((m) => m.type === 'error');
  assert.deepEqual(errors.map((m) => `${path.relative(dist, new URL(m.url).pathname)}:${m.lastLine}: ${m.message}`), []);
});
