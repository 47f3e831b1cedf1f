"""The receivables report: a whole customer ledger in, every customer's cover, exposure and deadlines out.

Per customer: the open balance and its ageing on the reference date; the
cover (the credit limit the insurer granted, else the self-assessment limit
from that customer's own paid invoices, source 004); what the payout rule
would pay if the customer failed today on the open balance (sources 003,
004, 000); and the date by which the oldest overdue invoice must be handed
over (source 000). The payout and the hand-over date come from the single
calculators' own functions; the self-assessment rule is applied in the one
pass over the rows that also makes the health figures
(:func:`portfolio_health.ledger_pass`), and the tests hold it to the
self-assessment calculator's on any ledger.

The ledger comes as ``invoices`` (JSON rows), ``csv`` (the text of an
export) or ``rows`` (a sheet's cells); see :mod:`calculators.ledger`. A row
that cannot be used (a bad date or amount, a payment before its invoice or
after the reference date, a due date before the invoice) is set aside and
listed in ``rejected`` with its reason, row, line and column (the first
:data:`MAX_LISTED`; ``rejected_count`` counts them all); the report is
computed on the other rows and its explanation says how many were set
aside. Only when no row is left, or the file itself cannot be used (not a
table, no header we know, more than ``ledger.MAX_ROWS`` rows, two
currencies, not in euro), is the answer an error. A customer is one
whatever the case of its name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import Any

from . import claim_timeline, payout, portfolio_health, rules, self_assessment_limit
from .contract import Reader
from .explain import Explanation
from .ledgers import table as ledger
from .ledgers.model import Document
from .ledgers.request import MAX_LISTED as MAX_LISTED
from .ledgers.request import SOURCES as SOURCES
from .ledgers.request import Receivables, read_request
from .money import CONTEXT, HUNDRED, cents, text

NAME = "portfolio"
#: The payment term the self-assessment assumes for new invoices when none is given (the issue's default;
#: a setting of the report, not a policy figure).
DEFAULT_NEW_PAYMENT_TERM_DAYS = 30
#: Ageing buckets: (code, first day overdue, last day overdue or None).
_ZERO = Decimal(0)
AGING = (("days_1_30", 1, 30), ("days_31_60", 31, 60), ("days_61_90", 61, 90), ("days_over_90", 91, None))
CURRENCY = "EUR"


@dataclass(frozen=True)
class Inputs:
    as_of: date
    invoices: list[Document]
    limits: dict[str, Decimal]  # by customer, case-folded
    new_payment_term_days: int
    policy: payout.Inputs  # credit_limit and outstanding are set per customer
    handling_months: int
    payout_months: int
    rejected: list[dict[str, Any]]
    rejected_count: int
    columns: dict[str, str] | None
    formats: dict[str, str] | None
    #: What the ledger fields held beyond the documents (payments, files, columns left unused): issue 18.
    receivables: Receivables | None = None
    provision_rates: dict[str, Decimal] | None = None  # receivables health: given per bucket, else None


_CURRENCY = attrgetter("currency")


# -- reading ----------------------------------------------------------------------------------------------------


def read(r: Reader, today: date) -> Inputs | None:
    as_of = r.day("as_of", required=False, default=today)
    new_term = r.integer("new_payment_term_days", required=False, default=DEFAULT_NEW_PAYMENT_TERM_DAYS)
    coverage, threshold, max_payout, vat, product = payout.read_policy(r)
    handling, payout_months = claim_timeline.read_periods(r)
    limits = _read_limits(r)
    rates = portfolio_health.read_rates(r)
    with ledger.collector_paused():
        found = read_request(r, as_of or today)
    if (r.errors or found is None or as_of is None or new_term is None or coverage is None or threshold is None
            or product is None or handling is None or payout_months is None or limits is None):
        return None
    if not _check_currency(r, found.documents):
        return None
    policy = payout.Inputs(Decimal(0), Decimal(0), Decimal(0), coverage, threshold, max_payout, vat, product)
    return Inputs(as_of, found.documents, limits, new_term, policy, handling, payout_months, found.rejected,
                  found.rejected_count, found.columns, found.formats, found, rates)


def _read_limits(r: Reader) -> dict[str, Decimal] | None:
    limits: dict[str, Decimal] = {}
    first: dict[str, str] = {}
    for path, obj in r.optional_objects("limits"):
        item = Reader(obj, r.errors, path)
        customer = item.text("customer", required=True, numbers=True)
        credit_limit = item.amount("credit_limit")
        item.finish()
        if customer is None or credit_limit is None:
            continue
        key = customer.casefold()
        if key in first:
            r.errors.add(item.path("customer"), "duplicate_customer", first=first[key])
            continue
        first[key] = path
        limits[key] = credit_limit
    return limits


def _check_currency(r: Reader, invoices: list[Document]) -> bool:
    found = set(map(_CURRENCY, invoices))  # one C loop; the documents are walked only when there is a problem
    found.discard(None)
    if not found or found == {CURRENCY}:
        return True
    first = None
    for invoice in invoices:
        if invoice.currency is None:
            continue
        if first is None:
            first = invoice.currency
        elif invoice.currency != first:
            r.errors.add(f"invoices[{invoice.index}].currency", "mixed_currencies", first=first,
                         other=invoice.currency)
            return False
    if first is not None and first != CURRENCY:
        r.errors.add("invoices", "not_euro", currency=first)
        return False
    return True


# -- computing -------------------------------------------------------------------------------------------------


def compute(inputs: Inputs, lang: str) -> dict[str, Any]:
    with ledger.collector_paused():
        return _compute(inputs, lang)


def _compute(inputs: Inputs, lang: str) -> dict[str, Any]:
    as_of = inputs.as_of
    # A customer is known by the name's letters whatever their case ("ACME BV" is "Acme BV"), and shown as the
    # ledger first writes it.
    groups = _groups(inputs.invoices)
    # One pass over the rows gives the health figures and each customer's own (portfolio_health.ledger_pass).
    customers = list(groups.values())
    found = portfolio_health.ledger_pass(customers, as_of, AGING, learn_rates=inputs.provision_rates is None,
                                         report=portfolio_health.ReportRule(
                                             inputs.new_payment_term_days,
                                             self_assessment_limit.oldest_paid_date(as_of),
                                             rules.integer("self_assessment_max_days_late")))
    cap = rules.decimal("mkbzeker_cover_cap")
    hand_overs: dict[tuple[date, int], date] = {}  # oldest invoices share their dates: each deadline once
    rows = [_customer(invoices[0].customer, len(invoices), figures.report, inputs, cap,  # type: ignore[arg-type]
                      hand_overs) for invoices, figures in zip(customers, found[1], strict=True)]
    total_open = sum((row["_open"] for row in rows), Decimal(0))
    concentration = rules.decimal("concentration_pct")
    for row in rows:
        share_pct = cents(CONTEXT.divide(row["_open"] * HUNDRED, total_open)) if total_open else Decimal(0)
        row["share_pct"] = text(share_pct)
        if row["_open"] and share_pct >= concentration:
            row["flags"].append("concentration")
    health = portfolio_health.report(as_of, inputs.provision_rates, AGING, lang, rows, customers, found)
    rows.sort(key=lambda row: (-row["_open"], row["customer"]))
    sums = {key: sum((row["_" + key] for row in rows), Decimal(0))
            for key in ("open", "overdue", "cover", "uninsured", "payout_if_default")}
    for row in rows:
        for key in sums:
            del row["_" + key]
    paid_count = sum(row["_paid"] for row in rows)
    open_count = sum(row["open_invoice_count"] for row in rows)
    credit_count = sum(row["_credits"] for row in rows)
    for row in rows:
        del row["_credits"], row["_paid"]
    explanation = _explain(inputs, lang, rows, sums, paid_count, open_count, credit_count)
    return {
        "as_of": as_of.isoformat(),
        "currency": CURRENCY,
        "customers": rows,
        "totals": {key: text(value) for key, value in sums.items()} | health.totals,
        "customer_count": len(rows),
        "invoice_count": len(inputs.invoices),
        "open_invoice_count": open_count,
        "credit_note_count": credit_count,
        "rejected": inputs.rejected,
        "rejected_count": inputs.rejected_count,
        "columns": inputs.columns,
        "formats": inputs.formats,
        "concentration_pct": text(concentration),
        "new_payment_term_days": inputs.new_payment_term_days,
        "handling_months": inputs.handling_months,
        "payout_months": inputs.payout_months,
        "product": inputs.policy.product,
        **health.output,
        "explanation": explanation + health.explanation,
        **_files_part(inputs.receivables),
    }


def _groups(invoices: list[Document]) -> dict[str, list[Document]]:
    """The documents per customer (its case-folded name), customers and documents in the ledger's order.

    Grouped by the name as written first (a name read from a file is one shared string: no new folded string
    per row), then by its folded form; when two writings of one name meet, grouped again by the folded name row
    by row.
    """
    by_name: dict[str, list[Document]] = {}
    for invoice in invoices:
        name = invoice[0]  # the customer
        group = by_name.get(name)
        if group is None:
            by_name[name] = [invoice]
        else:
            group.append(invoice)
    groups: dict[str, list[Document]] = {}
    for name, group in by_name.items():
        key = name.casefold()
        if key in groups:  # "ACME BV" and "Acme BV": one customer, its documents in the ledger's order
            groups = {}
            for invoice in invoices:
                key = invoice.customer.casefold()
                same = groups.get(key)
                if same is None:
                    groups[key] = [invoice]
                else:
                    same.append(invoice)
            return groups
        groups[key] = group
    return groups


#: Payments that matched nothing, listed one by one (the others counted).
MAX_UNMATCHED_LISTED = 200


def _files_part(found: Receivables | None) -> dict[str, Any]:
    """What the ledger fields held beyond the documents: the files, the columns left unused, the payments."""
    if found is None:
        return {"ignored_columns": [], "files": [], "payments": None}
    payments = found.payments
    unmatched = [p for p in payments if not p.matched]
    return {
        "ignored_columns": found.ignored_columns,
        "files": found.files,
        "payments": None if not payments else {
            "count": len(payments),
            "matched_count": len(payments) - len(unmatched),
            "matched_total": text(sum((p.amount for p in payments if p.matched), Decimal(0))),
            "unmatched_count": len(unmatched),
            "unmatched": [{"date": p.date.isoformat(), "amount": text(p.amount), "debtor": p.debtor,
                           "reference": p.structured_reference, "text": p.text, "file": p.source}
                          for p in unmatched[:MAX_UNMATCHED_LISTED]],
        },
    }


def _customer(name: str, count: int, figures: portfolio_health.ReportFigures, inputs: Inputs,
              cap: Decimal, hand_overs: dict[tuple[date, int], date]) -> dict[str, Any]:
    """One customer's row from its figures (``count`` documents): cover, payout, hand-over date, flags.

    The figures come from the one pass over the rows (:class:`portfolio_health.ReportFigures`); the
    self-assessment limit is :func:`self_assessment_limit.limit_from_experiences` on the customer's paid
    invoices (the rule applied in that pass: the tests check the two agree on any ledger).
    """
    as_of = inputs.as_of
    open_total, overdue, aging, oldest = figures.open_total, figures.overdue, figures.aging, figures.oldest
    own_limit = min(figures.counted, cap)
    credit_limit = inputs.limits.get(name.casefold())
    requested = own_limit if credit_limit is None else credit_limit
    claim = payout.figures(payout.Inputs(
        requested, open_total, Decimal(0), inputs.policy.coverage_pct, inputs.policy.intervention_threshold,
        inputs.policy.max_payout, inputs.policy.vat_rate_pct, inputs.policy.product))
    cover = claim.limit
    uninsured = open_total - min(open_total, cover)
    hand_over = None
    if oldest is not None:
        key = (oldest.invoice_date, oldest.payment_term_days)
        hand_over = hand_overs.get(key)
        if hand_over is None:
            hand_over = hand_overs[key] = claim_timeline.deadlines(
                oldest.invoice_date, oldest.payment_term_days, inputs.handling_months, inputs.payout_months)[1]
    flags = []
    if open_total and cover and uninsured:
        flags.append("over_limit")
    if open_total and not cover:
        flags.append("no_cover")
    if hand_over is not None and hand_over <= as_of:
        flags.append("hand_over_due")
    return {
        "customer": name,
        "open": text(open_total),
        "overdue": text(overdue),
        "aging": {code: text(amount) for code, amount in aging.items()},
        "oldest_overdue_days": None if oldest is None else (as_of - oldest.due_date).days,
        "credit_limit": None if credit_limit is None else text(credit_limit),
        "self_assessment_limit": text(own_limit),
        "cover": text(cover),
        "cover_source": "credit_limit" if credit_limit is not None else "self_assessment" if own_limit else "none",
        "uninsured": text(uninsured),
        "payout_if_default": text(claim.payout),
        "share_pct": "0.00",
        "hand_over": None if hand_over is None else hand_over.isoformat(),
        "flags": flags,
        "invoice_count": count,
        "open_invoice_count": figures.open_count,
        "_open": open_total, "_overdue": overdue, "_cover": cover, "_uninsured": uninsured,
        "_payout_if_default": claim.payout, "_credits": figures.credit_count, "_paid": figures.paid_count,
    }


def _explain(inputs: Inputs, lang: str, rows: list[dict[str, Any]], sums: dict[str, Decimal],
             paid_count: int, open_count: int, credit_count: int) -> list[dict[str, str]]:
    explain = Explanation(lang, NAME)
    explain.step("read", invoices=len(inputs.invoices), customers=len(rows), open=open_count, paid=paid_count)
    found = inputs.receivables
    if credit_count:
        explain.step("credit_notes", count=credit_count)
    if found is not None and found.payments:
        matched = [p for p in found.payments if p.matched]
        explain.step("payments", count=len(found.payments), matched=len(matched),
                     unmatched=len(found.payments) - len(matched))
    if found is not None and found.ignored_columns:
        explain.step("ignored_columns", columns=", ".join(found.ignored_columns))
    if inputs.rejected_count:
        explain.step("rejected", count=inputs.rejected_count)
    explain.step("balance", open=explain.money(sums["open"]), overdue=explain.money(sums["overdue"]),
                 as_of=explain.date(inputs.as_of))
    explain.step("cover", days=rules.integer("self_assessment_max_days_late"),
                 months=rules.integer("self_assessment_lookback_months"), term=inputs.new_payment_term_days,
                 cap=explain.money(rules.decimal("mkbzeker_cover_cap")))
    explain.step("payout", pct=explain.pct(inputs.policy.coverage_pct),
                 threshold=explain.money(inputs.policy.intervention_threshold))
    explain.step("hand_over", months=inputs.handling_months)
    concentrated = sum(1 for row in rows if "concentration" in row["flags"])
    pct = explain.pct(rules.decimal("concentration_pct"))
    if concentrated:
        explain.step("concentration", count=concentrated, pct=pct)
    else:
        explain.step("no_concentration", pct=pct)
    explain.step("totals", cover=explain.money(sums["cover"]), uninsured=explain.money(sums["uninsured"]),
                 payout=explain.money(sums["payout_if_default"]))
    return explain.steps
