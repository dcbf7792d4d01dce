// Trunk post_build hook (see Trunk.toml). Runs in the staging directory of a build:
//   1. writes catalogue.json (the validated catalogue as open data) with sopctl;
//   2. prerenders the public pages into static HTML (scripts/prerender.mjs);
//   3. writes sw.js with the precache list of every file of this build and a version derived
//      from their contents (so any change to any file is a new version).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { prerender } from './prerender.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
// The benchmark pages (bench/*.html) are not the app: no catalogue, prerender or worker.
if (process.env.LSK_BENCH_BUILD) process.exit(0);
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from trunk');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

execFileSync('cargo', ['run', '-q', '--locked', '-p', 'sop-domain', '--features', 'loader', '--bin', 'sopctl', '--',
  'export', path.join(root, 'data'), path.join(staging, 'catalogue.json')], { cwd: root, stdio: 'inherit' });

// The version people see in the footer and the update check compares: APP_VERSION, or the
// package version from Cargo.toml.
const cargoVersion = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const appVersion = process.env.APP_VERSION || cargoVersion;
const indexPath = path.join(staging, 'index.html');
fs.writeFileSync(indexPath, fs.readFileSync(indexPath, 'utf8')
  .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta name="app-version" content="${appVersion.replace(/[^\w.+-]/g, '')}">`));

const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
const pages = await prerender(staging, publicUrl);
console.log(`post-build: prerendered ${pages} pages`);

function walk(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    return entry.isDirectory() ? walk(path.join(dir, entry.name), rel + '/') : [rel];
  });
}

const files = walk(staging).filter((f) => f !== 'sw.js').sort();
const hash = crypto.createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update(fs.readFileSync(path.join(staging, f)));
}
const version = hash.digest('hex').slice(0, 16);
// Not precached: catalogue.json (open data for download; the app embeds the catalogue) and the
// prerendered SOP pages (offline, the app shell renders every route itself), so the service
// worker's background download stays small.
const precache = files.filter((f) => f !== 'catalogue.json' && !/^sop\//.test(f));
const template = fs.readFileSync(path.join(root, 'scripts', 'sw.template.js'), 'utf8');
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__PRECACHE__', JSON.stringify(precache));
fs.writeFileSync(path.join(staging, 'sw.js'), sw);
fs.writeFileSync(path.join(staging, 'version.txt'), version + '\n');
console.log(`post-build: sw.js version ${version}, ${precache.length} files precached`);
