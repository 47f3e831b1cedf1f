"""Offline after the first visit (the service worker), and a plain message when the engine cannot load."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from calc_support import cli, figures, open_calculator, page_url, settle, typed_amount, wait
from conftest import ROOT, Guard, StaticServer, guard_context

STRINGS = json.loads((ROOT / "docs" / "assets" / "calc" / "strings.json").read_text(encoding="utf-8"))


@pytest.fixture
def own_server(built_site: Any) -> Iterator[StaticServer]:
    """A server of its own, which the test may stop without disturbing the others."""
    server = StaticServer(built_site).start()
    yield server
    server.stop()


def test_a_calculator_reloads_and_computes_with_the_server_stopped(
        browser: Any, own_server: StaticServer) -> None:
    context = browser.new_context()
    guard = Guard()
    guard_context(context, guard)
    try:
        page = context.new_page()
        url = page_url(own_server.url, "fr", "payout")
        open_calculator(page, url)
        wasm_requests: list[str] = []
        context.on("request", lambda r: wasm_requests.append(r.url) if r.url.endswith(".wasm") else None)
        wait(page, "c.dataset.offline === 'ready'", 60_000)
        wasm_requests.clear()
        # The first visit runs Pyodide's JS once more from the service worker's cache (warm-runtime.mjs), which
        # never gets as far as the wasm.
        wait(page, "c.dataset.warmRuntime === 'done'", 30_000)
        assert wasm_requests == []
        caches = page.evaluate("caches.keys()")
        version = page.get_attribute("#calc", "data-engine-version")
        assert f"portal-engine-{version}" in caches

        # A guide page visited now loads nothing of the engine, even with the service worker in place.
        engine_requests: list[str] = []
        page.on("request", lambda r: engine_requests.append(r.url) if "/pyodide/" in r.url else None)
        page.goto(own_server.url + "fr/payout/")
        page.wait_for_load_state("load")
        assert engine_requests == []

        own_server.stop()
        guard.allow_console("ERR_CONNECTION_REFUSED")
        response = page.goto(url)
        assert response is not None and response.from_service_worker
        page.wait_for_selector("#calc[data-form='ready']")
        settle(page, timeout=60_000)
        payload = {"credit_limit": "40000", "outstanding": "30000", "recovered": "2500"}
        for name, value in payload.items():
            page.fill(f"#calc-f-{name}", typed_amount(value, "fr", variant=2))
        settle(page)
        assert figures(page)["payout"]["value"] == cli("payout", payload, "fr")["payout"]
        # A page the service worker already served does not run the warm-up again.
        wait(page, "c.dataset.offline !== undefined", 30_000)
        assert page.get_attribute("#calc", "data-warm-runtime") is None
    finally:
        context.close()
    assert not guard.problems(), guard.problems()


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_an_engine_that_cannot_load_is_reported_in_the_page_language(page: Any, guard: Guard, site_url: str,
                                                                     lang: str) -> None:
    guard.allow_console("404")
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(page_url(site_url, lang, "claim_timeline"))
    alert = page.locator("#calc .calc-status[role=alert]")
    alert.wait_for(timeout=20_000)
    assert STRINGS[lang]["engine.failed"] in alert.text_content()
    assert page.get_attribute("#calc", "data-engine") == "failed"
    # The form stays usable and keeps what is typed.
    page.fill("#calc-f-payment_term_days", "45")
    assert page.input_value("#calc-f-payment_term_days") == "45"
    assert page.text_content("#calc .calc-summary") == STRINGS[lang]["result.unavailable"]
