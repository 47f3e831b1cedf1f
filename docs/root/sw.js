// The site's service worker: calculator pages keep working offline after one visit.
//
// Registered by the calculator pages only (never by a guide), with scope = the site root, as
//   sw.js?v=<pyodide version>-<wheel>&runtime=pyodide/&wheel=pyodide/calculators-....whl
// - install: the engine (the Pyodide files and the calculators wheel) goes into a cache named by v;
// - activate: caches of other versions are deleted;
// - fetch: the Pyodide files are served cache-first (they never change under the same v); everything
//   else on this site, the wheel and the lock file included (a build may change them without changing
//   v), goes to the network first and falls back to its cached copy when offline or slow;
// - message {type: "keep", urls}: a calculator page asks to keep itself and what it loaded.
// Nothing off the site's origin is ever touched.

const params = new URL(self.location.href).searchParams;
const VERSION = params.get("v") || "0";
const RUNTIME = params.get("runtime") || "pyodide/";
const WHEEL = params.get("wheel");
const PREFIX = "portal-";
const ENGINE_CACHE = `${PREFIX}engine-${VERSION}`;
const SHELL_CACHE = `${PREFIX}shell-${VERSION}`;
const SCOPE = new URL("./", self.location.href);
// Immutable under one Pyodide version: served from the cache without asking the network.
const IMMUTABLE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"];
// Rewritten by every build (the lock file registers the wheel): network first, cached copy offline.
const BUILD_FILES = ["pyodide-lock.json"];
const runtimeURL = (name) => new URL(name, new URL(RUNTIME, SCOPE)).href;
const IMMUTABLE_URLS = new Set(IMMUTABLE_FILES.map(runtimeURL));
const ENGINE_URLS = new Set([
  ...IMMUTABLE_URLS,
  ...BUILD_FILES.map(runtimeURL),
  ...(WHEEL ? [new URL(WHEEL, SCOPE).href] : []),
]);
/** How long a page waits for the network before it is served from the cache. */
const NETWORK_WAIT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(ENGINE_CACHE)
      .then((cache) => cache.addAll([...ENGINE_URLS]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names
        .filter((name) => name.startsWith(PREFIX) && name !== ENGINE_CACHE && name !== SHELL_CACHE)
        .map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

function sameSite(url) {
  return url.origin === SCOPE.origin && url.href.startsWith(SCOPE.href);
}

async function cacheFirst(request) {
  const cache = await caches.open(ENGINE_CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  });
  const cached = await cache.match(request, { ignoreSearch: cacheName === ENGINE_CACHE });
  if (!cached) return fromNetwork;
  // A cached copy exists: use it when the network fails or is too slow (the copy is refreshed meanwhile).
  let timer;
  const slow = new Promise((resolve) => { timer = setTimeout(() => resolve(cached), NETWORK_WAIT_MS); });
  return Promise.race([fromNetwork.catch(() => cached), slow]).finally(() => clearTimeout(timer));
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (!sameSite(url)) return;
  const href = url.origin + url.pathname;
  if (IMMUTABLE_URLS.has(href)) {
    event.respondWith(cacheFirst(request));
  } else if (request.headers.get("range") === null) {
    event.respondWith(networkFirst(request, ENGINE_URLS.has(href) ? ENGINE_CACHE : SHELL_CACHE));
  }
});

async function keep(urls) {
  const cache = await caches.open(SHELL_CACHE);
  const results = await Promise.allSettled(urls
    .filter((href) => sameSite(new URL(href)) && !ENGINE_URLS.has(href))
    .map(async (href) => {
      const response = await fetch(href, { cache: "no-cache" });
      if (!response.ok) return;  // e.g. no search index on this site: nothing to keep
      await cache.put(href, response);
    }));
  return results.every((result) => result.status === "fulfilled");
}

self.addEventListener("message", (event) => {
  const { data } = event;
  if (!data || data.type !== "keep" || !Array.isArray(data.urls)) return;
  const reply = event.ports[0];
  event.waitUntil(keep(data.urls).then(
    (ok) => reply && reply.postMessage({ ok, version: VERSION }),
    (error) => reply && reply.postMessage({ ok: false, error: String(error) }),
  ));
});
