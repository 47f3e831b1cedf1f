"""Debian's chromium driven by Playwright, one fresh profile per measured run.

Times are taken inside the page: an init script installed before any of the
page's own scripts runs a MutationObserver that stamps ``performance.now()``
(milliseconds since the navigation started) the first time the page's
"result on screen" signal holds. No Playwright round trip is in the figure.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
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


# -- the browser's own start-up -----------------------------------------------------------------------------------
# For the first ~0.5 s after Playwright's launch returns, chromium 156 keeps about 1.8 of this machine's 2 cores
# busy with its own start-up (most of it a renderer preloading the "top chrome" omnibox popup WebUI, which a
# headless browser never shows). A page opened at once shares the CPU with that, and a 0.6 s start suffers more
# from it than the baseline's 1.9 s one. A reader's visit rarely falls in their browser's first second, so each
# visit waits until the browser's processes are quiet (`settle`, on by default), measured from /proc: the CPU
# time of the browser's process tree, read every SETTLE_STEP_S.

#: A window (SETTLE_STEP_S) in which the browser's processes used at most this much CPU (ms) is quiet (the kernel
#: counts CPU time in 10 ms ticks here).
SETTLE_QUIET_MS = 20
#: Quiet windows in a row that make the browser settled.
SETTLE_WINDOWS = 3
#: The length of a window: how often the browser's CPU time is read.
SETTLE_STEP_S = 0.1
#: Never wait longer than this for a browser that stays busy (the visit then goes ahead, and the wait is recorded).
SETTLE_TIMEOUT_S = 5.0


def process_tree(procs: dict[int, tuple[int, int, str]], marker: str) -> set[int]:
    """The pids of the browser whose command line holds ``marker`` (its --user-data-dir) and of all its
    descendants; ``procs`` maps pid -> (parent pid, CPU ms, command line)."""
    tree = {pid for pid, (_, _, cmd) in procs.items() if marker in cmd and "--type=" not in cmd}
    grew = True
    while grew:
        grew = False
        for pid, (parent, _, _) in procs.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return tree


def _procs() -> dict[int, tuple[int, int, str]]:
    """Every process of this machine: pid -> (parent pid, user + system CPU ms, command line), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[int, tuple[int, int, str]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
            cmd = Path(f"/proc/{name}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # gone meanwhile
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) ": state, ppid, ... utime, stime
        out[int(name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) * 1000 // tick, cmd)
    return out


def browser_cpu_ms(user_data_dir: Path) -> int | None:
    """CPU ms used so far by the browser on ``user_data_dir`` and its child processes; None without /proc."""
    if not Path("/proc/self/stat").exists():
        return None
    procs = _procs()
    tree = process_tree(procs, f"--user-data-dir={user_data_dir}")
    return sum(procs[pid][1] for pid in tree) if tree else None


def is_settled(windows: list[int], quiet_ms: int = SETTLE_QUIET_MS, count: int = SETTLE_WINDOWS) -> bool:
    """The last ``count`` windows' CPU ms (oldest first) were each at most ``quiet_ms``."""
    return len(windows) >= count and all(ms <= quiet_ms for ms in windows[-count:])


def wait_settled(user_data_dir: Path) -> dict[str, Any]:
    """Wait until the browser's processes are quiet: {"waited_ms", "settled", "cpu_ms" (used meanwhile)}."""
    started = time.monotonic()
    first = last = browser_cpu_ms(user_data_dir)
    if first is None:
        return {"waited_ms": 0.0, "settled": False, "cpu_ms": None}
    windows: list[int] = []
    while not is_settled(windows) and time.monotonic() - started < SETTLE_TIMEOUT_S:
        time.sleep(SETTLE_STEP_S)
        now = browser_cpu_ms(user_data_dir)
        if now is None:
            break
        windows.append(now - last)
        last = now
    return {"waited_ms": round((time.monotonic() - started) * 1000, 1), "settled": is_settled(windows),
            "cpu_ms": last - first}


class Profile:
    """A chromium user-data-dir: fresh and empty (cold), then reused (warm: HTTP cache, code cache, SW).

    Each browser launched on it waits until its own start-up is over before it is used (``settle``; see
    ``wait_settled``); ``settled`` lists what each wait found."""

    def __init__(self, playwright: Any, watch: Watch | None = None, extra_args: list[str] | None = None,
                 service_workers: str = "allow", settle: bool = True) -> None:
        self.playwright = playwright
        self.service_workers = service_workers
        self.dir = Path(tempfile.mkdtemp(prefix="bench-profile-"))
        self.watch = watch or Watch()
        self.extra_args = extra_args or []
        self.settle = settle
        self.settled: list[dict[str, Any]] = []

    @contextmanager
    def context(self, init_script: str | None = None) -> Iterator[Any]:
        """A browser on this profile; closing it flushes the caches to disk like a reader closing the browser."""
        context = self.playwright.chromium.launch_persistent_context(
            str(self.dir), executable_path=CHROMIUM, args=CHROMIUM_ARGS + self.extra_args, headless=True,
            viewport={"width": 1280, "height": 900}, service_workers=self.service_workers,
        )
        if self.settle:
            self.settled.append(wait_settled(self.dir))
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
