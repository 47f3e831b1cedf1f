// A short-lived module worker that a calculator page starts once, right after the site's service worker has
// kept the engine (sw.js; the first visit, or a new engine version): it imports Pyodide's two JS modules, which
// the service worker now serves from Cache Storage, and runs the runtime's factory as far as the wasm (it never
// gets one). For a script it serves from Cache Storage, chromium makes the V8 code cache on the script's first
// run there and keeps it beside the cached copy; without this, that first run is the next visit's start, which
// then compiles the 1.25 MB pyodide.asm.mjs, and runs the factory, without a code cache (measured: the later
// visit's first answer 583 ms instead of 642, median of 4 paired; benchmarks/README.md). The factory runs
// here only up to Emscripten's documented `instantiateWasm` hook, which never answers: no wasm is fetched,
// compiled or instantiated, nothing is written anywhere. The worker closes itself after CLOSE_AFTER_MS (the code
// cache is written in a task after the run).
//
// Message in:  {asm, mjs}: absolute URLs of pyodide.asm.mjs and pyodide.mjs
// Message out: {ok: true, ms} or {ok: false, detail}

/** Left to chromium to write the code cache (a task after the module has run) before the worker ends. */
const CLOSE_AFTER_MS = 2000;

self.onmessage = async ({ data }) => {
  const t0 = performance.now();
  try {
    const [{ default: createModule }] = await Promise.all([import(data.asm), import(data.mjs)]);
    // Up to createWasm: Emscripten hands the imports to instantiateWasm and waits for its callback, forever.
    createModule({ instantiateWasm: () => ({}), noInitialRun: true, print: () => {}, printErr: () => {} })
      .catch(() => {});
    self.postMessage({ ok: true, ms: performance.now() - t0 });
  } catch (error) {
    self.postMessage({ ok: false, detail: String(error && error.message || error) });
  }
  setTimeout(() => self.close(), CLOSE_AFTER_MS);
};
