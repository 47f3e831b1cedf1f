"""Warm-start experiments on the baseline page: what brings a calculator's warm start under 1 s?

    python -m benchmarks.experiments [--runs 5] [--only name,name] [--site site]

Each variant is the baseline page with another worker (or another cache
header), timed cold and warm like the main benchmark, interleaved. The runtime
is also mounted at ``pyodide/<version>/`` so that the server sends it with
``immutable`` (the proposed versioned layout) without changing the build.
Results go to benchmarks/results/experiments.{json,md}; the findings are
written up in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .__main__ import load, pyodide_version, runtime_folder
from .baseline import SIGNAL, WORKER, write_baseline
from .browser import Profile, first_result_script, page_for, time_to_first_result
from .common import RESULTS, SITE, Stats, Watch
from .server import make_server

#: A calculator's worker (the browser teammate's docs/assets/calc/worker.mjs, reduced to its work: the
#: runtime, the wheel as a package while the interpreter starts, import, one warm-up run), optionally
#: restoring a Pyodide memory snapshot kept in Cache Storage, and saving one after the first answer.
ENGINE_WORKER = """import { loadPyodide } from %(module)s;

const indexURL = new URL(%(index)s, import.meta.url).href;
const wheel = new URL(%(wheel)s, import.meta.url).href;
const MODE = %(mode)s;  // "none" | "raw" | "gzip"
const KEY = new URL("__snapshot__/" + %(key)s, indexURL).href;
const marks = {};
const mark = (name) => { marks[name] = Math.round(performance.now()); };

async function readSnapshot() {
  if (MODE === "none" || !self.caches) return null;
  const hit = await (await caches.open("engine-snapshot")).match(KEY);
  if (!hit) return null;
  const body = MODE === "gzip" ? hit.body.pipeThrough(new DecompressionStream("gzip")) : hit.body;
  return new Uint8Array(await new Response(body).arrayBuffer());
}

async function saveSnapshot(pyodide) {
  // makeMemorySnapshot checks that the JS objects Python holds are the ones a fresh start has; one of them
  // is the loaded-packages record, which loading the wheel filled ("Unexpected hiwire entry at index 6").
  // Python's memory already holds the imported engine, so the record is emptied while the copy is taken.
  const loaded = pyodide.loadedPackages;
  const kept = { ...loaded };
  for (const name of Object.keys(loaded)) delete loaded[name];
  let bytes;
  try {
    bytes = pyodide.makeMemorySnapshot();
  } finally {
    Object.assign(loaded, kept);
  }
  let body = new Blob([bytes]).stream();
  if (MODE === "gzip") body = body.pipeThrough(new CompressionStream("gzip"));
  const response = new Response(body);
  const stored = MODE === "gzip" ? (await response.clone().arrayBuffer()).byteLength : bytes.length;
  await (await caches.open("engine-snapshot")).put(KEY, response);
  return { memory: bytes.length, stored };
}

async function boot() {
  mark("start");
  const snapshot = await readSnapshot();
  mark("snapshot_read");
  let pyodide;
  if (snapshot) {
    pyodide = await loadPyodide({ indexURL, _loadSnapshot: snapshot, stdout: () => {} });
  } else {
    pyodide = await loadPyodide({ indexURL, packages: [wheel], stdout: () => {},
      ...(MODE === "none" ? {} : { _makeSnapshot: true }) });
  }
  mark("loaded");
  const run = pyodide.pyimport("calculators").run_json;
  run("payout", "{}");
  mark("warmed");
  return { pyodide, run, restored: !!snapshot };
}

const ready = boot();

self.onmessage = async () => {
  try {
    const { pyodide, run, restored } = await ready;
    const text = run("payout", JSON.stringify({ credit_limit: "25000", outstanding: "25000" }));
    self.postMessage({ result: JSON.parse(text).payout, marks, restored });
    if (!restored && MODE !== "none") {
      mark("save_start");
      const size = await saveSnapshot(pyodide);
      mark("saved");
      self.postMessage({ saved: JSON.stringify(size), marks });
    }
  } catch (error) {
    self.postMessage({ error: String(error && error.stack || error) });
  }
};
"""

#: The progress counter of the calculator worker: every fetch answered with a new Response around the body.
#: A constructed Response has no URL and no cache entry behind it, so V8 cannot cache the compiled wasm.
FETCH_WRAPPER = """const siteFetch = self.fetch.bind(self);
let loaded = 0;
self.fetch = async (input, init) => {
  const response = await siteFetch(input, init);
  if (!response.ok || !response.body) return response;
  const counter = new TransformStream({ transform(chunk, controller) { loaded += chunk.byteLength;
    controller.enqueue(chunk); } });
  return new Response(response.body.pipeThrough(counter), {
    status: response.status, statusText: response.statusText, headers: response.headers });
};
"""

PRELOAD = ('<link rel="modulepreload" href="%(rt)spyodide.mjs">\n'
           '<link rel="preload" href="%(rt)spyodide.asm.wasm" as="fetch" crossorigin>\n'
           '<link rel="preload" href="%(rt)spython_stdlib.zip" as="fetch" crossorigin>')


@dataclass(frozen=True)
class Variant:
    name: str
    what: str
    worker: str  # "bare" | "engine"
    versioned: bool = True  # runtime from pyodide/<version>/ (immutable) instead of pyodide/ (no-cache)
    snapshot: str = "none"
    preload: bool = False
    page: str = ""  # a page of the site instead of a generated one
    service_workers: str = "allow"  # "block": the page's service worker never registers
    wrap_fetch: bool = False  # the calculator worker's progress counter around fetch


VARIANTS = (
    Variant("bare-revalidated", "bare runtime, pyodide/ sent no-cache (304s on warm): today's baseline",
            "bare", versioned=False),
    Variant("bare-immutable", "bare runtime from pyodide/<version>/ sent immutable (no request on warm)", "bare"),
    Variant("engine", "calculator worker (wheel as package, import, warm-up run), immutable", "engine"),
    Variant("engine-fetch-wrapper", "same + the calculator worker's fetch wrapper (progress counter)", "engine",
            wrap_fetch=True),
    Variant("engine-preload", "same + <link rel=modulepreload/preload> of the runtime in the page", "engine",
            preload=True),
    Variant("engine-snapshot", "same + memory snapshot in Cache Storage (raw), restored on warm", "engine",
            snapshot="raw"),
    Variant("engine-snapshot-gzip", "same, snapshot gzip-compressed with CompressionStream", "engine",
            snapshot="gzip"),
    Variant("payout-page", "the real payout page (its worker, its service worker)", "page",
            page="calculators/payout/"),
    Variant("payout-page-no-sw", "the real payout page, service worker blocked (HTTP cache only)", "page",
            page="calculators/payout/", service_workers="block"),
)
PAGE_SIGNAL = '(d) => { const el = d.getElementById("calc"); return !!el && !!el.dataset.outcome; }'


def write_variant(dest: Path, variant: Variant, site: Path, runtime: Path, version: str) -> str:
    rel = runtime.relative_to(site).as_posix()
    rt = f"../pyodide/{version}/" if variant.versioned else f"../{rel}/"
    wheels = sorted(runtime.glob("*.whl"))
    worker = None
    if variant.worker == "engine":
        if not wheels:
            raise SystemExit(f"no wheel in {runtime}")
        worker = ENGINE_WORKER % {"module": json.dumps(rt + "pyodide.mjs"), "index": json.dumps(rt),
                                  "wheel": json.dumps(rt + wheels[0].name), "mode": json.dumps(variant.snapshot),
                                  "key": json.dumps(f"{version}/{wheels[0].name}/{wheels[0].stat().st_mtime_ns}")}
    else:
        worker = WORKER % {"module": json.dumps(rt + "pyodide.mjs"), "index": json.dumps(rt)}
    if variant.wrap_fetch:
        worker = worker.replace("\n\nconst indexURL", "\n\n" + FETCH_WRAPPER + "\nconst indexURL", 1)
    head = PRELOAD % {"rt": rt} if variant.preload else ""
    return write_baseline(dest, rt, variant.name, worker_js=worker, head=head)


def run_experiments(site: Path, runs: int, names: list[str], server_kind: str, out: Path) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    runtime = runtime_folder(site)
    version = pyodide_version(runtime)
    variants = [v for v in VARIANTS if not names or v.name in names]
    bench = Path(tempfile.mkdtemp(prefix="bench-experiments-"))
    pages = {v.name: v.page or "_bench/" + write_variant(bench, v, site, runtime, version) for v in variants}
    found: dict[str, dict[str, list[float]]] = {v.name: {"cold": [], "warm": []} for v in variants}
    marks: dict[str, dict[str, list[dict[str, Any]]]] = {v.name: {"cold": [], "warm": []} for v in variants}
    notes: list[str] = []
    watch = Watch()
    meta = {"when": time.strftime("%Y-%m-%d %H:%M"), "runs": runs, "load_before": load(), "pyodide": version}
    try:
        with make_server(site, {"_bench": bench, f"pyodide/{version}": runtime}, "/portal/", server_kind) as server, \
                sync_playwright() as playwright:
            meta["server"] = server.kind
            for run in range(runs):
                for v in variants:
                    url = f"{server.url}{pages[v.name]}"
                    signal = PAGE_SIGNAL if v.page else SIGNAL
                    with Profile(playwright, watch, service_workers=v.service_workers) as profile:
                        try:
                            for visit in ("cold", "warm"):
                                with profile.context(first_result_script(signal)) as context:
                                    ms = time_to_first_result(context, url)
                                    page = page_for(context)
                                    if v.page:
                                        found[v.name][visit].append(ms)
                                        marks[v.name][visit].append({"page": page.evaluate(
                                            "() => ({...document.getElementById('calc').dataset})")})
                                        if visit == "cold":  # as a reader: stay until the page is done
                                            page.wait_for_timeout(3000)
                                            server.wait_quiet(quiet=1.0, timeout=20)
                                        continue
                                    if page.evaluate("document.getElementById('result').dataset.state") != "ready":
                                        raise RuntimeError(page.evaluate("document.getElementById('result')"
                                                                         ".textContent")[:300])
                                    info = page.evaluate("window.__benchWorker") or {}
                                    found[v.name][visit].append(ms)
                                    marks[v.name][visit].append({"marks": info.get("marks"),
                                                                 "restored": info.get("restored")})
                                    if visit == "cold":
                                        if v.snapshot != "none":
                                            page.wait_for_function(
                                                "() => document.getElementById('result').dataset.saved",
                                                timeout=60_000)
                                            saved = page.evaluate("document.getElementById('result').dataset.saved")
                                            marks[v.name][visit][-1]["saved"] = json.loads(saved)
                                        server.wait_quiet(quiet=1.0, timeout=20)
                                        page.wait_for_timeout(1000)
                        except Exception as error:
                            notes.append(f"{v.name} run {run}: {type(error).__name__}: {str(error)[:300]}")
                    print(f"  run {run + 1}/{runs} {v.name:<22} " + "  ".join(
                        f"{visit} {found[v.name][visit][-1]:6.0f} ms" if len(found[v.name][visit]) > run
                        else f"{visit} failed" for visit in ("cold", "warm")), flush=True)
    finally:
        shutil.rmtree(bench, ignore_errors=True)
    meta["load_after"] = load()
    results = {
        "meta": meta,
        "variants": {v.name: {"what": v.what, **{visit: Stats.of(found[v.name][visit]).as_dict()
                                                  for visit in ("cold", "warm")},
                              "marks": marks[v.name]} for v in variants},
        "notes": notes + watch.problems(),
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "experiments.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "experiments.md").write_text(markdown(results))
    return results


def markdown(results: dict[str, Any]) -> str:
    meta = results["meta"]
    lines = [f"# Warm-start experiments ({meta['when']}, Pyodide {meta['pyodide']}, {meta['server']}, "
             f"{meta['runs']} runs, load average {meta['load_before']} → {meta['load_after']})", "",
             "| variant | what | cold ms, median [min–max] | warm ms, median [min–max] |", "|---|---|---|---|"]
    for name, v in results["variants"].items():
        cells = [f"{v[k]['median']:.0f} [{v[k]['min']:.0f}–{v[k]['max']:.0f}]" if v[k]["n"] else "failed"
                 for k in ("cold", "warm")]
        lines.append(f"| {name} | {v['what']} | {cells[0]} | {cells[1]} |")
    if results["notes"]:
        lines += ["", *[f"- {n}" for n in results["notes"]]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.experiments", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated variant names: " + ", ".join(
        v.name for v in VARIANTS))
    parser.add_argument("--server", choices=("auto", "nginx", "python"), default="auto")
    parser.add_argument("--site", type=Path, default=SITE)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    results = run_experiments(args.site.resolve(), args.runs, [n for n in args.only.split(",") if n], args.server,
                              args.out)
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
