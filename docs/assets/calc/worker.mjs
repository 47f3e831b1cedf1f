// The calculators' engine in a module Web Worker: Pyodide plus the calculators wheel, both from this site.
//
// Messages in:  {type: "init", runtime, wheel, lock, version, build, snapshot, stdlib}
//                 runtime = absolute URL of the runtime folder (pyodide.mjs...), wheel and lock = absolute URLs,
//                 version = Pyodide's version, build = the wheel's build id ("" when the site has none),
//                 snapshot, stdlib = absolute URLs of the build's memory snapshot (a delta, snapshot-delta.mjs) and
//                 of the trimmed stdlib zip it was made with, snapshotBytes = the snapshot's length (any of them
//                 absent: no snapshot, a normal start); lazyStdlib = "1" on a page whose calculator is one of
//                 snapshotCalculators (comma-separated): the zip is fetched only when something reads it (below)
//               {type: "run", id, name, payload}         payload = the calculator's JSON object
//               {type: "xlsx", id, bytes}                an .xlsx file's ArrayBuffer: its first sheet's rows
// Messages out: {type: "progress", stage, loaded}        stage: "runtime" | "python" | "package"; loaded = bytes so far
//               {type: "ready", loaded, timings}         timings.snapshot: the start restored the build's snapshot;
//                                                      timings.fallback: why it could not (then a normal start);
//                                                      timings.marks: ms after init (module, compiled, wasm,
//                                                      snapshot, stdlib, restored, ready; compileFallback: why the
//                                                      early compile failed); origin + t0: init's wall clock
//               {type: "failed", detail}                 the engine cannot load (missing file, network down...)
//               {type: "fallback", detail}               the snapshot could not be used: the page starts a new
//                                                      worker with init.snapshot = "" and init.fallback = detail
//               {type: "result", id, text}               calculators.run_json(name, JSON.stringify(payload))
//               {type: "crash", id, detail}              a Python exception: a bug, never bad input
//               {type: "xlsx", id, text, timings}        the rows as JSON text (calculators.xlsx.to_json)
//               {type: "xlsx", id, error, detail}        error: "not_xlsx" (not a workbook) | "unavailable" (no reader)
//
// A start restores the memory snapshot the build made in Node with the engine imported and warmed up
// (site_build/snapshot.py): no Python boot, no wheel to install. On any failure (missing file, another runtime
// build, a restore error) it says so with console.warn and the page starts a new worker that starts normally: the
// full stdlib, then the wheel.
// The snapshot's URL names its content, so the browser's HTTP cache (and the service worker) keep it for the
// next visits: there is no second, browser-made snapshot.

// The snapshot's helpers are imported when init comes, beside the runtime's module and the engine's files (a
// static import would add one more request in a row before the worker could start anything).
let deltaModule = null;
const snapshotDelta = () => {
  deltaModule = deltaModule || import("./snapshot-delta.mjs");
  return deltaModule;
};

let runJson = null;
let pyodideRef = null;
let loaded = 0;
let lastReport = 0;
let failed = false;
/** When each step of the start was done, in ms since init (reported with "ready"). */
const marks = {};

function fail(detail) {
  if (failed) return;
  failed = true;
  self.postMessage({ type: "failed", detail: String(detail) });
}

function progress(stage) {
  self.postMessage({ type: "progress", stage, loaded });
}

/** `response` with its body counted as progress (the wasm excepted, see below). */
function counted(response) {
  if (!response.body) return response;
  const counter = new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      const now = performance.now();
      if (now - lastReport > 100) {
        lastReport = now;
        progress("download");
      }
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), {
    status: response.status, statusText: response.statusText, headers: response.headers,
  });
}

// Every file Pyodide fetches goes through here: a missing file fails the load at once
// (Pyodide itself would wait forever on a wasm 404), and each chunk counts as progress.
const siteFetch = self.fetch.bind(self);
/** URL -> bytes the worker fetched ahead (the snapshot's stdlib): Pyodide's own fetch of it gets them. */
const ahead = new Map();
self.fetch = async (input, init) => {
  const early = ahead.get(String(input));
  if (early) {
    ahead.delete(String(input));
    return new Response(await early);  // a failure throws here; restore() checks the bytes arrived
  }
  if (earlyWasm && !earlyWasm.claimed && String(input) === earlyWasm.url) {
    // The wasm is already on its way and compiling (see compileEarly): Pyodide gets a stand-in, which the
    // instantiateStreaming below recognises; it is never read.
    const standIn = new Response(null, { status: 200, headers: { "content-type": "application/wasm" } });
    standIns.add(standIn);
    return standIn;
  }
  let response;
  try {
    response = await siteFetch(input, init);
  } catch (error) {
    if (!runJson) fail(`${error} (${input})`);  // once started, a failed load (xlsx reader offline) is its own
    throw error;
  }
  if (!response.ok) {
    if (!runJson) fail(`${response.status} ${response.url || input}`);  // later loads (xlsx) report their own
    return response;
  }
  if (!response.body) return response;
  if (new URL(response.url || String(input), self.location.href).pathname.endsWith(".wasm")) {
    // Handed over untouched: V8 keeps the compiled wasm (code cache) only for a response that comes
    // straight from the network, the HTTP cache or Cache Storage; a new Response around its body disables it.
    loaded += Number(response.headers.get("content-length")) || 0;
    progress("download");
    return response;
  }
  return counted(response);
};

// -- the wasm, fetched and compiled as soon as init comes ------------------------------------------------------
// Pyodide starts its wasm fetch only once its module is imported, and compiles it only once pyodide.asm.mjs has
// been fetched and run (emscripten's instantiateWasm). Here the fetch and the streaming compile start with init,
// beside those imports: Pyodide's own fetch of the wasm gets a stand-in response, and its instantiateStreaming
// instantiates the module compiled here. The response is handed to compileStreaming untouched, so V8's code cache
// applies as before. If the early compile fails (or anything here is missing), Pyodide's call goes to the original
// instantiateStreaming with a new fetch: a normal start.

/** {url, module: Promise<WebAssembly.Module>, claimed} while the early compile is in use, else null. */
let earlyWasm = null;
const standIns = new WeakSet();

function compileEarly(runtime, t0) {
  // The originals, taken before anything wraps them (the snapshot's hook wraps instantiateStreaming, and must see
  // this one instance once: through the instantiateStreaming it wrapped, not a second time through instantiate).
  const { compileStreaming, instantiateStreaming, instantiate } = WebAssembly;
  if (typeof compileStreaming !== "function" || typeof instantiateStreaming !== "function") return;
  const url = `${runtime}pyodide.asm.wasm`;
  const state = { url, claimed: false };
  state.module = (async () => {
    const response = (await cachedResponse(url)) || await siteFetch(url);
    if (!response.ok) throw new Error(`${response.status} ${url}`);
    loaded += Number(response.headers.get("content-length")) || 0;
    progress("download");
    const module = await compileStreaming.call(WebAssembly, response);
    marks.compiled = performance.now() - t0;
    return module;
  })();
  state.module.catch(() => {});  // a failure is handled where the module is used
  earlyWasm = state;
  WebAssembly.instantiateStreaming = async function instantiateEarly(source, imports) {
    const got = await source;
    if (!standIns.has(got)) return instantiateStreaming.call(WebAssembly, got, imports);
    state.claimed = true;
    let module;
    try {
      module = await state.module;
    } catch (error) {
      console.warn(`engine: early wasm compile failed, compiling again: ${error && error.message || error}`);
      marks.compileFallback = String(error && error.message || error);
      return instantiateStreaming.call(WebAssembly, self.fetch(url), imports);  // a missing file fails at once
    }
    return { module, instance: await instantiate.call(WebAssembly, module, imports) };
  };
}

// -- Pyodide's private options ------------------------------------------------------------------------------
// Restoring a memory snapshot uses an option Pyodide marks @ignore (`_loadSnapshot`, pyodide.ts), checked against
// Pyodide 314.0.7; it may change with any upgrade. This block is its only use in the browser (the build's side is
// site_build/snapshot.mjs). What it relies on: Pyodide checks the snapshot's build id against its own runtime
// ("Snapshot build id mismatch"); the stdlib zip must be the very one the snapshot was made with (zipimport keeps
// its directory in the heap), so it comes from the snapshot's folder; the file system is not restored, which is
// why the build imported everything the engine can import before taking it. The snapshot file is a delta against
// the wasm's initial memory (snapshot-delta.mjs): it is undone when the wasm is instantiated. Every failure falls
// back.

/**
 * The site's service worker keeps the engine's files in Cache Storage (sw.js); on a later visit the worker reads
 * them there itself: no round trip through the service worker's fetch event, and no per-chunk counting of bytes
 * that are already on this device. Only immutable files are read this way (their paths name their content or the
 * runtime's version). null when there is no copy, or no Cache Storage here.
 */
let engineCache = null;
function cachedResponse(url) {
  if (!engineCache) {
    engineCache = (async () => {
      if (!self.caches) return null;
      const names = await caches.keys();
      return names.some((name) => name.startsWith("portal-engine-")) ? caches : null;
    })().catch(() => null);
  }
  return engineCache.then((store) => (store ? store.match(url) : null)).then((hit) => hit || null, () => null);
}

/** The bytes of `url`, counted as progress; an error (not a failed engine) when it cannot be had. */
async function fetchOptional(url) {
  const hit = await cachedResponse(url);
  if (hit) {
    const bytes = new Uint8Array(await hit.arrayBuffer());
    loaded += bytes.length;
    progress("download");
    return bytes;
  }
  const response = await siteFetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return new Uint8Array(await counted(response).arrayBuffer());
}

/**
 * Start both downloads at once; either failing makes the restore fail (and the start fall back). With `lazy`, the
 * stdlib is an empty placeholder (see lazyStdlib).
 */
function fetchSnapshot({ snapshot, stdlib, snapshotBytes }, t0, lazy) {
  const arrived = (promise, key) => promise.then((bytes) => { marks[key] = performance.now() - t0; return bytes; });
  const files = { snapshot: arrived(fetchOptional(snapshot), "snapshot"),
    stdlib: lazy ? Promise.resolve(placeholder) : arrived(fetchOptional(stdlib), "stdlib"), stdlibURL: stdlib,
    length: Number(snapshotBytes) };
  files.snapshot.catch(() => {});  // awaited when the wasm is instantiated; a failure is handled there
  files.stdlib.catch(() => {});
  // Pyodide fetches the stdlib itself (after the wasm): it gets these bytes, already on their way.
  ahead.set(stdlib, files.stdlib);
  return files;
}

async function restore(loadPyodide, options, files, t0) {
  const { hookInstantiate, laterView, memoizeSmallModules } = await snapshotDelta();
  // Pyodide awaits the snapshot before it instantiates the wasm: it gets a zeroed view of the snapshot's full
  // length at once, filled from the compact delta (only the heap's stretches that differ from the wasm's initial
  // memory, ~1/4 of it) and the new instance's memory as soon as both are there (the wasm compiles while the
  // snapshot arrives).
  // If either file cannot be had, Pyodide is left waiting (its instantiation never ends; the page ends this
  // worker) and the restore fails with the reason.
  const target = laterView(files.length);
  // The delta's runs go into the view as soon as it is there: if it comes before the wasm is instantiated (a
  // later visit, as a rule), only the XOR with the fresh memory is left for the hook. A refusal is reported by
  // fill, in the hook.
  files.snapshot.then((delta) => target.take(delta), () => {});
  let abort;
  let problem = null;
  const aborted = new Promise((resolve, reject) => { abort = reject; });
  const unmemoize = memoizeSmallModules(WebAssembly);  // Emscripten's 260 one-function adapters: 29 compiles
  const undo = hookInstantiate(WebAssembly, async (memory) => {
    marks.wasm = performance.now() - t0;
    try {
      const [delta] = await Promise.all([files.snapshot, files.stdlib]);
      problem = target.fill(delta, memory);
    } catch (error) {
      abort(error);
      await new Promise(() => {});
    }
  });
  try {
    const pyodide = await Promise.race([
      loadPyodide({ ...options, stdLibURL: files.stdlibURL, _loadSnapshot: target.view }), aborted]);
    if (problem) throw new Error(problem);  // never reached: the spoiled header fails the restore
    // Every restore starts from the build's random state (the snapshot disables hash randomisation too): reseed.
    // Through pyimport, not runPython: the first runPython costs 10-50 ms (Pyodide's eval machinery) that the
    // start need not pay.
    const modules = pyodide.pyimport("sys").modules;
    const random = modules.get("random");
    if (random) {
      random.seed();
      random.destroy();
    }
    modules.destroy();
    return pyodide;
  } catch (error) {
    throw problem ? new Error(`${error && error.message || error}; ${problem}`) : error;
  } finally {
    undo();
    unmemoize();
  }
}

// -- the stdlib zip on demand ----------------------------------------------------------------------------------
// The snapshot's calculators answer from the heap alone (the build checks it). On their pages (init.lazyStdlib)
// Pyodide gets an empty placeholder for the zip at start, and the placeholder's file is deferred
// (lazy-stdlib.mjs): whatever opens it first (a lazy import, a traceback's source line, loading openpyxl) gets the
// real bytes first, fetched synchronously. A calculator outside the snapshot fetches them before it runs
// (asynchronously: the worker stays responsive, and Cache Storage is read directly). Other pages fetch the zip
// at start, beside the snapshot, as before.

/** {url, module (Promise of lazy-stdlib.mjs), deferred ({put, loaded}, once restored), fetched, names} or null. */
let lazyStdlib = null;
const placeholder = new Uint8Array(0);

/** Make the restored Python's zip file the deferred one (before anything runs in it). */
async function deferStdlib(pyodide) {
  const { deferFile, fetchNow, stdlibPath } = await lazyStdlib.module;
  lazyStdlib.deferred = deferFile(pyodide.FS, stdlibPath(pyodide.FS), () => fetchNow(lazyStdlib.url));
  return pyodide;
}

/**
 * Before calculator `name` runs (or, without a name, openpyxl is loaded): a promise that settles once the zip's
 * bytes are in place, when they are needed and not in yet; else null (run at once). A failed fetch settles it
 * too: the first open then tries again, synchronously, and the import fails with an OSError if that fails.
 */
function stdlibFor(name) {
  if (!lazyStdlib || !lazyStdlib.deferred || lazyStdlib.deferred.loaded || lazyStdlib.names.has(name)) return null;
  if (!lazyStdlib.fetched) {
    const fetched = fetchOptional(lazyStdlib.url).then((bytes) => lazyStdlib.deferred.put(bytes));
    lazyStdlib.fetched = fetched.catch(() => { lazyStdlib.fetched = null; });  // a later request asks again
  }
  return lazyStdlib.fetched;
}

// -- start ------------------------------------------------------------------------------------------------------

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.text();
}

/** Earlier versions kept a browser-made snapshot in Cache Storage: no longer read, so it is dropped. */
async function dropOldSnapshots() {
  try {
    if (self.caches) await caches.delete("calc-snapshot");
  } catch (error) {
    // Nothing kept, nothing to drop.
  }
}

async function init({ runtime, wheel, lock, snapshot, stdlib, snapshotBytes, fallback, lazyStdlib: lazy,
  snapshotCalculators }) {
  const t0 = performance.now();
  try {
    lock = lock || `${runtime}pyodide-lock.json`;
    progress("runtime");
    // The runtime's module, the lock file and the snapshot are fetched at the same time.
    const lockText = fetchText(lock);
    lockText.catch(() => {});  // awaited below; a failure is reported there
    const files = snapshot && stdlib && snapshotBytes
      ? fetchSnapshot({ snapshot, stdlib, snapshotBytes }, t0, Boolean(lazy)) : null;
    if (files && lazy) {
      lazyStdlib = { url: stdlib, module: import("./lazy-stdlib.mjs"), deferred: null, fetched: null,
        names: new Set(String(snapshotCalculators || "").split(",").filter(Boolean)) };
      lazyStdlib.module.catch(() => {});  // awaited after the restore; a failure falls back there
    }
    compileEarly(runtime, t0);
    const helpers = snapshotDelta();
    helpers.catch(() => {});  // awaited below; a failure is reported there
    // Pyodide imports its emscripten module (1.2 MB of JS) only once loadPyodide runs; imported here at once, it
    // loads beside pyodide.mjs, and Pyodide's own import of the same URL gets the module already evaluated.
    import(`${runtime}pyodide.asm.mjs`).catch(() => {});  // Pyodide's import reports a failure itself
    const { loadPyodide } = await import(`${runtime}pyodide.mjs`);
    marks.module = performance.now() - t0;
    progress("python");
    const options = {
      indexURL: runtime,
      lockFileContents: lockText,  // a promise: Pyodide awaits it itself, the wasm fetch need not wait for it
      packageBaseUrl: new URL("./", wheel).href,  // also keeps Pyodide from ever choosing its CDN
      stdout: () => {},
      stderr: (text) => console.warn(text),
    };
    let engine;
    if (files) {
      try {
        const restored = await restore(loadPyodide, options, files, t0);
        engine = start(lazyStdlib ? await deferStdlib(restored) : restored);
      } catch (error) {
        // A failed restore may leave Pyodide's module state in this worker half set up: the page starts a fresh
        // worker without the snapshot instead of a second loadPyodide here.
        const detail = String(error && error.message || error);
        console.warn(`engine snapshot not usable, starting afresh: ${detail}`);
        self.postMessage({ type: "fallback", detail });
        return;
      }
    } else {
      const { hookInstantiate } = await helpers;
      const undo = hookInstantiate(WebAssembly, () => { marks.wasm = performance.now() - t0; });
      try {
        engine = start(await loadPyodide({ ...options, packages: [wheel] }));
      } finally {
        undo();
      }
    }
    runJson = engine.runJson;
    pyodideRef = engine.pyodide;
    if (failed) return;
    marks.restored = engine.t1 - t0;
    marks.ready = performance.now() - t0;
    // origin + t0: when init came, on the clock every page and worker shares (the bench splits the start with it)
    self.postMessage({ type: "ready", loaded, timings: {
      runtime: engine.t1 - t0, engine: performance.now() - engine.t1, snapshot: Boolean(files), fallback, marks,
      origin: performance.timeOrigin, t0 } });
    dropOldSnapshots();
  } catch (error) {
    fail(error && error.message ? error.message : error);
  }
}

/** Import the engine and run it once (compiles its code paths before the first real answer). */
function start(pyodide) {
  const t1 = performance.now();
  progress("package");
  const calculators = pyodide.pyimport("calculators");
  const run = calculators.run_json;
  const check = JSON.parse(run("payout", "{}"));
  if (!check || typeof check !== "object") throw new Error("the engine answered nothing");
  return { pyodide, runJson: run, t1 };
}

// -- .xlsx files: openpyxl, loaded on demand ------------------------------------------------------------------
// The pinned openpyxl and et_xmlfile wheels are in the site's lock file beside the calculators wheel; they are
// fetched the first time a reader opens an .xlsx file, never at start-up.

let xlsxReader = null;

/** bytes -> calculators.xlsx.to_json(bytes), once openpyxl is installed (loaded once; a failed load is retried). */
function ensureXlsx() {
  if (!xlsxReader) {
    const quiet = { messageCallback: () => {}, errorCallback: (text) => console.warn(text) };
    // The bytes arrive in Python as a JsProxy of the Uint8Array: to_bytes() copies them once.
    xlsxReader = pyodideRef.loadPackage(["openpyxl"], quiet).then(() => {
      // loadPackage reports a failed download through errorCallback and resolves all the same.
      if (!pyodideRef.loadedPackages.openpyxl) throw new Error("openpyxl could not be loaded");
      return pyodideRef.runPython("lambda data: __import__('calculators.xlsx').xlsx.to_json(data.to_bytes())");
    });
    xlsxReader.catch(() => { xlsxReader = null; });
  }
  return xlsxReader;
}

async function readXlsx({ id, bytes }) {
  const t0 = performance.now();
  let toJson;
  try {
    if (!pyodideRef) throw new Error("engine not ready");
    toJson = await ensureXlsx();
  } catch (error) {
    self.postMessage({ type: "xlsx", id, error: "unavailable", detail: String(error && error.message || error) });
    return;
  }
  const t1 = performance.now();
  try {
    const text = toJson(new Uint8Array(bytes));
    self.postMessage({ type: "xlsx", id, text, timings: { load: t1 - t0, read: performance.now() - t1 } });
  } catch (error) {
    const detail = String(error && error.message || error).trim().split("\n").pop();  // the exception, not the trace
    self.postMessage({ type: "xlsx", id, error: detail.includes("NotASpreadsheet") ? "not_xlsx" : "crash", detail });
  }
}

self.onmessage = ({ data }) => {
  if (data.type === "init") {
    init(data);
  } else if (data.type === "xlsx") {
    Promise.resolve(stdlibFor()).then(() => readXlsx(data));  // openpyxl's loader imports from the zip
  } else if (data.type === "run") {
    if (!runJson) {
      self.postMessage({ type: "crash", id: data.id, detail: "engine not ready" });
      return;
    }
    const before = stdlibFor(data.name);
    if (before) before.then(() => runRequest(data));
    else runRequest(data);
  }
};

function runRequest({ id, name, payload }) {
  try {
    const text = runJson(name, JSON.stringify(payload));
    self.postMessage({ type: "result", id, text });
  } catch (error) {
    self.postMessage({ type: "crash", id, detail: String(error && error.message || error) });
  }
}
