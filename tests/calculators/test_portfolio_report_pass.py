"""The receivables report's one pass over the rows gives what its rules give one figure at a time.

``portfolio_health.ledger_pass`` with a ``ReportRule`` gathers each customer's open balance, ageing, oldest
overdue invoice and self-assessment in the pass that makes the health figures (100,000 rows are walked once);
these tests hold it to the plain rules: ``match.open_of``, ``portfolio_health.bucket_of`` and
``self_assessment_limit.limit_from_experiences``. End to end, an export read the fast way (one grid of cells)
gives the report the csv module's reading gives, for Windows-1252 ``;`` exports with ``1.234,56`` amounts,
credit notes and part payments.
"""

from __future__ import annotations

import base64
import random
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import portfolio, portfolio_health, rules, run, self_assessment_limit
from calculators.ledgers.match import open_of
from calculators.ledgers.model import CREDIT_NOTE, INVOICE, Document

AS_OF = date(2026, 6, 30)
PROPERTIES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _document(index: int, amount: Decimal, age: int, term: int, paid_after: int | None, credit: bool,
              part: int | None, off: bool) -> Document:
    invoiced = AS_OF - timedelta(age)
    return Document(
        "Acme", -amount if credit else amount, invoiced, term, invoiced + timedelta(term),
        None if paid_after is None else invoiced + timedelta(paid_after), f"F{index}", "EUR", index, None,
        None if part is None else (-1 if credit else 1) * (amount * part / 100).quantize(Decimal("0.01")),
        CREDIT_NOTE if credit else INVOICE, written_off=off)


# Invoices and credit notes, some dated after the reference date, some unpaid, part paid (an open amount
# beside the amount), written off, of nothing; paid early, on time, late, after the reference date.
documents = st.lists(st.builds(
    _document, st.integers(0, 10**6), st.decimals(min_value=0, max_value=Decimal(100000), places=2),
    st.integers(-30, 800), st.sampled_from([0, 14, 30, 60, 90]), st.none() | st.integers(0, 500), st.booleans(),
    st.none() | st.integers(0, 100), st.booleans()), max_size=40)


def _plain(docs: list[Document], new_term: int) -> dict[str, object]:
    """The report's figures of one customer, each by its rule, one document at a time."""
    opens = [(d, open_of(d)) for d in docs]
    # Open: an open amount given that is not nothing, or no open amount and no payment (even of nothing).
    open_docs = [(d, left) for d, left in opens if (left if d.open_amount is not None else d.paid_date is None)]
    aging = dict.fromkeys(portfolio_health.BUCKETS, Decimal(0))
    for d, left in open_docs:
        days = (AS_OF - d.due_date).days
        aging[portfolio_health.NOT_DUE if left < 0 else portfolio_health.bucket_of(days, portfolio.AGING)] += left
    overdue = [(d, left) for d, left in open_docs if left >= 0 and (AS_OF - d.due_date).days > 0]
    paid = [d for d in docs if d.kind == INVOICE and d.paid_date is not None]
    return {
        "open_total": sum((left for _, left in open_docs), Decimal(0)),
        "overdue": sum((left for _, left in overdue), Decimal(0)),
        "aging": aging,
        "oldest_due": min((d.due_date for d, _ in overdue), default=None),
        "open_count": sum(1 for _, left in open_docs if left >= 0),
        "paid_count": sum(1 for d in docs if d.paid_date is not None),
        "credit_count": sum(1 for d in docs if d.kind != INVOICE),
        "limit": self_assessment_limit.limit_from_experiences(paid, new_term, AS_OF),
    }


@PROPERTIES
@given(st.lists(documents, min_size=1, max_size=3), st.sampled_from([14, 30, 60]))
def test_the_one_pass_gives_each_customers_report_figures_as_the_rules_do(groups: list[list[Document]],
                                                                         new_term: int) -> None:
    rule = portfolio_health.ReportRule(new_term, self_assessment_limit.oldest_paid_date(AS_OF),
                                       rules.integer("self_assessment_max_days_late"))
    figures, per_customer = portfolio_health.ledger_pass(groups, AS_OF, portfolio.AGING, report=rule)
    alone, health_only = portfolio_health.ledger_pass(groups, AS_OF, portfolio.AGING)
    assert figures == alone  # the report's figures change nothing of the health figures
    for group, found, health in zip(groups, per_customer, health_only, strict=True):
        assert found[:3] == health[:3] and health.report is None
        mine = found.report
        expected = _plain(group, new_term)
        assert mine is not None
        assert (mine.open_total, mine.overdue, mine.aging) == (
            expected["open_total"], expected["overdue"], expected["aging"])
        assert (None if mine.oldest is None else mine.oldest.due_date) == expected["oldest_due"]
        assert (mine.open_count, mine.paid_count, mine.credit_count) == (
            expected["open_count"], expected["paid_count"], expected["credit_count"])
        assert min(mine.counted, rules.decimal("mkbzeker_cover_cap")) == expected["limit"]


def _export(seed: int) -> str:
    """A Dutch open-items export: ``;``, ``1.234,56``, accents, credit notes, part payments, written-off rows."""
    rng = random.Random(seed)
    lines = ["Klant;Factuurnummer;Factuurdatum;Vervaldatum;Bedrag;Openstaand;Betaaldatum;Soort;Afgeschreven"]
    for number in range(rng.randrange(20, 300)):
        invoiced = AS_OF - timedelta(days=rng.randrange(-10, 700))
        due = invoiced + timedelta(days=rng.choice((14, 30, 30, 60)))
        cents = rng.randrange(100, 5 * 10**6)
        amount = f"{cents // 100:,}".replace(",", ".") + f",{cents % 100:02d}"
        credit = rng.random() < 0.1
        paid = None if rng.random() < 0.3 else min(due + timedelta(days=rng.choice((-5, 0, 10, 40, 90))), AS_OF)
        part = "" if paid or rng.random() < 0.6 else f"{cents // 200},{cents % 100:02d}"
        lines.append(";".join((
            rng.choice(("Café De Hoek", "CAFÉ DE HOEK", "Bakkerij Jansen", "Garage Müller", "Ölhandel Öz")),
            f"F{number}", invoiced.strftime("%d-%m-%Y"), due.strftime("%d-%m-%Y"), amount, part,
            "" if paid is None else max(paid, invoiced).strftime("%d-%m-%Y"), "Creditnota" if credit else "Factuur",
            "ja" if rng.random() < 0.03 else "")))
    return "\r\n".join(lines) + "\r\n"


def _report(text: str) -> dict[str, object]:
    data = base64.b64encode(text.encode("cp1252")).decode("ascii")
    return run("portfolio", {"as_of": AS_OF.isoformat(), "lang": "nl", "files": [{"name": "ledger.csv",
                                                                                   "base64": data}]})


def test_a_windows_1252_export_reports_the_same_read_as_a_grid_or_by_the_csv_module() -> None:
    for seed in range(12):
        text = _export(seed)
        fast = _report(text)
        slow = _report('"Klant"' + text.removeprefix("Klant"))  # a quoted header: the csv module reads the file
        assert "errors" not in fast and fast["invoice_count"] > 0
        assert fast["files"][0]["encoding"] == "windows-1252"
        assert fast == slow


def test_the_self_assessment_in_the_pass_counts_up_to_its_limits_and_not_a_day_beyond() -> None:
    max_late = rules.integer("self_assessment_max_days_late")
    oldest = self_assessment_limit.oldest_paid_date(AS_OF)
    rule = portfolio_health.ReportRule(30, oldest, max_late)
    invoiced = oldest - timedelta(20)

    def paid(amount: int, term: int, paid_on: date) -> Document:
        return Document("Acme", Decimal(amount), invoiced, term, invoiced + timedelta(term), paid_on, None, None, 0,
                        None)

    docs = [paid(1, 30, invoiced + timedelta(30 + max_late)),  # exactly the most days late: counts
            paid(10, 30, invoiced + timedelta(31 + max_late)),  # a day more: not
            paid(100, 29, invoiced + timedelta(29)),  # a shorter term than the new one: not
            paid(1000, 120, oldest),  # paid on the first day that counts: counts
            paid(10000, 120, oldest - timedelta(1))]  # the day before: not
    (found,) = portfolio_health.ledger_pass([docs], AS_OF, portfolio.AGING, report=rule)[1]
    assert found.report is not None and found.report.counted == Decimal(1001)
    assert self_assessment_limit.limit_from_experiences(docs, 30, AS_OF) == Decimal(1001)
