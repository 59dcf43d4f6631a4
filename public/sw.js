/*
 * batchscape's service worker: after one visit the app works offline (a classroom with
 * bad Wi-Fi). On install it caches every file of the build, listed in precache.json
 * (written by the build, see vite.config.ts); then:
 *  - page loads: network first (a new deploy is picked up at once), the cached page offline;
 *  - everything else of this origin: cache first (file names carry content hashes, so a
 *    cached file is never stale), fetched and cached on a miss.
 * Nothing else is ever fetched: the app talks to no other origin.
 */
const CACHE = 'batchscape';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const list = await (await fetch('precache.json', { cache: 'no-store' })).json();
      const urls = ['./', ...list].map((u) => new URL(u, self.registration.scope).href);
      const cache = await caches.open(CACHE);
      await cache.addAll(urls);
      // Drop files of older builds (hashed names no longer listed).
      const keep = new Set(urls);
      for (const req of await cache.keys()) if (!keep.has(req.url)) await cache.delete(req);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req).catch(async () => {
        const cache = await caches.open(CACHE);
        return (
          (await cache.match(req, { ignoreSearch: true, ignoreVary: true })) ??
          (await cache.match(new URL('./', self.registration.scope).href)) ??
          Response.error()
        );
      }),
    );
    return;
  }
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // ignoreVary: servers send `Vary: Origin`, and module scripts carry an Origin header
      // that the install-time requests did not.
      const hit = await cache.match(req, { ignoreVary: true });
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok) await cache.put(req, res.clone());
      return res;
    })(),
  );
});
