"""Is credit insurance worth it: the premium against the expected payout, and the largest-customer scenario."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import pytest
from engine_support import codes, money, ok
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from calculators import examples, rules

NAME = "insurance_value"
WORKED = examples.EXAMPLES["insurance_value_worked"]["payload"]


def value(**fields: Any) -> dict[str, Any]:
    return ok(NAME, fields)


def cents(fraction: Fraction) -> Decimal:
    """An exact oracle's (non-negative) amount, rounded half up to cents without any decimal context."""
    hundredths = fraction * 100
    whole = hundredths.numerator // hundredths.denominator
    return Decimal(whole + (1 if hundredths - whole >= Fraction(1, 2) else 0)).scaleb(-2)


def test_worked_example_gives_every_figure() -> None:
    result = value(**WORKED)
    assert {key: result[key] for key in (
        "premium", "insured_turnover", "expected_loss", "expected_payout", "net_expected",
        "break_even_loss_rate_pct", "largest_loss_uninsured", "largest_loss_insured",
        "sales_to_replace_largest_loss")} == {
        "premium": "4800.00", "insured_turnover": "1600000.00", "expected_loss": "10000.00",
        "expected_payout": "7200.00", "net_expected": "2400.00", "break_even_loss_rate_pct": "0.33",
        "largest_loss_uninsured": "120000.00", "largest_loss_insured": "12000.00",
        "sales_to_replace_largest_loss": "3000000.00"}
    assert result["sales_to_replace_insured_loss"] == "300000.00"
    assert result["coverage_pct"] == "90" and result["insured_share_pct"] == "80"


def test_quoted_premium_is_used_as_given_and_its_rate_derived() -> None:
    result = value(turnover_on_credit="1000000", premium="2500")
    assert (result["premium"], result["insured_turnover"], result["premium_rate_pct"]) == (
        "2500.00", "1000000.00", "0.25")
    assert [step["code"] for step in result["explanation"]][:3] == [
        "insured_turnover", "premium_quoted", "premium_quoted_rate"]


def test_premium_from_a_rate_is_rounded_once_to_the_cent() -> None:
    # 0.1234% of 333,333.33 = 411.3333...: 411.33
    result = value(turnover_on_credit="333333.33", premium_rate_pct="0.1234")
    assert result["premium"] == "411.33"


def test_default_coverage_comes_from_the_rules() -> None:
    result = value(turnover_on_credit="1000000", premium="900", expected_loss_rate_pct="1")
    coverage = rules.decimal("coverage_pct")
    assert result["coverage_pct"] == f"{coverage.normalize():f}"
    assert money(result["expected_payout"]) == Decimal("10000") * coverage / 100


def test_outputs_appear_only_where_their_inputs_are_given() -> None:
    bare = value(turnover_on_credit="1000000", premium_rate_pct="0.3")
    for absent in ("expected_loss", "expected_payout", "net_expected", "largest_loss_uninsured",
                   "largest_loss_insured", "sales_to_replace_largest_loss"):
        assert absent not in bare
    no_margin = value(turnover_on_credit="1000000", premium_rate_pct="0.3", largest_exposure="1000")
    assert "largest_loss_insured" in no_margin and "sales_to_replace_largest_loss" not in no_margin


@pytest.mark.parametrize(("payout_fields", "exposure"), [
    ({}, "120000"),
    ({"largest_exposure_limit": "50000"}, "120000"),  # the part above the limit stays yours too
    ({}, "450"),  # below the intervention threshold: the insurer does not intervene
])
def test_largest_loss_insured_is_what_the_payout_calculator_leaves(payout_fields: dict[str, str],
                                                                  exposure: str) -> None:
    result = value(turnover_on_credit="1000000", premium="1000", largest_exposure=exposure, **payout_fields)
    claim = ok("payout", {"credit_limit": payout_fields.get("largest_exposure_limit", exposure),
                          "outstanding": exposure})
    assert money(result["largest_loss_insured"]) == Decimal(exposure) - money(claim["payout"])
    assert result["largest_payout"] == claim["payout"]
    assert result["largest_loss_uninsured"] == f"{Decimal(exposure):.2f}"


def test_net_expected_is_negative_when_the_premium_exceeds_the_expected_payout() -> None:
    result = value(turnover_on_credit="1000000", premium="3000", expected_loss_rate_pct="0.1")
    assert (result["expected_payout"], result["net_expected"]) == ("900.00", "-2100.00")
    assert "net_cost" in [step["code"] for step in result["explanation"]]


def test_nothing_insured_has_no_break_even_rate() -> None:
    result = value(turnover_on_credit="1000000", premium="1000", insured_share_pct="0")
    assert result["break_even_loss_rate_pct"] is None
    assert "break_even_none" in [step["code"] for step in result["explanation"]]


def test_the_explanation_ends_with_what_the_figures_are_not() -> None:
    for lang in ("en", "nl", "fr"):
        result = value(**WORKED, lang=lang)
        assert result["explanation"][-1]["code"] == "caveat"


@pytest.mark.parametrize(("fields", "expected"), [
    ({"premium": "1000", "premium_rate_pct": "0.3"}, {"premium": "premium_and_rate"}),
    ({}, {"premium_rate_pct": "premium_or_rate"}),
    ({"premium_rate_pct": "100.01"}, {"premium_rate_pct": "too_large"}),
    ({"premium": "1000", "margin_pct": "0"}, {"margin_pct": "zero_margin"}),
    ({"premium": "1000", "margin_pct": "0.00"}, {"margin_pct": "zero_margin"}),
    ({"premium": "-1"}, {"premium": "negative"}),
    ({"premium": "1000", "expected_loss_rate_pct": "-0.5"}, {"expected_loss_rate_pct": "negative"}),
    ({"premium": "1000", "largest_exposure_limit": "5000"}, {"largest_exposure": "required_with"}),
    ({"premium": "1000", "insured_share_pct": "120"}, {"insured_share_pct": "too_large"}),
])
def test_bad_input_names_the_field(fields: dict[str, str], expected: dict[str, str]) -> None:
    assert codes(NAME, {"turnover_on_credit": "1000000", **fields}) == expected


def test_a_bad_premium_is_not_also_reported_as_missing() -> None:
    assert codes(NAME, {"turnover_on_credit": "1000000", "premium": "x"}) == {"premium": "invalid_number"}


# -- properties, against an exact oracle (fractions, no decimal context) ------------------------------------------

AMOUNTS = st.decimals(min_value=1, max_value=10**11, places=2)
PCTS = st.decimals(min_value=Decimal("0.01"), max_value=100, places=2)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(turnover=AMOUNTS, share=PCTS, coverage=PCTS, rate=st.decimals(min_value=Decimal("0.0001"), max_value=5,
                                                                       places=4))
def test_at_the_exact_break_even_rate_net_expected_is_zero_to_the_cent(
        turnover: Decimal, share: Decimal, coverage: Decimal, rate: Decimal) -> None:
    base = {"turnover_on_credit": str(turnover), "premium_rate_pct": str(rate), "insured_share_pct": str(share),
            "coverage_pct": str(coverage)}
    first = value(**base)
    assume(first["break_even_loss_rate_pct"] is not None)  # nothing insured: no break-even (tested above)
    exact = first["break_even_loss_rate_pct_exact"]
    assume(Decimal(exact) <= 100)  # a premium above the whole insured payout: no loss rate can match it
    again = value(**base, expected_loss_rate_pct=exact)
    assert again["net_expected"] == "0.00", (first, again)
    # The two-decimal rate brackets the exact one: a hundredth of a point more never costs, less never gains.
    two = Decimal(first["break_even_loss_rate_pct"])
    above = value(**base, expected_loss_rate_pct=str(two + Decimal("0.01")))
    assert money(above["expected_payout"]) >= money(above["premium"])
    if two >= Decimal("0.01"):
        below = value(**base, expected_loss_rate_pct=str(two - Decimal("0.01")))
        assert money(below["expected_payout"]) <= money(below["premium"])


@PROPERTY
@given(turnover=AMOUNTS, share=PCTS, coverage=PCTS, rate=st.decimals(min_value=0, max_value=100, places=4),
       premium=st.decimals(min_value=0, max_value=10**9, places=2))
def test_expected_payout_is_the_coverage_share_of_the_insured_loss(
        turnover: Decimal, share: Decimal, coverage: Decimal, rate: Decimal, premium: Decimal) -> None:
    result = value(turnover_on_credit=str(turnover), premium=str(premium), insured_share_pct=str(share),
                   coverage_pct=str(coverage), expected_loss_rate_pct=str(rate))
    insured = cents(Fraction(turnover) * Fraction(share) / 100)
    assert money(result["insured_turnover"]) == insured
    assert money(result["expected_loss"]) == cents(Fraction(turnover) * Fraction(rate) / 100)
    assert money(result["expected_payout"]) == cents(
        Fraction(insured) * Fraction(coverage) / 100 * Fraction(rate) / 100)
    net = Decimal(result["net_expected"])
    assert net == money(result["expected_payout"]) - premium.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@PROPERTY
@given(exposure=AMOUNTS, margin=st.decimals(min_value=Decimal("0.01"), max_value=100, places=2))
def test_sales_to_replace_is_the_loss_divided_by_the_margin(exposure: Decimal, margin: Decimal) -> None:
    result = value(turnover_on_credit="1000", premium="1", largest_exposure=str(exposure), margin_pct=str(margin))
    assert money(result["sales_to_replace_largest_loss"]) == cents(Fraction(exposure) * 100 / Fraction(margin))
