// The site's service worker: calculator pages keep working offline after one visit.
//
// Registered by the calculator pages only (never by a guide), with scope = the site root, as
//   sw.js?v=<pyodide version>-<build id>&runtime=pyodide/<version>/&wheel=pyodide/wheels/<build id>/calculators-....whl
//        &lock=pyodide/wheels/<build id>/pyodide-lock.json&build=<build id>
//        &snapshot=pyodide/snapshots/<hash>/snapshot.bin&stdlib=pyodide/snapshots/<hash>/python_stdlib.zip
// - install: the engine goes into a cache named by v: the Pyodide files, the lock file, and either the build's
//   memory snapshot with its trimmed stdlib (what the worker starts from) or, on a site without one, the full
//   stdlib and the calculators wheel. (With a snapshot, the full stdlib and the wheel, which only a failed
//   restore asks for, are kept when they are fetched, not downloaded ahead: they would double a first visit.)
// - activate: this site's caches of other versions ("portal-*") are deleted; the worker's memory snapshot
//   ("calc-snapshot", keyed by build and runtime version) is never touched here;
// - fetch: the engine's files are served cache-first: their paths change whenever they change, so a cached copy
//   is always right (and the page gets the stored response itself, without waiting for a copy to be written).
//   Everything else on this site goes to the network first and falls back to its cached copy when offline or
//   slow. (A site built before versioned paths, without `build`, keeps the wheel and the lock file network-first:
//   a build could change them under the same URL.)
// - message {type: "keep", urls}: a calculator page asks to keep itself and what it loaded (and, with the engine's
//   worker, the modules the worker imports, which the page cannot see).
// Nothing off the site's origin is ever touched. Every copy is written in the background (event.waitUntil):
// a response never waits for the cache.

const params = new URL(self.location.href).searchParams;
const VERSION = params.get("v") || "0";
const RUNTIME = params.get("runtime") || "pyodide/";
const WHEEL = params.get("wheel");
const BUILD = params.get("build") || "";
const LOCK = params.get("lock") || `${RUNTIME}pyodide-lock.json`;
const PREFIX = "portal-";
const ENGINE_CACHE = `${PREFIX}engine-${VERSION}`;
const SHELL_CACHE = `${PREFIX}shell-${VERSION}`;
const SCOPE = new URL("./", self.location.href);
// Immutable under one Pyodide version: served from the cache without asking the network.
const RUNTIME_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"];
const runtimeURL = (name) => new URL(name, new URL(RUNTIME, SCOPE)).href;
// The wheel and its lock file: immutable under one build id (their folder is named by it).
const BUILD_URLS = [...(WHEEL ? [new URL(WHEEL, SCOPE).href] : []), new URL(LOCK, SCOPE).href];
// The build's memory snapshot and its stdlib: their folder is named by the hash of both.
const SNAPSHOT_URLS = ["snapshot", "stdlib"].map((key) => params.get(key)).filter(Boolean)
  .map((path) => new URL(path, SCOPE).href);
const IMMUTABLE_URLS = new Set([...RUNTIME_FILES.map(runtimeURL), ...(BUILD ? BUILD_URLS : []), ...SNAPSHOT_URLS]);
const ENGINE_URLS = new Set([...IMMUTABLE_URLS, ...BUILD_URLS]);
const FALLBACK_ONLY = SNAPSHOT_URLS.length === 2
  ? new Set([runtimeURL("python_stdlib.zip"), ...(WHEEL ? [new URL(WHEEL, SCOPE).href] : [])]) : new Set();
const INSTALL_URLS = [...ENGINE_URLS].filter((url) => !FALLBACK_ONLY.has(url));
/** How long a page waits for the network before it is served from the cache. */
const NETWORK_WAIT_MS = 4000;

/**
 * Static routes (Chromium's service worker static routing API, where it exists): a page's own request races the
 * network against this worker's fetch handler, so a later visit does not wait for this worker to start before
 * the page's HTML can arrive (offline, the handler's cached copy answers as before). Everything else still goes
 * through the fetch handler. Without the API, or if the browser refuses the routes, nothing changes.
 */
function addRoutes(event) {
  if (typeof event.addRoutes !== "function") return Promise.resolve();
  try {
    return Promise.resolve(event.addRoutes([
      { condition: { requestMode: "navigate" }, source: "race-network-and-fetch-handler" },
    ])).catch(() => {});
  } catch (error) {
    return Promise.resolve();  // a browser that knows the API but not this rule: the fetch handler serves all
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    addRoutes(event)
      .then(() => caches.open(ENGINE_CACHE))
      .then((cache) => cache.addAll(INSTALL_URLS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    // Navigation preload: a page's request goes to the network while this worker starts (warm visits).
    Promise.resolve(self.registration.navigationPreload && self.registration.navigationPreload.enable())
      .catch(() => {})
      .then(() => caches.keys())
      .then((names) => Promise.all(names
        .filter((name) => name.startsWith(PREFIX) && name !== ENGINE_CACHE && name !== SHELL_CACHE)
        .map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

function sameSite(url) {
  return url.origin === SCOPE.origin && url.href.startsWith(SCOPE.href);
}

async function cacheFirst(event, request) {
  const cache = await caches.open(ENGINE_CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(cache.put(request, response.clone()));
  return response;
}

/** The navigation preload's response when there is one (a page's own request), else a new fetch. */
function networkResponse(event, request) {
  if (request.mode !== "navigate" || !event.preloadResponse) return fetch(request);
  return Promise.resolve(event.preloadResponse).then((preloaded) => preloaded || fetch(request), () => fetch(request));
}

async function networkFirst(event, request, cacheName) {
  const network = networkResponse(event, request);  // on its way while the cache opens
  const cache = await caches.open(cacheName);
  const fromNetwork = network.then((response) => {
    // The copy is stored in the background: the page gets its response without waiting for the write.
    if (response.ok && response.type === "basic") event.waitUntil(cache.put(request, response.clone()));
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
    event.respondWith(cacheFirst(event, request));
  } else if (request.headers.get("range") === null) {
    event.respondWith(networkFirst(event, request, ENGINE_URLS.has(href) ? ENGINE_CACHE : SHELL_CACHE));
  }
});

/** The calculator worker's own imports: the page never sees them among its resources. */
const WORKER_IMPORTS = ["snapshot-delta.mjs"];

async function keep(urls) {
  const cache = await caches.open(SHELL_CACHE);
  for (const href of [...urls]) {
    if (href.endsWith("/assets/calc/worker.mjs")) urls.push(...WORKER_IMPORTS.map((name) => new URL(name, href).href));
  }
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
