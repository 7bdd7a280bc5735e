// sw.js keeps the playground working with no network after one visit. It
// caches the files offline.js lists (written by the build, with a hash of
// them) under a cache named after that hash, and answers the page's requests
// for those files from it. A build with another hash installs a new worker,
// which caches the new files whole before it takes over and then drops the
// old cache, so a page and a wasm from different builds never meet.
"use strict";

importScripts("offline.js");

const { build, files } = self.raftplayOffline;
const cachePrefix = "raftplay-";
const cacheName = cachePrefix + build;
// The folder the worker serves, e.g. "/raftplay/": the site may live below
// the host's root.
const scopePath = new URL(self.registration.scope).pathname;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    // "reload" skips the HTTP cache, which may still hold the old build's
    // copy of a file. addAll stores all or nothing. The server picks each
    // file's encoding (brotli or gzip for the wasm) as for any request, and
    // the cache keeps what the browser decoded.
    await cache.addAll(files.map((name) => new Request(name, { cache: "reload" })));
    // The new build takes over at once instead of waiting for every tab of
    // the old one to close: a page fetches its scripts and wasm as it
    // starts, long before a new build has finished downloading.
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(cachePrefix) && key !== cacheName) {
        await caches.delete(key);
      }
    }
    await self.clients.claim();
  })());
});

// cachedName is the offline file a request is for, or "" when it is for
// something else, which goes to the network as if there were no worker.
// The page's own address ("/" or "/index.html", any query) is index.html.
function cachedName(request) {
  if (request.method !== "GET") {
    return "";
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(scopePath)) {
    return "";
  }
  const name = url.pathname.slice(scopePath.length) || "index.html";
  return files.includes(name) ? name : "";
}

self.addEventListener("fetch", (event) => {
  const name = cachedName(event.request);
  if (!name) {
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(cacheName);
    // ignoreVary: the server varies the wasm by Accept-Encoding, which the
    // browser sets below the page, so a stored request never shows it.
    const hit = await cache.match(name, { ignoreVary: true });
    return hit || fetch(event.request);
  })());
});
