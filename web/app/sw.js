// The app's service worker: after the first visit the app shell, the
// module and its wasm come from this cache, so the card, the wallet and
// the statement open with the network off. The API is never cached here
// (the replica keeps the member's data). The build stamps BUILD with the
// app's files and a hash of them (web/stamp-sw.sh): a new build is a new
// cache, installed beside the old one and switched to when it is complete.
const BUILD = { version: 'dev', files: [] };
const CACHE = `atrium-app-${BUILD.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(['./', ...BUILD.files]))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys
      .filter((k) => k.startsWith('atrium-app-') && k !== CACHE)
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The shell from the cache first; anything else (the API, other paths)
// from the network as if there were no worker.
self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin ||
      !url.pathname.startsWith(new URL('./', location).pathname)) return;
  const key = request.mode === 'navigate' ? './' : request;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(key, { ignoreSearch: true }))
    .then((hit) => hit || fetch(request)));
});
