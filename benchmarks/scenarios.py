"""The measurements: start times against the baseline, recalculation, a 10,000-row import, bytes, build time.

Each function takes the running server and Playwright, and returns plain
dicts (milliseconds, bytes) that ``report`` turns into the table.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from .baseline import SIGNAL as BASELINE_SIGNAL
from .browser import (
    SETTLE_QUIET_MS,
    SETTLE_STEP_S,
    SETTLE_WINDOWS,
    Profile,
    calc_stamps,
    first_result_script,
    page_for,
    throttle,
    time_to_first_result,
)
from .common import ROOT, Stats, Watch, percentile
from .server import Hit, Server

#: A calculator page has shown its first answer: calc.js sets data-outcome on #calc when it renders one.
CALC_SIGNAL = '(d) => { const el = d.getElementById("calc"); return !!el && !!el.dataset.outcome; }'

#: The calculator pages, by their English URL (nl/ and fr/ have the same below their prefix).
CALCULATORS = ("self-assessment-limit", "payout", "eligibility", "claim-timeline")
#: What the benchmark types as soon as a calculator's form exists: a value its example does not have, so the
#: "first computed answer" is the engine's, never the build's pre-rendered one.
NEW_INPUT = {
    "self-assessment-limit": {"name": "new_payment_term_days", "value": "45"},
    "payout": {"name": "outstanding", "value": "12345"},
    "eligibility": {"name": "annual_turnover", "value": "1234567"},
    "claim-timeline": {"name": "payment_term_days", "value": "47"},
}
#: The calculator whose cold start is also measured on the throttled network.
THROTTLED_CALCULATOR = "payout"
GUIDE = "credit-insurance/"


@dataclass(frozen=True)
class Target:
    """A page whose start is timed: its path below the site root and its "result on screen" signal."""

    name: str
    path: str
    signal: str
    calculator: bool

    @property
    def script(self) -> str:
        return first_result_script(self.signal, NEW_INPUT.get(self.name) if self.calculator else None)


def targets(baseline_page: str) -> list[Target]:
    pages = [Target("baseline", f"_bench/{baseline_page}", BASELINE_SIGNAL, False)]
    pages += [Target(name, f"calculators/{name}/", CALC_SIGNAL, True) for name in CALCULATORS]
    return pages


def is_engine(hit: Hit) -> bool:
    """A request for the engine: anything under pyodide/ or a wheel."""
    path = hit.uri.split("?")[0]
    return "/pyodide/" in path or path.endswith(".whl")


def settle(context: Any, server: Server, calculator: bool, min_ms: float = 3000) -> None:
    """Stay on the page like a reader would until the page is done: the service worker has kept the
    engine (calculator pages set data-offline), the server is quiet, and at least ``min_ms`` passed."""
    page = page_for(context)
    started = time.monotonic()
    if calculator:
        try:
            page.wait_for_function('() => { const el = document.getElementById("calc");'
                                   ' return !el || !!el.dataset.offline; }', timeout=20_000, polling=100)
        except Exception:  # no service worker (insecure context...): nothing to wait for
            pass
    server.wait_quiet(quiet=1.0, timeout=20)
    left = min_ms / 1000 - (time.monotonic() - started)
    if left > 0:
        time.sleep(left)


def page_state(context: Any) -> dict[str, Any]:
    """What a calculator page says about itself (its own timings, the outcome, the engine state)."""
    return page_for(context).evaluate("""() => {
        const el = document.getElementById("calc");
        return el ? { ...el.dataset } : {};
    }""")


#: The phases of a calculator's start, from the page's and the worker's own stamps (ms since navigation):
#: worker started (its init), runtime module imported, wasm compiled (the worker's early compile), snapshot
#: received, wasm instantiated, Python restored, engine ready, first answer on screen.
PHASES = ("worker", "module", "compiled", "snapshot", "wasm", "restored", "ready", "answer")
#: The worker's marks that become phases (ms after its init), in PHASES' order.
WORKER_MARKS = ("module", "compiled", "snapshot", "wasm", "restored", "ready")

PHASES_JS = """() => {
    const el = document.getElementById("calc");
    let timings = null;
    try { timings = JSON.parse(el && el.dataset.engineTimings || "null"); } catch (e) { timings = null; }
    return { origin: performance.timeOrigin, timings, answer: window.__bench && window.__bench.answer };
}"""


def phases(context: Any) -> dict[str, float]:
    """Navigation -> worker start -> runtime module -> wasm ready -> restored -> engine ready -> first answer, in ms
    since the page's navigation (the worker reports its marks against its own clock and its timeOrigin)."""
    return phases_from(page_for(context).evaluate(PHASES_JS))


def phases_from(got: dict[str, Any]) -> dict[str, float]:
    """PHASES_JS's answer -> {phase: ms since the page's navigation}: the worker's marks (ms after its init) moved
    onto the page's clock by the two time origins; marks that are not numbers (a reason) are left out."""
    timings = got.get("timings") or {}
    marks = timings.get("marks") or {}
    out: dict[str, float] = {}
    if timings.get("origin") is not None and timings.get("t0") is not None:
        shift = timings["origin"] + timings["t0"] - got["origin"]  # the worker's init, on the page's clock
        out["worker"] = shift
        for key in WORKER_MARKS:
            if isinstance(marks.get(key), (int, float)):
                out[key] = shift + marks[key]
    if got.get("answer") is not None:
        out["answer"] = float(got["answer"])
    return {k: round(v, 1) for k, v in out.items()}


def paired_ratios(pairs: list[tuple[float, float]]) -> dict[str, float]:
    """Median of the per-pair ratios (calculator / its neighbouring baseline run) beside the ratio of medians."""
    ratios = [c / b for c, b in pairs if b]
    if not ratios:
        return {"median_of_ratios": float("nan"), "ratio_of_medians": float("nan"), "n": 0}
    calcs, bases = [c for c, _ in pairs], [b for _, b in pairs]
    return {"median_of_ratios": round(statistics.median(ratios), 3),
            "ratio_of_medians": round(statistics.median(calcs) / statistics.median(bases), 3),
            "min": round(min(ratios), 3), "max": round(max(ratios), 3), "n": len(ratios),
            "ratios": [round(r, 3) for r in ratios]}


def paired_differences(pairs: list[tuple[float, float]]) -> dict[str, Any]:
    """Median of the per-pair differences (first - second, ms) beside the difference of the medians."""
    if not pairs:
        return {"median_of_differences": float("nan"), "difference_of_medians": float("nan"), "n": 0}
    diffs = [a - b for a, b in pairs]
    return {"median_of_differences": round(statistics.median(diffs), 1),
            "difference_of_medians": round(statistics.median(a for a, _ in pairs)
                                           - statistics.median(b for _, b in pairs), 1),
            "min": round(min(diffs), 1), "max": round(max(diffs), 1), "n": len(diffs),
            "differences": [round(d, 1) for d in diffs]}


def start_times(playwright: Any, server: Server, pages: list[Target], runs: int, log: Any = print,
                seed: int = 11, settle_browser: bool = True) -> dict[str, Any]:
    """Navigation to the first computed answer (calculators: to an input typed at once, not the pre-rendered
    example; the baseline: its ``1 + 1``), cold (new profile) and warm (same profile, browser restarted), with
    the first result on screen beside it.

    Paired: every calculator run has a baseline run right next to it (before or after, alternating), so both
    see the same background load; the ratio of each pair is kept, and the report gives the median of those
    ratios beside the ratio of the medians. The calculators run in a new shuffled order in every round, and the
    load average is read before and after each round.

    Every visit waits until its newly launched browser has finished its own start-up (``settle_browser``,
    see browser.wait_settled); with ``settle_browser=False`` it opens the page at once (the bench's method
    until 2026-12-05, kept as a diagnostic)."""
    baseline = next(t for t in pages if not t.calculator)
    calculators = [t for t in pages if t.calculator]
    found: dict[str, dict[str, list[float]]] = {t.name: {"cold": [], "warm": []} for t in pages}
    screens: dict[str, dict[str, list[float]]] = {t.name: {"cold": [], "warm": []} for t in pages}
    split: dict[str, dict[str, list[dict[str, float]]]] = {t.name: {"cold": [], "warm": []} for t in calculators}
    pairs: dict[str, dict[str, list[tuple[float, float]]]] = {t.name: {"cold": [], "warm": []} for t in calculators}
    notes: dict[str, list[str]] = {t.name: [] for t in pages}
    orders: list[list[str]] = []
    loads: list[tuple[str, str]] = []
    settles: list[dict[str, Any]] = []
    watch = Watch()
    shuffle = random.Random(seed)

    def one(target: Target, run: int) -> dict[str, float]:
        """A cold then a warm visit of ``target`` on a new profile: {"cold": ms, "warm": ms} (absent: failed)."""
        got: dict[str, float] = {}
        url = server.url + target.path
        with Profile(playwright, watch, settle=settle_browser) as profile:
            try:
                for visit in ("cold", "warm"):
                    with profile.context(target.script) as context:
                        ms = time_to_first_result(context, url, calculator=target.calculator)
                        if target.calculator:
                            stamps = calc_stamps(context)
                            if stamps.get("outcome") != "result":
                                notes[target.name].append(f"{visit} run {run}: outcome {stamps.get('outcome')}")
                            if stamps.get("screen") is not None:
                                screens[target.name][visit].append(float(stamps["screen"]))
                            split[target.name][visit].append(phases(context))
                        else:
                            screens[target.name][visit].append(ms)
                        found[target.name][visit].append(ms)
                        got[visit] = ms
                        if visit == "cold":
                            settle(context, server, target.calculator)
            except Exception as error:  # one failed run is reported, not fatal
                notes[target.name].append(f"run {run}: {type(error).__name__}: {str(error)[:200]}")
            settles.extend(profile.settled)
        return got

    for run in range(runs):
        order = list(calculators)
        shuffle.shuffle(order)
        orders.append([t.name for t in order])
        before = _load()
        for index, target in enumerate(order):
            first_baseline = (run + index) % 2 == 0  # the baseline goes first in half the pairs
            pair = (baseline, target) if first_baseline else (target, baseline)
            got = {t.name: one(t, run) for t in pair}
            for visit in ("cold", "warm"):
                calc, base = got[target.name].get(visit), got[baseline.name].get(visit)
                if calc is not None and base is not None:
                    pairs[target.name][visit].append((calc, base))
            log(f"  run {run + 1}/{runs} {target.name:<22} cold {_last(found, target, 'cold')} "
                f"warm {_last(found, target, 'warm')}  (baseline {_last(found, baseline, 'cold')} "
                f"/ {_last(found, baseline, 'warm')})")
        loads.append((before, _load()))
    return {
        "pages": {name: {visit: Stats.of(v).as_dict() for visit, v in visits.items()}
                  for name, visits in found.items()},
        "paired": {name: {visit: paired_ratios(v) for visit, v in visits.items()} for name, visits in pairs.items()},
        "phases": {name: {visit: {key: Stats.of([s[key] for s in v if key in s]).as_dict() for key in PHASES}
                          for visit, v in visits.items()} for name, visits in split.items()},
        "screen": {name: {visit: Stats.of(v).as_dict() for visit, v in visits.items()}
                   for name, visits in screens.items()},
        "raw": found,
        "raw_pairs": pairs,
        "raw_phases": split,
        "raw_screen": screens,
        "orders": orders,
        "loads": loads,
        "settle": settle_summary(settles) if settle_browser else None,
        "notes": {k: v for k, v in notes.items() if v},
        "problems": watch.problems(),
    }


def settle_summary(settles: list[dict[str, Any]]) -> dict[str, Any]:
    """What the waits for the browsers' start-up found: how many, how many ended quiet, median wait and CPU, and
    the rule they waited for (browser.SETTLE_*)."""
    waits = [w["waited_ms"] for w in settles]
    cpu = [w["cpu_ms"] for w in settles if w.get("cpu_ms") is not None]
    return {"n": len(settles), "settled": sum(1 for w in settles if w.get("settled")),
            "rule": {"windows": SETTLE_WINDOWS, "window_ms": round(SETTLE_STEP_S * 1000), "quiet_ms": SETTLE_QUIET_MS},
            "waited_ms": Stats.of(waits).as_dict(), "cpu_ms": Stats.of([float(c) for c in cpu]).as_dict()}


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def throttled_start(playwright: Any, server: Server, pages: list[Target], runs: int, log: Any = print,
                    seed: int = 13) -> dict[str, Any]:
    """Cold starts on the throttled network (10 Mbit/s, 40 ms, DevTools network emulation): the baseline and
    one calculator, in a shuffled order per round, with the bytes the server sent for each visit."""
    chosen = [t for t in pages if t.name in ("baseline", THROTTLED_CALCULATOR)]
    found: dict[str, list[float]] = {t.name: [] for t in chosen}
    pairs: list[tuple[float, float]] = []  # (calculator, baseline) of the same round, run one after the other
    load_before = _load()
    sent: dict[str, list[int]] = {t.name: [] for t in chosen}
    notes: list[str] = []
    watch = Watch()
    shuffle = random.Random(seed)
    for run in range(runs):
        order = list(chosen)
        shuffle.shuffle(order)
        for target in order:
            with Profile(playwright, watch) as profile:
                try:
                    mark = server.mark()
                    with profile.context(target.script) as context:
                        throttle(context)
                        found[target.name].append(time_to_first_result(context, server.url + target.path,
                                                                       timeout_ms=180_000,
                                                                       calculator=target.calculator))
                        sent[target.name].append(sum(h.bytes_sent for h in server.hits(mark)))
                except Exception as error:
                    notes.append(f"{target.name} run {run}: {type(error).__name__}: {str(error)[:200]}")
            values = found[target.name]
            log(f"  throttled run {run + 1}/{runs} {target.name:<22} "
                f"{f'{values[-1]:7.0f} ms' if values else '   failed'}")
        if len(found["baseline"]) == run + 1 and len(found[THROTTLED_CALCULATOR]) == run + 1:
            pairs.append((found[THROTTLED_CALCULATOR][-1], found["baseline"][-1]))
    return {"profile": "10 Mbit/s, 40 ms latency (CDP Network.emulateNetworkConditions)",
            "pages": {name: Stats.of(v).as_dict() for name, v in found.items()},
            "paired": paired_ratios(pairs), "load_before": load_before, "load_after": _load(),
            "bytes": {name: (sorted(v)[len(v) // 2] if v else 0) for name, v in sent.items()},
            "raw": found, "notes": notes, "problems": watch.problems()}


#: First contentful paint of the page, in ms since navigation (None until there is one).
FCP_JS = """() => { const p = performance.getEntriesByName("first-contentful-paint")[0];
                    return p ? p.startTime : null; }"""


def first_paint(context: Any, url: str, timeout_ms: float = 30_000) -> float:
    """Milliseconds from navigation start to the page's first contentful paint."""
    page = page_for(context)
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    page.wait_for_function(f"() => ({FCP_JS})() !== null", timeout=timeout_ms, polling=50)
    return float(page.evaluate(FCP_JS))


def paint_times(playwright: Any, server: Server, runs: int, log: Any = print,
                calculator: str = f"calculators/{THROTTLED_CALCULATOR}/", guide: str = GUIDE) -> dict[str, Any]:
    """First paint of a calculator page against a guide page, cold (a new profile each): paired, the guide first in
    every other pair. The calculator page starts its engine's worker from <head>; the target is that its first
    paint comes no later than the guide's + 50 ms."""
    watch = Watch()
    found: dict[str, list[float]] = {"calculator": [], "guide": []}
    pairs: list[tuple[float, float]] = []
    notes: list[str] = []
    before = _load()
    for run in range(runs):
        order = [("guide", guide), ("calculator", calculator)]
        if run % 2:
            order.reverse()
        got: dict[str, float] = {}
        for name, path in order:
            with Profile(playwright, watch) as profile:
                try:
                    with profile.context() as context:
                        got[name] = first_paint(context, server.url + path)
                        found[name].append(got[name])
                        server.wait_quiet(quiet=0.5, timeout=10)  # its workers done before the next visit
                except Exception as error:  # one failed run is reported, not fatal
                    notes.append(f"{name} run {run}: {type(error).__name__}: {str(error)[:200]}")
        if "calculator" in got and "guide" in got:
            pairs.append((got["calculator"], got["guide"]))
        log(f"  paint run {run + 1}/{runs}: calculator {got.get('calculator', float('nan')):6.0f} ms, "
            f"guide {got.get('guide', float('nan')):6.0f} ms")
    return {"pages": {name: Stats.of(v).as_dict() for name, v in found.items()},
            "paths": {"calculator": calculator, "guide": guide},
            "paired": paired_differences(pairs), "load_before": before, "load_after": _load(),
            "raw": found, "notes": notes, "problems": watch.problems()}


def _last(found: dict[str, dict[str, list[float]]], target: Target, visit: str) -> str:
    values = found[target.name][visit]
    return f"{values[-1]:7.0f} ms" if values else "   failed"


RECALC_JS = """async ({ mode, n }) => {
  const root = document.getElementById("calc");
  const input = document.getElementById("calc-f-outstanding");
  const form = input.form;
  const latencies = [];
  let wrong = 0;
  const answered = (previous) => new Promise((resolve) => {
    const check = () => {
      if (root.dataset.settled === "true" && Number(root.dataset.answered) > previous) {
        observer.disconnect();
        resolve(performance.now());
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { attributes: true, childList: true, subtree: true, characterData: true });
  });
  for (let i = 0; i < n; i++) {
    const amount = (mode === "input" ? 10000 : 15000) + i + 1;  // below the 25,000 limit: 90% of it
    const done = answered(Number(root.dataset.answered || 0));
    input.value = String(amount);
    const t0 = performance.now();
    if (mode === "input") input.dispatchEvent(new Event("input", { bubbles: true }));
    else form.requestSubmit();
    latencies.push((await done) - t0);
    const dd = root.querySelector('[data-figure="payout"] dd');
    if (!dd || dd.dataset.value !== (amount * 0.9).toFixed(2)) wrong++;
  }
  return { latencies, wrong };
}"""


def ready_calculator(playwright: Any, server: Server, path: str, watch: Watch) -> tuple[Profile, Any, Any]:
    """A calculator page with its engine loaded and its first result shown (caller closes)."""
    profile = Profile(playwright, watch)
    manager = profile.context(first_result_script(CALC_SIGNAL))
    try:
        context = manager.__enter__()
    except BaseException:
        profile.remove()
        raise
    try:
        time_to_first_result(context, server.url + path)
        page = page_for(context)
        page.wait_for_function('() => { const c = document.getElementById("calc");'
                               ' return c.dataset.engine === "ready" && c.dataset.settled === "true"; }',
                               timeout=60_000)
    except BaseException:
        manager.__exit__(None, None, None)
        profile.remove()
        raise
    return profile, manager, page


def recalculation(playwright: Any, server: Server, edits: int = 200) -> dict[str, Any]:
    """Input event -> new payout on screen, on the payout page, measured inside the page."""
    watch = Watch()
    profile, manager, page = ready_calculator(playwright, server, "calculators/payout/", watch)
    try:
        out: dict[str, Any] = {}
        for mode in ("input", "submit"):
            result = page.evaluate(RECALC_JS, {"mode": mode, "n": edits})
            values = result["latencies"]
            out[mode] = {"p50": round(percentile(values, 50), 1), "p95": round(percentile(values, 95), 1),
                         "max": round(max(values), 1), "n": len(values), "wrong_results": result["wrong"]}
        return {**out, "problems": watch.problems()}
    finally:
        manager.__exit__(None, None, None)
        profile.remove()


def experiences_csv(count: int, as_of: date = date(2025, 12, 31), seed: int = 5) -> bytes:
    """``count`` payment experiences paid within the 12 months before ``as_of``, as the import reads them."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["amount", "payment_term_days", "invoice_date", "paid_date"])
    start = as_of - timedelta(days=330)
    for _ in range(count):
        term = rng.choice((30, 45, 60, 90))
        invoiced = start + timedelta(days=rng.randrange(0, 200))
        paid = min(invoiced + timedelta(days=rng.randrange(0, term + 90)), as_of)
        writer.writerow([f"{rng.randrange(100, 500_000) / 100:.2f}", term, invoiced.isoformat(), paid.isoformat()])
    return out.getvalue().encode()


#: Watches the file input ``id``: ``window.__import.t0`` at its change (capture phase), ``t1`` when the page has
#: settled with ``data-import-ms`` set. Shared by every import benchmark (self-assessment, late payment, ledger).
IMPORT_WATCH_JS = """(id) => {
  const root = document.getElementById("calc");
  const state = (window.__import = { t0: undefined, t1: undefined });
  document.addEventListener("change", (event) => {
    if (event.target && event.target.id === id) { state.t0 = performance.now(); state.t1 = undefined; }
  }, { capture: true });
  new MutationObserver(() => {
    if (state.t0 !== undefined && state.t1 === undefined && root.dataset.importMs !== undefined
        && root.dataset.settled === "true") state.t1 = performance.now();
  }).observe(root, { attributes: true });
}"""


def import_experiences(playwright: Any, server: Server, count: int = 10_000, runs: int = 5) -> dict[str, Any]:
    """Choose a CSV of ``count`` experiences in the self-assessment page's import; time to the new limit."""
    watch = Watch()
    data = experiences_csv(count)
    profile, manager, page = ready_calculator(playwright, server, "calculators/self-assessment-limit/", watch)
    times: list[float] = []
    page_says: list[float] = []
    notes: list[str] = []
    try:
        page.evaluate(IMPORT_WATCH_JS, "calc-import")
        for run in range(runs):
            page.evaluate("() => { delete document.getElementById('calc').dataset.importMs; }")
            page.set_input_files("#calc-import", files=[{"name": f"experiences-{count}.csv", "mimeType": "text/csv",
                                                        "buffer": data}])
            page.wait_for_function("() => window.__import.t1 !== undefined", timeout=120_000, polling=50)
            t = page.evaluate("() => window.__import.t1 - window.__import.t0")
            state = page_state(page.context)
            if state.get("outcome") != "result":
                notes.append(f"run {run}: outcome {state.get('outcome')}")
            times.append(float(t))
            page_says.append(float(state.get("importMs", "nan")))
        limit = page.evaluate("""() => { const dd = document.querySelector('[data-figure="limit"] dd');
                                        return dd ? dd.dataset.value : null; }""")
        return {"count": count, "csv_bytes": len(data), "first": round(times[0], 1),
                "stats": Stats.of(times).as_dict(), "page_import_ms": Stats.of(page_says).as_dict(),
                "limit": limit, "notes": notes, "problems": watch.problems()}
    finally:
        manager.__exit__(None, None, None)
        profile.remove()


def portfolio_report(playwright: Any, server: Server, rows: int = 100_000, customers: int = 2_000, runs: int = 5
                     ) -> dict[str, Any]:
    """Open a generated ledger (benchmarks.ledger, the CLI bench's file) on the receivables report page.

    Time: capture-phase ``change`` on the file input -> the report on screen (``data-import-ms`` set with the
    answer rendered). The page's own split (``data-import-split``): reading the file, the engine's round trip
    (parse + compute in Pyodide, the answer back) and the render.
    """
    from .ledger import AS_OF, ledger_csv

    watch = Watch()
    data = ledger_csv(rows, customers).encode("utf-8")
    path = f"calculators/portfolio/#as_of={AS_OF.isoformat()}"
    profile, manager, page = ready_calculator(playwright, server, path, watch)
    times: list[float] = []
    splits: list[dict[str, float]] = []
    notes: list[str] = []
    shown = None
    try:
        page.evaluate(IMPORT_WATCH_JS, "calc-ledger")
        for run in range(runs):
            page.evaluate("() => { delete document.getElementById('calc').dataset.importMs; }")
            page.set_input_files("#calc-ledger", files=[{"name": f"ledger-{rows}.csv", "mimeType": "text/csv",
                                                         "buffer": data}])
            page.wait_for_function("() => window.__import.t1 !== undefined", timeout=180_000, polling=50)
            times.append(float(page.evaluate("() => window.__import.t1 - window.__import.t0")))
            state = page_state(page.context)
            if state.get("outcome") != "result":
                notes.append(f"run {run}: outcome {state.get('outcome')}")
            splits.append(json.loads(state.get("importSplit", "{}")))
        shown = page.evaluate("""() => ({ customers: document.querySelectorAll('#calc-customers tbody tr').length,
            open: document.querySelector('[data-figure="open"] dd')?.dataset.value })""")
        split = {key: Stats.of([s[key] for s in splits if key in s]).as_dict() for key in ("read", "engine", "render")}
        return {"rows": rows, "customers": customers, "csv_bytes": len(data), "first": round(times[0], 1),
                "stats": Stats.of(times).as_dict(), "split": split, "shown": shown, "notes": notes,
                "problems": watch.problems()}
    finally:
        manager.__exit__(None, None, None)
        profile.remove()


def ledger_xlsx(rows: int, customers: int) -> bytes:
    """The same generated ledger as an .xlsx workbook, cells typed as a spreadsheet stores them.

    Not openpyxl's write-only mode: like Excel, the workbook then records the sheet's dimension, without which
    a read-only reader parses the whole sheet twice.
    """
    import openpyxl

    from .ledger import ledger_csv

    book = openpyxl.Workbook()
    sheet = book.active
    lines = csv.reader(io.StringIO(ledger_csv(rows, customers, lang="en")))
    sheet.append(next(lines))
    for name, number, invoiced, due, amount, paid, currency in lines:
        sheet.append([name, number, date.fromisoformat(invoiced), date.fromisoformat(due),
                      float(amount.replace(",", "")), date.fromisoformat(paid) if paid else None, currency])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def portfolio_xlsx(playwright: Any, server: Server, rows: int = 5_000, customers: int = 250, runs: int = 3
                   ) -> dict[str, Any]:
    """An .xlsx ledger on the receivables page: the first open loads the spreadsheet reader (openpyxl), the
    next ones do not. Same timing as :func:`portfolio_report`; the worker's split is load / read of the sheet."""
    from .ledger import AS_OF

    watch = Watch()
    data = ledger_xlsx(rows, customers)
    profile, manager, page = ready_calculator(playwright, server, f"calculators/portfolio/#as_of={AS_OF.isoformat()}",
                                              watch)
    times: list[float] = []
    sheet: list[dict[str, float]] = []
    notes: list[str] = []
    try:
        page.evaluate(IMPORT_WATCH_JS, "calc-ledger")
        for run in range(runs):
            page.evaluate("() => { delete document.getElementById('calc').dataset.importMs; }")
            page.set_input_files("#calc-ledger", files=[{
                "name": f"ledger-{rows}.xlsx", "buffer": data,
                "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}])
            page.wait_for_function("() => window.__import.t1 !== undefined", timeout=300_000, polling=100)
            times.append(float(page.evaluate("() => window.__import.t1 - window.__import.t0")))
            state = page_state(page.context)
            if state.get("outcome") != "result":
                notes.append(f"run {run}: outcome {state.get('outcome')}")
            sheet.append(json.loads(state.get("xlsxTimings", "{}")))
        return {"rows": rows, "customers": customers, "xlsx_bytes": len(data), "times": [round(t) for t in times],
                "sheet": [{k: round(v) for k, v in s.items()} for s in sheet], "notes": notes,
                "problems": watch.problems()}
    finally:
        manager.__exit__(None, None, None)
        profile.remove()


def transfer(playwright: Any, server: Server, path: str, calculator: bool) -> dict[str, Any]:
    """Bytes the server sent (headers included) for one page, cold then warm, and which were the engine's."""
    watch = Watch()
    out: dict[str, Any] = {}
    with Profile(playwright, watch) as profile:
        for visit in ("cold", "warm"):
            mark = server.mark()
            name = path.rstrip("/").rsplit("/", 1)[-1]
            script = first_result_script(CALC_SIGNAL, NEW_INPUT.get(name)) if calculator else None
            with profile.context(script) as context:
                page = page_for(context)
                if calculator:
                    time_to_first_result(context, server.url + path, calculator=name in NEW_INPUT)
                else:
                    page.goto(server.url + path, wait_until="load")
                settle(context, server, calculator, min_ms=1500)
                # When the first paint happened, as a wall-clock time comparable with the server's log.
                paint = page_for(context).evaluate("""() => { const p = performance.getEntriesByName(
                    "first-contentful-paint")[0]; return p ? (performance.timeOrigin + p.startTime) / 1000 : null; }""")
            hits = server.hits(mark)
            engine = [h for h in hits if is_engine(h)]
            out[visit] = {
                "bytes": sum(h.bytes_sent for h in hits),
                "requests": len(hits),
                "engine_bytes": sum(h.bytes_sent for h in engine),
                "engine_requests": [h.uri for h in engine],
                "statuses": {str(s): sum(1 for h in hits if h.status == s) for s in sorted({h.status for h in hits})},
                "encodings": sorted({h.encoding for h in hits if h.encoding}),
                "largest": sorted(((h.bytes_sent, h.uri, h.encoding or "identity") for h in hits), reverse=True)[:5],
                "by_kind": by_kind(hits),
                # Engine responses the server had finished sending before the first paint (the log stamps ends).
                "engine_before_paint": (sum(h.bytes_sent for h in engine if h.msec <= paint)
                                        if paint is not None else None),
            }
    out["problems"] = watch.problems()
    return out


#: Where the bytes of a visit go, by the path they were sent for (first match).
KINDS = (
    ("snapshot", "/pyodide/snapshots/", "snapshot.bin"),
    ("stdlib (trimmed, beside the snapshot)", "/pyodide/snapshots/", "python_stdlib.zip"),
    ("stdlib (full)", "/pyodide/", "python_stdlib.zip"),
    ("wasm", "/pyodide/", ".wasm"),
    ("runtime JS (pyodide.mjs, pyodide.asm.mjs)", "/pyodide/", ".mjs"),
    ("wheel", "/pyodide/", ".whl"),
    ("lock file", "/pyodide/", ".json"),
)


def by_kind(hits: list[Hit]) -> dict[str, int]:
    """Bytes sent per kind of file: the engine's parts, then everything else (page, theme, scripts, strings)."""
    out: dict[str, int] = {}
    for hit in hits:
        path = hit.uri.split("?")[0]
        kind = next((name for name, folder, end in KINDS if folder in path and path.endswith(end)),
                    "page, theme, calculator scripts")
        out[kind] = out.get(kind, 0) + hit.bytes_sent
    return dict(sorted(out.items(), key=lambda item: -item[1]))


def build_time(root: Path = ROOT) -> dict[str, Any]:
    """``python build.py`` once, fresh: a copy of the project without site/ and build/, with the same .cache.

    A copy, so the site being served (and teammates' work) is left alone; ``.cache`` (the npm tarball,
    the extracted runtime, precompressed files) is copied in, so no download is timed, as in a
    developer's rebuild.
    """
    work = Path(tempfile.mkdtemp(prefix="bench-build-"))
    try:
        skip = {".git", ".venv", "site", "build", "dist", ".cache", ".pytest_cache", ".ruff_cache", "node_modules",
                ".hypothesis", "test-results"}
        for item in root.iterdir():
            if item.name in skip or item.name.endswith(".egg-info"):
                continue
            dest = work / item.name
            if item.is_dir():
                shutil.copytree(item, dest, ignore=shutil.ignore_patterns("__pycache__", "results"))
            else:
                shutil.copy2(item, dest)
        cache = root / ".cache"
        if cache.exists():
            shutil.copytree(cache, work / ".cache")  # copied, not linked: a build may rewrite its cache
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        started = time.monotonic()
        done = subprocess.run([sys.executable, "build.py"], cwd=work, capture_output=True, text=True, env=env,
                              check=False)
        seconds = time.monotonic() - started
        return {"seconds": round(seconds, 1), "ok": done.returncode == 0, "cache_kept": cache.exists(),
                "output": (done.stdout + done.stderr).strip().splitlines()[-4:]}
    finally:
        shutil.rmtree(work, ignore_errors=True)


# -- late payment: 10,000 invoices with 1,000 payments, and one edit after another --------------------------------

LATE_PAGE = "calculators/late-payment/"
#: Inside the rate tables (NL business interest, compounded yearly: the heaviest of the three countries).
LATE_UNTIL = "2026-06-30"


def late_payment_csvs(invoices: int = 10_000, payments: int = 1_000, seed: int = 8) -> tuple[bytes, bytes, str]:
    """An invoices CSV and a payments CSV as the page's imports read them, and the invoices' total.

    Invoices fall due in 2024 and the first half of 2025; every payment comes after the last due date and all of
    them together pay well under the principal, so the engine has no reason to refuse any row.
    """
    rng = random.Random(seed)
    inv = io.StringIO()
    writer = csv.writer(inv, lineterminator="\n")
    writer.writerow(["amount", "due_date", "reference"])
    total = 0
    for i in range(invoices):
        cents = rng.randrange(10_000, 500_000)
        total += cents
        due = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 540))
        writer.writerow([f"{cents / 100:.2f}", due.isoformat(), f"F{i + 1:05d}"])
    pay = io.StringIO()
    writer = csv.writer(pay, lineterminator="\n")
    writer.writerow(["amount", "date"])
    for _ in range(payments):
        writer.writerow([f"{rng.randrange(1_000, 20_000) / 100:.2f}",
                         (date(2025, 7, 1) + timedelta(days=rng.randrange(0, 180))).isoformat()])
    return inv.getvalue().encode(), pay.getvalue().encode(), f"{total // 100}.{total % 100:02d}"


#: Edit the first invoice's amount ``n`` times (an input event each, as typing gives); latency = the event -> the
#: settled answer on screen. The principal shown after each edit is returned, to be checked against the edit.
LATE_RECALC_JS = """async ({ n, first }) => {
  const root = document.getElementById("calc");
  const input = document.getElementById("calc-cell-invoices-0-amount");
  const latencies = [];
  const principals = [];
  const answered = (previous) => new Promise((resolve) => {
    const check = () => {
      if (root.dataset.settled === "true" && Number(root.dataset.answered) > previous) {
        observer.disconnect();
        resolve(performance.now());
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { attributes: true, childList: true, subtree: true, characterData: true });
  });
  for (let i = 0; i < n; i++) {
    const done = answered(Number(root.dataset.answered || 0));
    input.value = String(first + i);
    const t0 = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    latencies.push((await done) - t0);
    const dd = root.querySelector('[data-figure="principal"] dd');
    principals.push(dd ? dd.dataset.value : null);
  }
  return { latencies, principals, outcome: root.dataset.outcome };
}"""


def _late_recalc(page: Any, edits: int, first_amount: int, base_principal: Decimal) -> dict[str, Any]:
    """``edits`` edits of the first invoice; ``base_principal``: the principal without that invoice."""
    result = page.evaluate(LATE_RECALC_JS, {"n": edits, "first": first_amount})
    values = result["latencies"]
    wrong = sum(1 for i, shown in enumerate(result["principals"])
                if shown is None or Decimal(shown) != base_principal + first_amount + i)
    return {"p50": round(percentile(values, 50), 1), "p95": round(percentile(values, 95), 1),
            "max": round(max(values), 1), "n": len(values), "wrong_results": wrong, "outcome": result["outcome"]}


def late_payment(playwright: Any, server: Server, invoices: int = 10_000, payments: int = 1_000, runs: int = 3,
                 edits: int = 200) -> dict[str, Any]:
    """The late-payment page: recalculation on its example claim, then a CSV of ``payments`` payments and one of
    ``invoices`` invoices imported (timed: the invoices' file chosen -> result on screen; without a letter, then
    once with the reminder), then recalculation of that large claim after each edit of one invoice."""
    watch = Watch()
    inv_csv, pay_csv, total = late_payment_csvs(invoices, payments)
    first_invoice = Decimal(inv_csv.decode().splitlines()[1].split(",")[0])
    profile, manager, page = ready_calculator(playwright, server, LATE_PAGE, watch)
    notes: list[str] = []
    try:
        out: dict[str, Any] = {"invoices": invoices, "payments": payments, "csv_bytes": len(inv_csv) + len(pay_csv)}
        example = page.evaluate("""() => JSON.parse(document.getElementById("calc").dataset.config).example""")
        amounts = [Decimal(str(item["amount"])) for item in example.get("invoices", [])]
        if amounts:
            out["recalc_example"] = _late_recalc(page, edits, 1000, sum(amounts[1:], Decimal(0)))
        page.fill("#calc-f-until", LATE_UNTIL)
        page.wait_for_function('() => document.getElementById("calc").dataset.settled === "true"', timeout=30_000)
        page.set_input_files("#calc-import-payments", files=[{"name": f"payments-{payments}.csv",
                                                              "mimeType": "text/csv", "buffer": pay_csv}])
        page.wait_for_function('() => document.getElementById("calc").dataset.settled === "true"', timeout=60_000)
        page.evaluate(IMPORT_WATCH_JS, "calc-import-invoices")
        times: list[float] = []
        # The computation without a letter first (the figure), then once more with the page's reminder.
        page.select_option("#calc-f-letter", "none")
        page.wait_for_function('() => document.getElementById("calc").dataset.settled === "true"', timeout=60_000)
        for run in range(runs + 1):
            if run == runs:
                page.select_option("#calc-f-letter", "reminder")
                page.wait_for_function('() => document.getElementById("calc").dataset.settled === "true"',
                                       timeout=60_000)
            page.evaluate("() => { delete document.getElementById('calc').dataset.importMs; }")
            page.set_input_files("#calc-import-invoices", files=[{"name": f"invoices-{invoices}.csv",
                                                                  "mimeType": "text/csv", "buffer": inv_csv}])
            page.wait_for_function("() => window.__import.t1 !== undefined", timeout=120_000, polling=50)
            times.append(float(page.evaluate("() => window.__import.t1 - window.__import.t0")))
            state = page_state(page.context)
            if state.get("outcome") != "result":
                notes.append(f"run {run}: outcome {state.get('outcome')}")
        shown = page.evaluate("""() => { const dd = document.querySelector('[data-figure="principal"] dd');
                                        return dd ? dd.dataset.value : null; }""")
        if shown != total:
            notes.append(f"principal shown {shown}, expected {total}")
        out["import"] = {"first": round(times[0], 1), "stats": Stats.of(times[:runs]).as_dict(),
                         "with_letter": round(times[runs], 1)}
        page.select_option("#calc-f-letter", "none")
        page.wait_for_function('() => document.getElementById("calc").dataset.settled === "true"', timeout=60_000)
        out["recalc_large"] = _late_recalc(page, max(1, edits // 4), 1000, Decimal(total) - first_invoice)
        return {**out, "notes": notes, "problems": watch.problems()}
    finally:
        manager.__exit__(None, None, None)
        profile.remove()
