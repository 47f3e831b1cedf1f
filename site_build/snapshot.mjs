// The build's Node side of the engine snapshot (site_build/snapshot.py drives it; never shipped to the site).
//
//   node snapshot.mjs <job.json>     prints one JSON object on stdout
//
// job.mode:
//   "discover"  boot the runtime on job.stdlib, install and import the engine, warm it up, and install a wheel
//               (job.wheel) the way the worker installs optional packages later (pyodide.loadPackage); print which
//               stdlib files were imported ({files, builtins, heap}) so the build can cut the stdlib down to them,
//               and compile the engine's sources ({compiled}: path.py -> .pyc bytes, base64) for the zip.
//   "make"      boot on the trimmed zip (which holds the engine too), import only what the first answers need
//               (calculators and the warm-up of job.warmup: the calculators of SNAPSHOT_CALCULATORS), list the zip files that import read (imported), then zero the
//               memory nobody uses (free malloc chunks, the unused
//               stack, above the break: garbage there costs bytes in the compressed file and is never read) and
//               write Pyodide's memory snapshot to job.out ({heap, size, zeroed}); snapshot.py turns it into the
//               delta the site serves.
//   "verify"    restore job.snapshot (the compact delta of a job.length-byte snapshot) exactly as the browser's
//               worker does on a page of the snapshot's calculators (restoreDelta: the delta undone from the new
//               instance's memory, docs/assets/calc/snapshot-delta.mjs; no engine files in the file system;
//               Pyodide gets job.placeholder, an empty file, for the stdlib zip,
//               deferred until something opens it: docs/assets/calc/lazy-stdlib.mjs, job.stdlib's bytes then),
//               answer every job.checks request with calculators.run_json ({answers}; stdlibOpenedAt: the index of
//               the request during which the zip was first opened, -1 if before any, null if never), import every
//               module of job.modules (lazily, from the served zip), then check that a package still installs
//               after the restore (loadPackage of job.wheel, {installed}).
//
// Pyodide's snapshot options (_makeSnapshot, _loadSnapshot, makeMemorySnapshot) are private: checked against
// Pyodide 314.0.7 (src/js/snapshot.ts, pyodide.ts, api.ts). The browser's use is in docs/assets/calc/worker.mjs.

import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

import { deferFile, stdlibPath } from "../docs/assets/calc/lazy-stdlib.mjs";
import { hookInstantiate, laterView, memoizeSmallModules } from "../docs/assets/calc/snapshot-delta.mjs";

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

/** Import the modules of job.modules (discover: every module the engine may import at run time; make: none, only
 * what the first answers need) and run each calculator once (small inputs). */
function warmUp(pyodide, modules) {
  const code = `
import gc, importlib, json
for _name in json.loads(${JSON.stringify(JSON.stringify(modules))}):
    importlib.import_module(_name)
import calculators
for _name, _payload in json.loads(${JSON.stringify(JSON.stringify(job.warmup))}):
    calculators.run_json(_name, _payload)
del _name, _payload
gc.collect()
`;
  pyodide.runPython(code);
}

/** The make step's clean-up, right before the memory nobody uses is zeroed (see below). */
const MAKE_CLEAN_UP = `import gc, linecache, re, sys
re.purge()
sys._clear_type_cache()
linecache.clearcache()
if "random" in sys.modules:
    sys.modules["random"].setstate((3, (0,) * 624 + (624,), None))
gc.collect()
gc.collect()
`;

/**
 * Zero what no one will read: every free malloc chunk (calloc'd until none is left, with the heap not allowed to
 * grow, then freed), the stack below its pointer and the memory above the break. Bytes in use are untouched.
 */
function zeroUnused(module) {
  module._malloc_trim(0);
  module._malloc_set_footprint_limit(module._malloc_footprint());
  const taken = [];
  let zeroed = 0;
  for (let size = 1 << 24; size >= 1; size >>>= 1) {  // calloc(1) still takes a chunk of the smallest size
    for (let p = module._calloc(size, 1); p; p = module._calloc(size, 1)) {
      taken.push(p);
      zeroed += size;
    }
  }
  for (const p of taken) module._free(p);
  module._malloc_set_footprint_limit(-1 >>> 0);  // MAX_SIZE_T: no limit again
  const below = module._emscripten_stack_get_current() - 1024;  // a margin under the live frames
  module.HEAP8.fill(0, module._emscripten_stack_get_end(), below);
  module.HEAP8.fill(0, module._sbrk(0), module.HEAP8.length);
  return zeroed;
}

/**
 * Every .py file of the engine (job.engine, installed in site-packages) compiled as the runtime imports it (-OO,
 * no column ranges), as an unchecked hash-based .pyc (base64), by its path: the trimmed zip serves these instead
 * of the sources, so a calculator imported lazily after a restore is unmarshalled, not compiled (compiling
 * late_payment.py takes ~0.1-0.2 s in the browser's wasm, unmarshalling it ~1 ms).
 */
function compileEngine(pyodide) {
  const sources = files(job.engine).map((path) => relative(job.engine, path).split("\\").join("/"))
    .filter((rel) => rel.endsWith(".py") && !rel.split("/")[0].endsWith(".dist-info"));
  return JSON.parse(pyodide.runPython(`
import base64, importlib.util, json, sys
from importlib._bootstrap_external import _code_to_hash_pyc
_site = "/lib/python%d.%d/site-packages/" % sys.version_info[:2]
_zip = "/lib/python%d%d.zip/" % sys.version_info[:2]
_out = {}
for _rel in json.loads(${JSON.stringify(JSON.stringify(sources))}):
    with open(_site + _rel, "rb") as _fh:
        _source = _fh.read()
    _code = compile(_source, _zip + _rel, "exec", dont_inherit=True, optimize=2)
    _pyc = _code_to_hash_pyc(_code, importlib.util.source_hash(_source), checked=False)
    _out[_rel] = base64.b64encode(bytes(_pyc)).decode()
json.dumps(_out)
`));
}

/** The zip's files that imported modules came from, and the modules built into the runtime. */
function zipFiles(pyodide) {
  return JSON.parse(pyodide.runPython(`
import json, sys
_zip = "/lib/python%d%d.zip/" % sys.version_info[:2]
json.dumps({"files": sorted({getattr(m, "__file__", None)[len(_zip):] for m in list(sys.modules.values())
                             if (getattr(m, "__file__", None) or "").startswith(_zip)}),
            "builtins": sorted(sys.builtin_module_names)})
`));
}

/**
 * Pyodide restored from the compact delta job.snapshot (the snapshot is job.length bytes) on job.stdlib, as the
 * worker does it: a zeroed view of the full length now, filled from the delta and the new instance's memory.
 */
async function restoreDelta() {
  const delta = new Uint8Array(readFileSync(job.snapshot));
  const target = laterView(job.length);
  let undone = false;
  hookInstantiate(WebAssembly, (memory) => {
    const problem = target.fill(delta, memory);
    if (problem) throw new Error(problem);
    undone = true;
  });
  const unmemoize = memoizeSmallModules(WebAssembly);  // as the worker does: the checks below run on it
  let pyodide;
  try {
    pyodide = await loadPyodide({ indexURL: job.runtime, stdLibURL: job.placeholder, ...quiet,
      _loadSnapshot: target.view });
  } finally {
    unmemoize();
  }
  if (!undone) throw new Error("the wasm was instantiated without the hook: the delta was never undone");
  return pyodide;
}

const started = performance.now();
let out;
if (job.mode === "discover" || job.mode === "make") {
  // PYTHONOPTIMIZE=2 (-OO): no docstrings (nor asserts) in the heap, ~6 % off the compressed snapshot;
  // PYTHONNODEBUGRANGES: no column ranges in code objects' line tables (tracebacks without ^^^), ~9 % off. The
  // flags are in the snapshot, so what the worker imports after a restore is compiled the same way.
  const pyodide = await loadPyodide({ indexURL: job.runtime, stdLibURL: job.stdlib, ...quiet,
    env: { PYTHONOPTIMIZE: "2", PYTHONNODEBUGRANGES: "1" }, ...(job.mode === "make" ? { _makeSnapshot: true } : {}) });
  if (job.mode === "discover") {
    installEngine(pyodide);  // make: the engine is in the trimmed zip, and imported from there
  }
  warmUp(pyodide, job.mode === "discover" ? job.modules : []);
  const heap = pyodide._module.HEAP8.length;
  if (job.mode === "discover") {
    // Installing a package imports Pyodide's loader and importlib.metadata: their files must be in the zip too
    // (never in the snapshot's heap: a loaded package makes the snapshot fail, Pyodide issue #5195).
    await pyodide.loadPackage(job.wheel, { messageCallback: () => {} });
    out = { ...zipFiles(pyodide), heap, compiled: compileEngine(pyodide) };
  } else {
    const { files: imported } = zipFiles(pyodide);
    // Empty the type cache (~14 KB of the compressed snapshot; it refills on the first lookups) and re's cache of
    // compiled patterns (modules keep their own); importlib.invalidate_caches() would import importlib.metadata:
    // +50 KB, not done. Then what a snapshot never needs (with the smallest free chunks zeroed too, ~6 KB off the
    // compressed delta: 2,084,064 against 2,090,450 B, medians of 3 and 4 makes, 4 Dec 2026): linecache's copy
    // of every source runPython ran (kept for tracebacks), and random's state (2.5 KB no compressor shrinks; the
    // worker reseeds random after every restore, so the zero state is never drawn from); a second collection
    // frees what those held.
    pyodide.runPython(MAKE_CLEAN_UP);
    const zeroed = zeroUnused(pyodide._module);
    const snapshot = pyodide.makeMemorySnapshot();
    mkdirSync(job.out.slice(0, job.out.lastIndexOf("/")) || ".", { recursive: true });
    writeFileSync(job.out, snapshot);
    out = { heap, size: snapshot.length, zeroed, imported };
  }
} else if (job.mode === "verify") {
  const pyodide = await restoreDelta();
  // As the worker does after every restore (the snapshot's random state is zero, see MAKE_CLEAN_UP).
  pyodide.runPython("import sys\nif 'random' in sys.modules: sys.modules['random'].seed()");
  out = { reseeded: pyodide.runPython(
    "import sys; 'random' not in sys.modules or sys.modules['random'].getrandbits(64) != 0") === true };
  let current = -1;
  let openedAt = null;
  deferFile(pyodide.FS, stdlibPath(pyodide.FS), () => {
    openedAt = current;
    return new Uint8Array(readFileSync(job.stdlib));
  });
  const run = pyodide.pyimport("calculators").run_json;
  out.answers = job.checks.map(([name, payload], index) => {
    current = index;
    return run(name, payload);
  });
  out.stdlibOpenedAt = openedAt;
  // Everything the engine may import later comes from the zip, whose already-imported files are blanked.
  pyodide.runPython(`
import importlib, json
for _name in json.loads(${JSON.stringify(JSON.stringify(job.modules))}):
    importlib.import_module(_name)
`);
  out.imported = job.modules.length;
  out.optimize = pyodide.runPython("import sys; sys.flags.optimize");
  // Python 3.14 has no sys.flags.no_debug_ranges: code compiled now has no column offsets.
  out.no_debug_ranges = pyodide.runPython("all(p[2] is None for p in compile('x + 1', '', 'eval').co_positions())");
  await pyodide.loadPackage(job.wheel, { messageCallback: () => {} });  // throws if it cannot, after a restore
  out.installed = true;
} else {
  throw new Error(`unknown mode ${job.mode}`);
}
out.ms = Math.round(performance.now() - started);
process.stdout.write(JSON.stringify(out));
