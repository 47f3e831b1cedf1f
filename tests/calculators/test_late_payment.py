"""The late_payment calculator: rates per half-year, compounding, costs, payments, bad input, letters, CLI.

Expected figures are worked out here with ``fractions.Fraction`` (exact), not with the engine's helpers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from engine_support import check_answer, codes, error_at, errors, ok
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import late_payment, rules
from calculators import late_payment_rates as lpr

NAME = "late_payment"


def cents(amount: Fraction) -> Decimal:
    """Half up to cents, exactly, as the contract writes it."""
    return Decimal(int(amount * 100 + Fraction(1, 2))) / 100


def period_interest(base: str, rate: str, days: int) -> Decimal:
    return cents(Fraction(base) * Fraction(rate) * days / 36500)


def claim(country: str, invoices: list[tuple[str, str]], until: str, **more: Any) -> dict[str, Any]:
    payload = {"country": country, "until": until,
               "invoices": [{"amount": a, "due_date": d} for a, d in invoices], **more}
    return ok(NAME, payload)


# -- the rate tables ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("mro", "expected"), [
    ("0.00", "8.0"), ("0.05", "8.5"), ("0.25", "8.5"), ("0.50", "8.5"), ("2.15", "10.5"), ("2.50", "10.5"),
    ("3.15", "11.5"), ("4.25", "12.5"), ("4.50", "12.5"), ("4.51", "13.0")])
def test_belgian_rate_is_rounded_up_to_the_next_half_point(mro: str, expected: str) -> None:
    assert lpr.statutory_b2b_rate("BE", Decimal(mro)) == Decimal(expected)


def test_dutch_and_french_rates_are_not_rounded() -> None:
    assert lpr.statutory_b2b_rate("NL", Decimal("3.15")) == Decimal("11.15")
    assert lpr.statutory_b2b_rate("FR", Decimal("4.25")) == Decimal("14.25")


@pytest.mark.parametrize("table", [lpr.NL_B2B, lpr.BE_B2B, lpr.FR_B2B], ids=lambda t: t.key)
def test_every_published_commercial_rate_agrees_with_the_ecb_rate_and_the_rule(table: lpr.RateTable) -> None:
    for row in table.rows:
        mro = lpr.mro_on(row.start)
        assert mro is not None and row.rate_pct is not None
        if table.country == "NL" and row.start < date(2013, 3, 16):
            assert row.rate_pct == mro + 7, row  # the margin before the 2013 change
        elif table.country == "BE" and row.start < date(2013, 3, 16):
            assert row.rate_pct == lpr.statutory_b2b_rate("BE", mro), row  # new contracts; the note says the rest
        else:
            assert row.rate_pct == lpr.statutory_b2b_rate(table.country, mro), row


@pytest.mark.parametrize("table", lpr.ALL_TABLES, ids=lambda t: t.key)
def test_tables_are_ordered_sourced_and_say_where_they_end(table: lpr.RateTable) -> None:
    starts = [row.start for row in table.rows]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert table.first == date(2013, 1, 1)
    assert all(row.source for row in table.rows)
    assert table.rows[-1].start <= table.covered_until
    assert all(row.start.day == 1 and row.start.month in (1, 7) for row in table.rows
               if row.start != date(2013, 3, 16))


def test_no_table_claims_the_second_half_of_2026_except_the_yearly_belgian_one() -> None:
    # No ECB decision after 5 February 2026 was found: H2 2026 is not known for half-yearly rates.
    for table in lpr.ALL_TABLES:
        if table.periods == "half_year":
            assert table.covered_until <= date(2026, 6, 30), table.key
    assert lpr.ECB_MRO_KNOWN_UNTIL == date(2026, 6, 30)


def test_last_periods_the_build_prints() -> None:
    assert {t.key: t.last_period for t in lpr.ALL_TABLES} == {
        "NL_business": "2026-H1", "NL_consumer": "2026-H1", "BE_business": "2026-H1", "BE_consumer": "2026",
        "FR_business": "2026-H1", "FR_consumer": "2026-H1", "FR_private_creditor": "2026-H1"}


# -- interest: days, half-year split, leap years, rounding ----------------------------------------------------


def test_interest_runs_from_the_day_after_the_due_date_and_splits_at_1_july() -> None:
    result = claim("FR", [("1200", "2025-03-31")], "2025-10-15")
    first = period_interest("1200", "13.15", 91)  # 1 April to 30 June 2025
    second = period_interest("1200", "12.15", 107)  # 1 July to 15 October 2025
    assert [(p["from"], p["to"], p["days"], p["rate_pct"]) for p in result["periods"]] == [
        ("2025-04-01", "2025-06-30", 91, "13.15"), ("2025-07-01", "2025-10-15", 107, "12.15")]
    assert [Decimal(p["interest"]) for p in result["periods"]] == [first, second]
    assert Decimal(result["interest"]) == first + second
    assert result["invoices"][0]["days_late"] == (date(2025, 10, 15) - date(2025, 3, 31)).days


def test_a_day_is_one_365th_of_the_rate_in_a_leap_year_too() -> None:
    result = claim("BE", [("10000", "2023-12-31")], "2024-12-31")
    assert sum(p["days"] for p in result["periods"]) == 366
    expected = period_interest("10000", "12.5", 182) + period_interest("10000", "12.5", 184)
    assert Decimal(result["interest"]) == expected  # 366 days earn more than the annual 12.5 %
    assert Decimal(result["interest"]) > Decimal("1250")


def test_each_period_is_rounded_to_the_cent_on_its_own() -> None:
    # 0.01 at 10.5 % for 1 day is 0.0000287...: each period rounds to 0.00, the sum stays 0.00.
    result = claim("BE", [("0.01", "2026-01-10")], "2026-06-30")
    assert result["interest"] == "0.00"
    # 333.33 at 12.15 % for 1 day = 0.11096 -> 0.11 ; 10 such invoices give 1.10, not 1.11 (10 x 0.11096 = 1.1096)
    result = claim("FR", [("333.33", "2025-07-01")] * 10, "2025-07-02")
    assert all(p["interest"] == "0.11" for p in result["periods"])
    assert result["interest"] == "1.10"


def test_half_cent_rounds_up() -> None:
    # 36.50 at 1 % for 5 days is 0.005 exactly: half up gives 0.01; 36.49 gives 0.0049986...: 0.00
    assert claim("BE", [("36.50", "2025-01-01")], "2025-01-06", agreed_rate_pct="1")["interest"] == "0.01"
    assert claim("BE", [("36.49", "2025-01-01")], "2025-01-06", agreed_rate_pct="1")["interest"] == "0.00"


def test_the_dutch_change_of_16_march_2013_splits_the_period() -> None:
    result = claim("NL", [("1000", "2013-03-01")], "2013-03-31")
    assert [(p["from"], p["to"], p["rate_pct"]) for p in result["periods"]] == [
        ("2013-03-02", "2013-03-15", "7.75"), ("2013-03-16", "2013-03-31", "8.75")]


def test_until_before_or_on_the_due_date_owes_nothing_yet() -> None:
    result = claim("NL", [("1000", "2026-05-31")], "2026-05-31")
    assert result["interest"] == "0.00" and result["costs"] == "0.00" and result["periods"] == []
    assert result["invoices"][0]["status"] == "not_due"
    assert result["total"] == "1000.00"


# -- Dutch yearly compounding -------------------------------------------------------------------------------


def test_dutch_interest_is_added_to_the_principal_on_each_anniversary_of_the_due_date() -> None:
    result = claim("NL", [("1000", "2024-03-15")], "2025-06-30")
    year1 = (period_interest("1000", "12.5", 107) + period_interest("1000", "12.25", 184)
             + period_interest("1000", "11.15", 74))
    base = Decimal(1000) + year1
    after = period_interest(str(base), "11.15", 107)  # 16 March to 30 June 2025, on principal + a year's interest
    assert result["periods"][3]["principal"] == f"{base:.2f}"
    assert Decimal(result["interest"]) == year1 + after
    assert any(s["code"] == "capitalised" for s in result["explanation"])


def test_belgian_and_french_interest_is_simple() -> None:
    for country in ("BE", "FR"):
        result = claim(country, [("1000", "2023-03-15")], "2025-06-30")
        assert {p["principal"] for p in result["periods"]} == {"1000.00"}, country
        assert result["compounding"] == "simple"


def test_a_year_of_interest_that_starts_on_29_february_ends_on_28_february() -> None:
    """Art. 6:119 lid 2 BW: interest is added after each year counted from the first interest day."""
    assert late_payment.add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert late_payment.year_end(date(2024, 2, 29), 1) == date(2025, 2, 28)
    result = claim("NL", [("1000", "2024-02-28")], "2025-03-31")  # first interest day: 29 February 2024
    assert any(p["to"] == "2025-02-28" for p in result["periods"])
    assert any(p["from"] == "2025-03-01" and p["principal"] != "1000.00" for p in result["periods"])


def test_the_dutch_year_counts_from_the_first_interest_day_not_the_due_date() -> None:
    """Art. 6:119 lid 2 BW: due 28-02-2023, first interest day 01-03-2023: the first year ends on 29-02-2024
    (not on 28-02-2024), which gives 42,997.65 of interest on 100,000 up to 30-06-2026 (issue 17)."""
    result = claim("NL", [("100000", "2023-02-28")], "2026-06-30")
    assert result["interest"] == "42997.65"
    assert any(p["to"] == "2024-02-29" for p in result["periods"])
    assert not any(p["to"] == "2024-02-28" for p in result["periods"])


# -- costs ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("principal", "expected"), [
    ("100", "40.00"),  # 15 % = 15: the minimum
    ("266.66", "40.00"),  # 15 % = 39.999: the minimum
    ("266.67", "40.00"),  # 15 % = 40.0005 -> 40.00
    ("2500", "375.00"), ("2500.01", "375.00"),  # 375 + 0.001
    ("5000", "625.00"), ("10000", "875.00"), ("200000", "2775.00"),
    ("200001", "2775.01"),  # 0.5 % of 1 = 0.005 -> 0.01
    ("1000000", "6775.00"), ("5000000", "6775.00"),  # the maximum
])
def test_wik_scale_at_every_boundary(principal: str, expected: str) -> None:
    """Besluit BIK art. 2; owed by a consumer after the 14-day letter went unanswered (art. 6:96 lid 6 BW)."""
    assert late_payment.wik_costs(Decimal(principal)) == Decimal(expected)
    result = claim("NL", [(principal, "2024-01-31")], "2024-12-31", debtor="consumer", notice_date="2024-02-15")
    assert result["costs"] == expected and result["costs_basis"] == "nl_wik_scale"
    assert result["costs_conditions"] == ["nl_14_day_letter"]


def test_wik_minimum_and_maximum_come_from_the_rules() -> None:
    assert late_payment.wik_costs(Decimal(1)) == rules.decimal("wik_minimum")
    assert late_payment.wik_costs(Decimal(10) ** 9) == rules.decimal("wik_maximum")


@pytest.mark.parametrize(("country", "basis", "more"), [("NL", "nl_b2b_minimum", {"nl_business_costs": "flat"}),
                                                      ("NL", "nl_b2b_scale", {}), ("BE", "be_b2b_flat", {}),
                                                      ("FR", "fr_b2b_flat", {})])
def test_business_debtors_owe_the_flat_compensation_per_late_invoice(country: str, basis: str,
                                                                     more: dict[str, str]) -> None:
    """40 euro per late invoice: art. 6:96 lid 4 BW (NL: the floor under the scale), law of 2 August 2002 art. 6,
    art. D441-5 C. com. On 200 the Dutch scale gives 30, less than the floor of 2 x 40."""
    result = claim(country, [("100", "2025-01-31"), ("100", "2025-02-28"), ("100", "2025-12-31")], "2025-06-30",
                   **more)
    assert result["costs_basis"] == basis and result["costs_conditions"] == []
    assert Decimal(result["costs"]) == 2 * rules.decimal("late_compensation_eur")  # the third is not due yet
    assert result["late_invoices"] == 2


@pytest.mark.parametrize(("principal", "expected"), [
    ("100", "20.00"), ("150", "20.00"), ("150.01", "30.00"), ("400", "55.00"), ("500", "65.00"),
    ("1500", "115.00"), ("39500", "2000.00"), ("100000", "2000.00")])
def test_belgian_consumer_damages_cap(principal: str, expected: str) -> None:
    """Art. XIX.4 CEL caps, owed after the free first reminder's term (art. XIX.2) on what is still owed."""
    assert late_payment.be_consumer_damages(Decimal(principal)) == Decimal(expected)
    result = claim("BE", [(principal, "2025-01-31")], "2025-06-30", debtor="consumer", notice_date="2025-02-10")
    assert result["costs"] == expected
    assert result["costs_conditions"] == ["be_free_first_reminder", "be_clause_in_contract"]


def test_french_consumer_owes_no_flat_compensation_and_pays_the_legal_rate() -> None:
    """Art. L111-8 CPCE (no recovery costs); art. 1231-6 C. civ. (legal rate from the mise en demeure)."""
    result = claim("FR", [("1000", "2025-07-31")], "2025-12-31", debtor="consumer", notice_date="2025-08-10")
    assert result["costs"] == "0.00" and result["costs_basis"] == "fr_consumer_none"
    assert {p["rate_pct"] for p in result["periods"]} == {"2.76"}
    assert result["interest_conditions"] == ["fr_formal_notice"]


# -- missing rates ---------------------------------------------------------------------------------------------


def test_a_half_year_without_a_known_rate_gives_a_partial_answer_asking_for_it() -> None:
    """Issue 17 item 9: the claim up to the last covered half-year, marked partial, with what to fill in."""
    result = claim("NL", [("100", "2026-05-31")], "2026-12-31")
    assert result["partial"] is True and result["partial_until"] == "2026-06-30" and result["until"] == "2026-06-30"
    assert result["missing_rates"] == [{"half": "2026-H2", "from": "2026-07-01", "to": "2026-12-31",
                                        "field": "ecb_rates"}]
    partial = next(w for w in result["warnings"] if w["code"] == "partial")
    assert "2026-H2" in partial["text"] and "ECB" in partial["text"]
    assert Decimal(result["interest"]) == period_interest("100", "10.15", 30)


def test_a_missing_half_year_before_any_covered_one_is_an_error_listing_the_first_and_how_many_more() -> None:
    payload = {"country": "NL", "until": "2010-12-31", "invoices": [{"amount": "100", "due_date": "1990-01-31"}],
               "lang": "nl"}
    found = errors(NAME, payload)
    assert [e["code"] for e in found] == ["rate_missing"] * late_payment.MAX_MISSING_REPORTED + ["rate_missing_more"]
    assert "1990-H1" in found[0]["message"] and "30" in found[-1]["message"]  # 42 half-years to 2010-H2
    assert all("rates" not in e["message"] for e in found)  # the user's words, not the field's name


def test_a_supplied_rate_fills_the_half_year() -> None:
    result = claim("NL", [("1000", "2026-05-31")], "2026-12-31", rates=[{"from": "2026-07-01", "rate_pct": "9.5"}])
    last = result["periods"][-1]
    assert (last["from"], last["to"], last["rate_pct"]) == ("2026-07-01", "2026-12-31", "9.5")
    assert result["rates_used"][-1] == {"from": "2026-07-01", "to": "2026-12-31", "rate_pct": "9.5", "source": "user",
                                        "published": True}
    assert last["interest"] == f"{period_interest('1000', '9.5', 184)}"


def test_a_supplied_rate_overrides_the_table() -> None:
    result = claim("NL", [("1000", "2025-01-31")], "2025-06-30", rates=[{"from": "2025-01-01", "rate_pct": "1"}])
    assert {p["rate_pct"] for p in result["periods"]} == {"1"}


def test_an_agreed_rate_needs_no_table() -> None:
    result = claim("NL", [("1000", "2026-05-31")], "2026-12-31", agreed_rate_pct="12")
    assert result["rate_basis"] == "agreed" and {p["rate_pct"] for p in result["periods"]} == {"12"}


def test_a_fully_paid_invoice_needs_no_rate_after_its_payment() -> None:
    owed = 1000 + 40 + period_interest("1000", "10.15", 15)  # principal, 40 euro (terms: the floor), 1-15 June
    result = claim("NL", [("1000", "2026-05-31")], "2026-12-31", payments=[{"amount": str(owed), "date": "2026-06-15"}],
                   nl_business_costs="flat")
    assert result["total"] == "0.00" and result["partial"] is False  # no rate is needed for the second half of 2026


def test_french_agreed_rate_below_three_times_the_legal_rate_warns() -> None:
    result = claim("FR", [("1000", "2026-01-31")], "2026-06-30", agreed_rate_pct="7")
    assert [w["code"] for w in result["warnings"]] == ["fr_agreed_rate_below_floor"]
    assert claim("FR", [("1000", "2026-01-31")], "2026-06-30", agreed_rate_pct="7.86")["warnings"] == []


# -- partial payments ------------------------------------------------------------------------------------------


def test_dutch_payment_goes_to_costs_then_interest_then_principal_oldest_invoice_first() -> None:
    """Art. 6:43 lid 2 and 6:44 lid 1 BW."""
    result = claim("NL", [("1000", "2025-01-31"), ("1000", "2025-02-28")], "2025-06-30",
                   payments=[{"amount": "100", "date": "2025-03-31"}], nl_business_costs="flat")
    interest = period_interest("1000", "11.15", 59)  # 1 February to 31 March
    allocation = result["payments"][0]
    assert allocation["invoices"] == [1]
    assert (allocation["to_costs"], allocation["to_interest"]) == ("80.00", f"{interest}")  # both invoices' 40
    assert Decimal(allocation["to_principal"]) == 100 - 80 - interest


def test_french_payment_goes_to_interest_then_the_flat_compensation_then_principal() -> None:
    """Art. 1343-1 C. civ. (interest first); Cass. 1re civ. 7 February 1995, n° 92-14.216 (recovery costs are
    accessories of the debt, paid before the principal)."""
    result = claim("FR", [("1000", "2025-01-31")], "2025-06-30", payments=[{"amount": "1050", "date": "2025-03-31"}])
    interest = period_interest("1000", "13.15", 59)
    allocation = result["payments"][0]
    assert allocation["to_interest"] == f"{interest}"
    assert allocation["to_costs"] == "40.00"
    assert Decimal(allocation["to_principal"]) == 1050 - interest - 40


def test_paying_everything_leaves_nothing_owed() -> None:
    first = claim("BE", [("1000", "2025-01-31")], "2025-03-31")
    owed = first["total"]
    result = claim("BE", [("1000", "2025-01-31")], "2025-06-30", payments=[{"amount": owed, "date": "2025-03-31"}])
    assert result["total"] == "0.00" and result["periods"][-1]["to"] == "2025-03-31"
    assert (result["invoices"][0]["status"], result["invoices"][0]["open"]) == ("paid_late", False)


def test_payment_larger_than_owed_is_an_error_naming_it() -> None:
    payload = {"country": "BE", "until": "2025-06-30", "invoices": [{"amount": "1000", "due_date": "2025-01-31"}],
               "payments": [{"amount": "10", "date": "2025-02-10"}, {"amount": "5000", "date": "2025-03-31"}]}
    error = error_at(NAME, payload, "payments[1].amount")
    assert error["code"] == "payment_exceeds_owed"


def test_identity_principal_plus_interest_plus_costs_minus_paid_is_total() -> None:
    result = claim("NL", [("1000", "2024-01-31"), ("2500", "2024-06-30")], "2026-06-30",
                   payments=[{"amount": "700", "date": "2024-09-01"}, {"amount": "300", "date": "2025-09-01"}])
    total = (Decimal(result["principal"]) + Decimal(result["interest_accrued"]) + Decimal(result["costs_total"])
             - Decimal(result["paid"]))
    assert Decimal(result["total"]) == total
    assert Decimal(result["interest_accrued"]) == sum(Decimal(p["interest"]) for p in result["periods"])


# -- bad input ----------------------------------------------------------------------------------------------------


def test_bad_input_names_each_field() -> None:
    invoices = [{"amount": "1", "due_date": "2025-01-31"}] * 3 + [{"amount": "-5", "due_date": "2025-02-30"}]
    found = codes(NAME, {"country": "DE", "debtor": "state", "invoices": invoices, "until": "soon",
                         "rates": [{"from": "2025-03-01", "rate_pct": "5"}], "letter": "poem"})
    assert found == {"country": "invalid_choice", "debtor": "invalid_choice", "invoices[3].amount": "negative",
                     "invoices[3].due_date": "invalid_date", "until": "invalid_date",
                     "rates[0].from": "not_half_year_start", "letter": "invalid_choice"}


def test_country_is_required_and_invoices_may_not_be_empty() -> None:
    assert codes(NAME, {"invoices": []}) == {"country": "required", "invoices": "no_invoices"}


def test_absurd_amount_and_too_many_rows() -> None:
    assert codes(NAME, {"country": "NL", "invoices": [{"amount": "2000000000000", "due_date": "2025-01-31"}]}) == {
        "invoices[0].amount": "too_large"}
    rows = [{"amount": "1", "due_date": "2025-01-31"}] * (late_payment.MAX_INVOICES + 1)
    assert codes(NAME, {"country": "NL", "invoices": rows}) == {"invoices": "too_many_items"}


def test_payment_dates_must_fall_between_the_first_due_date_and_until() -> None:
    payload = {"country": "NL", "until": "2025-06-30", "invoices": [{"amount": "100", "due_date": "2025-01-31"}],
               "payments": [{"amount": "1", "date": "2025-01-01"}, {"amount": "1", "date": "2025-07-01"}]}
    assert codes(NAME, payload) == {"payments[0].date": "payment_before_first_due", "payments[1].date": "after_until"}


def test_duplicate_rates_and_unknown_fields_are_errors() -> None:
    payload = {"country": "NL", "invoices": [{"amount": "100", "due_date": "2025-01-31", "vat": "21"}],
               "rates": [{"from": "2026-07-01", "rate_pct": "5"}, {"from": "2026-07-01", "rate_pct": "6"}]}
    assert codes(NAME, payload) == {"invoices[0].vat": "unknown_field", "rates[1].from": "duplicate_half_year"}


def test_the_14_day_letter_is_only_for_dutch_consumers() -> None:
    payload = {"country": "BE", "invoices": [{"amount": "100", "due_date": "2025-01-31"}],
               "letter": "fourteen_day_letter"}
    assert codes(NAME, payload) == {"letter": "letter_not_available"}


# -- letters ---------------------------------------------------------------------------------------------------


def test_the_letter_is_written_in_its_own_language_with_the_results_figures() -> None:
    result = claim("FR", [("1200", "2025-03-31")], "2025-10-15", letter="formal_notice", letter_lang="fr",
                   lang="en", creditor="Atelier Dupont", debtor_name="SARL Martin")
    letter = result["letter"]
    assert letter["lang"] == "fr" and letter["kind"] == "formal_notice"
    assert "Mise en demeure" in letter["text"] and "L441-10" in letter["text"]
    assert "SARL Martin" in letter["text"] and "Atelier Dupont" in letter["text"]
    assert "1\u202f322,08\u00a0€" in letter["text"]  # the total, in French notation
    assert result["explanation"][0]["text"].startswith("French")  # the page's language stays English


def test_the_dutch_14_day_letter_announces_the_costs_without_charging_them() -> None:
    result = claim("NL", [("1000", "2024-01-31")], "2024-06-30", debtor="consumer",
                   letter="fourteen_day_letter", letter_lang="nl")
    text = result["letter"]["text"]
    assert "14 dagen" in text and "€\u00a0150,00" in text  # WIK on 1,000: 15 % = 150
    assert "Vergoeding voor invorderingskosten" not in text


def test_the_belgian_first_reminder_to_a_consumer_charges_nothing_but_the_invoice() -> None:
    result = claim("BE", [("500", "2025-01-31")], "2025-06-30", debtor="consumer", letter="reminder",
                   letter_lang="nl")
    text = result["letter"]["text"]
    assert "kosteloos" in text and "€\u00a0500,00" in text
    assert "Rente tot en met" not in text and "invorderingskosten" not in text
    assert "Nu in totaal verschuldigd: €\u00a0500,00" in text


def test_the_letter_comes_in_parts_a_sheet_can_lay_out_with_the_text_made_of_them() -> None:
    result = claim("FR", [("1200", "2025-03-31")], "2025-10-15", letter="formal_notice", letter_lang="fr",
                   sender={"name": "Atelier Dupont", "address": "12 rue des Lilas\n\n  75011   Paris ",
                           "iban": "FR76 3000 6000 0112 3456 7890 189"},
                   recipient={"name": "SARL Martin", "kind": "company", "address": "1 place du Marché"})
    parts = result["letter"]
    assert parts["sender"]["address"] == ["12 rue des Lilas", "75011 Paris"]  # blank lines dropped, spaces collapsed
    assert parts["sender"]["vat_number"] is None and parts["recipient"]["kind"] == "company"
    assert parts["invoices"][0]["amount"] == "1200.00" and parts["invoices"][0]["days_late"] == 198
    assert [line["code"] for line in parts["summary"]] == ["principal", "interest", "costs", "total"]
    assert parts["summary"][-1]["amount"] == "1322.08"
    assert parts["text"].startswith("Atelier Dupont\n12 rue des Lilas\n75011 Paris\n")
    for piece in (parts["subject"], parts["salutation"], parts["intro"], *parts["paragraphs"], parts["closing"]):
        assert piece in parts["text"]


def test_the_letters_sender_and_recipient_are_checked_field_by_field() -> None:
    payload = {"country": "NL", "invoices": [{"amount": "100", "due_date": "2025-01-31"}],
               "sender": {"name": 3, "address": "\n".join("abcdefg"), "fax": "1"},
               "recipient": {"kind": "robot"}}
    assert codes(NAME, payload) == {"sender.name": "invalid_text", "sender.address": "too_many_lines",
                                    "sender.fax": "unknown_field", "recipient.kind": "invalid_choice"}
    assert codes(NAME, {**payload, "sender": None, "recipient": "SARL"}) == {"recipient": "invalid_object"}


def test_without_a_letter_request_the_letter_is_null() -> None:
    result = claim("NL", [("1000", "2025-01-31")], "2025-06-30")
    assert result["letter"] is None and result["letters_available"] == ["reminder", "formal_notice"]


# -- long claims, CLI -----------------------------------------------------------------------------------------


def test_a_long_claim_keeps_a_short_explanation() -> None:
    result = claim("BE", [("100", "2020-01-31")] * 500, "2025-06-30",
                   payments=[{"amount": "10", "date": "2021-01-01"}] * 100)
    check_answer(result)
    assert len(result["explanation"]) < 150
    assert any(s["code"] == "more_periods" for s in result["explanation"])
    assert any(s["code"] == "more_payments" for s in result["explanation"])


def test_periods_can_be_left_out_of_a_large_answer_without_changing_a_figure() -> None:
    invoices = [("1000", "2024-01-31"), ("500", "2025-02-28")]
    full = claim("NL", invoices, "2026-06-30")
    short = claim("NL", invoices, "2026-06-30", include_periods=False)
    assert short["periods"] == [] and short["period_count"] == len(full["periods"])
    assert {k: v for k, v in short.items() if k != "periods"} == {k: v for k, v in full.items() if k != "periods"}


def test_cli_answers_and_exits_2_on_bad_input() -> None:
    payload = {"country": "NL", "until": "2025-06-30", "invoices": [{"amount": "1000", "due_date": "2025-01-31"}]}
    done = subprocess.run([sys.executable, "-m", "calculators", NAME], input=json.dumps(payload),
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and json.loads(done.stdout)["total"] == ok(NAME, payload)["total"]
    done = subprocess.run([sys.executable, "-m", "calculators", NAME], input='{"country": "XX"}',
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "errors" in json.loads(done.stdout) and not done.stderr


# -- published and worked examples --------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "field", "figure"), [
    ("late_payment_fr_felohq", "interest", "147.95"),  # felohq.com: 15 000 x (0.12 / 365) x 30 = 147.95
    ("late_payment_fr_felohq", "costs", "40.00"),  # the 40 euro flat compensation per late invoice
    ("late_payment_nl_consumer_wik", "costs", "375.00"),  # Besluit BIK: 15 % of the first 2,500
])
def test_published_figures_are_examples(key: str, field: str, figure: str) -> None:
    from calculators.examples import EXAMPLES
    example = EXAMPLES[key]
    assert example["expect"][field] == figure
    assert ok(NAME, example["payload"])[field] == figure


def oracle_simple_or_compound(amount: str, due: date, until: date, table: lpr.RateTable, compound: bool) -> Decimal:
    """Interest without payments, from the table rows alone: an independent re-count of the engine's periods."""
    one_day = date(2000, 1, 2) - date(2000, 1, 1)
    # interest is added to the principal after each year counted from the first interest day (a year from
    # 29 February ends on 28 February), so a new base starts on the same date a year on, or on 1 March
    first = due + one_day

    def year_start(n: int) -> date:
        try:
            return first.replace(year=first.year + n)
        except ValueError:
            return date(first.year + n, 3, 1)
    new_years = {year_start(n) for n in range(1, 80)} if compound else set()
    cuts = {row.start for row in table.rows} | new_years
    day = due + one_day
    principal = Fraction(amount)
    year_interest = Fraction(0)
    total = Fraction(0)
    while day <= until:
        next_cut = min([c for c in cuts if c > day] + [until + one_day])
        end = next_cut - one_day
        rate = [row.rate_pct for row in table.rows if row.start <= day][-1]
        part = Fraction(cents(principal * Fraction(rate) * ((end - day).days + 1) / 36500))
        total += part
        year_interest += part
        if next_cut in new_years:
            principal += year_interest
            year_interest = Fraction(0)
        day = next_cut
    return cents(total)


def test_the_dutch_compound_example_matches_an_independent_count() -> None:
    from calculators.examples import EXAMPLES
    example = EXAMPLES["late_payment_nl_compound"]
    expected = oracle_simple_or_compound("10000", date(2024, 3, 15), date(2026, 3, 31), lpr.NL_B2B, True)
    assert example["expect"]["interest"] == f"{expected}" == ok(NAME, example["payload"])["interest"]


def test_the_belgian_and_dutch_examples_differ_only_by_the_rounding() -> None:
    from calculators.examples import EXAMPLES
    be = ok(NAME, EXAMPLES["late_payment_be_h2_2024"]["payload"])
    nl = ok(NAME, EXAMPLES["late_payment_nl_h2_2024"]["payload"])
    assert (be["periods"][0]["rate_pct"], nl["periods"][0]["rate_pct"]) == ("12.5", "12.25")
    assert be["interest"] == f"{period_interest('5000', '12.5', 184)}"


# -- properties over generated claims ---------------------------------------------------------------------


@st.composite
def claims(draw: st.DrawFn) -> dict[str, Any]:
    day = st.dates(min_value=date(2013, 1, 1), max_value=date(2026, 6, 29))
    invoices = draw(st.lists(st.tuples(st.decimals(min_value=0, max_value=10**6, places=2), day),
                             min_size=1, max_size=5))
    first_due = min(d for _, d in invoices)
    until = draw(st.dates(min_value=first_due, max_value=date(2026, 6, 30)))
    payments = draw(st.lists(st.tuples(st.decimals(min_value=0, max_value=10**4, places=2),
                                       st.dates(min_value=first_due, max_value=until)), max_size=4))
    return {"country": draw(st.sampled_from(["NL", "BE", "FR"])), "until": until.isoformat(),
            "debtor": draw(st.sampled_from(["business", "business", "consumer"])),
            "invoices": [{"amount": str(a), "due_date": d.isoformat()} for a, d in invoices],
            "payments": [{"amount": str(a), "date": d.isoformat()} for a, d in payments],
            "rates": [{"from": "2022-01-01", "rate_pct": "0.76"}, {"from": "2025-01-01", "rate_pct": "6"},
                      {"from": "2025-07-01", "rate_pct": "6"}, {"from": "2026-01-01", "rate_pct": "4"}]}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=claims())
def test_every_claim_adds_up_and_every_period_can_be_redone_by_hand(payload: dict[str, Any]) -> None:
    from calculators import run

    result = run(NAME, payload)
    check_answer(result)
    if "errors" in result:
        assert {e["code"] for e in result["errors"]} == {"payment_exceeds_owed"}, result["errors"]
        return
    money = {k: Decimal(result[k]) for k in ("principal", "paid", "principal_outstanding", "interest_accrued",
                                             "interest_paid", "interest", "costs_total", "costs_paid", "costs",
                                             "total")}
    assert all(value >= 0 for value in money.values()), money
    assert money["total"] == money["principal"] + money["interest_accrued"] + money["costs_total"] - money["paid"]
    assert money["paid"] == Decimal(result["principal_paid"]) + money["interest_paid"] + money["costs_paid"]
    assert money["interest_accrued"] == sum((Decimal(p["interest"]) for p in result["periods"]), Decimal(0))
    for period in result["periods"]:
        start, end = date.fromisoformat(period["from"]), date.fromisoformat(period["to"])
        assert period["days"] == (end - start).days + 1 > 0
        assert (start.year, start.month <= 6) == (end.year, end.month <= 6), period  # never across a half-year
        assert Decimal(period["interest"]) == period_interest(period["principal"], period["rate_pct"], period["days"])
