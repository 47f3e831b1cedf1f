"""The snapshot's own calculators start and answer without the trimmed stdlib zip; anything else that needs it
still gets it after the restore (fetched before a calculator outside the snapshot runs, or synchronously by the
first open of the file), and pages of the other calculators fetch it at start, as before."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from calc_support import LANGS, cli, engine_timings, figures, page_url, settle, typed_amount, wait
from conftest import ROOT, Guard

import calculators
from calculators.examples import EXAMPLES
from site_build.snapshot import SNAPSHOT_CALCULATORS

sys.path.insert(0, str(ROOT / "tests" / "calculators"))
from test_messages import corpus  # the error corpus: every branch that writes a message

ZIP = "**/pyodide/snapshots/*/python_stdlib.zip"

#: A second engine worker in the page, started with the page's own init message (changed by `overrides`); it
#: answers `requests` ([name, payload] pairs) one after the other: [{text} | {crash}], and its ready timings.
RUN_IN_WORKER = """async ([requests, overrides]) => {
    const boot = window.calcEngineBoot;
    const root = new URL(document.querySelector("#calc").dataset.root, location.href);
    const worker = new Worker(new URL("assets/calc/worker.mjs", root), { type: "module" });
    const answers = [];
    let timings = null;
    await new Promise((resolve, reject) => {
        let next = 0;
        const ask = () => {
            if (next === requests.length) { resolve(); return; }
            const [name, payload] = requests[next];
            worker.postMessage({ type: "run", id: next, name, payload });
        };
        worker.onmessage = ({ data }) => {
            if (data.type === "ready") { timings = data.timings; ask(); }
            else if (data.type === "failed" || data.type === "fallback") reject(new Error(data.detail));
            else if (data.type === "result" || data.type === "crash") {
                answers.push(data.type === "result" ? { text: data.text } : { crash: data.detail });
                next += 1;
                ask();
            }
        };
        worker.postMessage({ ...boot.init, ...overrides, type: "init" });
    });
    worker.terminate();
    return { answers, timings };
}"""


def requests_of(names: tuple[str, ...]) -> list[tuple[str, Any]]:
    """Every worked example and every request of the message corpus of ``names``, in each language."""
    wanted = [(example["calculator"], example["payload"]) for example in EXAMPLES.values()]
    wanted += list(corpus())
    out = []
    for lang in LANGS:
        for name, payload in wanted:
            if name in names:
                out.append((name, {**payload, "lang": lang} if isinstance(payload, dict) else payload))
    return out


def run_in_worker(page: Any, requests: list[tuple[str, Any]], **overrides: str) -> dict[str, Any]:
    done: dict[str, Any] = page.evaluate(RUN_IN_WORKER, [[list(r) for r in requests], overrides])
    return done


def assert_answers_as_cpython(requests: list[tuple[str, Any]], answers: list[dict[str, str]]) -> None:
    assert len(answers) == len(requests)
    for (name, payload), answer in zip(requests, answers, strict=True):
        assert "crash" not in answer, (name, payload, answer)
        assert answer["text"] == calculators.run_json(name, json.dumps(payload)), (name, payload)


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """No service worker: each request of the engine's workers reaches the routes of the page (a service worker's
    own fetches would go past them)."""
    return {**browser_context_args, "service_workers": "block"}


@pytest.fixture
def zip_requests(page: Any) -> Iterator[list[str]]:
    """Every request for the snapshot's stdlib zip the page (or one of its workers) makes; the zip is served."""
    seen: list[str] = []
    page.on("request", lambda request: "/snapshots/" in request.url and request.url.endswith(".zip")
            and seen.append(request.url))
    yield seen


def missing(route: Any) -> None:
    """The zip answered 404 (route handler)."""
    route.fulfill(status=404, body="missing")


def open_engine(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#calc[data-form='ready']", timeout=10_000)
    wait(page, "c.dataset.engine === 'ready'", 60_000)


@pytest.mark.parametrize("calculator", SNAPSHOT_CALCULATORS)
def test_a_snapshot_calculator_answers_every_example_and_error_without_the_stdlib_zip(
        page: Any, guard: Guard, site_url: str, zip_requests: list[str], calculator: str) -> None:
    asked: list[str] = []

    def absent(route: Any) -> None:
        asked.append(route.request.url)
        missing(route)

    page.route(ZIP, absent)
    open_engine(page, page_url(site_url, "nl", calculator))
    timings = engine_timings(page)
    assert timings["snapshot"] is True and timings.get("fallback") is None, timings
    requests = requests_of((calculator,))
    assert len(requests) >= 3 * 4, requests  # examples and errors, in three languages
    done = run_in_worker(page, requests)
    assert_answers_as_cpython(requests, done["answers"])
    assert "stdlib" not in done["timings"]["marks"]  # it started without the zip
    assert asked == [] and zip_requests == []  # neither the page's worker nor the second one asked for the zip


def test_a_calculator_outside_the_snapshot_fetches_the_zip_once_before_it_runs(
        page: Any, site_url: str, zip_requests: list[str]) -> None:
    open_engine(page, page_url(site_url, "en", "payout"))
    assert zip_requests == []
    # late_payment was never imported by the snapshot: its modules and the stdlib they name come from the zip.
    late = requests_of(("late_payment",))[:3]
    requests = [("payout", {"credit_limit": "1000", "outstanding": "800"}), *late, *late]
    done = run_in_worker(page, requests)
    assert_answers_as_cpython(requests, done["answers"])
    assert len(zip_requests) == 1, zip_requests  # by the second worker, once, before late_payment ran
    # The page's own engine still computes.
    payload = {"credit_limit": "40000", "outstanding": "30000", "recovered": "2500"}
    for name, value in payload.items():
        page.fill(f"#calc-f-{name}", typed_amount(value, "en"))
    settle(page, timeout=60_000)
    assert figures(page)["payout"]["value"] == cli("payout", payload, "en")["payout"]


def test_an_import_the_worker_did_not_foresee_reads_the_zip_synchronously(
        page: Any, site_url: str, zip_requests: list[str]) -> None:
    open_engine(page, page_url(site_url, "fr", "claim_timeline"))
    # A worker told that late_payment is one of the snapshot's calculators does not fetch the zip before it runs:
    # the import's first open of the placeholder fetches it (a synchronous request) and the answer is the same.
    late = requests_of(("late_payment",))[:2]
    done = run_in_worker(page, late, snapshotCalculators=",".join((*SNAPSHOT_CALCULATORS, "late_payment")))
    assert_answers_as_cpython(late, done["answers"])
    assert len(zip_requests) == 1, zip_requests


def test_a_page_outside_the_snapshot_fetches_the_zip_at_start(
        page: Any, site_url: str, zip_requests: list[str]) -> None:
    open_engine(page, page_url(site_url, "nl", "late_payment"))
    timings = engine_timings(page)
    assert timings["snapshot"] is True, timings
    assert timings["marks"]["stdlib"] > 0, timings
    assert len(zip_requests) == 1, zip_requests
    settle(page, timeout=60_000)


def test_a_missing_zip_makes_a_page_outside_the_snapshot_start_normally(
        page: Any, guard: Guard, site_url: str) -> None:
    guard.allow_console("404")
    page.route(ZIP, missing)
    open_engine(page, page_url(site_url, "fr", "insurance_value"))
    timings = engine_timings(page)
    assert timings["snapshot"] is False and "404" in timings["fallback"], timings
    settle(page, timeout=60_000)


def test_without_the_zip_a_lazy_import_fails_as_an_answer_and_the_engine_keeps_working(
        page: Any, guard: Guard, site_url: str) -> None:
    guard.allow_console("404")
    page.route(ZIP, missing)
    open_engine(page, page_url(site_url, "en", "eligibility"))
    late = requests_of(("late_payment",))[:1]
    payout = [("payout", {"credit_limit": "1000", "outstanding": "800", "lang": "en"})]
    done = run_in_worker(page, [*late, *payout])
    first = done["answers"][0]
    assert "crash" in first or "internal_error" in first["text"], first
    assert_answers_as_cpython(payout, done["answers"][1:])
