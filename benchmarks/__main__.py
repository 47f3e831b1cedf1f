"""``make bench``: serve site/ like production, drive chromium, print and save the figures against the baseline.

    python -m benchmarks [--runs 5] [--only start,paint,throttled,recalc,import,late,portfolio,xlsx,transfer,build]
                         [--server auto|nginx|python]

Writes benchmarks/results/latest.json and latest.md. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import report, scenarios
from .baseline import write_baseline
from .common import CHROMIUM, RESULTS, SITE
from .server import make_server

PARTS = ("start", "launch", "paint", "throttled", "recalc", "import", "late", "portfolio", "xlsx", "transfer", "build")


def runtime_folder(site: Path) -> Path:
    """The folder of the vendored pyodide.mjs (site/pyodide/, or a versioned folder below it)."""
    found = sorted(site.glob("pyodide/**/pyodide.mjs"), key=lambda p: len(p.parts))
    if not found:
        raise SystemExit(f"{site}/pyodide/pyodide.mjs is missing: run `make build` first")
    return found[0].parent


def pyodide_version(folder: Path) -> str:
    """The runtime's version, as pyodide.mjs states it (the lock file's info has only the Python version)."""
    try:
        found = re.search(r'var \w+="(\d+\.\d+\.\d+[^"]*)"', (folder / "pyodide.mjs").read_text())
    except OSError:
        found = None
    return found.group(1) if found else "unknown"


def chromium_version() -> str:
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout
        found = re.search(r"\d+(\.\d+){2,}", out)
        return found.group(0) if found else "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per start figure (default 5)")
    parser.add_argument("--throttled-runs", type=int, default=3, help="runs of the throttled cold start (default 3)")
    parser.add_argument("--edits", type=int, default=200, help="edits for the recalculation latency")
    parser.add_argument("--rows", type=int, default=10_000, help="payment experiences in the imported CSV")
    parser.add_argument("--invoices", type=int, default=10_000, help="invoices in the late-payment page's import")
    parser.add_argument("--payments", type=int, default=1_000, help="payments in the late-payment page's import")
    parser.add_argument("--ledger-rows", type=int, default=100_000, help="invoices in the receivables report's ledger")
    parser.add_argument("--ledger-customers", type=int, default=2_000, help="customers in that ledger")
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated subset of {','.join(PARTS)}")
    parser.add_argument("--server", choices=("auto", "nginx", "python"), default="auto")
    parser.add_argument("--base", default="/portal/", help="URL path of the site (a sub-path, as deployed)")
    parser.add_argument("--site", type=Path, default=SITE)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    parts = [p for p in args.only.split(",") if p]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    site = args.site.resolve()
    if not (site / "index.html").exists():
        print(f"{site} is not built: run `make build` (make bench does it)", file=sys.stderr)
        return 2
    runtime = runtime_folder(site)
    started = time.monotonic()
    results: dict[str, Any] = {"meta": {
        "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "chromium": chromium_version(), "pyodide": pyodide_version(runtime),
        "base": args.base, "runs": args.runs, "cpus": os.cpu_count(), "load_before": load(),
        "runtime_folder": str(runtime.relative_to(site)), "site": str(site),
    }}
    notes: list[str] = []
    bench_dir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    try:
        # Served at <base>/_bench/, so ../<runtime> is the vendored runtime, as from any page of the site.
        lock = runtime / "pyodide-lock.json"
        if not lock.exists():  # versioned layout: the site's lock file sits beside the wheel
            lock = next(iter(sorted(site.glob("pyodide/wheels/*/pyodide-lock.json"))), lock)
        page = write_baseline(bench_dir, f"../{runtime.relative_to(site).as_posix()}/",
                              lock_rel=f"../{lock.relative_to(site).as_posix()}")
        server = make_server(site, {"_bench": bench_dir}, args.base, args.server)
        with server:
            results["meta"].update(server=server.kind, brotli=server.brotli)
            print(f"serving {site} with {server.kind} on {server.url} (baseline at {server.url}_bench/{page})")
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                if "start" in parts:
                    print(f"start times: {args.runs} runs x (baseline + {len(scenarios.CALCULATORS)} calculators)"
                          " x (cold, warm)")
                    results["start"] = scenarios.start_times(playwright, server, scenarios.targets(page), args.runs)
                    notes += [f"start {k}: {v}" for k, v in results["start"]["notes"].items()]
                if "launch" in parts:
                    # The method until 2026-12-05 (each page opened as soon as its browser is launched), beside the
                    # settled figures above in the same run: how much of a start the browser's own start-up took.
                    launch_runs = min(3, args.runs)
                    print(f"start times, the browser just launched: {launch_runs} runs x (baseline + "
                          f"{scenarios.THROTTLED_CALCULATOR}) x (cold, warm)")
                    launch_pages = [t for t in scenarios.targets(page)
                                    if not t.calculator or t.name == scenarios.THROTTLED_CALCULATOR]
                    results["launch"] = scenarios.start_times(playwright, server, launch_pages, launch_runs,
                                                              settle_browser=False)
                    notes += [f"launch {k}: {v}" for k, v in results["launch"]["notes"].items()]
                if "paint" in parts:
                    print(f"first paint: {args.runs} cold pairs (a guide page, a calculator page)")
                    results["paint"] = scenarios.paint_times(playwright, server, args.runs)
                    notes += [f"paint: {n}" for n in results["paint"]["notes"]]
                if "throttled" in parts:
                    print(f"throttled cold start: {args.throttled_runs} runs x (baseline + "
                          f"{scenarios.THROTTLED_CALCULATOR})")
                    results["throttled"] = scenarios.throttled_start(playwright, server, scenarios.targets(page),
                                                                     args.throttled_runs)
                    notes += [f"throttled: {n}" for n in results["throttled"]["notes"]]
                if "recalc" in parts:
                    print(f"recalculation: {args.edits} edits on the payout page")
                    try:
                        results["recalc"] = scenarios.recalculation(playwright, server, args.edits)
                        wrong = (results["recalc"]["input"]["wrong_results"]
                                 + results["recalc"]["submit"]["wrong_results"])
                        if wrong:
                            notes.append(f"recalculation: {wrong} answers did not show the expected payout")
                    except Exception as error:  # reported in the table's notes
                        notes.append(f"recalculation failed: {type(error).__name__}: {str(error)[:300]}")
                if "import" in parts:
                    print(f"import: {args.rows:,} payment experiences")
                    try:
                        results["import"] = scenarios.import_experiences(playwright, server, args.rows)
                        notes += [f"import: {n}" for n in results["import"]["notes"]]
                    except Exception as error:  # reported in the table's notes
                        notes.append(f"import failed: {type(error).__name__}: {str(error)[:300]}")
                if "late" in parts:
                    print(f"late payment: {args.invoices:,} invoices and {args.payments:,} payments, then edits")
                    try:
                        results["late"] = scenarios.late_payment(playwright, server, args.invoices, args.payments,
                                                                 edits=args.edits)
                        notes += [f"late payment: {n}" for n in results["late"]["notes"]]
                        for key in ("recalc_example", "recalc_large"):
                            wrong = (results["late"].get(key) or {}).get("wrong_results")
                            if wrong:
                                notes.append(f"late payment {key}: {wrong} answers did not show the edited principal")
                    except Exception as error:  # reported in the table's notes
                        notes.append(f"late payment failed: {type(error).__name__}: {str(error)[:300]}")
                if "portfolio" in parts:
                    print(f"receivables report: {args.ledger_rows:,} invoices over {args.ledger_customers:,} customers")
                    try:
                        results["portfolio"] = scenarios.portfolio_report(
                            playwright, server, args.ledger_rows, args.ledger_customers, runs=args.runs)
                        notes += [f"portfolio: {n}" for n in results["portfolio"]["notes"]]
                    except Exception as error:  # reported in the table's notes
                        notes.append(f"portfolio failed: {type(error).__name__}: {str(error)[:300]}")
                if "xlsx" in parts:
                    print("receivables report: an .xlsx ledger of 5,000 invoices (the first open loads openpyxl)")
                    try:
                        results["portfolio_xlsx"] = scenarios.portfolio_xlsx(playwright, server)
                        notes += [f"portfolio xlsx: {n}" for n in results["portfolio_xlsx"]["notes"]]
                    except Exception as error:  # reported in the table's notes
                        notes.append(f"portfolio xlsx failed: {type(error).__name__}: {str(error)[:300]}")
                if "transfer" in parts:
                    print("bytes: a guide page and a calculator page, cold and warm")
                    for key, path, calc in (("transfer_guide", scenarios.GUIDE, False),
                                            ("transfer_calculator", "calculators/payout/", True)):
                        try:
                            results[key] = {"path": path, **scenarios.transfer(playwright, server, path, calc)}
                        except Exception as error:  # reported in the table's notes
                            notes.append(f"{key} failed: {type(error).__name__}: {str(error)[:300]}")
        for key in ("start", "paint", "throttled", "recalc", "import", "late", "portfolio", "portfolio_xlsx",
                    "transfer_guide", "transfer_calculator"):
            for problem in (results.get(key) or {}).get("problems", [])[:5]:
                notes.append(f"{key}: {problem}")
        if "build" in parts:
            print("build: python build.py in a fresh copy (site/ and build/ absent, .cache kept)")
            results["build"] = scenarios.build_time()
            if not results["build"]["ok"]:
                notes.append("build failed: " + " / ".join(results["build"]["output"]))
    finally:
        shutil.rmtree(bench_dir, ignore_errors=True)
    results["meta"]["load_after"] = load()
    results["meta"]["seconds"] = round(time.monotonic() - started, 1)
    results["notes"] = notes
    js, md = report.write(results, args.out)
    print(report.terminal(results))
    for note in notes:
        print(f"note: {note}")
    print(f"\nwritten {js.relative_to(Path.cwd()) if js.is_relative_to(Path.cwd()) else js} and {md.name} "
          f"in {results['meta']['seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
