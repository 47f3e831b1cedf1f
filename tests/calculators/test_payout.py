"""The payout (sources 003, 000, 004): coverage share of the unpaid balance up to the limit, excl. VAT."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from engine_support import codes, money, ok

import calculators

NAME = "payout"


def payout(**fields: Any) -> dict[str, Any]:
    return ok(NAME, fields)


def slices(result: dict[str, Any]) -> dict[str, str]:
    return {item["code"]: item["amount"] for item in result["breakdown"]}


def test_limit_of_25000_pays_22500() -> None:
    result = payout(credit_limit="25000", outstanding="25000")
    assert (result["payout"], result["own_risk"], result["insured_part"]) == ("22500.00", "2500.00", "25000.00")


def test_limit_of_50000_in_france_pays_45000() -> None:
    result = payout(credit_limit="50000", outstanding="50000")
    assert (result["payout"], result["own_risk"]) == ("45000.00", "5000.00")


def test_partial_payment_is_covered_on_the_unpaid_balance_only() -> None:
    result = payout(credit_limit="25000", outstanding="25000", recovered="10000")
    assert (result["unpaid_balance"], result["payout"], result["own_risk"]) == ("15000.00", "13500.00", "1500.00")


def test_mkbzeker_pays_at_most_13500() -> None:
    result = payout(credit_limit="20000", outstanding="20000", product="mkbzeker")
    assert (result["payout"], result["effective_limit"], result["max_payout"]) == ("13500.00", "15000.00", "13500.00")
    assert result["uninsured_part"] == "5000.00"
    assert "mkbzeker_cap" in [s["code"] for s in result["explanation"]]


def test_mkbzeker_within_its_cap_pays_the_usual_share() -> None:
    result = payout(credit_limit="10000", outstanding="10000", product="mkbzeker")
    assert (result["payout"], result["effective_limit"]) == ("9000.00", "10000.00")


def test_lower_policy_maximum_applies_to_mkbzeker_too() -> None:
    result = payout(credit_limit="15000", outstanding="15000", product="mkbzeker", max_payout="10000")
    assert (result["payout"], result["above_max"], result["max_payout"]) == ("10000.00", "3500.00", "10000.00")


def test_higher_policy_maximum_does_not_lift_the_mkbzeker_maximum() -> None:
    result = payout(credit_limit="15000", outstanding="15000", product="mkbzeker", max_payout="20000")
    assert (result["payout"], result["max_payout"]) == ("13500.00", "13500.00")


def test_balance_above_the_credit_limit_is_not_insured() -> None:
    result = payout(credit_limit="25000", outstanding="40000")
    assert (result["insured_part"], result["uninsured_part"], result["payout"]) == (
        "25000.00", "15000.00", "22500.00")


def test_policy_maximum_caps_the_payout() -> None:
    result = payout(credit_limit="25000", outstanding="25000", max_payout="20000")
    assert (result["payout"], result["above_max"]) == ("20000.00", "2500.00")
    assert "max_payout" in [s["code"] for s in result["explanation"]]


def test_generic_product_has_no_maximum_unless_given() -> None:
    assert payout(credit_limit="25000", outstanding="25000")["max_payout"] is None


# -- the intervention threshold -----------------------------------------------------------------------------


def test_unpaid_balance_of_exactly_the_threshold_pays() -> None:
    result = payout(credit_limit="25000", outstanding="500")
    assert (result["payout"], result["below_threshold"]) == ("450.00", False)


def test_unpaid_balance_a_cent_below_the_threshold_pays_nothing() -> None:
    result = payout(credit_limit="25000", outstanding="499.99")
    assert (result["payout"], result["below_threshold"], result["own_risk"]) == ("0.00", True, "0.00")
    assert slices(result)["below_threshold"] == "499.99"
    assert "below_threshold" in [s["code"] for s in result["explanation"]]


def test_threshold_applies_to_the_balance_after_partial_payment() -> None:
    assert payout(credit_limit="25000", outstanding="1000", recovered="600")["below_threshold"] is True


def test_threshold_can_be_set_or_removed() -> None:
    assert payout(credit_limit="25000", outstanding="499.99", intervention_threshold="0")["payout"] == "449.99"
    assert payout(credit_limit="25000", outstanding="999", intervention_threshold="1000")["payout"] == "0.00"


# -- VAT ----------------------------------------------------------------------------------------------------


def test_vat_is_not_covered() -> None:
    result = payout(credit_limit="25000", outstanding="12100", vat_rate_pct="21")
    assert (result["payout"], result["vat_excluded"], result["covered_basis"]) == ("9000.00", "2100.00", "10000.00")
    assert slices(result)["vat"] == "2100.00"


def test_limit_applies_to_the_amount_excluding_vat() -> None:
    result = payout(credit_limit="5000", outstanding="12100", vat_rate_pct="21")
    assert (result["insured_part"], result["uninsured_part"], result["payout"]) == ("5000.00", "5000.00", "4500.00")


def test_zero_vat_rate_changes_nothing() -> None:
    result = payout(credit_limit="25000", outstanding="12100", vat_rate_pct="0")
    assert (result["payout"], result["vat_excluded"]) == ("10890.00", "0.00")
    assert "vat" not in [s["code"] for s in result["explanation"]]


def test_payout_is_rounded_once_from_the_exact_amount_excluding_vat() -> None:
    # 500.03 / 1.21 = 413.2479...; 90% of it is 371.923... -> 371.92. Rounding the amount excluding VAT
    # first (413.25) would pay 371.93: a cent more than the insured share.
    result = payout(credit_limit="25000", outstanding="500.03", vat_rate_pct="21")
    assert (result["covered_basis"], result["payout"]) == ("413.25", "371.92")
    assert sum(money(item["amount"]) for item in result["breakdown"]) == Decimal("500.03")


# -- rounding ------------------------------------------------------------------------------------------------


def test_half_a_cent_is_rounded_up() -> None:
    # 90% of 500.05 is 450.045: half up gives 450.05, banker's rounding would give 450.04.
    result = payout(credit_limit="25000", outstanding="500.05")
    assert (result["payout"], result["own_risk"]) == ("450.05", "50.00")


def test_coverage_share_can_be_changed() -> None:
    result = payout(credit_limit="25000", outstanding="25000", coverage_pct="85")
    assert (result["payout"], result["own_risk"], result["coverage_pct"]) == ("21250.00", "3750.00", "85")


@pytest.mark.parametrize(("pct", "expected"), [("100", "25000.00"), ("0", "0.00"), ("33.3333", "8333.33")])
def test_any_coverage_share_from_0_to_100_percent(pct: str, expected: str) -> None:
    assert payout(credit_limit="25000", outstanding="25000", coverage_pct=pct)["payout"] == expected


# -- the breakdown -------------------------------------------------------------------------------------------


def test_breakdown_lists_every_slice_in_a_fixed_order_and_adds_up_to_the_balance() -> None:
    result = payout(credit_limit="10000", outstanding="24200", recovered="200", vat_rate_pct="20",
                    max_payout="8000")
    assert slices(result) == {"insurer_pays": "8000.00", "own_risk": "1000.00", "above_max": "1000.00",
                              "below_threshold": "0.00", "above_limit": "10000.00", "vat": "4000.00"}
    assert sum(money(a) for a in slices(result).values()) == money(result["unpaid_balance"]) == Decimal("24000")


def test_nothing_unpaid_pays_nothing() -> None:
    result = payout(credit_limit="25000", outstanding="25000", recovered="25000")
    assert (result["unpaid_balance"], result["payout"], result["below_threshold"]) == ("0.00", "0.00", True)


def test_explanation_walks_from_the_balance_to_the_payout() -> None:
    result = payout(credit_limit="25000", outstanding="25000", recovered="10000")
    assert [s["code"] for s in result["explanation"]] == ["unpaid", "insured", "coverage", "result"]
    assert result["explanation"][0]["text"] == (
        "Outstanding €25,000.00 minus recovered €10,000.00 leaves an unpaid balance of €15,000.00.")


# -- bad input -------------------------------------------------------------------------------------------------


def test_recovering_more_than_was_outstanding_is_refused() -> None:
    assert codes(NAME, {"credit_limit": "1", "outstanding": "100", "recovered": "100.01"}) == {
        "recovered": "exceeds_outstanding"}


def test_unknown_product_is_refused() -> None:
    assert codes(NAME, {"credit_limit": "1", "outstanding": "1", "product": "mkbZeker"}) == {
        "product": "invalid_choice"}


def test_vat_explanation_shows_the_unrounded_basis_the_payout_is_computed_from():
    result = calculators.run("payout", {"credit_limit": "25000", "outstanding": "500.03", "vat_rate_pct": "21"})
    coverage = next(step["text"] for step in result["explanation"] if step["code"] == "coverage")
    # 500.03 / 1.21 = 413.2479...; 90% of it is 371.92 (90% of the rounded 413.25 would be 371.93)
    assert result["payout"] == "371.92"
    assert "≈\u00a0€413.2479" in coverage and "€371.92" in coverage
