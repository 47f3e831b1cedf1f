"""The self-assessment limit (source 004): on-time payments of the last 12 months, same or longer term, capped."""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import Any

import pytest
from engine_support import TODAY, codes, error_at, ok

from calculators import run
from calculators.examples import AS_OF, SELF_ASSESSMENT_EXPERIENCES, SELF_ASSESSMENT_ON_TIME
from calculators.self_assessment_limit import EXPLAINED_ROWS

NAME = "self_assessment_limit"


def experience(amount: str = "1000", term: int = 30, invoiced: date = date(2025, 6, 2),
               paid_days_after_due: int = 0, paid: date | None = None) -> dict[str, Any]:
    paid = paid or invoiced + timedelta(days=term + paid_days_after_due)
    return {"amount": amount, "payment_term_days": term, "invoice_date": invoiced.isoformat(),
            "paid_date": paid.isoformat()}


def assess(*experiences: dict[str, Any], term: int = 30, as_of: str = "2025-12-31", **extra: Any) -> dict[str, Any]:
    return ok(NAME, {"new_payment_term_days": term, "as_of": as_of, "experiences": list(experiences), **extra})


# -- the worked example of source 004 -------------------------------------------------------------------------


def test_worked_example_at_30_days_gives_14000_without_the_late_invoice() -> None:
    result = assess(*SELF_ASSESSMENT_EXPERIENCES, term=30, as_of=AS_OF)
    assert result["limit"] == "14000.00"
    assert result["limit_source"] == "payment_experiences"
    assert [row["days_late"] for row in result["experiences"]] == [15, 50, 70, 30, 40]
    assert [row["reason"] for row in result["experiences"]] == [
        "counted", "counted", "paid_too_late", "counted", "counted"]
    assert result["counted_count"] == 4
    assert result["capped"] is False


def test_worked_example_at_60_days_counts_only_the_60_day_invoices() -> None:
    result = assess(*SELF_ASSESSMENT_EXPERIENCES, term=60, as_of=AS_OF)
    assert result["limit"] == "10500.00"
    assert [row["reason"] for row in result["experiences"]] == [
        "shorter_payment_term", "shorter_payment_term", "shorter_payment_term", "counted", "counted"]
    assert result["experiences"][2]["reasons"] == ["shorter_payment_term", "paid_too_late"]


def test_worked_example_paid_on_time_reaches_the_15000_maximum() -> None:
    result = assess(*SELF_ASSESSMENT_ON_TIME, term=30, as_of=AS_OF)
    assert result["experiences_total"] == "19000.00"
    assert result["limit"] == "15000.00"
    assert result["experiences_limit"] == "15000.00"
    assert result["capped"] is True
    assert [step["code"] for step in result["explanation"]][-3:] == ["total", "capped", "limit_payment_experiences"]


def test_worked_example_explains_every_invoice_in_order() -> None:
    steps = assess(*SELF_ASSESSMENT_EXPERIENCES, as_of=AS_OF)["explanation"]
    assert [s["code"] for s in steps] == [
        "rule", "experience_counted", "experience_counted", "experience_paid_too_late", "experience_counted",
        "experience_counted", "total", "limit_payment_experiences"]
    assert "70 days after the due date" in steps[3]["text"]
    assert "€14,000.00" in steps[-1]["text"]


def test_worked_example_in_dutch_and_french() -> None:
    nl = assess(*SELF_ASSESSMENT_EXPERIENCES, as_of=AS_OF, lang="nl")["explanation"]
    fr = assess(*SELF_ASSESSMENT_EXPERIENCES, as_of=AS_OF, lang="fr")["explanation"]
    assert "€\u00a014.000,00" in nl[-1]["text"] and "zelfbeoordeling" in nl[-1]["text"]
    assert "14\u202f000,00\u00a0€" in fr[-1]["text"] and "auto-évaluation" in fr[-1]["text"]


# -- 60 days late ---------------------------------------------------------------------------------------------


def test_payment_exactly_60_days_after_the_due_date_counts() -> None:
    row = assess(experience(paid_days_after_due=60))["experiences"][0]
    assert (row["counted"], row["days_late"], row["reason"]) == (True, 60, "counted")


def test_payment_61_days_after_the_due_date_is_not_counted() -> None:
    result = assess(experience(paid_days_after_due=61))
    row = result["experiences"][0]
    assert (row["counted"], row["days_late"], row["reason"]) == (False, 61, "paid_too_late")
    assert result["limit"] == "0.00"
    assert result["limit_source"] == "none"


def test_payment_before_the_due_date_is_zero_days_late() -> None:
    row = assess(experience(paid_days_after_due=-20))["experiences"][0]
    assert (row["counted"], row["days_late"]) == (True, 0)


def test_due_date_is_the_invoice_date_plus_the_payment_term() -> None:
    row = assess(experience(term=45, invoiced=date(2025, 1, 31), paid=date(2025, 4, 1)))["experiences"][0]
    assert row["due_date"] == "2025-03-17"
    assert row["days_late"] == 15


# -- the last 12 months ---------------------------------------------------------------------------------------


def test_payment_exactly_12_months_before_the_reference_date_counts() -> None:
    result = assess(experience(invoiced=date(2024, 11, 1), paid=date(2024, 12, 31)), as_of="2025-12-31")
    assert result["oldest_paid_date"] == "2024-12-31"
    assert result["experiences"][0]["reason"] == "counted"


def test_payment_one_day_more_than_12_months_before_is_too_old() -> None:
    result = assess(experience(invoiced=date(2024, 11, 1), paid=date(2024, 12, 30)), as_of="2025-12-31")
    assert result["experiences"][0]["reason"] == "too_old"
    assert result["limit"] == "0.00"


def test_twelve_months_before_a_leap_day_is_28_february() -> None:
    counted = experience(invoiced=date(2023, 2, 1), paid=date(2023, 2, 28), term=30)
    too_old = experience(invoiced=date(2023, 2, 1), paid=date(2023, 2, 27), term=30)
    result = assess(counted, too_old, as_of="2024-02-29")
    assert result["oldest_paid_date"] == "2023-02-28"
    assert [row["reason"] for row in result["experiences"]] == ["counted", "too_old"]


def test_payment_on_the_reference_date_counts() -> None:
    assert assess(experience(invoiced=date(2025, 12, 1), paid=date(2025, 12, 31)))["limit"] == "1000.00"


def test_reference_date_defaults_to_today() -> None:
    paid_today = experience(invoiced=TODAY - timedelta(days=10), paid=TODAY)
    result = ok(NAME, {"new_payment_term_days": 30, "experiences": [paid_today]})
    assert result["as_of"] == TODAY.isoformat()
    assert result["limit"] == "1000.00"
    tomorrow = run(NAME, {"new_payment_term_days": 30, "experiences": [paid_today]},
                   today=lambda: TODAY - timedelta(days=1))
    assert tomorrow["errors"][0]["code"] == "after_as_of"


# -- payment terms --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("old_term", "counted"), [(29, False), (30, True), (60, True)])
def test_only_the_same_or_a_longer_payment_term_counts(old_term: int, counted: bool) -> None:
    row = assess(experience(term=old_term), term=30)["experiences"][0]
    assert row["counted"] is counted
    assert row["reason"] == ("counted" if counted else "shorter_payment_term")


def test_every_failed_condition_is_listed_first_reason_first() -> None:
    row = assess(experience(term=14, invoiced=date(2024, 1, 1), paid=date(2024, 6, 1)), term=30)["experiences"][0]
    assert row["reasons"] == ["too_old", "shorter_payment_term", "paid_too_late"]
    assert row["reason"] == "too_old"


# -- the cap and the total ------------------------------------------------------------------------------------


def test_limit_is_the_sum_of_the_counted_payments_to_the_cent() -> None:
    result = assess(experience("0.10"), experience("0.20"), experience("1234.56"))
    assert result["limit"] == "1234.86"
    assert result["experiences"][0]["amount"] == "0.10"


def test_limit_never_exceeds_15000() -> None:
    result = assess(experience("15000.01"))
    assert (result["limit"], result["capped"]) == ("15000.00", True)
    result = assess(experience("15000"))
    assert (result["limit"], result["capped"]) == ("15000.00", False)


def test_no_experiences_give_no_limit() -> None:
    result = assess()
    assert (result["limit"], result["limit_source"], result["counted_count"]) == ("0.00", "none", 0)
    assert [s["code"] for s in result["explanation"]] == ["rule", "total", "limit_none"]


# -- the credit report ----------------------------------------------------------------------------------------


def test_recent_credit_report_sets_the_limit_when_it_allows_more() -> None:
    result = assess(*SELF_ASSESSMENT_EXPERIENCES, as_of=AS_OF, credit_report_amount="14500",
                    credit_report_date="2025-06-30")
    assert (result["limit"], result["limit_source"]) == ("14500.00", "credit_report")
    assert result["credit_report_status"] == "used"
    assert result["experiences_limit"] == "14000.00"


def test_payment_experiences_set_the_limit_when_they_allow_more_than_the_report() -> None:
    result = assess(*SELF_ASSESSMENT_EXPERIENCES, as_of=AS_OF, credit_report_amount="5000",
                    credit_report_date="2025-06-30")
    assert (result["limit"], result["limit_source"], result["credit_report_limit"]) == (
        "14000.00", "payment_experiences", "5000.00")


def test_credit_report_is_capped_at_15000() -> None:
    result = assess(credit_report_amount="100000", credit_report_date="2025-06-30")
    assert (result["limit"], result["limit_source"], result["capped"]) == ("15000.00", "credit_report", True)


def test_credit_report_exactly_12_months_old_counts_one_day_older_does_not() -> None:
    used = assess(credit_report_amount="8000", credit_report_date="2024-12-31")
    assert (used["limit"], used["credit_report_status"]) == ("8000.00", "used")
    old = assess(credit_report_amount="8000", credit_report_date="2024-12-30")
    assert (old["limit"], old["credit_report_status"], old["credit_report_limit"]) == ("0.00", "too_old", None)
    assert "report_too_old" in [s["code"] for s in old["explanation"]]


def test_without_a_credit_report_its_status_is_none() -> None:
    result = assess(experience())
    assert (result["credit_report_status"], result["credit_report_limit"]) == ("none", None)


def test_credit_report_needs_both_its_amount_and_its_date() -> None:
    payload = {"new_payment_term_days": 30, "as_of": "2025-12-31", "experiences": []}
    assert codes(NAME, {**payload, "credit_report_amount": "5000"}) == {"credit_report_date": "required_with"}
    assert codes(NAME, {**payload, "credit_report_date": "2025-06-30"}) == {"credit_report_amount": "required_with"}
    assert codes(NAME, {**payload, "credit_report_amount": "x", "credit_report_date": "2025-06-30"}) == {
        "credit_report_amount": "invalid_number"}


def test_credit_report_after_the_reference_date_is_refused() -> None:
    payload = {"new_payment_term_days": 30, "as_of": "2025-12-31", "experiences": [],
               "credit_report_amount": "5000", "credit_report_date": "2026-01-01"}
    assert codes(NAME, payload) == {"credit_report_date": "after_as_of"}


# -- bad dates in the list ------------------------------------------------------------------------------------


def test_payment_after_the_reference_date_is_refused_with_its_path() -> None:
    payload = {"new_payment_term_days": 30, "as_of": "2025-12-31",
               "experiences": [experience(), experience(invoiced=date(2025, 12, 1), paid=date(2026, 1, 1))]}
    error = error_at(NAME, payload, "experiences[1].paid_date")
    assert error["code"] == "after_as_of"


def test_payment_before_its_invoice_is_refused() -> None:
    payload = {"new_payment_term_days": 30, "as_of": "2025-12-31",
               "experiences": [experience(invoiced=date(2025, 6, 2), paid=date(2025, 6, 1))]}
    assert codes(NAME, payload) == {"experiences[0].paid_date": "paid_before_invoice"}


def test_payment_on_the_invoice_date_is_fine() -> None:
    assert assess(experience(invoiced=date(2025, 6, 2), paid=date(2025, 6, 2)))["limit"] == "1000.00"


# -- long lists -----------------------------------------------------------------------------------------------


def many(count: int) -> list[dict[str, Any]]:
    """``count`` experiences cycling through every outcome: counted, too old, shorter term, too late."""
    kinds = [experience("10.01"), experience("20", invoiced=date(2023, 1, 2)), experience("30", term=14),
             experience("40", paid_days_after_due=90)]
    return [kinds[i % 4] for i in range(count)]


def test_first_hundred_experiences_are_explained_one_by_one() -> None:
    steps = assess(*many(EXPLAINED_ROWS))["explanation"]
    assert sum(s["code"].startswith("experience_") for s in steps) == EXPLAINED_ROWS
    assert not any(s["code"].startswith("more_") for s in steps)


def test_experiences_after_the_first_hundred_are_summed_up_per_reason() -> None:
    result = assess(*many(EXPLAINED_ROWS + 10))
    steps = result["explanation"]
    assert sum(s["code"].startswith("experience_") for s in steps) == EXPLAINED_ROWS
    summary = [s for s in steps if s["code"].startswith("more_")]
    assert [s["code"] for s in summary] == ["more_counted", "more_too_old", "more_shorter_payment_term",
                                            "more_paid_too_late"]
    # rows 101..110: kinds 0,1,2,3,0,1,2,3,0,1 -> 3 counted, 3 too old, 2 shorter, 2 too late
    assert summary[0]["text"] == "Invoices 101 to 110 that count: 3, together €30.03."
    assert "3, together €60.00" in summary[1]["text"]
    assert "shorter than 30 days: 2, together €60.00" in summary[2]["text"]
    assert "60 days after the due date: 2, together €80.00" in summary[3]["text"]
    assert len(result["experiences"]) == EXPLAINED_ROWS + 10  # every row stays in the result
    assert result["counted_count"] == 28


def test_summary_only_names_reasons_that_occur() -> None:
    steps = assess(*[experience("1")] * (EXPLAINED_ROWS + 1))["explanation"]
    assert [s["code"] for s in steps if s["code"].startswith("more_")] == ["more_counted"]


def test_ten_thousand_experiences_are_assessed_quickly() -> None:
    payload = {"new_payment_term_days": 30, "as_of": "2025-12-31", "experiences": many(10_000), "lang": "fr"}
    started = time.perf_counter()
    result = ok(NAME, payload)
    elapsed = time.perf_counter() - started
    assert result["counted_count"] == 2500
    assert result["limit"] == "15000.00"
    assert len(result["explanation"]) < 120
    # About 0.07 s in CPython 3.11; the bound leaves room for a busy machine, not for quadratic work.
    assert elapsed < 2.0, f"{elapsed:.3f} s for 10,000 experiences"
