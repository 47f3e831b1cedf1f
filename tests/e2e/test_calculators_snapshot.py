"""The engine starts from the build's memory snapshot, and from scratch whenever that snapshot cannot be used."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from calc_support import FIRST_WORKER_FAILS, cli, engine_timings, figures, page_url, settle, typed_amount, wait
from conftest import SITE, Guard

PAYLOAD = {"credit_limit": "40000", "outstanding": "30000", "recovered": "2500"}


def snapshot_path() -> Path:
    html = (SITE / "calculators" / "payout" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'data-snapshot="[./]*/?(pyodide/snapshots/[0-9a-f]+/snapshot\.bin)"', html)
    assert match, "the calculator page names no snapshot"
    return SITE / match.group(1)


def compute_new_input(page: Any, lang: str) -> None:
    """An input the page did not pre-render, answered by the engine exactly as the CLI answers it."""
    for name, value in PAYLOAD.items():
        page.fill(f"#calc-f-{name}", typed_amount(value, lang))
    settle(page, timeout=60_000)
    assert figures(page)["payout"]["value"] == cli("payout", PAYLOAD, lang)["payout"]


def open_and_wait_for_engine(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#calc[data-form='ready']", timeout=10_000)
    wait(page, "c.dataset.engine === 'ready'", 60_000)


def test_a_first_visit_restores_the_snapshot_without_the_wheel_or_the_full_stdlib(page: Any, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_and_wait_for_engine(page, page_url(site_url, "fr", "payout"))
    timings = engine_timings(page)
    assert timings["snapshot"] is True, timings
    assert timings.get("fallback") is None
    engine_files = [url.split("/pyodide/", 1)[1] for url in requested if "/pyodide/" in url]
    assert any(name.startswith("snapshots/") and name.endswith("/snapshot.bin") for name in engine_files)
    # The payout is one of the snapshot's calculators: its page never needs the trimmed stdlib zip
    # (test_calculators_lazy_stdlib.py has the pages that do).
    assert not any(name.startswith("snapshots/") and name.endswith("/python_stdlib.zip") for name in engine_files)
    assert not [name for name in engine_files if name.endswith(".whl") or name == "314.0.7/python_stdlib.zip"]
    compute_new_input(page, "fr")


def _not_found(route: Any) -> None:
    route.fulfill(status=404, body="missing")


def _serve(body: Callable[[bytes], bytes]) -> Callable[[Any], None]:
    data = body(snapshot_path().read_bytes())
    return lambda route: route.fulfill(status=200, body=data, headers={"content-type": "application/octet-stream"})


# The bodies are cut to 1 MiB: Playwright sends a fulfilled body through the DevTools protocol before the page
# sees its first byte, and all of it (7.5 MB) would take longer than the page waits for progress. The worker refuses a
# body of another length than the page names, but lets Pyodide check its header first (snapshot-delta.mjs), so
# each case still fails on its own check, with the cut named beside it.
HEAD = 1 << 20


def _other_build(snapshot: bytes) -> bytes:
    """The header's build id (bytes 16-48) of another runtime build."""
    return snapshot[:16] + bytes(32) + snapshot[48:HEAD]


def _not_a_snapshot(snapshot: bytes) -> bytes:
    """Bytes that are no snapshot at all (a proxy's error page): the restore throws."""
    return bytes(4) + snapshot[4:HEAD]


def _cut(snapshot: bytes) -> bytes:
    """A download cut short, with a good header: refused before anything is restored."""
    return snapshot[:HEAD]


FAILURES = {
    "snapshot missing": ("**/snapshot.bin", lambda: _not_found, "404"),
    "another runtime build": ("**/snapshot.bin", lambda: _serve(_other_build), "build id mismatch"),
    "restore error": ("**/snapshot.bin", lambda: _serve(_not_a_snapshot), "invalid magic number"),
    "cut short": ("**/snapshot.bin", lambda: _serve(_cut), f"snapshot of {HEAD} bytes, expected"),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_a_snapshot_that_cannot_be_used_falls_back_to_a_normal_start(
        page: Any, guard: Guard, site_url: str, failure: str) -> None:
    pattern, handler, reason = FAILURES[failure]
    if reason == "404":
        guard.allow_console("404")  # the browser logs the failed request itself
    page.route(pattern, handler())
    warnings: list[str] = []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    open_and_wait_for_engine(page, page_url(site_url, "nl", "payout"))
    timings = engine_timings(page)
    assert timings["snapshot"] is False
    assert reason in timings["fallback"], timings
    compute_new_input(page, "nl")
    # The worker's console.warn reaches the page's console in Chromium; when it does, it says what happened.
    said = [text for text in warnings if "engine snapshot not usable" in text]
    assert all(reason in text for text in said), said


def test_the_engine_restores_the_snapshot_when_the_head_script_could_not_start_it(page: Any, site_url: str) -> None:
    # The first Worker the page makes (the head script's) fails: engine.js starts its own, still from the snapshot.
    page.add_init_script(FIRST_WORKER_FAILS)
    open_and_wait_for_engine(page, page_url(site_url, "en", "payout"))
    timings = engine_timings(page)
    assert timings["snapshot"] is True, timings
    assert timings.get("fallback") is None
    compute_new_input(page, "en")
