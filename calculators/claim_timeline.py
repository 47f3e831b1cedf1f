"""The deadlines of a claim, from the invoice to the latest payout.

The customer must pay by the due date; the company chases the debt itself for
about two months after it, then hands the file over; the insurer pays at the
latest five months after the hand-over (source 000). Months are calendar
months, clamped to the month's end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from . import rules
from .contract import MAX_MONTHS, Reader
from .dates import add_months
from .explain import Explanation

NAME = "claim_timeline"


@dataclass(frozen=True)
class Inputs:
    invoice_date: date
    payment_term_days: int
    handling_months: int
    payout_months: int


def read_periods(r: Reader) -> tuple[int | None, int | None]:
    """The handling and payout periods in months, with their defaults (shared with the portfolio report)."""
    handling = r.integer("handling_months", required=False,
                         default=rules.integer("handling_months"), maximum=MAX_MONTHS)
    payout = r.integer("payout_months", required=False,
                       default=rules.integer("payout_months"), maximum=MAX_MONTHS)
    return handling, payout


def read(r: Reader, today: object = None) -> Inputs | None:
    invoiced = r.day("invoice_date")
    term = r.integer("payment_term_days")
    handling, payout = read_periods(r)
    if r.errors or invoiced is None or term is None or handling is None or payout is None:
        return None
    return Inputs(invoiced, term, handling, payout)


def deadlines(invoice_date: date, payment_term_days: int, handling_months: int,
              payout_months: int) -> tuple[date, date, date]:
    """The due date, the hand-over date and the latest payout date of one invoice."""
    due = invoice_date + timedelta(days=payment_term_days)
    hand_over = add_months(due, handling_months)
    return due, hand_over, add_months(hand_over, payout_months)


def compute(inputs: Inputs, lang: str) -> dict[str, Any]:
    explain = Explanation(lang, NAME)
    due, hand_over, latest_payout = deadlines(inputs.invoice_date, inputs.payment_term_days,
                                              inputs.handling_months, inputs.payout_months)
    explain.step("due", invoice=explain.date(inputs.invoice_date), days=inputs.payment_term_days,
                 due=explain.date(due))
    explain.step("hand_over", due=explain.date(due), months=inputs.handling_months,
                 hand_over=explain.date(hand_over))
    explain.step("latest_payout", hand_over=explain.date(hand_over), months=inputs.payout_months,
                 payout=explain.date(latest_payout))
    milestones = []
    for code, day in (("invoice", inputs.invoice_date), ("due", due),
                      ("hand_over", hand_over), ("latest_payout", latest_payout)):
        milestones.append({
            "code": code,
            "date": day.isoformat(),
            "days_from_invoice": (day - inputs.invoice_date).days,
            "label": explain.text("label." + code),
        })
    return {
        "milestones": milestones,
        "total_days": (latest_payout - inputs.invoice_date).days,
        "handling_months": inputs.handling_months,
        "payout_months": inputs.payout_months,
        "explanation": explain.steps,
    }

