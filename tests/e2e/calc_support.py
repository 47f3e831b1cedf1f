"""Helpers for the calculator pages' browser tests: the CLI as the oracle, figures typed as each language types them.

The worked examples of ``calculators.examples`` are the one shared vector set:
the tests type their payloads into the pages in the page's number and date
format, and compare what the page shows with what ``python -m calculators NAME``
answers for the same payload.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from decimal import Decimal
from typing import Any

from conftest import ROOT

from calculators import messages
from calculators.examples import EXAMPLES

LANGS = ("en", "nl", "fr")
#: Page slug of each calculator (docs/<lang>/calculators/<slug>.md).
SLUGS = {
    "self_assessment_limit": "self-assessment-limit",
    "payout": "payout",
    "eligibility": "eligibility",
    "claim_timeline": "claim-timeline",
    "insurance_value": "insurance-value",
    "late_payment": "late-payment",
    "portfolio": "portfolio",
    "collections": "collections",
}
NBSP = "\u00a0"
NNBSP = "\u202f"


def page_url(site_url: str, lang: str, calculator: str) -> str:
    """The calculator's page in ``lang``: English at the root, the others under /<lang>/."""
    prefix = "" if lang == "en" else f"{lang}/"
    return f"{site_url}{prefix}calculators/{SLUGS[calculator]}/"


@functools.cache
def _cli(name: str, text: str) -> str:
    result = subprocess.run([sys.executable, "-m", "calculators", name], input=text, capture_output=True,
                            text=True, cwd=ROOT, check=False, timeout=60)
    assert result.returncode in (0, 2), result.stderr
    return result.stdout


def cli(name: str, payload: dict[str, Any], lang: str) -> dict[str, Any]:
    """What the command line answers for ``payload`` in ``lang`` (the oracle for every page figure)."""
    answer: dict[str, Any] = json.loads(_cli(name, json.dumps({**payload, "lang": lang}, sort_keys=True)))
    return answer


def examples_of(calculator: str) -> list[str]:
    return [name for name, example in EXAMPLES.items() if example["calculator"] == calculator]


# -- typing as people of each language type -------------------------------------------------------

def typed_amount(value: str | int, lang: str, *, variant: int = 0) -> str:
    """``"14000.5"`` as a person types it: nl ``14.000,5``, fr ``14 000,5`` (space, NBSP or NNBSP), en ``14,000.5``."""
    whole, _, fraction = str(value).partition(".")
    if lang == "en":
        group, point = ",", "."
    elif lang == "nl":
        group, point = ".", ","
    else:
        group, point = (" ", NBSP, NNBSP)[variant % 3], ","
    text = messages._group(whole, group)  # the engine's own grouping, with the separator people type
    return text + (point + fraction if fraction else "")


def typed_date(iso: str, lang: str) -> str:
    """``2026-01-15`` as typed: nl ``15-01-2026``, fr and en (en-GB/IE) ``15/01/2026``."""
    year, month, day = iso.split("-")
    return f"{day}-{month}-{year}" if lang == "nl" else f"{day}/{month}/{year}"


def shown_money(amount: str, lang: str) -> str:
    """An engine amount as the page must show it (Intl writes it the way the engine's formatter does)."""
    return messages.format_money(Decimal(amount), lang)


def shown_date(iso: str, lang: str) -> str:
    from datetime import date
    return messages.format_date(date.fromisoformat(iso), lang)


# -- the page -------------------------------------------------------------------------------------------

def open_calculator(page: Any, url: str, timeout: float = 60_000) -> None:
    """Go to a calculator page and wait until the engine is ready and the page shows the answer to its inputs
    (the example's may be the build's pre-rendered one: the engine need not recompute it)."""
    page.goto(url)
    page.wait_for_selector("#calc[data-form='ready']", timeout=10_000)
    wait(page, "c.dataset.engine !== 'loading'", timeout)
    settle(page, timeout)


def settle(page: Any, timeout: float = 30_000) -> None:
    """Wait until the page shows the answer to its latest input."""
    wait(page, "c.dataset.settled === 'true' && c.dataset.answered === c.dataset.requested", timeout)


def wait(page: Any, condition: str, timeout: float = 30_000) -> None:
    """Wait until ``condition`` holds for ``c``, the calculator's element; say where the page stands if not."""
    try:
        page.wait_for_function(f"() => {{ const c = document.querySelector('#calc'); return c && ({condition}); }}",
                               timeout=timeout)
    except Exception as error:  # a timeout: report the page's state, not just the wait
        state = page.evaluate("() => { const c = document.querySelector('#calc');"
                              " return c ? {data: {...c.dataset, config: undefined},"
                              " status: c.querySelector('.calc-status')?.textContent} : null; }")
        raise AssertionError(f"waited {timeout / 1000:.0f} s for {condition}; page state: {state}") from error


def fill(page: Any, name: str, text: str) -> None:
    page.fill(f"#calc-f-{name}", text)


def choose(page: Any, name: str, value: str) -> None:
    page.check(f"#calc-f-{name}-{value}")


def figures(page: Any) -> dict[str, dict[str, str]]:
    """Every figure on the page: key -> {value (the engine's), text (as shown)}."""
    return page.eval_on_selector_all(
        "#calc .calc-figure", "els => Object.fromEntries(els.map(e => [e.dataset.figure, "
        "{value: e.querySelector('dd').dataset.value, text: e.querySelector('dd').textContent}]))")


def explanation(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "#calc .calc-explanation > li[data-code]", "els => els.map(e => ({code: e.dataset.code, text: e.textContent}))")


def field_error(page: Any, name: str) -> str:
    return page.text_content(f"#calc-e-{name}") or ""


def engine_timings(page: Any) -> dict[str, Any]:
    """The engine's start marks, as the page writes them (``data-engine-timings``)."""
    timings: dict[str, Any] = json.loads(page.get_attribute("#calc", "data-engine-timings") or "{}")
    return timings


#: An init script: the first Worker the page makes (the head script's engine worker) fails to start.
FIRST_WORKER_FAILS = """(() => {
    const Real = window.Worker;
    let first = true;
    window.Worker = function (...args) {
        if (first) { first = false; throw new Error("blocked for the test"); }
        return new Real(...args);
    };
})();"""
