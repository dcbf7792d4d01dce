// A CouchDB-compatible server for the sync tests, started by the tests themselves: PouchDB
// Server from npm (`pouchdb-server --in-memory`), or the Apache CouchDB named by
// COUCHDB_URL (with an admin's name and password in it, e.g.
// `http://admin:secret@127.0.0.1:5984`). Either way it is set up as the README tells an
// office to set up its own: a database, a user who is its only member (`_security`), CORS
// for the app's origin with credentials.
//
// The browsers reach it through a TCP proxy: `stop()` cuts every connection and refuses new
// ones, as a server that went down; `resume()` lets them through again, with nothing lost.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ADMIN = { name: 'admin', password: 'rahasia-admin' };
export const USER = { name: 'petugas', password: 'Katingan-2026' };

async function freePort() {
  const srv = net.createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

async function waitUp(url, ms = 20000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not yet */ }
    if (Date.now() > until) throw new Error(`no CouchDB at ${url} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function authHeader({ name, password }) {
  return 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64');
}

/** Starts the server (or connects to COUCHDB_URL) and sets up a fresh database. */
export async function startCouch({ appOrigin }) {
  let child = null;
  let tmp = null;
  let backend;
  let admin = ADMIN;
  if (process.env.COUCHDB_URL) {
    const u = new URL(process.env.COUCHDB_URL);
    admin = { name: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
    u.username = '';
    u.password = '';
    backend = u.toString().replace(/\/$/, '');
  } else {
    const port = await freePort();
    // pouchdb-server writes config.json and log.txt into its working directory.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lsk-couch-'));
    const bin = path.resolve('node_modules/.bin/pouchdb-server');
    child = spawn(bin, ['--in-memory', '--port', String(port), '--host', '127.0.0.1'], { cwd: tmp, stdio: 'ignore' });
    backend = `http://127.0.0.1:${port}`;
    await waitUp(backend + '/');
    // A fresh server is in "admin party": the first admin ends it.
    await fetch(`${backend}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  }
  const asAdmin = async (method, p, body) => {
    const r = await fetch(backend + p, {
      method,
      headers: { authorization: authHeader(admin), 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* a non-JSON answer is reported below */ }
    if (!r.ok && !(method === 'PUT' && r.status === 412)) throw new Error(`${method} ${p}: ${r.status} ${text}`);
    return json;
  };
  // CouchDB 3 keeps its configuration under /_node/_local/_config, PouchDB Server under /_config.
  const configBase = process.env.COUCHDB_URL ? '/_node/_local/_config' : '/_config';
  const config = {
    'httpd/enable_cors': 'true',
    'chttpd/enable_cors': 'true',
    'cors/origins': appOrigin,
    'cors/credentials': 'true',
    'cors/methods': 'GET, PUT, POST, HEAD, DELETE',
    'cors/headers': 'accept, authorization, content-type, origin, referer',
  };
  for (const [key, value] of Object.entries(config)) {
    await asAdmin('PUT', `${configBase}/${key}`, value).catch(() => {});
  }
  const db = `permohonan-e2e-${Date.now().toString(36)}`;
  await asAdmin('PUT', `/${db}`);
  await asAdmin('PUT', '/_users/org.couchdb.user:' + USER.name, { name: USER.name, password: USER.password, roles: [], type: 'user' });
  await asAdmin('PUT', `/${db}/_security`, { admins: { names: [], roles: [] }, members: { names: [USER.name], roles: [] } });

  // The proxy the browsers talk to.
  const target = new URL(backend);
  const sockets = new Set();
  let stopped = false;
  const proxy = net.createServer((client) => {
    if (stopped) return client.destroy();
    const upstream = net.connect(Number(target.port || 80), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => { sockets.delete(client); sockets.delete(upstream); client.destroy(); upstream.destroy(); };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${proxy.address().port}`;

  return {
    url,
    db,
    user: USER,
    origin: url,
    /** The server "goes down": open connections are cut, new ones refused. */
    stop() {
      stopped = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    resume() { stopped = false; },
    /** Writes a document as the administrator (bypassing the app). */
    putDoc: (doc) => asAdmin('PUT', `/${db}/${encodeURIComponent(doc._id)}`, doc),
    getDoc: (id) => asAdmin('GET', `/${db}/${encodeURIComponent(id)}`),
    allDocs: () => asAdmin('GET', `/${db}/_all_docs?include_docs=true`),
    async close() {
      proxy.close();
      for (const s of sockets) s.destroy();
      if (process.env.COUCHDB_URL) await asAdmin('DELETE', `/${db}`).catch(() => {});
      if (child) {
        child.kill();
        await new Promise((r) => child.once('exit', r));
      }
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Fills /pengaturan's form on `page` with this server and clicks "Hubungkan"; `password`
 *  overrides the right one (to try a wrong one). */
export async function fillSyncForm(page, appUrl, couch, { password = couch.user.password } = {}) {
  await page.goto(appUrl + 'pengaturan');
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 15000 });
  await page.fill('#sync-url', couch.url);
  await page.fill('#sync-db', couch.db);
  await page.fill('#sync-user', couch.user.name);
  await page.fill('#sync-password', password);
  await page.click('[data-testid=sync-form] button[type=submit]');
}

/** Waits until the sync's status line on `page` reads "tersinkron …". */
export async function waitSynced(page, timeout = 15000) {
  await page.waitForFunction(
    () => /^tersinkron/.test(document.querySelector('[data-testid=sync-status-text]')?.textContent || ''),
    null,
    { timeout, polling: 250 },
  );
}
