"""Build the site into site/: the one pipeline, from the rules to a checked static site.

    load -> check_sources -> render -> runtime -> wheel -> mkdocs -> finish -> check

Each step is a named call of ``site_build``; ``build`` reads everything first,
writes afterwards, and stops at the first step that finds a problem with a
``BuildError`` saying what to fix. Run ``.venv/bin/python build.py``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from site_build import figures
from site_build.check import check
from site_build.errors import BuildError
from site_build.finish import finish
from site_build.load import Sources, check_translations, load
from site_build.mkdocs_step import mkdocs_config, run_mkdocs
from site_build.render import render
from site_build.runtime import fetch_runtime
from site_build.settings import ENGINE_DIR, GLOSSARY_FILE, PYODIDE_VERSION, Paths
from site_build.wheel import build_wheel


@dataclass
class Report:
    """What a build did, for the command line and the tests."""

    sources: Sources
    wheel: Path
    engine: dict[str, str]
    not_written: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def check_sources(sources: Sources) -> None:
    """The same pages in every language, and no rule figure typed by hand."""
    check_translations(sources.pages)
    wanted = figures.figures(sources.rules, sources.own_risk_pct, sources.examples, sources.last_checked)
    findings = figures.scan(sources.docs, wanted, tuple(sources.pages))
    if sources.glossary is not None:  # reaches the glossary pages through a variable: scan its texts too
        findings += figures.scan_data(sources.glossary, f"docs/{GLOSSARY_FILE}", wanted)
    if findings:
        raise BuildError("sources", "rule figures are typed by hand: take them from the rules so they never go "
                         "stale (docs/README.md); a number that only looks like one can carry "
                         "{# figure-ok: why #} on its line", [str(f) for f in findings])


def engine_config(wheel: Path) -> dict[str, str]:
    """``extra.engine`` for the calculator template: the runtime and the wheel, relative to the site root."""
    return {"runtime": ENGINE_DIR, "wheel": f"{ENGINE_DIR}{wheel.name}", "pyodide_version": PYODIDE_VERSION}


def build(paths: Paths | None = None) -> Report:
    """Build ``paths.docs`` into ``paths.site`` (the project's docs/ into site/ by default)."""
    paths = paths or Paths()
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
    with step("mkdocs"):
        engine = engine_config(wheel)
        config, not_written = mkdocs_config(paths, sources.all_pages, engine)
        run_mkdocs(config)
    with step("finish"):
        finish(paths.docs, paths.site, runtime, wheel, config.site_url)
    with step("check"):
        check(paths.site, paths.rendered, sources.pages, engine, config)
    return Report(sources, wheel, engine, not_written, timings)


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
    if report.not_written:
        print(f"  not written yet, left out of the nav: {', '.join(report.not_written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
