// A small static server for the release build, used by the end-to-end tests and the
// benchmark: serves `root` under `base` ("/" or "/layanan-sop/") the way the README asks a
// host to: a directory's index.html for its path; an unknown path under a staff route
// (`/kasus/<id>`) the staff route's index.html (the staff app routes it); any other unknown
// path 404.html with status 404. It can be switched to another build directory at runtime
// (to test the service worker's update path).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = /^(text\/|application\/(wasm|json|manifest)|image\/svg)/;
const gzipCache = new Map();
function gzipCached(file) {
  const stat = fs.statSync(file);
  const key = `${file}:${stat.mtimeMs}:${stat.size}`;
  if (!gzipCache.has(key)) gzipCache.set(key, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
  return gzipCache.get(key);
}

export async function startServer({ root, base = '/', port = 0, host = '127.0.0.1', staffRewrite = true } = {}) {
  let currentRoot = path.resolve(root);
  const requests = [];
  // Every response's path and body bytes as sent (compressed where it was): what a phone
  // downloads (the benchmark's first-visit bytes).
  const sent = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, `http://${host}`);
    requests.push(url.pathname);
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not under base');
      return;
    }
    rel = rel.slice(base.length);
    let file = path.join(currentRoot, rel);
    if (!file.startsWith(currentRoot)) {
      res.writeHead(403);
      res.end();
      return;
    }
    let isFile = false;
    let status = 200;
    try {
      const st = fs.statSync(file);
      // A directory with an index.html (a prerendered page) is served like a static host does.
      if (st.isDirectory() && fs.existsSync(path.join(file, 'index.html'))) file = path.join(file, 'index.html');
      isFile = fs.statSync(file).isFile();
    } catch { isFile = false; }
    if (!isFile) {
      // A path with an extension that does not exist is a real 404; anything else is a
      // client-side route.
      if (path.extname(rel)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      const top = rel.split('/')[0];
      const staffShell = path.join(currentRoot, top, 'index.html');
      if (staffRewrite && top && rel.includes('/') && fs.existsSync(staffShell) && fs.readFileSync(staffShell, 'utf8').includes('data-side="staff"')) {
        file = staffShell;
      } else {
        file = path.join(currentRoot, '404.html');
        status = 404;
      }
    }
    const ext = path.extname(file);
    const headers = { 'content-type': TYPES[ext] || 'application/octet-stream' };
    // HTML and the service worker must revalidate; hashed assets can be cached.
    headers['cache-control'] = ext === '.html' || path.basename(file) === 'sw.js'
      ? 'no-cache' : 'public, max-age=31536000, immutable';
    // Compress like a real web server would (the benchmark measures slow networks).
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && COMPRESSIBLE.test(headers['content-type'])) {
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
      res.writeHead(status, headers);
      const body = gzipCached(file);
      sent.push({ path: url.pathname, bytes: body.length });
      res.end(body);
      return;
    }
    res.writeHead(status, headers);
    sent.push({ path: url.pathname, bytes: fs.statSync(file).size });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const actualPort = server.address().port;
  return {
    url: `http://${host}:${actualPort}${base}`,
    origin: `http://${host}:${actualPort}`,
    port: actualPort,
    requests,
    sent,
    setRoot(dir) { currentRoot = path.resolve(dir); },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

// `node tests/e2e/server.mjs dist 8080 /` serves a build by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '8080', base = '/'] = process.argv.slice(2);
  const s = await startServer({ root, port: Number(port), base });
  console.log(`serving ${root} at ${s.url}`);
}
