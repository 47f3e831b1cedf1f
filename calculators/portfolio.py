"""The receivables report: a whole customer ledger in, every customer's cover, exposure and deadlines out.

Per customer: the open balance and its ageing on the reference date; the
cover (the credit limit the insurer granted, else the self-assessment limit
from that customer's own paid invoices, source 004); what the payout rule
would pay if the customer failed today on the open balance (sources 003,
004, 000); and the date by which the oldest overdue invoice must be handed
over (source 000). The figures come from the single calculators' own
functions, so the report and those calculators can never disagree.

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
from typing import Any

from . import claim_timeline, ledger, payout, portfolio_health, rules, self_assessment_limit
from .contract import MAX_LIST_ITEMS, Errors, Reader
from .explain import Explanation
from .ledger import Invoice
from .messages import format_number, message
from .money import CONTEXT, HUNDRED, cents, text

NAME = "portfolio"
#: The payment term the self-assessment assumes for new invoices when none is given (the issue's default;
#: a setting of the report, not a policy figure).
DEFAULT_NEW_PAYMENT_TERM_DAYS = 30
#: Rows set aside that are listed one by one; the others are counted (``rejected_count``).
MAX_LISTED = 1000
#: Ageing buckets: (code, first day overdue, last day overdue or None).
AGING = (("days_1_30", 1, 30), ("days_31_60", 31, 60), ("days_61_90", 61, 90), ("days_over_90", 91, None))
SOURCES = ("invoices", "csv", "rows")
CURRENCY = "EUR"
_CELL_MESSAGES = ("invalid_date", "invalid_number", "invalid_integer")


@dataclass(frozen=True)
class Inputs:
    as_of: date
    invoices: list[Invoice]
    limits: dict[str, Decimal]  # by customer, case-folded
    new_payment_term_days: int
    policy: payout.Inputs  # credit_limit and outstanding are set per customer
    handling_months: int
    payout_months: int
    rejected: list[dict[str, Any]]
    rejected_count: int
    columns: dict[str, str] | None
    formats: dict[str, str] | None
    provision_rates: dict[str, Decimal] | None = None  # receivables health: given per bucket, else None


# -- reading ----------------------------------------------------------------------------------------------------


def read(r: Reader, today: date) -> Inputs | None:
    as_of = r.day("as_of", required=False, default=today)
    new_term = r.integer("new_payment_term_days", required=False, default=DEFAULT_NEW_PAYMENT_TERM_DAYS)
    coverage, threshold, max_payout, vat, product = payout.read_policy(r)
    handling, payout_months = claim_timeline.read_periods(r)
    limits = _read_limits(r)
    rates = portfolio_health.read_rates(r)
    sheet = _read_ledger(r)
    if (r.errors or sheet is None or as_of is None or new_term is None or coverage is None or threshold is None
            or product is None or handling is None or payout_months is None or limits is None):
        return None
    with ledger.collector_paused():
        _check_rows(sheet, as_of)
    rejected = [_rejection(r.errors.lang, problem) for problem in sheet.problems[:MAX_LISTED]]
    if not sheet.invoices:
        if not sheet.problems:
            r.errors.add(_source_name(r), "no_rows")
            return None
        r.errors.items.extend({k: v for k, v in e.items() if k in ("field", "code", "message")} for e in rejected)
        if len(sheet.problems) > MAX_LISTED:
            r.errors.add(_source_name(r), "more_errors", count=str(len(sheet.problems) - MAX_LISTED))
        return None
    if not _check_currency(r, sheet.invoices):
        return None
    policy = payout.Inputs(Decimal(0), Decimal(0), Decimal(0), coverage, threshold, max_payout, vat, product)
    from_file = _source_name(r) != "invoices"
    return Inputs(as_of, sheet.invoices, limits, new_term, policy, handling, payout_months, rejected,
                  sheet.rejected_rows, sheet.columns if from_file else None, sheet.formats if from_file else None,
                  rates)


def _source_name(r: Reader) -> str:
    return next((name for name in SOURCES if r.obj.get(name) is not None), "invoices")


def _read_limits(r: Reader) -> dict[str, Decimal] | None:
    limits: dict[str, Decimal] = {}
    if r.obj.get("limits") is None:
        r.seen.add("limits")
        return limits
    first: dict[str, str] = {}
    for path, obj in r.objects("limits") or []:
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


def _read_ledger(r: Reader) -> ledger.Ledger | None:
    given = [name for name in SOURCES if r.obj.get(name) is not None]
    r.seen.update(SOURCES)
    if not given:
        r.fail("invoices", "required")
        return None
    if len(given) > 1:
        r.fail(given[1], "exclusive_fields", names=", ".join(SOURCES))
        return None
    source = given[0]
    columns = _read_columns(r) if source != "invoices" else None
    raw = r.obj[source]
    if source == "invoices":
        return _read_invoices(r)
    if columns is None and r.obj.get("columns") is not None:
        return None
    if source == "csv":
        if not isinstance(raw, str):
            r.fail("csv", "invalid_text")
            return None
        sheet = ledger.read_csv(raw, columns)
    else:
        if not isinstance(raw, list):
            r.fail("rows", "invalid_list")
            return None
        sheet = ledger.read_cells(raw, columns)
    for path, code, params, extra in sheet.errors:
        if code == "unmapped_column":
            params = dict(params, field=message(r.errors.lang, "portfolio.field." + params["field"]))
        elif code == "too_many_rows":
            params = dict(params, maximum=format_number(Decimal(params["maximum"]), r.errors.lang))
        r.errors.add(path, code, **params)
        r.errors.items[-1].update(extra)
    return None if sheet.errors else sheet


def _read_columns(r: Reader) -> dict[str, str] | None:
    r.seen.add("columns")
    raw = r.obj.get("columns")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        r.fail("columns", "invalid_object")
        return None
    columns: dict[str, str] = {}
    for name, header in raw.items():
        if name not in ledger.FIELDS:
            r.errors.add(f"columns.{str(name)[:80]}", "unknown_field", name=str(name)[:80])
        elif not isinstance(header, str) or not header.strip():
            r.errors.add(f"columns.{name}", "invalid_text")
        else:
            columns[name] = header
    return None if len(columns) != len(raw) else columns


def _read_invoices(r: Reader) -> ledger.Ledger | None:
    """JSON rows, each checked as strictly as any request; a bad row is set aside, not the request."""
    raw = r.obj["invoices"]
    if not isinstance(raw, list):
        r.fail("invoices", "invalid_list")
        return None
    if len(raw) > MAX_LIST_ITEMS:
        r.fail("invoices", "too_many_items", maximum=str(MAX_LIST_ITEMS))
        return None
    sheet = ledger.Ledger()
    for index, obj in enumerate(raw):
        path = f"invoices[{index}]"
        if not isinstance(obj, dict):
            sheet.problems.append((index, None, "", None, "invalid_object", {}))
            sheet.rejected_rows += 1
            continue
        row_errors = Errors(r.errors.lang)
        item = Reader(obj, row_errors, path)
        customer = item.text("customer", required=True, numbers=True)
        amount = item.amount("amount")
        invoiced = item.day("invoice_date")
        term = item.integer("payment_term_days", required=False)
        due = item.day("due_date", required=False)
        paid = item.day("paid_date", required=False)
        reference = item.text("reference", numbers=True)
        currency = ledger._currency(obj["currency"]) if isinstance(obj.get("currency"), str) else None
        item.seen.add("currency")
        if obj.get("currency") is not None and not isinstance(obj.get("currency"), str):
            currency = ledger.Bad("invalid_currency")
        if isinstance(currency, ledger.Bad):
            item.fail("currency", currency.code)
        if term is None and due is None and not row_errors:
            item.fail("due_date", "required")
        item.finish()
        if row_errors or customer is None or amount is None or invoiced is None:
            sheet.rejected_rows += 1
            for error in row_errors.items:
                name = error["field"].removeprefix(path).lstrip(".")
                sheet.problems.append((index, None, name, None, error["code"], {"message": error["message"]}))
            continue
        if due is None:
            due = date.fromordinal(invoiced.toordinal() + (term or 0))
        sheet.invoices.append(Invoice(customer, amount, invoiced, (due - invoiced).days, due, paid, reference,
                                      currency if isinstance(currency, str) else None, index, None))
    return sheet


def _check_rows(sheet: ledger.Ledger, as_of: date) -> None:
    """What a row means, whatever it was read from: dates in order, payments not after the reference date."""
    kept = []
    for invoice in sheet.invoices:
        problem = None
        if invoice.due_date < invoice.invoice_date:
            problem = ("due_date", "due_before_invoice")
        elif invoice.paid_date is not None and invoice.paid_date < invoice.invoice_date:
            problem = ("paid_date", "paid_before_invoice")
        elif invoice.paid_date is not None and invoice.paid_date > as_of:
            problem = ("paid_date", "after_as_of")
        if problem is None:
            kept.append(invoice)
            continue
        sheet.rejected_rows += 1
        sheet.problems.append((invoice.index, invoice.line, problem[0], sheet.columns.get(problem[0]), problem[1], {}))
    sheet.invoices = kept
    sheet.problems.sort(key=lambda p: p[0])


def _rejection(lang: str, problem: tuple[int, int | None, str, str | None, str, dict[str, str]]) -> dict[str, Any]:
    index, line, name, header, code, params = problem
    field = f"invoices[{index}]" + (f".{name}" if name else "")
    if "message" in params:  # a JSON row: the Reader's own message
        text_ = params["message"]
    elif code in _CELL_MESSAGES:  # a cell of a file: say which writings are read
        text_ = message(lang, "portfolio.cell." + code)
    else:
        text_ = message(lang, "error." + code, **params)
    entry: dict[str, Any] = {"field": field, "code": code, "message": text_, "row": index}
    if line is not None:
        entry["line"] = line
    if header is not None:
        entry["column"] = header
    return entry


def _check_currency(r: Reader, invoices: list[Invoice]) -> bool:
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
    groups: dict[str, list[Invoice]] = {}
    for invoice in inputs.invoices:
        key = invoice.customer.casefold()
        group = groups.get(key)
        if group is None:
            groups[key] = [invoice]
        else:
            group.append(invoice)
    rows = [_customer(invoices[0].customer, invoices, inputs) for invoices in groups.values()]
    total_open = sum((row["_open"] for row in rows), Decimal(0))
    concentration = rules.decimal("concentration_pct")
    for row in rows:
        share_pct = cents(CONTEXT.divide(row["_open"] * HUNDRED, total_open)) if total_open else Decimal(0)
        row["share_pct"] = text(share_pct)
        if row["_open"] and share_pct >= concentration:
            row["flags"].append("concentration")
    health = portfolio_health.report(as_of, inputs.provision_rates, AGING, lang, rows, groups.values())
    rows.sort(key=lambda row: (-row["_open"], row["customer"]))
    sums = {key: sum((row["_" + key] for row in rows), Decimal(0))
            for key in ("open", "overdue", "cover", "uninsured", "payout_if_default")}
    for row in rows:
        for key in sums:
            del row["_" + key]
    paid_count = sum(1 for invoice in inputs.invoices if invoice.paid_date is not None)
    explanation = _explain(inputs, lang, rows, sums, paid_count)
    return {
        "as_of": as_of.isoformat(),
        "currency": CURRENCY,
        "customers": rows,
        "totals": {key: text(value) for key, value in sums.items()} | health.totals,
        "customer_count": len(rows),
        "invoice_count": len(inputs.invoices),
        "open_invoice_count": len(inputs.invoices) - paid_count,
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
    }


def _customer(name: str, invoices: list[Invoice], inputs: Inputs) -> dict[str, Any]:
    as_of = inputs.as_of
    open_total = overdue = Decimal(0)
    aging = dict.fromkeys(("not_due", *(code for code, _, _ in AGING)), Decimal(0))
    oldest: Invoice | None = None
    paid: list[Invoice] = []
    open_count = 0
    for invoice in invoices:
        if invoice.paid_date is not None:
            paid.append(invoice)
            continue
        open_count += 1
        open_total += invoice.amount
        days = (as_of - invoice.due_date).days
        if days <= 0:
            aging["not_due"] += invoice.amount
            continue
        overdue += invoice.amount
        aging[_bucket(days)] += invoice.amount
        if oldest is None or invoice.due_date < oldest.due_date:
            oldest = invoice
    own_limit = self_assessment_limit.limit_from_experiences(paid, inputs.new_payment_term_days, as_of)
    credit_limit = inputs.limits.get(name.casefold())
    requested = own_limit if credit_limit is None else credit_limit
    figures = payout.figures(payout.Inputs(
        requested, open_total, Decimal(0), inputs.policy.coverage_pct, inputs.policy.intervention_threshold,
        inputs.policy.max_payout, inputs.policy.vat_rate_pct, inputs.policy.product))
    cover = figures.limit
    uninsured = open_total - min(open_total, cover)
    hand_over = None
    if oldest is not None:
        hand_over = claim_timeline.deadlines(oldest.invoice_date, oldest.payment_term_days,
                                             inputs.handling_months, inputs.payout_months)[1]
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
        "payout_if_default": text(figures.payout),
        "share_pct": "0.00",
        "hand_over": None if hand_over is None else hand_over.isoformat(),
        "flags": flags,
        "invoice_count": len(invoices),
        "open_invoice_count": open_count,
        "_open": open_total, "_overdue": overdue, "_cover": cover, "_uninsured": uninsured,
        "_payout_if_default": figures.payout,
    }


def _bucket(days: int) -> str:
    for code, _first, last in AGING:
        if last is None or days <= last:
            return code
    raise AssertionError(days)  # pragma: no cover -- the last bucket has no end


def _explain(inputs: Inputs, lang: str, rows: list[dict[str, Any]], sums: dict[str, Decimal],
             paid_count: int) -> list[dict[str, str]]:
    explain = Explanation(lang, NAME)
    explain.step("read", invoices=len(inputs.invoices), customers=len(rows),
                 open=len(inputs.invoices) - paid_count, paid=paid_count)
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
