"""The insurance-value page in a real browser: its figures and pictures equal the command line's, in every language."""

from __future__ import annotations

from typing import Any

import pytest
from calc_support import (
    LANGS,
    cli,
    explanation,
    field_error,
    figures,
    fill,
    open_calculator,
    page_url,
    settle,
    shown_money,
    typed_amount,
)

from calculators import messages
from calculators.examples import EXAMPLES

NAME = "insurance_value"
AMOUNTS = ("turnover_on_credit", "premium", "largest_exposure", "largest_exposure_limit")
PERCENTS = ("premium_rate_pct", "insured_share_pct", "coverage_pct", "expected_loss_rate_pct", "margin_pct")
MONEY = ("premium", "insured_turnover", "expected_loss", "expected_payout", "net_expected", "largest_loss_uninsured",
         "largest_loss_insured", "sales_to_replace_largest_loss", "sales_to_replace_insured_loss")


def type_payload(page: Any, payload: dict[str, str], lang: str) -> None:
    for field in (*AMOUNTS, *PERCENTS):
        fill(page, field, typed_amount(payload[field], lang) if field in payload else "")
    settle(page)


def assert_page_shows(page: Any, answer: dict[str, Any], lang: str) -> None:
    shown = figures(page)
    for key in MONEY:
        if key in answer:
            assert shown[key]["value"] == answer[key], key
            assert shown[key]["text"] == shown_money(answer[key], lang), key
        else:
            assert key not in shown, key
    assert shown["break_even_loss_rate_pct"]["value"] == answer["break_even_loss_rate_pct"]
    assert [(s["code"], s["text"]) for s in explanation(page)] == [
        (s["code"], s["text"]) for s in answer["explanation"]]


@pytest.mark.parametrize("lang", LANGS)
def test_insurance_value_page_equals_the_cli(page: Any, site_url: str, lang: str) -> None:
    open_calculator(page, page_url(site_url, lang, NAME))
    # The form starts with the worked example of the cost guide, and shows its figures.
    payload = EXAMPLES["insurance_value_worked"]["payload"]
    answer = cli(NAME, payload, lang)
    assert_page_shows(page, answer, lang)
    bars = page.eval_on_selector_all(
        "#calc figure[data-picture] .calc-legend [data-bar]",
        "els => els.map(e => [e.closest('figure').dataset.picture, e.dataset.bar,"
        " e.querySelector('.calc-legend-amount').dataset.value])")
    assert bars == [
        ["iv-year", "premium", answer["premium"]], ["iv-year", "expected_payout", answer["expected_payout"]],
        ["iv-largest", "uninsured", answer["largest_loss_uninsured"]],
        ["iv-largest", "insured", answer["largest_loss_insured"]], ["iv-largest", "premium", answer["premium"]]]
    assert page.locator("#calc svg.iv-bars[role=img]").count() == 2

    # A quoted premium instead of a rate, a loss rate that makes the cover cost money, a limit below the balance.
    other = {"turnover_on_credit": "750000", "premium": "2400", "expected_loss_rate_pct": "0.15",
             "largest_exposure": "60000", "largest_exposure_limit": "40000", "margin_pct": "2.5"}
    type_payload(page, other, lang)
    answer = cli(NAME, other, lang)
    assert answer["net_expected"].startswith("-")
    assert_page_shows(page, answer, lang)

    # Bad input: both premium and rate, a zero margin: the messages next to their fields, nothing typed lost.
    fill(page, "premium_rate_pct", typed_amount("0.3", lang))
    fill(page, "margin_pct", "0")
    settle(page)
    assert field_error(page, "premium") == messages.message(lang, "error.premium_and_rate")
    assert field_error(page, "margin_pct") == messages.message(lang, "error.zero_margin")
    assert page.get_attribute("#calc-f-margin_pct", "aria-invalid") == "true"
    assert page.input_value("#calc-f-premium_rate_pct") == typed_amount("0.3", lang)
    assert figures(page) == {}
