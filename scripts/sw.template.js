// Layanan SOP Katingan service worker. Generated at build time by scripts/post-build.mjs from
// scripts/sw.template.js: the lists below come from the hashed build output, so none is kept
// by hand.
//
// The cache follows the split between the apps:
// - install: the citizen side only, and only what the page being visited needs (styles,
//   manifest, small icons, the "not saved for offline" page, and the bundle of that kind of
//   page: the katalog's with the katalog, or the SOP pages'), files the browser has just
//   fetched, so a citizen's first visit stays small; when this device has used the staff
//   side before, or the visit starts on a staff page, the (new build's) staff bundle too;
// - a page is cached when opened; on a later visit the page asks (`warm`) and the rest follows
//   in the background (both bundles, the katalog, every SOP page), so it all reads offline;
// - the staff bundle (its code, styles and page shells) is cached when a staff page is first
//   opened online;
// - activate: delete the caches of other builds;
// - hashed assets: cache first (their names change when their content does);
// - pages (navigations): network first; offline, the cached page, the staff shell for a staff
//   address, or offline.html. Pages are cached only in this build's cache, next to this
//   build's bundles, so a page is never paired with another build's code.
const VERSION = '__VERSION__';
const CORE = __CORE__;
const KATALOG = __KATALOG__;
const SOP_BUNDLE = __SOP_BUNDLE__;
const SOP_PAGES = __SOP_PAGES__;
const STAFF = __STAFF__;
const STAFF_ROUTES = __STAFF_ROUTES__;
const CACHE = 'layanan-sop-' + VERSION;
const SCOPE = self.registration.scope;
const STAFF_MARK = new URL('.staff-used', SCOPE).href;
const abs = (p) => new URL(p, SCOPE).href;
// Responses come compressed with `Vary: accept-encoding`; a lookup by address must not miss
// them for a header the browser adds by itself.
const MATCH = { ignoreVary: true };

function isStaffPath(url) {
  const rel = url.href.slice(SCOPE.length).split(/[?#]/)[0];
  return STAFF_ROUTES.some((r) => rel === r || rel.startsWith(r + '/'));
}

async function cacheStaff(cache) {
  await cache.addAll(STAFF.map(abs));
  await cache.put(STAFF_MARK, new Response('1'));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // The pages that registered this worker say which bundle the visit already fetched.
    const open = await self.clients.matchAll({ includeUncontrolled: true, type: 'window' });
    const onStaff = open.some((c) => isStaffPath(new URL(c.url)));
    const onSop = open.some((c) => c.url.startsWith(abs('sop/')));
    const onKatalog = open.some((c) => !c.url.startsWith(abs('sop/')) && !isStaffPath(new URL(c.url))) || (!onSop && !onStaff);
    await cache.addAll(CORE.concat(onKatalog ? KATALOG : [], onSop ? SOP_BUNDLE : []).map(abs));
    // A first visit that starts on a staff page (a bookmark at the office): its bundle was
    // just fetched, and that page must open offline next time.
    if (onStaff) {
      await cacheStaff(cache);
      return;
    }
    // A device that already used the staff side keeps it offline across updates.
    for (const name of await caches.keys()) {
      if (name.startsWith('layanan-sop-') && name !== CACHE && await (await caches.open(name)).match(STAFF_MARK, MATCH)) {
        await cacheStaff(cache);
        break;
      }
    }
  })());
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
  if (event.data === 'warm') {
    event.waitUntil((async () => {
      const cache = await caches.open(CACHE);
      for (const page of KATALOG.concat(SOP_BUNDLE, SOP_PAGES)) {
        if (!(await cache.match(abs(page), MATCH))) {
          try { await cache.add(abs(page)); } catch (_) { return; } // offline again: later
        }
      }
    })());
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;

  if (request.mode === 'navigate') {
    const staff = isStaffPath(url);
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) {
          if (staff) {
            event.waitUntil(cache.match(STAFF_MARK, MATCH).then((used) => used || cacheStaff(cache)).catch(() => {}));
          } else {
            // One copy per page: the katalog with a search in its address is the same HTML.
            event.waitUntil(cache.put(new URL(url.pathname, url.origin).href, response.clone()));
          }
          return response;
        }
        // A staff address the host does not know (/kasus/<id>): the staff shell routes it.
        if (staff) {
          const shell = await cache.match(abs(STAFF_ROUTES[0] + '/'), MATCH);
          if (shell) return shell;
        }
        return response;
      } catch (_) {
        if (staff) {
          return (await cache.match(abs(STAFF_ROUTES[0] + '/'), MATCH)) || (await cache.match(abs('offline.html'), MATCH)) || Response.error();
        }
        return (await cache.match(new URL(url.pathname, url.origin).href, MATCH))
          || (await cache.match(abs('offline.html'), MATCH))
          || Response.error();
      }
    })());
    return;
  }

  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
    if (hit) return hit;
    return fetch(request);
  })());
});
