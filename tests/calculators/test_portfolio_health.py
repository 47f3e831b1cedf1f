"""Receivables health: DSO, countback DSO, DSO per month, payment behaviour, the provision matrix.

The figures are worked by hand in the docstrings of :mod:`calculators.portfolio_health` (checked here
as doctests) and again below on Documents built for the purpose, credit notes and open amounts
included; the report's keys are checked through ``run``.
"""

from __future__ import annotations

import doctest
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from engine_support import check_answer, codes, ok
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import portfolio, portfolio_health
from calculators.examples import EXAMPLES
from calculators.ledgers.model import CREDIT_NOTE, Document
from calculators.portfolio_health import (
    behaviour,
    dso,
    dso_by_month,
    dso_countback,
    insured_part,
    invoiced,
    open_buckets,
    provision,
    rates_from_history,
    receivables,
    score,
)

AS_OF = date(2026, 3, 15)
AGING = portfolio.AGING
RATES = {"not_due": Decimal(1), "days_1_30": Decimal(3), "days_31_60": Decimal(10), "days_61_90": Decimal(25),
         "days_over_90": Decimal(60)}


def doc(amount: str | Decimal, invoiced_on: date, *, term: int = 30, paid: date | None = None,
        customer: str = "Acme", open_amount: str | None = None, written_off: bool = False,
        index: int = 0) -> Document:
    value = Decimal(amount)
    return Document(customer, value, invoiced_on, term, invoiced_on + timedelta(term), paid, None, None, index, None,
                    None if open_amount is None else Decimal(open_amount),
                    CREDIT_NOTE if value < 0 else "invoice", written_off=written_off)


def test_the_worked_examples_in_the_docstrings_hold() -> None:
    result = doctest.testmod(portfolio_health, raise_on_error=False)
    assert result.attempted >= 6 and result.failed == 0


# -- DSO ------------------------------------------------------------------------------------------------------


def test_dso_is_open_over_a_years_invoicing_times_365() -> None:
    # 36,500 invoiced in the year (365 invoices of 100), the last 50 still open: 5,000 ÷ 36,500 × 365 = 50.0.
    docs = [doc("100", AS_OF - timedelta(days), paid=None if days < 50 else AS_OF - timedelta(days) + timedelta(20))
            for days in range(365)]
    assert receivables(docs, AS_OF) == Decimal(5000)
    assert dso(docs, AS_OF) == Decimal("50.0")


def test_an_invoice_older_than_a_year_is_open_but_not_in_the_years_sales() -> None:
    docs = [doc("1000", AS_OF - timedelta(400)), doc("3650", AS_OF - timedelta(10), paid=AS_OF)]
    assert invoiced(docs, AS_OF - timedelta(365), AS_OF) == Decimal(3650)
    assert dso(docs, AS_OF) == Decimal("100.0")  # 1,000 ÷ 3,650 × 365


def test_credit_notes_lower_both_the_open_balance_and_the_sales_and_open_amounts_count_what_is_left() -> None:
    docs = [doc("4000", AS_OF - timedelta(20), open_amount="1500"), doc("-500", AS_OF - timedelta(5)),
            doc("3800", AS_OF - timedelta(100), paid=AS_OF - timedelta(60))]
    assert receivables(docs, AS_OF) == Decimal(1000)  # 1,500 - 500
    assert dso(docs, AS_OF) == Decimal("50.0")  # 1,000 ÷ (4,000 - 500 + 3,800 = 7,300) × 365


def test_a_written_off_invoice_is_sales_but_never_open() -> None:
    docs = [doc("1000", AS_OF - timedelta(200), written_off=True), doc("1000", AS_OF - timedelta(10))]
    assert receivables(docs, AS_OF) == Decimal(1000)
    assert dso(docs, AS_OF) == Decimal("182.5")


def test_without_sales_in_the_year_there_is_no_dso() -> None:
    assert dso([doc("100", AS_OF - timedelta(500))], AS_OF) is None


def test_countback_counts_calendar_months_newest_first() -> None:
    # The docstring's example: 5,000 open; 2,000 in 1-15 March, 2,800 in February, 3,100 in January -> 45.0.
    docs = [doc("2000", date(2026, 3, 2)), doc("2800", date(2026, 2, 10), paid=date(2026, 3, 1)),
            doc("3100", date(2026, 1, 20), paid=date(2026, 2, 20)), doc("3000", date(2026, 2, 11))]
    # open: 2,000 + 3,000 = 5,000; February's sales are 2,800 + 3,000 = 5,800: 15 + 3,000/5,800 × 28.
    assert receivables(docs, AS_OF) == Decimal(5000)
    assert dso_countback(docs, AS_OF) == Decimal("29.5")


def test_countback_with_the_docstrings_figures() -> None:
    docs = [doc("2000", date(2026, 3, 2)), doc("2800", date(2026, 2, 10)), doc("3100", date(2026, 1, 20)),
            doc("-2900", date(2026, 1, 21), paid=date(2026, 1, 25)), doc("2900", date(2026, 1, 22),
                                                                            paid=date(2026, 1, 30))]
    # open 2,000 + 2,800 + 3,100 - 2,900 (the paid credit note is not open) ... computed below by hand.
    open_total = receivables(docs, AS_OF)
    assert open_total == Decimal(7900)
    # March 2,000 (15 days) leaves 5,900; February 2,800 (28) leaves 3,100; January's sales 3,100 - 2,900 + 2,900
    # = 3,100 cover the rest exactly: 31 days more. 15 + 28 + 31 = 74.0.
    assert dso_countback(docs, AS_OF) == Decimal("74.0")


def test_countback_says_nothing_when_the_open_balance_is_more_than_all_sales() -> None:
    docs = [doc("1000", date(2026, 3, 1), open_amount="1000"), doc("-600", date(2026, 3, 2), paid=date(2026, 3, 3))]
    assert receivables(docs, AS_OF) == Decimal(1000)
    assert dso_countback(docs, AS_OF) is None


def test_dso_per_month_is_the_dso_at_each_month_end() -> None:
    docs = [doc(str(100 + i), date(2025, 1, 1) + timedelta(7 * i), term=30,
                paid=None if i % 5 == 0 else min(AS_OF, date(2025, 1, 1) + timedelta(7 * i + 20 + i % 40)))
            for i in range(62)]
    months = dso_by_month(docs, AS_OF)
    assert [m.month_end for m in months][-1] == date(2026, 2, 28) and len(months) == 12
    for month in months:
        assert month.open == receivables(docs, month.month_end)
        assert month.invoiced == invoiced(docs, month.month_end - timedelta(365), month.month_end)
        assert month.dso_days == dso(docs, month.month_end)


# -- behaviour ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("days", "expected"), [(-30, 100), (-15, 90), (0, 80), (15, 70), (22, 60), (30, 50),
                                                (60, 40), (90, 30), (120, 20), (150, 10), (180, 0), (365, 0)])
def test_the_score_follows_the_paydex_points(days: int, expected: int) -> None:
    assert score(days) == expected


def test_each_day_late_lowers_the_score() -> None:
    assert all(score(day + 1) < score(day) for day in range(-30, 180))


def test_behaviour_is_amount_weighted_and_early_payment_is_not_negative_lateness() -> None:
    # 1,000 paid 20 days early (score 80 + 20 × 2/3 = 93.33) and 3,000 paid 30 days late (50).
    docs = [doc("1000", date(2025, 6, 1), paid=date(2025, 6, 11)), doc("3000", date(2025, 7, 1),
                                                                       paid=date(2025, 8, 30))]
    b = behaviour(docs, AS_OF)
    assert b.paid_count == 2
    assert b.days_late == Decimal("22.5")  # (1,000 × 0 + 3,000 × 30) ÷ 4,000
    assert b.score == 61  # (1,000 × 93.33 + 3,000 × 50) ÷ 4,000 = 60.83


def test_a_customer_paying_later_than_before_is_flagged() -> None:
    earlier = [doc("1000", date(2025, 3, 1), paid=date(2025, 3, 31)), doc("1000", date(2025, 5, 1),
                                                                           paid=date(2025, 6, 5))]  # 0 and 5 late
    recent = [doc("2000", date(2025, 12, 1), paid=date(2026, 2, 19))]  # due 31 Dec, paid 50 days late
    b = behaviour(earlier + recent, AS_OF)
    assert (b.earlier_days_late, b.recent_days_late, b.trend_days) == (Decimal("2.5"), Decimal("50.0"),
                                                                       Decimal("47.5"))
    assert b.paying_later
    steady = behaviour([*earlier, doc("2000", date(2025, 12, 1), paid=date(2026, 1, 5))], AS_OF)
    assert steady.trend_days == Decimal("2.5") and not steady.paying_later


def test_credit_notes_written_off_and_unpaid_invoices_have_no_payment_to_judge() -> None:
    docs = [doc("-500", date(2025, 6, 1), paid=date(2025, 9, 1)), doc("800", date(2025, 6, 1), written_off=True),
            doc("900", date(2025, 6, 1))]
    b = behaviour(docs, AS_OF)
    assert (b.paid_count, b.days_late, b.score, b.trend_days, b.paying_later) == (0, None, None, None, False)


# -- the provision ------------------------------------------------------------------------------------------------


def test_the_provision_is_the_rate_times_the_open_amount_per_bucket() -> None:
    docs = [doc("1000", AS_OF - timedelta(10)), doc("500", AS_OF - timedelta(130)),
            doc("200", AS_OF - timedelta(75), paid=AS_OF - timedelta(1))]
    buckets = open_buckets(docs, AS_OF, AGING)
    assert buckets == {"not_due": Decimal(1000), "days_1_30": 0, "days_31_60": 0, "days_61_90": 0,
                       "days_over_90": Decimal(500)}
    assert provision(buckets, RATES) == Decimal("310.00")  # 1% of 1,000 + 60% of 500


def test_an_open_credit_note_is_set_against_the_oldest_invoice_first() -> None:
    docs = [doc("1000", AS_OF - timedelta(130)), doc("-300", AS_OF - timedelta(2)), doc("400", AS_OF - timedelta(5))]
    buckets = open_buckets(docs, AS_OF, AGING)
    assert buckets["days_over_90"] == Decimal(700) and buckets["not_due"] == Decimal(400)
    assert provision(buckets, RATES) == Decimal("424.00")  # 60% of 700 + 1% of 400


def test_a_credit_larger_than_the_invoices_leaves_nothing_to_provide_for() -> None:
    docs = [doc("100", AS_OF - timedelta(130)), doc("-300", AS_OF - timedelta(2))]
    assert provision(open_buckets(docs, AS_OF, AGING), RATES) == 0


def test_open_amounts_and_write_offs_in_the_buckets() -> None:
    docs = [doc("1000", AS_OF - timedelta(50), open_amount="250"), doc("900", AS_OF - timedelta(200),
                                                                       written_off=True)]
    buckets = open_buckets(docs, AS_OF, AGING)
    assert buckets["days_1_30"] == Decimal(250) and sum(buckets.values()) == Decimal(250)


def test_the_insured_part_is_the_payouts_share_of_the_open_balance() -> None:
    assert insured_part(Decimal(260), Decimal(1500), Decimal(1080)) == Decimal("187.20")
    assert insured_part(Decimal(260), Decimal(0), Decimal(0)) == 0
    assert insured_part(Decimal(260), Decimal(1000), Decimal(5000)) == Decimal(260)


def _history(paid_early: int, paid_late: int, written_off: int, late_days: int = 100) -> list[Document]:
    day = date(2024, 1, 1)
    docs = [doc("100", day, paid=day + timedelta(20), index=i) for i in range(paid_early)]
    docs += [doc("100", day, paid=day + timedelta(30 + late_days), index=i) for i in range(paid_late)]
    docs += [doc("100", day, written_off=True, index=i) for i in range(written_off)]
    return docs


def test_rates_are_learned_from_the_written_off_share_of_what_reached_each_age() -> None:
    history = rates_from_history(_history(88, 10, 2), AS_OF, AGING)
    assert (history.settled, history.written_off) == (100, 2)
    assert history.reached == {"not_due": 100, "days_1_30": 12, "days_31_60": 12, "days_61_90": 12,
                               "days_over_90": 12}
    assert history.rates_pct == {"not_due": Decimal("2.00"), "days_1_30": Decimal("16.67"),
                                 "days_31_60": Decimal("16.67"), "days_61_90": Decimal("16.67"),
                                 "days_over_90": Decimal("16.67")}


@pytest.mark.parametrize(("early", "late", "off"), [(80, 10, 2), (95, 5, 2), (98, 10, 0)])
def test_too_short_a_history_gives_no_rates(early: int, late: int, off: int) -> None:
    # fewer than 100 settled; fewer than 10 in the late buckets; no write-off at all
    assert rates_from_history(_history(early, late, off), AS_OF, AGING).rates_pct is None


# -- through the report -------------------------------------------------------------------------------------


def _payload(**extra: Any) -> dict[str, Any]:
    return dict(EXAMPLES["portfolio_small_ledger"]["payload"], **extra)


RATE_TEXT = {code: str(rate) for code, rate in RATES.items()}


def test_the_report_gives_dso_behaviour_and_the_provision_with_its_insured_part() -> None:
    result = ok("portfolio", _payload(provision_rates_pct=RATE_TEXT))
    check_answer(result)
    # 21,420 open; 32,310 invoiced since 10 March 2025: 21,420 ÷ 32,310 × 365 = 242.0 days.
    assert result["dso_days"] == "242.0" and len(result["dso_by_month"]) == 12
    assert result["dso_by_month"][-1] == {"month_end": "2025-12-31", "open": "21420.00", "invoiced": "32310.00",
                                          "dso_days": "242.0"}
    # Countback: December 5,690 (31 days), November 9,680 (30) leave 6,050 = October's nothing and September's
    # 6,050 (31 + 30): 122.0.
    assert result["dso_countback_days"] == "122.0"
    peters = next(c for c in result["customers"] if c["customer"] == "Peters Bakery")
    assert peters["behaviour"]["recent_days_late"] == "82.0" and "paying_later" in peters["flags"]
    # Peters: 6,050 in 61-90 days at 25% = 1,512.50; payout 5,445 of 6,050 (90%): 1,361.25 insured.
    assert peters["provision"] == {"amount": "1512.50", "insured": "1361.25", "uninsured": "151.25"}
    assert result["totals"]["provision"] == str(sum(Decimal(c["provision"]["amount"]) for c in result["customers"]))
    assert result["provision_rates_source"] == "given"
    assert [s["code"] for s in result["explanation"]][-4:] == [
        "health_countback", "health_behaviour", "health_provision_given", "health_provision_total"]


def test_without_rates_or_history_there_is_no_provision() -> None:
    result = ok("portfolio", _payload())
    assert result["provision_rates_pct"] is None and "provision" not in result["totals"]
    assert all(c["provision"] is None for c in result["customers"])
    assert "health_provision_none" in [s["code"] for s in result["explanation"]]


def test_wrong_rates_are_named_by_field() -> None:
    assert codes("portfolio", _payload(provision_rates_pct={"not_due": "101", "days_1_30": "-1", "later": "1"})) == {
        "provision_rates_pct.not_due": "too_large", "provision_rates_pct.days_1_30": "negative",
        "provision_rates_pct.days_31_60": "required", "provision_rates_pct.days_61_90": "required",
        "provision_rates_pct.days_over_90": "required", "provision_rates_pct.later": "unknown_field"}
    assert codes("portfolio", _payload(provision_rates_pct=[1])) == {"provision_rates_pct": "invalid_object"}


# -- properties ------------------------------------------------------------------------------------------------

PROPERTIES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

documents = st.lists(st.builds(
    lambda amount, age, term, paid_after, credit, part, off: doc(
        -amount if credit else amount, AS_OF - timedelta(age), term=term,
        paid=None if paid_after is None or paid_after > age else AS_OF - timedelta(age - paid_after),
        open_amount=None if part is None or credit else str((amount * part / 100).quantize(Decimal("0.01"))),
        written_off=off),
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=2),
    st.integers(0, 800), st.integers(0, 120), st.none() | st.integers(0, 400), st.booleans(),
    st.none() | st.integers(0, 100), st.booleans() | st.just(False)), max_size=40)


@PROPERTIES
@given(documents)
def test_the_provision_lies_between_nothing_and_the_open_total(docs: list[Document]) -> None:
    buckets = open_buckets(docs, AS_OF, AGING)
    amount = provision(buckets, RATES)
    open_total = receivables(docs, AS_OF)
    assert Decimal(0) <= amount <= max(Decimal(0), open_total)
    full = provision(buckets, dict.fromkeys(RATES, Decimal(100)))
    assert full == max(Decimal(0), open_total).quantize(Decimal("0.01"))


@PROPERTIES
@given(documents, st.sampled_from([Decimal(2), Decimal("0.5"), Decimal(7), Decimal("1.1"), Decimal(1000)]))
def test_dso_does_not_change_when_every_amount_is_multiplied_by_one_factor(docs: list[Document],
                                                                           factor: Decimal) -> None:
    scaled = [d._replace(amount=d.amount * factor,
                         open_amount=None if d.open_amount is None else d.open_amount * factor) for d in docs]
    assert dso(scaled, AS_OF) == dso(docs, AS_OF)
    assert dso_countback(scaled, AS_OF) == dso_countback(docs, AS_OF)
    assert [m.dso_days for m in dso_by_month(scaled, AS_OF)] == [m.dso_days for m in dso_by_month(docs, AS_OF)]


@PROPERTIES
@given(documents)
def test_the_monthly_history_equals_the_dso_computed_at_each_month_end(docs: list[Document]) -> None:
    for month in dso_by_month(docs, AS_OF):
        assert month.dso_days == dso(docs, month.month_end)
        assert month.open == receivables(docs, month.month_end)


def _groups(docs: list[Document]) -> list[list[Document]]:
    groups: dict[str, list[Document]] = {}
    for d in docs:
        groups.setdefault(d.customer, []).append(d)
    return list(groups.values())


customers_documents = st.lists(st.tuples(st.sampled_from("ABC"), documents), max_size=3).map(
    lambda parts: [d._replace(customer=name) for name, group in parts for d in group])


@PROPERTIES
@given(customers_documents)
def test_the_one_pass_gives_what_the_rules_give_one_figure_at_a_time(docs: list[Document]) -> None:
    groups = _groups(docs)
    figures, per_customer = portfolio_health.ledger_pass(groups, AS_OF, AGING)
    assert figures.open_total == receivables(docs, AS_OF)
    assert figures.dso_days == dso(docs, AS_OF)
    assert figures.countback_days == dso_countback(docs, AS_OF)
    assert figures.months == dso_by_month(docs, AS_OF)
    for group, found in zip(groups, per_customer, strict=True):
        assert found.behaviour == behaviour(group, AS_OF)
        assert found.buckets(AS_OF, AGING) == open_buckets(group, AS_OF, AGING)


@pytest.mark.parametrize(("early", "late", "off"), [(88, 10, 2), (80, 10, 2), (95, 5, 2), (98, 10, 0), (150, 30, 5)])
def test_the_one_pass_learns_the_rates_the_rule_learns(early: int, late: int, off: int) -> None:
    docs = _history(early, late, off)
    figures, _ = portfolio_health.ledger_pass([docs], AS_OF, AGING)
    expected = rates_from_history(docs, AS_OF, AGING)
    assert figures.history.rates_pct == expected.rates_pct
    assert (figures.history.settled, figures.history.written_off) == (expected.settled, expected.written_off)
    # The pass only gathers the history when there is enough to learn from; then it is the rule's.
    assert figures.history.reached == (expected.reached if off and early + late + off >= 100 else {})


def test_ledger_invoice_rows_are_read_as_documents_without_open_amounts_or_write_offs() -> None:
    from calculators.ledger import Invoice

    rows = [Invoice("Acme", Decimal(100), AS_OF - timedelta(40), 30, AS_OF - timedelta(10), None, None, None, 0, None),
            Invoice("Acme", Decimal(50), AS_OF - timedelta(90), 30, AS_OF - timedelta(60), AS_OF - timedelta(45), None,
                    None, 1, None)]
    documents = [Document(*row) for row in rows]
    figures, (found,) = portfolio_health.ledger_pass([rows], AS_OF, AGING)
    assert figures.open_total == receivables(documents, AS_OF) == Decimal(100)
    assert found.behaviour == behaviour(documents, AS_OF)
    assert found.buckets(AS_OF, AGING) == open_buckets(documents, AS_OF, AGING)
