// The calculators' engine in a module Web Worker: Pyodide plus the calculators wheel, both from this site.
//
// Messages in:  {type: "init", runtime, wheel, lock, version, build}
//                 runtime = absolute URL of the runtime folder (pyodide.mjs...), wheel and lock = absolute URLs,
//                 version = Pyodide's version, build = the wheel's build id ("" when the site has none)
//               {type: "run", id, name, payload}         payload = the calculator's JSON object
//               {type: "xlsx", id, bytes}                an .xlsx file's ArrayBuffer: its first sheet's rows
// Messages out: {type: "progress", stage, loaded}        stage: "runtime" | "python" | "package"; loaded = bytes so far
//               {type: "ready", loaded, timings}         timings.snapshot: the start restored a memory snapshot
//               {type: "failed", detail}                 the engine cannot load (missing file, network down...)
//               {type: "result", id, text}               calculators.run_json(name, JSON.stringify(payload))
//               {type: "crash", id, detail}              a Python exception: a bug, never bad input
//               {type: "xlsx", id, text, timings}        the rows as JSON text (calculators.xlsx.to_json)
//               {type: "xlsx", id, error, detail}        error: "not_xlsx" (not a workbook) | "unavailable" (no reader)
//
// A start restores a memory snapshot of the interpreter with the engine imported when the browser keeps one
// (~0.5 s instead of ~2 s); otherwise it boots Python, installs the wheel, and takes that snapshot once the
// first answers are out and the engine is idle.

let runJson = null;
let pyodideRef = null;
let loaded = 0;
let lastReport = 0;
let failed = false;
let lastRun = 0;

function fail(detail) {
  if (failed) return;
  failed = true;
  self.postMessage({ type: "failed", detail: String(detail) });
}

function progress(stage) {
  self.postMessage({ type: "progress", stage, loaded });
}

// Every file Pyodide fetches goes through here: a missing file fails the load at once
// (Pyodide itself would wait forever on a wasm 404), and each chunk counts as progress.
const siteFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
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
};

// -- Pyodide's private options -----------------------------------------------------------------------------
// Memory snapshots use options and methods Pyodide marks @private / @ignore (pyodide.d.ts, 314.0.7):
// `_makeSnapshot`, `_loadSnapshot`, `makeMemorySnapshot()`. They are experimental and may change with any
// Pyodide upgrade; everything that touches them is in this block, and every failure falls back to a normal
// start (Pyodide itself refuses a snapshot of another runtime build: "Snapshot build id mismatch").

/** Cache Storage cache of the snapshot: outside sw.js's "portal-" prefix, whose activate step deletes caches. */
const SNAPSHOT_CACHE = "calc-snapshot";
/** The snapshot is taken this long after "ready" at the earliest, and only after this long without a request. */
const SNAPSHOT_AFTER_MS = 1500;
const SNAPSHOT_IDLE_MS = 1000;

const snapshotOptions = {
  make: { _makeSnapshot: true },
  load: (bytes) => ({ _loadSnapshot: bytes }),
};

async function readSnapshot(key) {
  try {
    if (!self.caches || !self.DecompressionStream) return null;
    const hit = await (await caches.open(SNAPSHOT_CACHE)).match(key);
    if (!hit) return null;
    const bytes = hit.body.pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(bytes).arrayBuffer());
  } catch (error) {
    return null;
  }
}

async function dropSnapshots() {
  try {
    if (self.caches) await caches.delete(SNAPSHOT_CACHE);
  } catch (error) {
    // Nothing kept, nothing to drop.
  }
}

async function saveSnapshot(pyodide, key) {
  if (!self.caches || !self.CompressionStream) return;
  // makeMemorySnapshot accepts only the JS state of a fresh start; loading the wheel recorded it in
  // loadedPackages ("Unexpected hiwire entry at index 6"), so that record is empty while the copy is taken.
  const record = pyodide.loadedPackages;
  const kept = { ...record };
  for (const name of Object.keys(record)) delete record[name];
  let memory;
  try {
    memory = pyodide.makeMemorySnapshot();
  } finally {
    Object.assign(record, kept);
  }
  const cache = await caches.open(SNAPSHOT_CACHE);
  for (const old of await cache.keys()) if (old.url !== key) await cache.delete(old);
  const body = new Blob([memory]).stream().pipeThrough(new CompressionStream("gzip"));
  await cache.put(key, new Response(body, { headers: { "content-type": "application/octet-stream" } }));
}

/** Take the snapshot once the first answers are out and no request came for a while: never on a reader's path. */
function saveSnapshotWhenIdle(pyodide, key) {
  const since = performance.now();
  const check = () => {
    const now = performance.now();
    if (now - since < SNAPSHOT_AFTER_MS || now - lastRun < SNAPSHOT_IDLE_MS) {
      setTimeout(check, 250);
      return;
    }
    saveSnapshot(pyodide, key).catch((error) => console.warn(`engine snapshot not kept: ${error}`));
  };
  setTimeout(check, SNAPSHOT_AFTER_MS);
}

// -- start ------------------------------------------------------------------------------------------------------

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.text();
}

/** The snapshot's key: the runtime's version and the wheel's build (its sha256 from the lock file if no build id). */
function snapshotKey(runtime, version, build) {
  return new URL(`__snapshot__/${encodeURIComponent(version || "0")}/${encodeURIComponent(build)}`, runtime).href;
}

function wheelHash(lockText, wheel) {
  const name = wheel.split("/").pop();
  const packages = JSON.parse(lockText).packages || {};
  const entry = Object.values(packages).find((p) => p.file_name && p.file_name.split("/").pop() === name);
  return entry ? entry.sha256 : "none";
}

async function init({ runtime, wheel, lock, version = "", build = "" }) {
  const t0 = performance.now();
  try {
    lock = lock || `${runtime}pyodide-lock.json`;
    progress("runtime");
    // The runtime's module, the lock file and any snapshot are read at the same time.
    const lockText = fetchText(lock);
    lockText.catch(() => {});  // awaited below; a failure is reported there
    const key = build ? Promise.resolve(snapshotKey(runtime, version, build))
      : lockText.then((text) => snapshotKey(runtime, version, wheelHash(text, wheel)));
    const snapshot = key.then(readSnapshot, () => null);
    const { loadPyodide } = await import(`${runtime}pyodide.mjs`);
    progress("python");
    const options = {
      indexURL: runtime,
      lockFileContents: await lockText,
      packageBaseUrl: new URL("./", wheel).href,  // also keeps Pyodide from ever choosing its CDN
      stdout: () => {},
      stderr: (text) => console.warn(text),
    };
    let engine = null;
    const bytes = await snapshot;
    if (bytes) {
      try {
        // The engine is in the snapshot's memory: no wheel to install, only the import to look up.
        engine = start(await loadPyodide({ ...options, ...snapshotOptions.load(bytes) }));
      } catch (error) {
        console.warn(`engine snapshot not usable, starting afresh: ${error}`);
        await dropSnapshots();
        engine = null;
      }
    }
    const fresh = engine === null;
    if (fresh) {
      engine = start(await loadPyodide({ ...options, packages: [wheel], ...snapshotOptions.make }));
    }
    runJson = engine.runJson;
    pyodideRef = engine.pyodide;
    if (failed) return;
    self.postMessage({ type: "ready", loaded, timings: {
      runtime: engine.t1 - t0, engine: performance.now() - engine.t1, snapshot: !fresh } });
    if (fresh) saveSnapshotWhenIdle(engine.pyodide, await key);
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
    lastRun = performance.now();
    readXlsx(data);
  } else if (data.type === "run") {
    lastRun = performance.now();
    if (!runJson) {
      self.postMessage({ type: "crash", id: data.id, detail: "engine not ready" });
      return;
    }
    try {
      const text = runJson(data.name, JSON.stringify(data.payload));
      self.postMessage({ type: "result", id: data.id, text });
    } catch (error) {
      self.postMessage({ type: "crash", id: data.id, detail: String(error && error.message || error) });
    }
  }
};
