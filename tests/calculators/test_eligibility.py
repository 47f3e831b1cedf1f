"""Eligibility for mkbZeker (source 004): six yes/no questions, the turnover ceiling and the customer's country."""

from __future__ import annotations

from typing import Any

import pytest
from engine_support import FITS, codes, ok

from calculators import rules

NAME = "eligibility"
QUESTIONS = [  # the question, the answer that does not fit, the failure code
    ("is_entrepreneur", False, "not_entrepreneur"),
    ("customers_are_businesses", False, "customers_not_businesses"),
    ("sells_on_account", False, "not_selling_on_account"),
    ("has_unpaid_invoices", False, "no_unpaid_invoices"),
    ("has_credit_insurance", True, "already_insured"),
]


def check(**changes: Any) -> dict[str, Any]:
    return ok(NAME, {**FITS, **changes})


def test_business_answering_yes_to_everything_fits() -> None:
    result = check()
    assert (result["eligible"], result["failed"], result["advice"]) == (True, [], [])
    assert result["explanation"][-1]["code"] == "eligible"


@pytest.mark.parametrize(("question", "answer", "code"), QUESTIONS)
def test_each_wrong_answer_fails_with_its_code_and_says_what_to_look_at_instead(
        question: str, answer: bool, code: str) -> None:
    result = check(**{question: answer})
    assert (result["eligible"], result["failed"]) == (False, [code])
    assert [a["code"] for a in result["advice"]] == [code]
    assert len(result["advice"][0]["text"]) > 20
    assert "fail_" + question in [s["code"] for s in result["explanation"]]


def test_turnover_of_exactly_10_million_fits() -> None:
    assert check(annual_turnover="10000000")["eligible"] is True
    assert check(annual_turnover="10000000.00")["eligible"] is True


def test_turnover_a_cent_above_10_million_does_not_fit() -> None:
    result = check(annual_turnover="10000000.01")
    assert (result["eligible"], result["failed"]) == (False, ["turnover_too_high"])
    assert result["advice"][0]["code"] == "turnover_too_high"
    assert "€10,000,000.01" in next(s["text"] for s in result["explanation"] if s["code"] == "fail_turnover")


def test_every_failure_is_listed_in_question_order() -> None:
    result = check(**{q: a for q, a, _ in QUESTIONS}, annual_turnover="20000000")
    assert result["failed"] == [code for _, _, code in QUESTIONS] + ["turnover_too_high"]
    assert result["explanation"][-1]["code"] == "not_eligible"


@pytest.mark.parametrize("country", rules.names("mkbzeker_countries"))
def test_customer_in_a_covered_country_is_covered(country: str) -> None:
    assert check(customer_country=country)["customer_covered"] is True


def test_customer_elsewhere_is_not_covered_and_gets_advice_without_failing() -> None:
    result = check(customer_country="US")
    assert (result["eligible"], result["customer_covered"]) == (True, False)
    assert [a["code"] for a in result["advice"]] == ["country_not_covered"]


def test_without_a_country_coverage_is_unknown() -> None:
    result = check()
    assert result["customer_covered"] is None
    assert not any(s["code"].startswith("country_") for s in result["explanation"])


def test_result_lists_the_rule_figures_used() -> None:
    result = check()
    assert result["covered_countries"] == ["NL", "BE", "DE", "LU", "FR", "GB"]
    assert result["max_turnover"] == "10000000"


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_advice_is_in_the_language_of_the_request(lang: str) -> None:
    english = check(has_credit_insurance=True)["advice"][0]["text"]
    translated = check(has_credit_insurance=True, lang=lang)["advice"][0]["text"]
    assert translated != english and translated


def test_every_question_must_be_answered() -> None:
    assert codes(NAME, {**FITS, "sells_on_account": None}) == {"sells_on_account": "required"}
    assert codes(NAME, {k: v for k, v in FITS.items() if k != "annual_turnover"}) == {
        "annual_turnover": "required"}


@pytest.mark.parametrize(("lang", "name"), [("en", "Luxembourg"), ("nl", "Luxemburg"), ("fr", "le Luxembourg")])
def test_country_step_names_the_country_in_the_request_language(lang: str, name: str) -> None:
    result = check(customer_country="LU", lang=lang)
    step = next(s for s in result["explanation"] if s["code"] == "country_covered")
    assert name in step["text"] and " LU" not in step["text"]


def test_country_without_a_name_is_shown_by_its_code() -> None:
    result = check(customer_country="JP")
    step = next(s for s in result["explanation"] if s["code"] == "country_not_covered")
    assert "JP" in step["text"]
