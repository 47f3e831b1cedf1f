"""run() and run_json(): one answer for every request, never an exception, whatever the caller's context."""

from __future__ import annotations

import copy
import json
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal, getcontext, localcontext
from typing import Any

import pytest
from engine_support import INPUT_FIELDS, OUTPUT_FIELDS, TODAY, check_answer, codes, ok

import calculators
from calculators import CALCULATORS, run, run_json
from calculators.examples import EXAMPLES


def test_the_calculators_are_registered_by_name() -> None:
    assert list(CALCULATORS) == ["self_assessment_limit", "payout", "eligibility", "claim_timeline",
                                "insurance_value", "late_payment", "portfolio", "collections"]
    assert calculators.__all__ == ["CALCULATORS", "run", "run_json"]


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_result_keeps_every_output_field_others_build_on(key: str) -> None:
    example = EXAMPLES[key]
    result = ok(example["calculator"], example["payload"])
    assert OUTPUT_FIELDS[example["calculator"]] <= set(result)


@pytest.mark.parametrize("name", ["", "Payout", "payout ", "nope", "self-assessment-limit"])
def test_unknown_calculator_is_an_error_naming_the_ones_there_are(name: str) -> None:
    result = run(name, {})
    assert [e["code"] for e in result["errors"]] == ["unknown_calculator"]
    assert "self_assessment_limit, payout, eligibility, claim_timeline" in result["errors"][0]["message"]


@pytest.mark.parametrize("name", [None, 5, 10**5000, ["payout"], {"name": "payout"}, Decimal("NaN"), b"payout"],
                         ids=["null", "int", "huge_int", "list", "dict", "nan", "bytes"])
def test_calculator_name_that_is_no_text_is_an_error(name: Any) -> None:
    result = run(name, {"credit_limit": "1", "outstanding": "1"})
    assert [e["code"] for e in result["errors"]] == ["unknown_calculator"]


def test_very_long_calculator_name_is_shortened_in_the_message() -> None:
    message = run("x" * 10_000, {})["errors"][0]["message"]
    assert len(message) < 300


def test_run_leaves_the_payload_untouched() -> None:
    for example in EXAMPLES.values():
        payload = copy.deepcopy(example["payload"])
        run(example["calculator"], payload)
        assert payload == example["payload"]


def test_run_gives_the_same_answer_twice() -> None:
    for example in EXAMPLES.values():
        assert ok(example["calculator"], example["payload"]) == ok(example["calculator"], example["payload"])


# -- the ambient decimal context ------------------------------------------------------------------------


AWKWARD = [
    ("payout", {"credit_limit": "123456.78", "outstanding": "234567.89", "recovered": "0.01", "vat_rate_pct": "21",
                "coverage_pct": "87.5", "max_payout": "99999.99"}),
    ("payout", {"credit_limit": "999999999999.99", "outstanding": "999999999999.99", "intervention_threshold": "0"}),
    ("self_assessment_limit", {"new_payment_term_days": 30, "as_of": "2025-12-31", "experiences": [
        {"amount": "1234.57", "payment_term_days": 30, "invoice_date": "2025-06-01", "paid_date": "2025-07-01"},
        {"amount": "8765.44", "payment_term_days": 30, "invoice_date": "2025-06-01", "paid_date": "2025-07-01"}],
        "credit_report_amount": "12345.67", "credit_report_date": "2025-01-01"}),
    ("eligibility", {"is_entrepreneur": True, "customers_are_businesses": True, "sells_on_account": True,
                     "has_unpaid_invoices": True, "has_credit_insurance": False, "annual_turnover": "9999999.99"}),
    ("payout", {"credit_limit": "1.001", "outstanding": "x"}),
]


def requests() -> list[tuple[str, Any]]:
    return [(e["calculator"], e["payload"]) for e in EXAMPLES.values()] + AWKWARD


def test_results_do_not_depend_on_the_callers_decimal_context() -> None:
    expected = [run(name, payload, today=lambda: TODAY) for name, payload in requests()]
    with localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = ROUND_DOWN
        got = [run(name, payload, today=lambda: TODAY) for name, payload in requests()]
        assert (getcontext().prec, getcontext().rounding) == (3, ROUND_DOWN)  # and the caller's is left alone
    assert got == expected
    awkward = expected[len(EXAMPLES)]  # 234567.88 unpaid, 193857.75 excl. VAT, 87.5% of the 123456.78 limit
    assert {item["code"]: item["amount"] for item in awkward["breakdown"]} == {
        "insurer_pays": "99999.99", "own_risk": "15432.10", "above_max": "8024.69", "below_threshold": "0.00",
        "above_limit": "70400.97", "vat": "40710.13"}


def test_results_do_not_depend_on_traps_set_by_the_caller() -> None:
    expected = [run(name, payload, today=lambda: TODAY) for name, payload in requests()]
    with localcontext() as ctx:
        ctx.prec = 5
        ctx.rounding = ROUND_HALF_EVEN
        for trap in ctx.traps:
            ctx.traps[trap] = True
        assert [run(name, payload, today=lambda: TODAY) for name, payload in requests()] == expected


# -- run_json ----------------------------------------------------------------------------------------------------


def test_run_json_answers_with_the_same_result_as_run() -> None:
    for example in EXAMPLES.values():
        text = run_json(example["calculator"], json.dumps(example["payload"]))
        assert json.loads(text) == run(example["calculator"], example["payload"])


@pytest.mark.parametrize("text", ["", "{", "{'a': 1}", "[1,]", "\x00", "{\"a\": 1} {}", "\ufeff{}", "nul",
                                  "[" * 100_000, "1" * 5000], ids=range(10))
def test_text_that_is_no_json_is_an_invalid_json_error(text: str) -> None:
    assert json.loads(run_json("payout", text)) == {"errors": [
        {"field": "", "code": "invalid_json", "message": "The request is not valid JSON."}]}


@pytest.mark.parametrize("text", [None, 5, b"\xff\xfe", bytearray(b"{")])
def test_run_json_given_no_text_still_answers(text: Any) -> None:
    assert json.loads(run_json("payout", text))["errors"][0]["code"] == "invalid_json"


@pytest.mark.parametrize("text", ["null", "[]", "\"payout\"", "12", "true"])
def test_json_that_is_no_object_is_an_invalid_payload_error(text: str) -> None:
    assert json.loads(run_json("payout", text))["errors"][0]["code"] == "invalid_payload"


def test_run_json_writes_readable_unicode() -> None:
    text = run_json("payout", '{"credit_limit": "25000", "outstanding": "25000", "lang": "fr"}')
    assert "22\u202f500,00\u00a0€" in text


def test_lone_surrogate_in_a_field_name_still_gives_valid_utf8_json() -> None:
    text = run_json("payout", '{"credit_limit": "1", "outstanding": "1", "x\\ud800": 1}')
    text.encode("utf-8")
    answer = json.loads(text)
    assert answer["errors"][0]["field"] == "x\ud800"


def test_deeply_nested_json_in_a_field_is_just_a_wrong_type() -> None:
    text = '{"credit_limit": "1", "outstanding": ' + "[" * 500 + "]" * 500 + "}"
    assert json.loads(run_json("payout", text))["errors"][0]["code"] == "invalid_number"


# -- a bug still gets an answer --------------------------------------------------------------------------------------


def test_a_bug_in_a_calculator_is_an_internal_error_not_an_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(inputs: Any, lang: str) -> Any:
        raise ZeroDivisionError

    monkeypatch.setattr(calculators.payout, "compute", broken)
    result = run("payout", {"credit_limit": "1", "outstanding": "1", "lang": "nl"})
    assert codes("payout", {"credit_limit": "1", "outstanding": "1"}) == {"": "internal_error"}
    assert result["errors"][0]["message"].startswith("De berekening")
    assert json.loads(run_json("payout", '{"credit_limit": "1", "outstanding": "1"}'))["errors"][0]["code"] == (
        "internal_error")


def test_every_example_answer_is_well_formed() -> None:
    for example in EXAMPLES.values():
        check_answer(run(example["calculator"], example["payload"]))


@pytest.mark.parametrize("name", list(CALCULATORS))
def test_integers_too_long_to_print_in_every_field_are_errors(name: str) -> None:
    huge = 10**5000
    fields = {"experiences": [dict.fromkeys(("amount", "payment_term_days", "invoice_date", "paid_date"), huge)]}
    payload = {field: fields.get(field, huge) for field in INPUT_FIELDS[name]} | {"lang": huge, "typo": huge}
    result = run(name, payload)
    check_answer(result)
