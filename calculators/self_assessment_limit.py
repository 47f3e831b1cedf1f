"""The credit limit an entrepreneur may set himself from his own payment experiences.

mkbZeker's self-assessment (source 004): add up the payments a customer made
at most 60 days after their due date, within the last 12 months, on the same
or a longer payment term than the one now agreed; the total, capped at
15,000, is the cover. A credit report not older than 12 months may set the
cover too, under the same cap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Protocol

from . import rules
from .contract import Reader
from .dates import add_months
from .explain import Explanation
from .money import text

NAME = "self_assessment_limit"

#: Why an experience does not count, in the order the reason is reported.
REASONS = ("too_old", "shorter_payment_term", "paid_too_late")
#: Experiences explained one by one; those after it are summed up per reason, so that a long
#: list keeps a readable (and quickly built) explanation.
EXPLAINED_ROWS = 100


@dataclass(frozen=True)
class Experience:
    amount: Decimal
    payment_term_days: int
    invoice_date: date
    paid_date: date


@dataclass(frozen=True)
class Inputs:
    new_payment_term_days: int
    as_of: date
    experiences: list[Experience]
    credit_report_amount: Decimal | None
    credit_report_date: date | None


def read(r: Reader, today: date) -> Inputs | None:
    term = r.integer("new_payment_term_days")
    as_of = r.day("as_of", required=False, default=today)
    report_amount = r.amount("credit_report_amount", required=False)
    report_date = r.day("credit_report_date", required=False)
    items = r.objects("experiences")
    experiences = []
    for path, obj in items or []:
        item = Reader(obj, r.errors, path)
        amount = item.amount("amount")
        item_term = item.integer("payment_term_days")
        invoiced = item.day("invoice_date")
        paid = item.day("paid_date")
        item.finish()
        if invoiced and paid and paid < invoiced:
            r.errors.add(item.path("paid_date"), "paid_before_invoice")
        elif paid and as_of and paid > as_of:
            r.errors.add(item.path("paid_date"), "after_as_of")
        elif amount is not None and item_term is not None and invoiced and paid:
            experiences.append(Experience(amount, item_term, invoiced, paid))
    if (report_amount is None) != (report_date is None):
        missing = "credit_report_date" if report_date is None else "credit_report_amount"
        if r.path(missing) not in {e["field"] for e in r.errors.items}:
            r.errors.add(r.path(missing), "required_with", other=(
                "credit_report_amount" if missing == "credit_report_date" else "credit_report_date"))
    if report_date and as_of and report_date > as_of:
        r.errors.add(r.path("credit_report_date"), "after_as_of")
    if r.errors or term is None or as_of is None:
        return None
    return Inputs(term, as_of, experiences, report_amount, report_date)


class ExperienceLike(Protocol):
    """What the rule reads of a paid invoice (an :class:`Experience`, or a ledger's invoice row)."""

    @property
    def amount(self) -> Decimal: ...
    @property
    def payment_term_days(self) -> int: ...
    @property
    def invoice_date(self) -> date: ...
    @property
    def paid_date(self) -> date: ...


def oldest_paid_date(as_of: date) -> date:
    """The first payment date that still counts on ``as_of`` (the last 12 months)."""
    return add_months(as_of, -rules.integer("self_assessment_lookback_months"))


def judge(experience: ExperienceLike, new_term: int, oldest_paid: date,
          max_days_late: int | None = None) -> tuple[date, int, list[str]]:
    """The rule on one payment experience: its due date, days late, and why it does not count (empty: it counts).

    ``max_days_late`` is the rule's figure; a caller judging many experiences passes it once.
    """
    if max_days_late is None:
        max_days_late = rules.integer("self_assessment_max_days_late")
    due = experience.invoice_date + timedelta(days=experience.payment_term_days)
    days_late = (experience.paid_date - due).days
    if days_late < 0:
        days_late = 0
    failed = []
    if experience.paid_date < oldest_paid:
        failed.append("too_old")
    if experience.payment_term_days < new_term:
        failed.append("shorter_payment_term")
    if days_late > max_days_late:
        failed.append("paid_too_late")
    return due, days_late, failed


def assess(experience: Experience, new_term: int, oldest_paid: date) -> dict[str, Any]:
    """Whether one payment experience counts, how late it was and why."""
    due, days_late, failed = judge(experience, new_term, oldest_paid)
    return {
        "counted": not failed,
        "reason": failed[0] if failed else "counted",
        "reasons": failed,
        "due_date": due.isoformat(),
        "days_late": days_late,
    }


def limit_from_experiences(experiences: Iterable[ExperienceLike], new_term: int, as_of: date) -> Decimal:
    """The self-assessment limit from payment experiences alone (no credit report), without an explanation.

    The same rule as :func:`compute` (it calls :func:`judge`), for callers that need the figure for
    many customers at once (the portfolio report).
    """
    oldest_paid = oldest_paid_date(as_of)
    max_late = rules.integer("self_assessment_max_days_late")
    total = sum((e.amount for e in experiences if not judge(e, new_term, oldest_paid, max_late)[2]), Decimal(0))
    return min(total, rules.decimal("mkbzeker_cover_cap"))


def compute(inputs: Inputs, lang: str) -> dict[str, Any]:
    cap = rules.decimal("mkbzeker_cover_cap")
    max_late = rules.integer("self_assessment_max_days_late")
    lookback = rules.integer("self_assessment_lookback_months")
    oldest_paid = oldest_paid_date(inputs.as_of)
    explain = Explanation(lang, NAME)
    explain.step("rule", days=max_late, months=lookback, cap=explain.money(cap),
                 term=inputs.new_payment_term_days, since=explain.date(oldest_paid),
                 as_of=explain.date(inputs.as_of))

    rows = []
    total = Decimal(0)
    rest: dict[str, tuple[int, Decimal]] = {}  # reason -> (count, amount) after EXPLAINED_ROWS
    for index, experience in enumerate(inputs.experiences, start=1):
        row = assess(experience, inputs.new_payment_term_days, oldest_paid)
        row["amount"] = text(experience.amount)
        rows.append(row)
        if row["counted"]:
            total += experience.amount
        if index <= EXPLAINED_ROWS:
            explain.step("experience_" + row["reason"], index=index, amount=explain.money(experience.amount),
                         term=experience.payment_term_days, late=row["days_late"], max_late=max_late,
                         paid=explain.date(experience.paid_date), new_term=inputs.new_payment_term_days)
        else:
            count, amount = rest.get(row["reason"], (0, Decimal(0)))
            rest[row["reason"]] = (count + 1, amount + experience.amount)
    for reason in ("counted", *REASONS):
        if reason in rest:
            count, amount = rest[reason]
            explain.step("more_" + reason, first=EXPLAINED_ROWS + 1, last=len(inputs.experiences), count=count,
                         total=explain.money(amount), max_late=max_late, new_term=inputs.new_payment_term_days)
    experiences_limit = min(total, cap)
    counted = [r for r in rows if r["counted"]]
    explain.step("total", count=len(counted), total=explain.money(total))
    if total > cap:
        explain.step("capped", total=explain.money(total), cap=explain.money(cap))

    report_limit = None
    report_status = "none"
    report_capped = False
    if inputs.credit_report_amount is not None and inputs.credit_report_date is not None:
        oldest_report = add_months(inputs.as_of, -rules.integer("credit_report_max_age_months"))
        if inputs.credit_report_date >= oldest_report:
            report_limit = min(inputs.credit_report_amount, cap)
            report_status = "used"
            report_capped = inputs.credit_report_amount > cap
            explain.step("report_used", amount=explain.money(inputs.credit_report_amount),
                         limit=explain.money(report_limit), cap=explain.money(cap))
        else:
            report_status = "too_old"
            explain.step("report_too_old", date=explain.date(inputs.credit_report_date),
                         since=explain.date(oldest_report))

    if report_limit is not None and report_limit > experiences_limit:
        limit, source = report_limit, "credit_report"
    elif experiences_limit > 0:
        limit, source = experiences_limit, "payment_experiences"
    else:
        limit, source = Decimal(0), "none"
    explain.step("limit_" + source, limit=explain.money(limit))
    return {
        "limit": text(limit),
        "limit_source": source,
        "capped": total > cap or report_capped,
        "cap": text(cap),
        "experiences_total": text(total),
        "experiences_limit": text(experiences_limit),
        "credit_report_limit": None if report_limit is None else text(report_limit),
        "credit_report_status": report_status,
        "counted_count": len(counted),
        "as_of": inputs.as_of.isoformat(),
        "oldest_paid_date": oldest_paid.isoformat(),
        "new_payment_term_days": inputs.new_payment_term_days,
        "experiences": rows,
        "explanation": explain.steps,
    }
