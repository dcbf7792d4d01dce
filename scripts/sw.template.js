// Layanan SOP Katingan service worker. Generated at build time by scripts/post-build.mjs from
// scripts/sw.template.js: VERSION and PRECACHE below are filled in from the hashed build
// output, so the list is never kept by hand.
//
// - install: precache every file of this build into a cache named after the build;
// - activate: delete the caches of other builds;
// - hashed assets: cache first (their names change when their content does);
// - pages (navigations): network first; offline, the index.html of THIS build, whose wasm/js
//   pair is in the same cache. A page fetched from the network is never written into this
//   build's cache, so an index.html is never paired with another build's wasm/js.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = 'layanan-sop-' + VERSION;
const SCOPE = self.registration.scope;
const INDEX = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((p) => new URL(p, SCOPE).href)))
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(
      names.filter((n) => n.startsWith('layanan-sop-') && n !== CACHE).map((n) => caches.delete(n))
    );
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'version' && event.source) event.source.postMessage({ version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;

  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      try {
        const response = await fetch(request);
        if (response.ok) return response;
        throw new Error('HTTP ' + response.status);
      } catch (_) {
        // Offline: the app shell of this build (it renders every route itself).
        const cache = await caches.open(CACHE);
        return (await cache.match(INDEX)) || Response.error();
      }
    })());
    return;
  }

  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    return fetch(request);
  })());
});
