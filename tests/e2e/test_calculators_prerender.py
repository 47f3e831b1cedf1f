"""The example's result is in the page's HTML: shown without JavaScript, the same as the engine's, never stale."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from calc_support import SLUGS, cli, explanation, figures, page_url, settle, typed_amount, wait
from conftest import ROOT

STRINGS = json.loads((ROOT / "docs" / "assets" / "calc" / "strings.json").read_text(encoding="utf-8"))
RESULT_TEXT = "() => document.querySelector('#calc .calc-result').innerText"


def prerendered(page: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.get_attribute("#calc", "data-prerender"))
    return data


class Held:
    """Requests for ``pattern`` wait until ``release()``: the page stands where it is before they are answered."""

    def __init__(self, page: Any, pattern: str) -> None:
        self.routes: list[Any] = []
        self.page, self.pattern = page, pattern
        page.route(pattern, lambda route: self.routes.append(route))

    def release(self) -> None:
        for route in self.routes:
            route.continue_()
        self.page.unroute(self.pattern)


@pytest.mark.parametrize("calculator", sorted(SLUGS))
def test_without_javascript_the_page_shows_the_engines_answer_to_its_example(
        browser: Any, site_url: str, calculator: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(page_url(site_url, "fr", calculator))
        data = prerendered(page)
        answer = cli(calculator, {k: v for k, v in data["payload"].items() if k != "lang"}, "fr")
        assert data["answer"] == answer
        assert page.text_content("#calc .calc-summary") not in (STRINGS["fr"]["result.waiting"], "")
        for key, figure in figures(page).items():
            expected = str(answer.get(key))
            if re.fullmatch(r"-?\d+(\.\d+)?|\d{4}-\d{2}-\d{2}", expected):  # amounts, counts, dates
                assert figure["value"] == expected, key
        # Every step of the engine's explanation is on the page (as a numbered list, or a module's own list).
        shown = page.text_content("#calc .calc-result")
        assert [step["text"] for step in answer["explanation"] if step["text"] not in shown] == []
        if explanation(page):
            assert explanation(page) == [{"code": s["code"], "text": s["text"]} for s in answer["explanation"]]
        assert not [url for url in requested if "/pyodide/" in url]  # zero engine bytes before it
    finally:
        context.close()


@pytest.mark.parametrize("calculator", sorted(SLUGS))
def test_the_prerendered_markup_is_what_the_page_renders_itself(page: Any, site_url: str, calculator: str) -> None:
    engine = Held(page, "**/pyodide.mjs")
    script = Held(page, "**/assets/calc/calc.js")  # the page as the HTML has it, before calc.js rebuilds it
    page.goto(page_url(site_url, "nl", calculator), wait_until="commit")
    page.wait_for_selector("#calc .calc-prerender .calc-result", state="attached")
    static = page.evaluate("() => document.querySelector('#calc .calc-prerender .calc-result').innerText")
    script.release()
    wait(page, "c.dataset.form === 'ready'", 10_000)
    assert page.get_attribute("#calc", "data-engine") == "loading"
    assert page.get_attribute("#calc", "data-prerendered") == "shown"
    assert page.evaluate(RESULT_TEXT) == static  # Node's markup and Intl agree with the browser's
    engine.release()
    wait(page, "c.dataset.engine === 'ready'", 60_000)
    assert page.get_attribute("#calc", "data-prerendered") == "shown"  # the engine has nothing to redo
    assert page.get_attribute("#calc", "data-settled") == "true"


def test_a_shared_address_with_other_inputs_shows_computing_until_the_engine_answers(
        page: Any, site_url: str) -> None:
    payload = {"credit_limit": "40000", "outstanding": "30000", "recovered": "2500"}
    url = page_url(site_url, "en", "payout") + "#" + "&".join(f"{k}={v}" for k, v in payload.items())
    script = Held(page, "**/assets/calc/calc.js")
    engine = Held(page, "**/pyodide.mjs")
    page.goto(url, wait_until="commit")
    page.wait_for_selector("#calc .calc-prerender .calc-result", state="attached")
    # Before calc.js runs: the example's figures are in the HTML but hidden, "computing…" in their place.
    assert page.evaluate("document.documentElement.classList.contains('calc-has-state')")
    assert not page.locator("#calc .calc-prerender .calc-figures").is_visible()
    assert page.locator("#calc .calc-prerender .calc-result").is_visible()
    script.release()
    wait(page, "c.dataset.form === 'ready'", 10_000)
    assert page.text_content("#calc .calc-summary") == STRINGS["en"]["result.computing"]
    assert figures(page) == {}
    assert page.get_attribute("#calc", "data-prerendered") is None
    engine.release()
    settle(page, timeout=60_000)
    assert figures(page)["payout"]["value"] == cli("payout", payload, "en")["payout"]


def test_the_first_edit_hands_over_to_the_engine(page: Any, site_url: str) -> None:
    engine = Held(page, "**/pyodide.mjs")
    page.goto(page_url(site_url, "fr", "payout"))
    wait(page, "c.dataset.form === 'ready'", 10_000)
    assert figures(page)["payout"]["value"] == prerendered(page)["answer"]["payout"]
    page.fill("#calc-f-outstanding", typed_amount("30000", "fr"))
    assert page.text_content("#calc .calc-summary") == STRINGS["fr"]["result.computing"]
    assert figures(page) == {}
    engine.release()
    settle(page, timeout=60_000)
    example = {k: v for k, v in prerendered(page)["payload"].items() if k != "lang"}
    assert figures(page)["payout"]["value"] == cli("payout", {**example, "outstanding": "30000"}, "fr")["payout"]
