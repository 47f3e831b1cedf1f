"""Build the site into site/: the one pipeline, from the rules to a checked static site.

    load -> check_sources -> render -> runtime -> wheel -> snapshot -> mkdocs -> finish -> prerender -> csp
    -> check -> compress

Each step is a named call of ``site_build``; ``build`` reads everything first,
writes afterwards, and stops at the first step that finds a problem with a
``BuildError`` saying what to fix. Run ``.venv/bin/python build.py``.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calculators.late_payment_rates import ALL_TABLES as ALL_RATE_TABLES
from site_build import figures
from site_build.check import calculator_outputs, check, check_copies
from site_build.citations import citation_problems
from site_build.compress import precompress, summary
from site_build.csp import apply_csp
from site_build.errors import BuildError
from site_build.finish import finish
from site_build.headings import heading_mismatches
from site_build.load import Sources, check_translations, load
from site_build.mkdocs_step import mkdocs_config, run_mkdocs
from site_build.prerender import prerender
from site_build.render import render
from site_build.runtime import fetch_runtime
from site_build.settings import (
    BUILD_ID_LENGTH,
    GLOSSARY_FILE,
    LOCK_FILE,
    PYODIDE_VERSION,
    RUNTIME_DIR,
    VENDORED_WHEELS,
    WHEELS_DIR,
    Paths,
)
from site_build.snapshot import Snapshot, build_snapshot
from site_build.snapshot import install as install_snapshot
from site_build.vendored import fetch_wheels
from site_build.wheel import build_id, build_wheel, sha256_of

#: Compressed copies are kept by content hash in ``<cache>/compress``: brotli 11 on the wasm runs once per machine.
COMPRESS_CACHE = "compress"


@dataclass
class Report:
    """What a build did, for the command line and the tests."""

    sources: Sources
    wheel: Path
    engine: dict[str, str]
    vendored: list[Path] = field(default_factory=list)
    not_written: list[str] = field(default_factory=list)
    compressed: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    snapshot: dict[str, Any] = field(default_factory=dict)
    not_prerendered: dict[str, str] = field(default_factory=dict)


#: Guide pages whose paragraphs are not yet held to the footnote rule (their links are checked). Empty: the
#: pages written beside issue 21 (deadlines, ledger-files, receivables-health) pass it since their merge.
CITATION_CHECK_LATER: tuple[str, ...] = ()


def check_sources(sources: Sources) -> None:
    """The same pages and sections in every language, sources cited well, and no rule figure typed by hand."""
    check_translations(sources.pages)
    mismatches = heading_mismatches(sources.docs, sources.pages)
    if mismatches:
        raise BuildError("sources", "the languages have drifted apart: a page must have as many ## and ### "
                         "headings in every language (write a local variation as such, in every language)",
                         mismatches)
    citations = citation_problems(sources.docs, tuple(sources.pages), exempt=CITATION_CHECK_LATER)
    if citations:
        raise BuildError("sources", "a guide cites badly: every external link must be a well-formed https URL, and "
                         "every paragraph that names an article of law needs a footnote with its source and the "
                         "date it was checked (site_build/citations.py)", citations)
    wanted = figures.figures(sources.rules, sources.own_risk_pct, sources.examples, sources.last_checked)
    findings = figures.scan(sources.docs, wanted, tuple(sources.pages))
    if sources.glossary is not None:  # reaches the glossary pages through a variable: scan its texts too
        findings += figures.scan_data(sources.glossary, f"docs/{GLOSSARY_FILE}", wanted)
    if findings:
        raise BuildError("sources", "rule figures are typed by hand: take them from the rules so they never go "
                         "stale (docs/README.md); a number that only looks like one can carry "
                         "{# figure-ok: why #} on its line", [str(f) for f in findings])


def engine_config(wheel: Path, vendored: list[Path] | None = None, snapshot: Snapshot | None = None,
                  ) -> dict[str, str]:
    """``extra.engine`` for the calculator template: where the engine's files are, relative to the site root.

    Every path names its content, so a server can let browsers keep the files for good: the runtime is under
    its version, the wheel and the lock file (which records the wheel's sha256) under a hash of the wheel and
    the runtime version, which is also the ``build_id`` the browser keys its caches by. The vendored wheels
    (openpyxl for ``.xlsx`` files) are served from the same folder, so their hashes are in its name too. With a
    ``snapshot``, ``snapshot`` and ``stdlib`` name the engine's memory snapshot and the trimmed stdlib it was made
    with, under a hash of both.
    """
    build = build_id(sha256_of(wheel), PYODIDE_VERSION, BUILD_ID_LENGTH, [sha256_of(w) for w in vendored or ()])
    folder = f"{WHEELS_DIR}{build}/"
    return {"runtime": RUNTIME_DIR, "wheel": f"{folder}{wheel.name}", "lock": f"{folder}{LOCK_FILE}",
            "pyodide_version": PYODIDE_VERSION, "build_id": build, **(snapshot.files if snapshot else {})}


def compress(site: Path, cache: Path) -> dict[str, Any]:
    """``.br`` and ``.gz`` copies beside the large compressible files, each checked against its original."""
    result = precompress(site, cache_dir=cache)
    problems = check_copies(site)
    if problems:
        raise BuildError("compress", "compressed copies that do not give back their original", problems)
    return result


@contextmanager
def one_build_at_a_time(work: Path) -> Iterator[None]:
    """Two builds in the same work tree wait for each other: mkdocs empties ``site/`` while the other writes it."""
    work.mkdir(parents=True, exist_ok=True)
    with (work / ".build.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another build in {work} to finish", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def build(paths: Paths | None = None) -> Report:
    """Build ``paths.docs`` into ``paths.site`` (the project's docs/ into site/ by default)."""
    paths = paths or Paths()
    with one_build_at_a_time(paths.work):
        return _build(paths)


def _build(paths: Paths) -> Report:
    timings: dict[str, float] = {}

    @contextmanager
    def step(name: str) -> Iterator[None]:
        started = time.monotonic()
        yield
        timings[name] = time.monotonic() - started

    with step("load"):
        sources = load(paths.docs)
    with step("check_sources"):
        check_sources(sources)
    with step("render"):
        render(sources, paths.rendered)
    with step("runtime"):
        runtime = fetch_runtime(paths.cache)
    with step("wheel"):
        wheel = build_wheel(paths.project, paths.work)
        vendored = fetch_wheels(paths.cache, VENDORED_WHEELS)
    with step("snapshot"):
        snapshot = build_snapshot(runtime, wheel, paths.project, paths.cache, paths.work)
    with step("mkdocs"):
        engine = engine_config(wheel, vendored, snapshot)
        config, not_written = mkdocs_config(paths, sources.all_pages, engine)
        run_mkdocs(config)
    with step("finish"):
        finish(paths.docs, paths.site, runtime, wheel, engine, config.site_url, vendored)
        install_snapshot(paths.site, snapshot)
    with step("prerender"):
        not_prerendered = prerender(paths.site, paths.work / "prerender")
    with step("csp"):  # on the final HTML: it hashes each page's inline scripts as they are now
        apply_csp(paths.site, calculator_outputs(paths.rendered))
    with step("check"):
        check(paths.site, paths.rendered, sources.pages, engine, config)
    with step("compress"):
        if os.environ.get("SITE_BUILD_NO_COMPRESS"):  # a developer's quick build: no .br/.gz copies at all
            compressed = {"written": [], "bytes": 0, "bytes_br": 0, "bytes_gzip": 0,
                          "message": "skipped: SITE_BUILD_NO_COMPRESS is set"}
        else:
            compressed = compress(paths.site, paths.cache / COMPRESS_CACHE)
    return Report(sources, wheel, engine, vendored, not_written, compressed, timings, dict(snapshot.report),
                  not_prerendered)


def main() -> int:
    started = time.monotonic()
    try:
        report = build()
    except BuildError as error:
        print(f"build failed\n{error}", file=sys.stderr)
        return 1
    pages = {lang: len(names) for lang, names in report.sources.pages.items()}
    print(f"built site/ in {time.monotonic() - started:.1f} s: pages per language {pages}")
    print("  steps: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.timings.items()))
    print(f"  {summary(report.compressed)}")
    print(f"  engine: runtime {report.engine['runtime']}, wheel and lock {report.engine['wheel'].rsplit('/', 1)[0]}/")
    print("  late-payment rates cover up to: " + ", ".join(f"{t.key} {t.last_period}" for t in ALL_RATE_TABLES))
    if report.snapshot:
        snap = report.snapshot
        print(f"  snapshot: {report.engine['snapshot']} ({snap['heap']:,} B heap, stdlib {snap['stdlib_files']} files "
              f"{snap['stdlib_bytes']:,} B stored; {snap['checked']} answers checked against CPython)")
    if report.not_prerendered:
        print("  calculator pages without a pre-rendered result (they show the waiting state):")
        for page, reason in report.not_prerendered.items():
            print(f"    {page}: {reason}")
    if report.not_written:
        print(f"  not written yet, left out of the nav: {', '.join(report.not_written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
