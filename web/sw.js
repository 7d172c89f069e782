// The public page's service worker: after a first visit the page works with no network. It caches
// exactly one build's files (one cache per build) and serves every file of a page from that one
// cache, so a page never mixes two versions.
/* global PDP_BUILD */

// Written by the build (scripts/build-dist.mjs): {version, files: {path: sha384}}; a new build
// changes this file, which is how the browser sees there is a new version. Unbuilt: caches nothing.
const BUILD = typeof PDP_BUILD === 'undefined' ? { version: 'unbuilt', files: {} } : PDP_BUILD;
const PREFIX = 'pdp-autodiagnostic-';
const CACHE = `${PREFIX}${BUILD.version}`;
const scope = new URL(self.registration.scope);
const ownFiles = new Set(Object.keys(BUILD.files).map((path) => new URL(path, scope).href));
const page = new URL('index.html', scope).href;

// Install: every file of this build, each checked against its hash and fetched past the HTTP cache
// (so a file of the previous build cannot slip in); one file missing and nothing is installed.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        Object.entries(BUILD.files).map(async ([path, integrity]) => {
          const request = new Request(new URL(path, scope), { cache: 'no-cache', integrity });
          const response = await fetch(request);
          if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
          await cache.put(new URL(path, scope).href, response);
        }),
      );
    })().catch(async (error) => {
      await caches.delete(CACHE);
      throw error;
    }),
  );
  // No skipWaiting: the pages open now keep the version they started with; the new one takes over
  // once they are all closed.
});

// Activate (no page of the old version is open any more): drop the other builds' caches.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

// The page's address (the folder or index.html, any ?lang=) is the cached index.html.
function cachedAddress(request) {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (request.mode === 'navigate' && url.href === scope.href) return page;
  return ownFiles.has(url.href) ? url.href : null;
}

// Whether a request comes from the public page (its navigation, or a file the page or one of its
// static pages, the legal notice and the personal data page, asks for). Other pages in the
// worker's scope (a host page embedding the element, standalone.html) always get the network:
// their files must come from the version they were written with.
async function fromPublicPage(event) {
  if (event.request.mode === 'navigate') return true;
  const client = event.clientId ? await self.clients.get(event.clientId) : null;
  if (!client) return false;
  const url = new URL(client.url);
  url.search = '';
  url.hash = '';
  return url.href === scope.href || url.href === page || (url.pathname.endsWith('.html') && ownFiles.has(url.href));
}

// Fetch: the public page's files from this build's cache; anything else goes to the network as if
// there were no worker.
self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const address = cachedAddress(event.request);
  if (!address) return;
  event.respondWith(
    (async () => {
      if (!(await fromPublicPage(event))) return fetch(event.request);
      const cached = await caches.match(address, { cacheName: CACHE });
      // Not cached (the install failed or was cleared): the network, as without a worker.
      return cached ?? fetch(event.request);
    })(),
  );
});
