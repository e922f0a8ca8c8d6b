// OpenPick's offline copy: a service worker that keeps this site's own files and serves them from
// the cache first, so the planner loads and plans with no network after the first visit. It only
// ever answers GET requests for its own origin (the page may not connect anywhere else: see the
// Content-Security-Policy in web/EMBED.md) and stores nothing the applicant typed.
//
// The build writes a hash of the shipped files into kBuild (web/stamp_sw.cmake), so a new
// release is a new cache: the old files are dropped together, never mixed with new ones.
'use strict';

const kBuild = '@OPENPICK_BUILD@';
const kCache = 'openpick-' + kBuild;
const kFiles = ['./', 'index.html', 'openpick.css', 'openpick-page.js', 'openpick-embed-guest.js',
                'openpick.js', 'openpick.wasm', 'openpick.data', 'favicon.svg', 'datasets/sample.json'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(kCache)
    .then((cache) => cache.addAll(kFiles.map((f) => new Request(f, { cache: 'reload', credentials: 'omit' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('openpick-') && k !== kCache).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(cacheFirst(request, url));
});

async function cacheFirst(request, url) {
  const cache = await caches.open(kCache);
  // The page is opened with a query (?host=...&channel=... when embedded): one cached copy serves
  // them all. Other files are matched on their path.
  const key = request.mode === 'navigate' ? new URL('./', self.registration.scope).href : url.origin + url.pathname;
  const hit = await cache.match(key);
  return hit || fetch(request);
}
