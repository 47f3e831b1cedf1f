"""Debian's chromium driven by Playwright, one fresh profile per measured run.

Times are taken inside the page: an init script installed before any of the
page's own scripts runs a MutationObserver that stamps ``performance.now()``
(milliseconds since the navigation started) the first time the page's
"result on screen" signal holds. No Playwright round trip is in the figure.
"""

from __future__ import annotations

import json
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


#: For a calculator page, on top of FIRST_RESULT_SCRIPT's stamp:
#: - ``screen``: first paint with a result in the page (the build's pre-rendered example, if the HTML has one:
#:   the later of first-contentful-paint and the moment a filled result area is in the document);
#: - ``typed``: as soon as the form exists, a new value (``INPUT``, not the example's) is typed into a field;
#: - ``answer``: the page shows the engine's answer to it (settled, answered by the engine, not the build).
CALC_SCRIPT = """
(() => {
  const input = %s;
  const bench = window.__bench;
  let dom;
  const paint = () => performance.getEntriesByName("first-contentful-paint")[0];
  const stampScreen = () => {
    const fcp = paint();
    if (bench.screen === undefined && dom !== undefined && fcp) bench.screen = Math.max(dom, fcp.startTime);
  };
  new PerformanceObserver(stampScreen).observe({ type: "paint", buffered: true });
  const check = () => {
    const root = document.getElementById("calc");
    if (!root) return;
    if (dom === undefined && root.querySelector(".calc-result .calc-figures > *")) {
      dom = performance.now();
      bench.prerendered = !!root.querySelector(".calc-prerender");
      stampScreen();
    }
    if (bench.typed === undefined && root.dataset.form === "ready") {
      const field = document.getElementById(`calc-f-${input.name}`);
      field.value = input.value;
      bench.typed = performance.now();
      field.dispatchEvent(new Event("input", { bubbles: true }));
      return;
    }
    if (bench.typed !== undefined && bench.answer === undefined && root.dataset.settled === "true"
        && root.dataset.answered && root.dataset.answered !== "0") {
      bench.answer = performance.now();
      bench.outcome = root.dataset.outcome;
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener("DOMContentLoaded", check);
})();
"""


def first_result_script(signal_js: str, calc_input: dict[str, str] | None = None) -> str:
    script = FIRST_RESULT_SCRIPT % signal_js
    return script + (CALC_SCRIPT % json.dumps(calc_input) if calc_input else "")


def page_for(context: Any) -> Any:
    """The persistent context's first tab (it opens with one), or a new one."""
    return context.pages[0] if context.pages else context.new_page()


#: DevTools' network emulation of the throttled profile: 10 Mbit/s down (and up), 40 ms latency.
THROTTLED = {"offline": False, "latency": 40, "downloadThroughput": 10_000_000 / 8, "uploadThroughput": 10_000_000 / 8}


def throttle(context: Any, conditions: dict[str, Any] = THROTTLED) -> None:
    """Emulate a slower network for the page's (and its workers') requests, through the DevTools protocol."""
    page = page_for(context)
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", conditions)


def time_to_first_result(context: Any, url: str, timeout_ms: float = 90_000, dwell_ms: float = 0,
                         calculator: bool = False) -> float:
    """Milliseconds from navigation start to the first result on screen (needs ``first_result_script``); on a
    calculator page with an input to type, to the engine's answer to that input (see CALC_SCRIPT)."""
    page = page_for(context)
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    done = "window.__bench.answer" if calculator else "window.__bench.first"
    page.wait_for_function(f"() => window.__bench && {done} !== undefined", timeout=timeout_ms, polling=50)
    first = float(page.evaluate(done))
    if dwell_ms:
        page.wait_for_timeout(dwell_ms)
    return first


def calc_stamps(context: Any) -> dict[str, Any]:
    """What CALC_SCRIPT stamped: screen, typed, answer (ms since navigation start), prerendered, outcome."""
    stamps: dict[str, Any] = page_for(context).evaluate("() => ({ ...window.__bench })")
    return stamps
