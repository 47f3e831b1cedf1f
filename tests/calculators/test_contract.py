"""The input contract: every field checked, every problem named by its path, a code and a message."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from typing import Any

import pytest
from engine_support import FITS, codes, error_at, errors, ok

from calculators import run_json
from calculators.contract import Errors, Reader

PAYOUT = {"credit_limit": "25000", "outstanding": "25000"}
TIMELINE = {"invoice_date": "2026-01-15", "payment_term_days": 30}
EXPERIENCE = {"amount": "2500", "payment_term_days": 30, "invoice_date": "2025-03-03", "paid_date": "2025-04-17"}
SELF = {"new_payment_term_days": 30, "as_of": "2025-12-31", "experiences": [EXPERIENCE]}


def payout_with(**fields: Any) -> dict[str, Any]:
    return {**PAYOUT, **fields}


def json_errors(name: str, text: str) -> dict[str, str]:
    answer = json.loads(run_json(name, text))
    assert set(answer) == {"errors"}, answer
    return {e["field"]: e["code"] for e in answer["errors"]}


# -- amounts ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["25000", "25000.00", "25000.5", " 25000 ", "+25000", 25000, Decimal("25000.00"),
                                   Decimal("2.5E+4"), "25000.000"])
def test_amount_is_read_from_text_integers_and_decimals(value: Any) -> None:
    assert ok("payout", payout_with(credit_limit=value))["effective_limit"] in {"25000.00", "25000.50"}


def test_amount_keeps_every_digit_typed() -> None:
    result = ok("payout", payout_with(credit_limit="1000000", outstanding="0.10", intervention_threshold="0"))
    assert result["payout"] == "0.09"


def test_float_amount_is_refused_because_it_lost_the_digits_typed() -> None:
    assert codes("payout", payout_with(outstanding=2500.1)) == {"outstanding": "float_not_allowed"}


def test_json_number_with_decimals_is_exact_through_run_json() -> None:
    answer = json.loads(run_json("payout", '{"credit_limit": 1000000, "outstanding": 0.10, '
                                           '"intervention_threshold": 0}'))
    assert answer["payout"] == "0.09"


@pytest.mark.parametrize("value", ["NaN", "nan", "-NaN", "sNaN", "Infinity", "-Infinity", "inf", "+inf", " INF "])
def test_nan_and_infinity_as_text_are_not_amounts(value: str) -> None:
    assert codes("payout", payout_with(outstanding=value)) == {"outstanding": "not_finite"}


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_as_json_constants_are_not_amounts(constant: str) -> None:
    text = f'{{"credit_limit": "25000", "outstanding": {constant}}}'
    assert json_errors("payout", text) == {"outstanding": "not_finite"}


def test_nan_as_a_python_decimal_is_not_an_amount() -> None:
    assert codes("payout", payout_with(outstanding=Decimal("NaN"))) == {"outstanding": "not_finite"}
    assert codes("payout", payout_with(outstanding=Decimal("sNaN"))) == {"outstanding": "not_finite"}
    assert codes("payout", payout_with(outstanding=Decimal("-Infinity"))) == {"outstanding": "not_finite"}


@pytest.mark.parametrize("value", ["-1", "-0.01", -5, Decimal("-1"), "-1E+400", -(10**400)], ids=range(6))
def test_negative_amount_is_refused(value: Any) -> None:
    if value == "-1E+400":
        assert json_errors("payout", '{"credit_limit": "1", "outstanding": -1E+400}') == {"outstanding": "negative"}
    else:
        assert codes("payout", payout_with(outstanding=value)) == {"outstanding": "negative"}


@pytest.mark.parametrize("value", ["-0", "-0.00", Decimal("-0.0")])
def test_negative_zero_is_zero(value: Any) -> None:
    result = ok("payout", payout_with(recovered=value))
    assert result["unpaid_balance"] == "25000.00"
    assert "-0" not in json.dumps(result)


@pytest.mark.parametrize("value", ["1000000000000.01", 10**13, 10**400, Decimal("1E+400"), "9" * 90], ids=range(5))
def test_absurd_amount_is_too_large(value: Any) -> None:
    error = error_at("payout", payout_with(outstanding=value), "outstanding")
    assert error["code"] == "too_large"
    assert "1000000000000" in error["message"]


def test_absurd_json_exponent_is_refused_at_once() -> None:
    started = time.perf_counter()
    assert json_errors("payout", '{"credit_limit": "1", "outstanding": 1e999999999}') == {"outstanding": "too_large"}
    assert json_errors("payout", '{"credit_limit": "1", "outstanding": 1e-999999999}') == {
        "outstanding": "too_many_decimals"}
    assert time.perf_counter() - started < 1


def test_largest_amount_is_accepted() -> None:
    result = ok("payout", {"credit_limit": "1000000000000", "outstanding": "1000000000000"})
    assert result["payout"] == "900000000000.00"


@pytest.mark.parametrize("value", ["0.001", "1.005", Decimal("0.001")])
def test_amount_with_more_than_two_decimals_is_refused(value: Any) -> None:
    error = error_at("payout", payout_with(outstanding=value), "outstanding")
    assert error["code"] == "too_many_decimals"
    assert "2" in error["message"]


@pytest.mark.parametrize("value", ["", " ", "abc", "1,5", "2.500,00", "1e5", "€100", "1 000", "--1", "1.2.3", ".",
                                   True, False, [], {}, ["1"], "１００", "٣٠"])
def test_amount_that_is_no_number_is_refused(value: Any) -> None:
    assert codes("payout", payout_with(outstanding=value)) == {"outstanding": "invalid_number"}


def test_percentage_accepts_four_decimals_and_at_most_a_hundred() -> None:
    assert ok("payout", payout_with(coverage_pct="87.5"))["payout"] == "21875.00"
    assert codes("payout", payout_with(coverage_pct="90.00001")) == {"coverage_pct": "too_many_decimals"}
    assert codes("payout", payout_with(coverage_pct="100.01")) == {"coverage_pct": "too_large"}
    assert codes("payout", payout_with(vat_rate_pct="101")) == {"vat_rate_pct": "too_large"}


# -- whole numbers ---------------------------------------------------------------------


@pytest.mark.parametrize("value", [30, "30", " 30 ", "+30", Decimal("30"), Decimal("30.0"), Decimal("3E+1")])
def test_whole_number_is_read_from_integers_text_and_exact_decimals(value: Any) -> None:
    assert ok("claim_timeline", {**TIMELINE, "payment_term_days": value})["milestones"][1]["date"] == "2026-02-14"


@pytest.mark.parametrize("value", [30.0, 30.5, "30.5", "30.0", Decimal("30.5"), True, "thirty", "", "３０", "٣٠",
                                   [30], {"days": 30}])
def test_whole_number_field_refuses_anything_else(value: Any) -> None:
    assert codes("claim_timeline", {**TIMELINE, "payment_term_days": value}) == {"payment_term_days": "invalid_integer"}


@pytest.mark.parametrize("value", [-1, "-1", Decimal("-30"), -(10**400)], ids=range(4))
def test_negative_whole_number_is_refused(value: Any) -> None:
    assert codes("claim_timeline", {**TIMELINE, "payment_term_days": value}) == {"payment_term_days": "negative"}


@pytest.mark.parametrize("value", [3651, "3651", 10**400, "9" * 5000, Decimal("1E+999999999")], ids=range(5))
def test_too_long_payment_term_is_refused_quickly(value: Any) -> None:
    started = time.perf_counter()
    error = error_at("claim_timeline", {**TIMELINE, "payment_term_days": value}, "payment_term_days")
    assert error["code"] == "too_large"
    assert "3650" in error["message"]
    assert time.perf_counter() - started < 1


def test_absurd_json_integer_exponent_is_refused_at_once() -> None:
    started = time.perf_counter()
    text = '{"invoice_date": "2026-01-15", "payment_term_days": 1e999999999}'
    assert json_errors("claim_timeline", text) == {"payment_term_days": "too_large"}
    assert time.perf_counter() - started < 1


def test_month_counts_have_their_own_maximum() -> None:
    assert codes("claim_timeline", {**TIMELINE, "handling_months": 121}) == {"handling_months": "too_large"}
    assert ok("claim_timeline", {**TIMELINE, "handling_months": 120})["handling_months"] == 120


# -- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2025-02-30", "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31",
                                   "2025-2-3", "20250203", "03/02/2025", "2025-02-03T00:00", "2025-02-03\n",
                                   " 2025-02-03", "２０２５-０２-０３", "", 20250203, True, ["2025-02-03"],
                                   "2025-W05-1"])
def test_impossible_or_malformed_date_is_refused(value: Any) -> None:
    assert codes("claim_timeline", {**TIMELINE, "invoice_date": value}) == {"invoice_date": "invalid_date"}


def test_leap_day_is_a_real_date() -> None:
    assert ok("claim_timeline", {**TIMELINE, "invoice_date": "2024-02-29"})["milestones"][0]["date"] == "2024-02-29"


@pytest.mark.parametrize("value", ["1899-12-31", "2201-01-01", "0001-01-01", "9999-12-31"])
def test_date_outside_the_sensible_years_is_refused(value: str) -> None:
    error = error_at("claim_timeline", {**TIMELINE, "invoice_date": value}, "invoice_date")
    assert error["code"] == "date_out_of_range"
    assert "1900" in error["message"] and "2200" in error["message"]


def test_latest_dates_still_compute() -> None:
    result = ok("claim_timeline", {"invoice_date": "2200-12-31", "payment_term_days": 3650,
                                   "handling_months": 120, "payout_months": 120})
    assert result["milestones"][-1]["date"] == "2230-12-29"


# -- yes/no, choices, countries -----------------------------------------------------------


@pytest.mark.parametrize("value", ["true", "yes", 1, 0, "ja", [True]])
def test_yes_no_question_needs_a_boolean(value: Any) -> None:
    assert codes("eligibility", {**FITS, "is_entrepreneur": value}) == {"is_entrepreneur": "invalid_boolean"}


@pytest.mark.parametrize("value", ["MKBZEKER", "other", "", 1, ["generic"]])
def test_product_must_be_one_of_the_choices(value: Any) -> None:
    error = error_at("payout", payout_with(product=value), "product")
    assert error["code"] == "invalid_choice"
    assert "generic, mkbzeker" in error["message"]


@pytest.mark.parametrize("value", ["BE", "be", " Be "])
def test_country_code_is_read_in_any_case(value: str) -> None:
    assert ok("eligibility", {**FITS, "customer_country": value})["customer_covered"] is True


@pytest.mark.parametrize("value", ["BEL", "B", "", "ß", "B1", "ǅ", "Belgium", 32, True])
def test_country_must_be_two_letters(value: Any) -> None:
    assert codes("eligibility", {**FITS, "customer_country": value}) == {"customer_country": "invalid_country"}


# -- presence, unknown fields, null ----------------------------------------------------------


def test_every_missing_required_field_is_named() -> None:
    assert codes("payout", {}) == {"credit_limit": "required", "outstanding": "required"}
    assert codes("claim_timeline", {}) == {"invoice_date": "required", "payment_term_days": "required"}
    assert codes("self_assessment_limit", {}) == {"new_payment_term_days": "required", "experiences": "required"}
    assert set(codes("eligibility", {})) == {"is_entrepreneur", "customers_are_businesses", "sells_on_account",
                                              "has_unpaid_invoices", "has_credit_insurance", "annual_turnover"}


def test_null_means_not_given() -> None:
    assert codes("payout", {"credit_limit": None, "outstanding": "1"}) == {"credit_limit": "required"}
    result = ok("payout", payout_with(recovered=None, coverage_pct=None, max_payout=None, vat_rate_pct=None,
                                      product=None, lang=None))
    assert result["payout"] == "22500.00"


def test_misspelt_field_is_named_in_the_error() -> None:
    found = errors("payout", {"credit_limit": "25000", "outstandng": "25000"})
    assert {e["field"]: e["code"] for e in found} == {"outstanding": "required", "outstandng": "unknown_field"}
    typo = next(e for e in found if e["code"] == "unknown_field")
    assert "outstandng" in typo["message"]


def test_errors_are_all_reported_together_in_field_order() -> None:
    found = errors("payout", {"credit_limit": "-1", "outstanding": "x", "product": "gold", "extra": 1})
    assert [(e["field"], e["code"]) for e in found] == [
        ("credit_limit", "negative"), ("outstanding", "invalid_number"), ("product", "invalid_choice"),
        ("extra", "unknown_field")]


@pytest.mark.parametrize("payload", [None, [], "payout", 25000, True, [{"credit_limit": "1"}]])
def test_request_that_is_no_object_is_refused(payload: Any) -> None:
    assert codes("payout", payload) == {"": "invalid_payload"}


# -- nested lists -------------------------------------------------------------------------


def test_error_in_a_list_entry_names_its_path() -> None:
    bad = dict(EXPERIENCE, paid_date="2025-02-30")
    payload = {**SELF, "experiences": [EXPERIENCE, bad]}
    assert codes("self_assessment_limit", payload) == {"experiences[1].paid_date": "invalid_date"}


def test_misspelt_field_in_a_list_entry_names_its_path() -> None:
    typo = {k: v for k, v in EXPERIENCE.items() if k != "amount"} | {"amout": "2500"}
    assert codes("self_assessment_limit", {**SELF, "experiences": [typo]}) == {
        "experiences[0].amount": "required", "experiences[0].amout": "unknown_field"}


def test_list_entry_that_is_no_object_is_refused() -> None:
    assert codes("self_assessment_limit", {**SELF, "experiences": [EXPERIENCE, "2500", None]}) == {
        "experiences[1]": "invalid_object", "experiences[2]": "invalid_object"}


@pytest.mark.parametrize("value", ["", {}, EXPERIENCE, 5])
def test_experiences_must_be_a_list(value: Any) -> None:
    assert codes("self_assessment_limit", {**SELF, "experiences": value}) == {"experiences": "invalid_list"}


def test_absurdly_long_list_is_refused_without_reading_it() -> None:
    error = error_at("self_assessment_limit", {**SELF, "experiences": [0] * 100_001}, "experiences")
    assert error["code"] == "too_many_items"


# -- the Reader itself -------------------------------------------------------------------------


def test_reader_collects_errors_instead_of_raising() -> None:
    errs = Errors("nl")
    reader = Reader({"a": "x", "b": "2025-02-30", "c": "yes"}, errs, "root[3]")
    assert reader.amount("a") is None
    assert reader.day("b") is None
    assert reader.boolean("c") is None
    assert reader.integer("d") is None
    assert [(e["field"], e["code"]) for e in errs.items] == [
        ("root[3].a", "invalid_number"), ("root[3].b", "invalid_date"), ("root[3].c", "invalid_boolean"),
        ("root[3].d", "required")]
    assert errs.items[-1]["message"] == "Dit veld is verplicht."


def test_reader_gives_defaults_for_absent_optional_fields() -> None:
    errs = Errors("en")
    reader = Reader({}, errs)
    assert reader.amount("a", required=False, default=Decimal(7)) == Decimal(7)
    assert reader.integer("b", required=False, default=3) == 3
    assert reader.choice("c", ("x", "y"), default="y") == "y"
    assert reader.country("d") is None
    assert not errs


def test_an_optional_list_of_objects_reads_as_none_when_absent_or_null_and_names_a_bad_item() -> None:
    for given in ({}, {"limits": None}):
        errs = Errors("en")
        r = Reader(given, errs)
        assert r.optional_objects("limits") == []
        r.finish()
        assert not errs.items
    errs = Errors("en")
    r = Reader({"limits": [{"customer": "A"}, 3]}, errs)
    assert r.optional_objects("limits") == [("limits[0]", {"customer": "A"})]
    assert [(e["field"], e["code"]) for e in errs.as_result()["errors"]] == [("limits[1]", "invalid_object")]
    errs = Errors("en")
    assert Reader({"limits": [{}, {}]}, errs).optional_objects("limits", max_items=1) == []
    assert [e["code"] for e in errs.as_result()["errors"]] == ["too_many_items"]
