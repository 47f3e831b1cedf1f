"""The engine's worker fetches and compiles the wasm as soon as it starts (beside Pyodide's own module), and a
failed early compile falls back to Pyodide compiling it again: the start still restores the snapshot."""

from __future__ import annotations

from typing import Any

from calc_support import cli, engine_timings, figures, page_url, settle, typed_amount, wait

PAYLOAD = {"credit_limit": "40000", "outstanding": "30000", "recovered": "2500"}


def start_and_compute(page: Any, url: str, lang: str) -> dict[str, Any]:
    page.goto(url)
    page.wait_for_selector("#calc[data-form='ready']", timeout=10_000)
    wait(page, "c.dataset.engine === 'ready'", 60_000)
    for name, value in PAYLOAD.items():
        page.fill(f"#calc-f-{name}", typed_amount(value, lang))
    settle(page, timeout=60_000)
    assert figures(page)["payout"]["value"] == cli("payout", PAYLOAD, lang)["payout"]
    return engine_timings(page)


def test_the_wasm_is_fetched_once_and_compiled_before_it_is_instantiated(page: Any, site_url: str) -> None:
    wasm: list[str] = []
    page.on("request", lambda request: request.url.endswith(".wasm") and wasm.append(request.url))
    timings = start_and_compute(page, page_url(site_url, "en", "payout"), "en")
    marks = timings["marks"]
    assert timings["snapshot"] is True, timings
    assert "compileFallback" not in marks, marks
    assert 0 < marks["compiled"] <= marks["wasm"], marks
    assert len(wasm) == 1, wasm  # Pyodide's own fetch got the stand-in, not a second download


def test_a_failed_early_compile_compiles_again_and_still_restores_the_snapshot(page: Any, site_url: str) -> None:
    served: list[str] = []

    def first_one_broken(route: Any) -> None:
        served.append(route.request.url)
        if len(served) == 1:  # the worker's early fetch: bytes that are no wasm module
            route.fulfill(status=200, body=b"not a wasm module", headers={"content-type": "application/wasm"})
        else:
            route.fallback()

    page.route("**/pyodide.asm.wasm", first_one_broken)
    timings = start_and_compute(page, page_url(site_url, "fr", "payout"), "fr")
    assert timings["snapshot"] is True, timings
    assert timings.get("fallback") is None, timings
    assert timings["marks"].get("compileFallback"), timings  # the reason the early compile failed
    assert "compiled" not in timings["marks"]
    assert len(served) == 2, served
