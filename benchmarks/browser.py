"""Debian's chromium driven by Playwright, one fresh profile per measured run.

Times are taken inside the page: an init script installed before any of the
page's own scripts runs a MutationObserver that stamps ``performance.now()``
(milliseconds since the navigation started) the first time the page's
"result on screen" signal holds. No Playwright round trip is in the figure.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .common import CHROMIUM, CHROMIUM_ARGS, Watch

#: Stamps window.__bench.first (ms since navigation start) when SIGNAL(document) first holds.
FIRST_RESULT_SCRIPT = """
(() => {
  const signal = %s;
  const bench = (window.__bench = { first: undefined });
  const check = () => {
    if (bench.first !== undefined) return;
    let ok = false;
    try { ok = !!signal(document); } catch (e) { ok = false; }
    if (ok) { bench.first = performance.now(); observer.disconnect(); }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener("DOMContentLoaded", check);
})();
"""


class Profile:
    """A chromium user-data-dir: fresh and empty (cold), then reused (warm: HTTP cache, code cache, SW)."""

    def __init__(self, playwright: Any, watch: Watch | None = None, extra_args: list[str] | None = None,
                 service_workers: str = "allow") -> None:
        self.playwright = playwright
        self.service_workers = service_workers
        self.dir = Path(tempfile.mkdtemp(prefix="bench-profile-"))
        self.watch = watch or Watch()
        self.extra_args = extra_args or []

    @contextmanager
    def context(self, init_script: str | None = None) -> Iterator[Any]:
        """A browser on this profile; closing it flushes the caches to disk like a reader closing the browser."""
        context = self.playwright.chromium.launch_persistent_context(
            str(self.dir), executable_path=CHROMIUM, args=CHROMIUM_ARGS + self.extra_args, headless=True,
            viewport={"width": 1280, "height": 900}, service_workers=self.service_workers,
        )
        self.watch.attach(context)
        if init_script:
            context.add_init_script(init_script)
        try:
            yield context
        finally:
            context.close()

    def remove(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> Profile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()


def first_result_script(signal_js: str) -> str:
    return FIRST_RESULT_SCRIPT % signal_js


def page_for(context: Any) -> Any:
    """The persistent context's first tab (it opens with one), or a new one."""
    return context.pages[0] if context.pages else context.new_page()


def time_to_first_result(context: Any, url: str, timeout_ms: float = 90_000, dwell_ms: float = 0) -> float:
    """Milliseconds from navigation start to the first result on screen (needs ``first_result_script``)."""
    page = page_for(context)
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    page.wait_for_function("() => window.__bench && window.__bench.first !== undefined", timeout=timeout_ms,
                           polling=50)
    first = float(page.evaluate("window.__bench.first"))
    if dwell_ms:
        page.wait_for_timeout(dwell_ms)
    return first
