"""What the benchmark shares with the browser tests: the chromium binary, its flags, the port helpers.

They are imported from ``tests/e2e/conftest.py`` (the one place they are
defined) by file path, since ``tests`` is not a package. The tests' request
guard (``guard_context``) is not used for timings: it routes every request
through Playwright, and routing disables the browser's HTTP cache
(microsoft/playwright#7220), which would make every warm figure a cold one.
The benchmark records the same things without routing (``Watch``).
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
RESULTS = ROOT / "benchmarks" / "results"


def _conftest() -> Any:
    spec = importlib.util.spec_from_file_location("_e2e_conftest", ROOT / "tests" / "e2e" / "conftest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


_e2e = _conftest()
CHROMIUM: str = _e2e.CHROMIUM
CHROMIUM_ARGS: list[str] = list(_e2e.CHROMIUM_ARGS)
free_port = _e2e.free_port
wait_for = _e2e.wait_for
is_local = _e2e.is_local
Guard = _e2e.Guard


@dataclass
class Watch:
    """Requests off the local origin and console errors of a context, recorded without routing."""

    guard: Any = field(default_factory=Guard)

    def attach(self, context: Any) -> None:
        def on_request(request: Any) -> None:
            if not is_local(request.url):
                self.guard.foreign_requests.append(request.url)

        context.on("request", on_request)

        def on_page(page: Any) -> None:
            page.on("console", lambda msg: msg.type == "error" and self.guard.console_errors.append(
                f"{page.url}: {msg.text}"))
            page.on("pageerror", lambda exc: self.guard.console_errors.append(f"{page.url}: {exc}"))

        context.on("page", on_page)
        for page in context.pages:
            on_page(page)

    def problems(self) -> list[str]:
        return list(self.guard.problems())


@dataclass(frozen=True)
class Stats:
    """Median, min, max (and n) of a series of measurements, in the series' unit."""

    median: float
    min: float
    max: float
    n: int

    @classmethod
    def of(cls, values: list[float]) -> Stats:
        if not values:
            return cls(float("nan"), float("nan"), float("nan"), 0)
        return cls(statistics.median(values), min(values), max(values), len(values))

    def as_dict(self) -> dict[str, float | int]:
        return {"median": round(self.median, 1), "min": round(self.min, 1), "max": round(self.max, 1),
                "n": self.n}


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 200 values is the 190th smallest)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]
