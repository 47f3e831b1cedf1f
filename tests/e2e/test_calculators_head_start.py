"""The calculator page's head script: the engine's worker starts first, the theme's search worker after it, and
search works on a calculator page whether the head script could start the engine or not."""

from __future__ import annotations

from typing import Any

from calc_support import FIRST_WORKER_FAILS, page_url, wait


def search_results(page: Any, query: str) -> int:
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(query, delay=10)  # material searches on key events, not on fill()
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    results.first.wait_for(state="attached", timeout=15_000)
    return results.count()


def test_the_search_worker_starts_after_the_engine_and_search_works(page: Any, site_url: str) -> None:
    workers: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(page_url(site_url, "en", "payout"))
    wait(page, "c.dataset.engine === 'ready'", 60_000)
    assert search_results(page, "credit") > 0
    engine = next(i for i, url in enumerate(workers) if url.endswith("/assets/calc/worker.mjs"))
    search = next(i for i, url in enumerate(workers) if "/workers/search." in url)
    assert engine < search, workers


#: Stamps every Worker the page creates ([url, performance.now()]) and the moment the engine's worker says "ready"
#: (window.__ready: this listener is added before the head script's own); installed before the head script takes
#: its copy of Worker.
WORKER_STAMPS = """(() => {
  const Real = window.Worker;
  window.__workers = [];
  window.Worker = function Worker(url, options) {
    window.__workers.push([String(url), performance.now()]);
    const worker = new Real(url, options);
    worker.addEventListener("message", (event) => {
      if (event.data && event.data.type === "ready") window.__ready = performance.now();
    });
    return worker;
  };
  window.Worker.prototype = Real.prototype;
})();"""


def test_a_page_that_asks_nothing_starts_the_search_worker_300_ms_after_the_engine_is_ready(
        page: Any, site_url: str) -> None:
    # The example's answer is pre-rendered, so the page sends no request when the engine is ready: the search
    # worker waits for a first answer only SEARCH_AFTER_READY_MS (calculator.html), never less.
    page.add_init_script(WORKER_STAMPS)
    page.goto(page_url(site_url, "en", "payout"))
    wait(page, "c.dataset.engine === 'ready'", 60_000)
    page.wait_for_function("() => window.__workers.some(([url]) => url.includes('/workers/search.'))",
                           timeout=15_000)
    ready = page.evaluate("window.__ready")
    created = page.evaluate("window.__workers.find(([url]) => url.includes('/workers/search.'))[1]")
    assert ready is not None and created >= ready + 290, (created, ready)
    assert page.get_attribute("#calc", "data-answered") == "0"  # still the build's answer: nothing was asked


def test_search_works_when_the_head_script_could_not_start_the_engine(page: Any, site_url: str) -> None:
    page.add_init_script(FIRST_WORKER_FAILS)
    page.goto(page_url(site_url, "nl", "payout"))
    wait(page, "c.dataset.engine === 'ready'", 60_000)
    assert search_results(page, "krediet") > 0


def test_a_later_visit_gets_its_page_through_the_service_workers_static_route(page: Any, site_url: str) -> None:
    # sw.js adds a static route for page requests (race the network against its fetch handler): on the next visit
    # the browser evaluates that route before (instead of waiting for) the service worker's start.
    page.goto(page_url(site_url, "en", "payout"))
    wait(page, "c.dataset.offline === 'ready'", 60_000)
    page.reload()
    page.wait_for_selector("#calc[data-form='ready']", timeout=10_000)
    timing = page.evaluate("""() => { const n = performance.getEntriesByType("navigation")[0];
        return { router: n.workerRouterEvaluationStart, controlled: !!navigator.serviceWorker.controller }; }""")
    assert timing["controlled"], timing
    assert timing["router"] > 0, timing
    wait(page, "c.dataset.engine === 'ready'", 60_000)
