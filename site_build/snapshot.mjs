// The build's Node side of the engine snapshot (site_build/snapshot.py drives it; never shipped to the site).
//
//   node snapshot.mjs <job.json>     prints one JSON object on stdout
//
// job.mode:
//   "discover"  boot the runtime on job.stdlib, install and import the engine, warm it up, and install a wheel
//               (job.wheel) the way the worker installs optional packages later (pyodide.loadPackage); print which
//               stdlib files were imported ({files, builtins, heap}) so the build can cut the stdlib down to them.
//   "make"      the same on the trimmed stdlib, then write Pyodide's memory snapshot to job.out ({heap, size}).
//   "verify"    restore job.snapshot on job.stdlib, exactly as the browser's worker does (no engine files in the
//               file system), answer every job.checks request with calculators.run_json ({answers}), then check
//               that a package still installs after the restore (loadPackage of job.wheel, {installed}).
//
// Pyodide's snapshot options (_makeSnapshot, _loadSnapshot, makeMemorySnapshot) are private: checked against
// Pyodide 314.0.7 (src/js/snapshot.ts, pyodide.ts, api.ts). The browser's use is in docs/assets/calc/worker.mjs.

import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(pathToFileURL(join(job.runtime, "pyodide.mjs")).href);
const quiet = { stdout: () => {}, stderr: (text) => process.stderr.write(`${text}\n`) };

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The unpacked wheel into site-packages: MEMFS is not part of a snapshot, so only what is imported counts. */
function installEngine(pyodide) {
  const [major, minor] = pyodide.runPython("import sys; f'{sys.version_info[0]} {sys.version_info[1]}'").split(" ");
  const target = `/lib/python${major}.${minor}/site-packages`;
  for (const path of files(job.engine)) {
    const dest = `${target}/${relative(job.engine, path).split("\\").join("/")}`;
    pyodide.FS.mkdirTree(dest.slice(0, dest.lastIndexOf("/")));
    pyodide.FS.writeFile(dest, readFileSync(path));
  }
}

/** Import every module the engine may import at run time and run each calculator once (small inputs). */
function warmUp(pyodide) {
  const code = `
import gc, importlib, json
for _name in json.loads(${JSON.stringify(JSON.stringify(job.modules))}):
    importlib.import_module(_name)
import calculators
for _name, _payload in json.loads(${JSON.stringify(JSON.stringify(job.warmup))}):
    calculators.run_json(_name, _payload)
del _name, _payload
gc.collect()
`;
  pyodide.runPython(code);
}

const started = performance.now();
let out;
if (job.mode === "discover" || job.mode === "make") {
  const pyodide = await loadPyodide({ indexURL: job.runtime, stdLibURL: job.stdlib, ...quiet,
    ...(job.mode === "make" ? { _makeSnapshot: true } : {}) });
  installEngine(pyodide);
  warmUp(pyodide);
  const heap = pyodide._module.HEAP8.length;
  if (job.mode === "discover") {
    // Installing a package imports Pyodide's loader and importlib.metadata: their files must be in the zip too
    // (never in the snapshot's heap: a loaded package makes the snapshot fail, Pyodide issue #5195).
    await pyodide.loadPackage(job.wheel, { messageCallback: () => {} });
    const found = JSON.parse(pyodide.runPython(`
import json, sys
_zip = "/lib/python%d%d.zip/" % sys.version_info[:2]
json.dumps({"files": sorted({getattr(m, "__file__", None)[len(_zip):] for m in list(sys.modules.values())
                             if (getattr(m, "__file__", None) or "").startswith(_zip)}),
            "builtins": sorted(sys.builtin_module_names)})
`));
    out = { ...found, heap };
  } else {
    const snapshot = pyodide.makeMemorySnapshot();
    mkdirSync(job.out.slice(0, job.out.lastIndexOf("/")) || ".", { recursive: true });
    writeFileSync(job.out, snapshot);
    out = { heap, size: snapshot.length };
  }
} else if (job.mode === "verify") {
  const pyodide = await loadPyodide({ indexURL: job.runtime, stdLibURL: job.stdlib, ...quiet,
    _loadSnapshot: readFileSync(job.snapshot) });
  const run = pyodide.pyimport("calculators").run_json;
  out = { answers: job.checks.map(([name, payload]) => run(name, payload)) };
  await pyodide.loadPackage(job.wheel, { messageCallback: () => {} });  // throws if it cannot, after a restore
  out.installed = true;
} else {
  throw new Error(`unknown mode ${job.mode}`);
}
out.ms = Math.round(performance.now() - started);
process.stdout.write(JSON.stringify(out));
