// The calculators' engine in a module Web Worker: Pyodide plus the calculators wheel, both from this site.
//
// Messages in:  {type: "init", runtime, wheel}           runtime = absolute URL of the site's pyodide/ folder
//               {type: "run", id, name, payload}         payload = the calculator's JSON object
// Messages out: {type: "progress", stage, loaded}        stage: "runtime" | "python" | "package"; loaded = bytes so far
//               {type: "ready", loaded, timings}
//               {type: "failed", detail}                 the engine cannot load (missing file, network down...)
//               {type: "result", id, text}               calculators.run_json(name, JSON.stringify(payload))
//               {type: "crash", id, detail}              a Python exception: a bug, never bad input

let runJson = null;
let loaded = 0;
let lastReport = 0;
let failed = false;

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
    fail(`${error} (${input})`);
    throw error;
  }
  if (!response.ok) {
    fail(`${response.status} ${response.url || input}`);
    return response;
  }
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
};

async function init({ runtime, wheel }) {
  const t0 = performance.now();
  try {
    progress("runtime");
    const { loadPyodide } = await import(`${runtime}pyodide.mjs`);
    progress("python");
    const pyodide = await loadPyodide({
      indexURL: runtime,
      lockFileURL: `${runtime}pyodide-lock.json`,
      packageBaseUrl: runtime,  // also keeps Pyodide from ever choosing its CDN
      packages: [wheel],        // fetched while the interpreter starts
      stdout: () => {},
      stderr: (text) => console.warn(text),
    });
    const t1 = performance.now();
    progress("package");
    const calculators = pyodide.pyimport("calculators");
    runJson = calculators.run_json;
    runJson("payout", "{}");  // compiles the engine's code paths before the first real answer
    if (failed) return;
    self.postMessage({ type: "ready", loaded, timings: { runtime: t1 - t0, engine: performance.now() - t1 } });
  } catch (error) {
    fail(error && error.message ? error.message : error);
  }
}

self.onmessage = ({ data }) => {
  if (data.type === "init") {
    init(data);
  } else if (data.type === "run") {
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
