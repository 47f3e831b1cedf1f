"""The baseline page: the bare vendored Pyodide in a module worker running one line of Python.

Generated at run time into a temporary folder that the benchmark's server
mounts at ``<base>/_bench/`` (so it sits in the served tree next to
``pyodide/`` without the build shipping it). Its worker loads the runtime the
way a calculator page's worker does (``import {loadPyodide}`` from the
vendored ``pyodide.mjs``, ``indexURL`` the vendored folder) and nothing else:
the calculator pages are measured against it.
"""

from __future__ import annotations

import json
from pathlib import Path

#: The signal, same shape as a calculator page's: an element with data-state="ready".
SIGNAL = '(d) => { const el = d.getElementById("result"); return !!el && el.dataset.state === "ready"; }'

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>Benchmark baseline: bare Pyodide in a module worker</title>
%(head)s
</head>
<body>
<p>Baseline: <output id="result" data-state="loading">…</output></p>
<script type="module">
const worker = new Worker(new URL(%(worker)s, import.meta.url), { type: "module" });
worker.onmessage = (event) => {
  const out = document.getElementById("result");
  window.__benchWorker = event.data;  // the worker's own marks, for the experiments
  if (event.data.saved !== undefined) { out.dataset.saved = String(event.data.saved); return; }
  if (event.data.error) { out.textContent = event.data.error; out.dataset.state = "error"; return; }
  out.textContent = event.data.result;
  out.dataset.state = "ready";
};
worker.postMessage({ code: "1 + 1" });
</script>
</body>
</html>
"""

WORKER = """import { loadPyodide } from %(module)s;

const indexURL = new URL(%(index)s, import.meta.url).href;
const lockFileURL = %(lock)s ? new URL(%(lock)s, import.meta.url).href : undefined;
const ready = loadPyodide(lockFileURL ? { indexURL, lockFileURL, packageBaseUrl: indexURL } : { indexURL });

self.onmessage = async (event) => {
  try {
    const pyodide = await ready;
    self.postMessage({ result: String(pyodide.runPython(event.data.code)) });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
"""


def write_baseline(dest: Path, pyodide_rel: str, name: str = "baseline", *, worker_js: str | None = None,
                   head: str = "", lock_rel: str = "") -> str:
    """Write ``<name>.html`` and ``<name>-worker.mjs`` into ``dest``; return the page's file name.

    ``pyodide_rel`` is the vendored runtime's folder relative to ``dest`` once served (``../pyodide/``).
    ``worker_js`` replaces the worker (experiments); ``head`` goes into the page's <head> (preloads).
    ``lock_rel`` is the site's lock file (the versioned layout keeps it beside the wheel, not the runtime).
    """
    dest.mkdir(parents=True, exist_ok=True)
    worker = f"{name}-worker.mjs"
    module = json.dumps(pyodide_rel + "pyodide.mjs")
    (dest / worker).write_text(worker_js if worker_js is not None else
                               WORKER % {"module": module, "index": json.dumps(pyodide_rel),
                                         "lock": json.dumps(lock_rel)})
    (dest / f"{name}.html").write_text(PAGE % {"worker": json.dumps("./" + worker), "head": head})
    return f"{name}.html"
