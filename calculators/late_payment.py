"""What unpaid invoices cost the customer: statutory late-payment interest and recovery costs (NL, BE, FR).

The algorithm, with its legal basis per step (the guide late-payment-interest.md says the same in words):

1. Interest runs from the day after the due date up to and including ``until``: ``days = until - due``.
   A day is 1/365 of the annual rate, in leap years too (the statutes state an annual rate and the
   courts and peer tools count 365; a 366-day year therefore earns a day more than the annual rate).
2. A period is split wherever the rate changes (1 January / 1 July, and the NL change of 16 March 2013),
   at every payment that touches the invoice, and, in the Netherlands, on every anniversary of the due
   date: there the year's unpaid interest is added to the amount on which interest runs (art. 6:119 lid 2
   and 6:119a lid 1 BW). Belgium and France: simple interest.
3. Each period's interest is ``base × rate × days / 36500`` rounded to the cent, half up, on its own;
   the totals are sums of those rounded amounts (as peer tools and court calculations show them).
4. Payments, oldest invoice first (NL art. 6:43 lid 2 BW; BE art. 1256 old Civil Code; FR art. 1342-10
   Code civil: absent a choice by the debtor, the debts due, then the oldest). Within an invoice: NL costs,
   then interest, then principal (art. 6:44 lid 1 BW); BE interest before principal (art. 1254 old Civil
   Code); FR interest first (art. 1343-1 Code civil). The flat compensation is settled last in BE and FR.
5. Costs: 40 euro per late invoice for a business debtor; the Dutch WIK scale for a consumer (after the
   14-day letter); the Belgian Book XIX cap for a consumer; nothing against a French consumer.
"""

from __future__ import annotations

import bisect
import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from . import late_payment_rates as rates_module
from . import rules
from .contract import LANGS, MISSING, Errors, Reader
from .explain import Explanation
from .messages import message
from .money import CONTEXT, cents, text

NAME = "late_payment"

COUNTRIES = ("NL", "BE", "FR")
DEBTORS = ("business", "consumer")
LETTERS = ("none", "reminder", "formal_notice", "fourteen_day_letter")
MAX_INVOICES = 10_000
MAX_PAYMENTS = 10_000
MAX_TEXT = 200
#: Periods and payments explained one by one; the rest are summed up so a long claim stays readable.
EXPLAINED_PERIODS = 50
EXPLAINED_PAYMENTS = 30
#: Missing half-years reported one by one (an invoice from 1990 would otherwise list seventy).
MAX_MISSING_REPORTED = 12
DAYS_PER_YEAR = Decimal(365)
_FAR_PAST = date(1900, 1, 1)
_FAR_FUTURE = date(2200, 12, 31)


@dataclass(frozen=True)
class Invoice:
    index: int  # 1-based, in the order given
    amount: Decimal
    due: date
    reference: str


@dataclass(frozen=True)
class Payment:
    index: int
    amount: Decimal
    day: date


@dataclass(frozen=True)
class Inputs:
    country: str
    debtor: str
    invoices: list[Invoice]
    payments: list[Payment]
    until: date
    agreed_rate: Decimal | None
    user_rates: dict[date, Decimal]
    letter: str
    letter_lang: str | None
    creditor: str
    debtor_name: str
    pay_within_days: int


# -- reading -------------------------------------------------------------------------------------------------


def _text(r: Reader, name: str) -> str:
    raw = r.obj.get(name, MISSING)
    r.seen.add(name)
    if raw is MISSING or raw is None:
        return ""
    if not isinstance(raw, str):
        r.fail(name, "invalid_text")
        return ""
    if len(raw) > MAX_TEXT:
        r.fail(name, "text_too_long", maximum=str(MAX_TEXT))
        return ""
    return raw.strip()


def _optional_objects(r: Reader, name: str, maximum: int) -> list[tuple[str, dict[str, Any]]]:
    if r.obj.get(name) is None:
        r.seen.add(name)
        return []
    return r.objects(name, max_items=maximum) or []


def read(r: Reader, today: date) -> Inputs | None:
    country = r.choice("country", COUNTRIES, default="")
    if country == "":
        r.fail("country", "required")
    debtor = r.choice("debtor", DEBTORS, default="business")
    until = r.day("until", required=False, default=today)
    agreed = r.amount("agreed_rate_pct", required=False, default=None, maximum=Decimal(100), places=4)
    letter = r.choice("letter", LETTERS, default="none")
    letter_lang = r.choice("letter_lang", LANGS, default="")
    creditor = _text(r, "creditor")
    debtor_name = _text(r, "debtor_name")
    pay_within = r.integer("pay_within_days", required=False,
                           default=rules.integer("nl_consumer_letter_days"), maximum=365)

    invoices: list[Invoice] = []
    items = r.objects("invoices", max_items=MAX_INVOICES)
    if items is not None and not items:
        r.fail("invoices", "no_invoices")
    for position, (path, obj) in enumerate(items or [], start=1):
        item = Reader(obj, r.errors, path)
        amount = item.amount("amount")
        due = item.day("due_date")
        reference = _text(item, "reference")
        item.finish()
        if amount is not None and due is not None:
            invoices.append(Invoice(position, amount, due, reference))

    payments: list[Payment] = []
    first_due = min((i.due for i in invoices), default=None)
    for position, (path, obj) in enumerate(_optional_objects(r, "payments", MAX_PAYMENTS), start=1):
        item = Reader(obj, r.errors, path)
        amount = item.amount("amount")
        day = item.day("date")
        item.finish()
        if day is not None and first_due is not None and day < first_due:
            item.fail("date", "payment_before_first_due", due=first_due.isoformat())
        elif day is not None and until is not None and day > until:
            item.fail("date", "after_until", until=until.isoformat())
        elif amount is not None and day is not None:
            payments.append(Payment(position, amount, day))

    user_rates: dict[date, Decimal] = {}
    for path, obj in _optional_objects(r, "rates", 1000):
        item = Reader(obj, r.errors, path)
        start = item.day("from")
        rate = item.amount("rate_pct", maximum=Decimal(100), places=4)
        item.finish()
        if start is not None and (start.day != 1 or start.month not in (1, 7)):
            item.fail("from", "not_half_year_start")
        elif start is not None and start in user_rates:
            item.fail("from", "duplicate_half_year")
        elif start is not None and rate is not None:
            user_rates[start] = rate

    if letter == "fourteen_day_letter" and (country, debtor) != ("NL", "consumer") and country:
        r.fail("letter", "letter_not_available")
    if r.errors or not country or debtor is None or until is None or letter is None or pay_within is None:
        return None
    return Inputs(country, debtor, invoices, payments, until, agreed, user_rates, letter,
                  letter_lang or None, creditor, debtor_name, pay_within)


# -- the rate schedule -----------------------------------------------------------------------------------------


@dataclass
class Schedule:
    """Consecutive stretches ``[start, end]`` with their rate (``None``: unknown) and where it comes from."""

    starts: list[date]
    ends: list[date]
    rates: list[Decimal | None]
    kinds: list[str]  # "table", "user", "agreed"
    published: list[bool]

    def index(self, day: date) -> int:
        return bisect.bisect_right(self.starts, day) - 1


def _next_half(day: date) -> date:
    return date(day.year, 7, 1) if day.month < 7 else date(day.year + 1, 1, 1)


def build_schedule(inputs: Inputs) -> Schedule:
    if inputs.agreed_rate is not None:
        return Schedule([_FAR_PAST], [_FAR_FUTURE], [inputs.agreed_rate], ["agreed"], [True])
    table = rates_module.table(inputs.country, inputs.debtor)
    pieces: list[tuple[date, date, Decimal | None, str, bool]] = []
    if table.first > _FAR_PAST:
        pieces.append((_FAR_PAST, table.first - timedelta(days=1), None, "table", False))
    for position, row in enumerate(table.rows):
        end = (table.rows[position + 1].start - timedelta(days=1) if position + 1 < len(table.rows)
               else table.covered_until)
        pieces.append((row.start, end, row.rate_pct, "table", row.published))
    pieces.append((table.covered_until + timedelta(days=1), _FAR_FUTURE, None, "table", False))
    for start in sorted(inputs.user_rates):
        end = _next_half(start) - timedelta(days=1)
        kept = []
        for p_start, p_end, rate, kind, published in pieces:
            if p_end < start or p_start > end:
                kept.append((p_start, p_end, rate, kind, published))
                continue
            if p_start < start:
                kept.append((p_start, start - timedelta(days=1), rate, kind, published))
            if p_end > end:
                kept.append((end + timedelta(days=1), p_end, rate, kind, published))
        kept.append((start, end, inputs.user_rates[start], "user", True))
        pieces = sorted(kept)
    return Schedule([p[0] for p in pieces], [p[1] for p in pieces], [p[2] for p in pieces],
                    [p[3] for p in pieces], [p[4] for p in pieces])


# -- the computation -------------------------------------------------------------------------------------------


def add_years(day: date, years: int) -> date:
    """The anniversary ``years`` on; 29 February becomes 28 February in a common year."""
    year = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, day.month, day.day)


@dataclass
class State:
    """One invoice while the claim is worked out."""

    invoice: Invoice
    principal: Decimal
    through: date  # interest is counted up to and including this day
    capitalised: Decimal = Decimal(0)  # NL: unpaid interest of past years, now part of the base
    accrued: Decimal = Decimal(0)  # unpaid interest of the running year (NL) or of all time (BE, FR)
    interest_total: Decimal = Decimal(0)
    interest_paid: Decimal = Decimal(0)
    principal_paid: Decimal = Decimal(0)
    costs: Decimal = Decimal(0)  # costs that payments settle (business debtors)
    costs_paid: Decimal = Decimal(0)
    late: bool = False
    years: int = 1
    anniversary: date = field(default=_FAR_FUTURE)

    def open(self) -> bool:
        return self.principal > 0 or self.capitalised > 0 or self.accrued > 0 or self.costs > self.costs_paid


@dataclass
class Run:
    inputs: Inputs
    schedule: Schedule
    compound: bool
    periods: list[dict[str, Any]] = field(default_factory=list)
    capitalisations: list[tuple[int, date, Decimal, Decimal]] = field(default_factory=list)
    missing: set[date] = field(default_factory=set)
    used: set[int] = field(default_factory=set)

    def accrue(self, s: State, to: date) -> None:
        """Interest of invoice ``s`` from the day after ``s.through`` up to and including ``to``."""
        schedule = self.schedule
        day = s.through + timedelta(days=1)
        while day <= to:
            position = schedule.index(day)
            end = min(to, schedule.ends[position])
            if self.compound and s.anniversary < end:
                end = s.anniversary
            rate = schedule.rates[position]
            base = s.principal + s.capitalised
            days = (end - day).days + 1
            if rate is None:
                if base > 0:
                    for start in rates_module.half_years(day, end):
                        self.missing.add(start)
            elif base > 0:
                interest = cents(CONTEXT.divide(CONTEXT.multiply(base, rate * days), DAYS_PER_YEAR * 100))
                s.accrued += interest
                s.interest_total += interest
                self.used.add(position)
                self.periods.append({
                    "invoice": s.invoice.index, "reference": s.invoice.reference,
                    "from": day.isoformat(), "to": end.isoformat(), "days": days, "rate_pct": _pct(rate),
                    "rate_source": schedule.kinds[position], "principal": text(base), "interest": text(interest),
                })
            if self.compound and end == s.anniversary:
                if s.accrued > 0:
                    s.capitalised += s.accrued
                    self.capitalisations.append((s.invoice.index, end, s.accrued, s.principal + s.capitalised))
                    s.accrued = Decimal(0)
                s.years += 1
                s.anniversary = add_years(s.invoice.due, s.years)
            day = end + timedelta(days=1)
        if to > s.through:
            s.through = to


def _pct(rate: Decimal) -> str:
    return f"{rate.normalize():f}"


def _cost_model(country: str, debtor: str) -> tuple[str, list[str]]:
    if debtor == "business":
        return {"NL": "nl_b2b_minimum", "BE": "be_b2b_flat", "FR": "fr_b2b_flat"}[country], []
    return {
        "NL": ("nl_wik_scale", ["nl_14_day_letter"]),
        "BE": ("be_consumer_cap", ["be_free_first_reminder", "be_clause_in_contract"]),
        "FR": ("fr_consumer_none", []),
    }[country]


def wik_costs(principal: Decimal) -> Decimal:
    """Dutch collection costs on ``principal`` (Besluit BIK art. 2): the scale, then the minimum and maximum."""
    total = Decimal(0)
    for tier in rates_module.WIK_SCALE:
        if principal <= tier.above:
            break
        top = principal if tier.up_to is None else min(principal, tier.up_to)
        total += CONTEXT.divide(CONTEXT.multiply(top - tier.above, tier.pct), Decimal(100))
    total = cents(total)
    return min(max(total, rules.decimal("wik_minimum")), rules.decimal("wik_maximum"))


def be_consumer_damages(principal: Decimal) -> Decimal:
    """The most a Belgian consumer may be charged as damages (art. XIX.2 § 2 CEL)."""
    if principal <= 0:
        return Decimal(0)
    for band in rates_module.BE_CONSUMER_DAMAGES:
        if band.up_to is None or principal <= band.up_to:
            extra = CONTEXT.divide(CONTEXT.multiply(principal - band.above, band.pct), Decimal(100))
            return min(cents(band.fixed + extra), rates_module.BE_CONSUMER_DAMAGES_MAX)
    raise AssertionError("the last band has no upper end")


def compute(inputs: Inputs, lang: str) -> dict[str, Any]:
    country, debtor = inputs.country, inputs.debtor
    schedule = build_schedule(inputs)
    compound = country == "NL"
    work = Run(inputs, schedule, compound)
    basis, conditions = _cost_model(country, debtor)
    flat = rules.decimal("late_compensation_eur") if debtor == "business" else Decimal(0)
    costs_first = country == "NL"

    states = [State(i, i.amount, i.due) for i in inputs.invoices]
    for s in states:
        s.anniversary = add_years(s.invoice.due, 1)
    order = sorted(states, key=lambda s: (s.invoice.due, s.invoice.index))
    late_pointer = 0
    pay_pointer = 0
    errors = Errors(lang)
    allocations: list[dict[str, Any]] = []

    def mark_late(before: date) -> None:
        nonlocal late_pointer
        while late_pointer < len(order) and order[late_pointer].invoice.due < before:
            s = order[late_pointer]
            if s.principal > 0 and s.invoice.due < before:
                s.late = True
                s.costs += flat
            late_pointer += 1

    steps = ("costs", "interest", "principal") if costs_first else ("interest", "principal", "costs")
    for payment in sorted(inputs.payments, key=lambda p: (p.day, p.index)):
        # An invoice is late from the day after its due date; a payment on a day finds that day's interest owed.
        mark_late(payment.day)
        left = payment.amount
        split = {"costs": Decimal(0), "interest": Decimal(0), "principal": Decimal(0)}
        touched: list[int] = []
        while left > 0 and pay_pointer < len(order):
            s = order[pay_pointer]
            work.accrue(s, payment.day)
            settled = Decimal(0)
            for what in steps:
                if what == "costs":
                    part = min(left, s.costs - s.costs_paid)
                    s.costs_paid += part
                elif what == "interest":
                    part = min(left, s.capitalised + s.accrued)
                    from_capitalised = min(part, s.capitalised)  # the oldest interest first
                    s.capitalised -= from_capitalised
                    s.accrued -= part - from_capitalised
                    s.interest_paid += part
                else:
                    part = min(left, s.principal)
                    s.principal -= part
                    s.principal_paid += part
                left -= part
                settled += part
                split[what] += part
            if settled:
                touched.append(s.invoice.index)
            if not s.open():
                pay_pointer += 1
        if left > 0:
            errors.add(f"payments[{payment.index - 1}].amount", "payment_exceeds_owed",
                       excess=text(left), date=payment.day.isoformat())
            return errors.as_result()
        allocations.append({"payment": payment.index, "date": payment.day.isoformat(), "amount": text(payment.amount),
                            "to_costs": text(split["costs"]), "to_interest": text(split["interest"]),
                            "to_principal": text(split["principal"]), "invoices": touched})

    mark_late(inputs.until)
    for s in order:
        if s.invoice.due < inputs.until:
            work.accrue(s, inputs.until)

    if work.missing:
        for start in sorted(work.missing)[:MAX_MISSING_REPORTED]:
            errors.add("rates", "rate_missing", half=rates_module.period_label(start), start=start.isoformat(),
                       end=(_next_half(start) - timedelta(days=1)).isoformat())
        return errors.as_result()

    return _result(inputs, lang, work, states, allocations, basis, conditions)


# -- the answer --------------------------------------------------------------------------------------------------


def _warnings(inputs: Inputs, work: Run, explain: Explanation) -> list[dict[str, str]]:
    warnings = []
    if inputs.agreed_rate is None:
        return warnings
    if inputs.country == "FR" and inputs.debtor == "business":
        legal = rates_module.FR_CONSUMER  # the « autres cas » rate
        low = []
        for start in _half_years_of(work):
            position = bisect.bisect_right([r.start for r in legal.rows], start) - 1
            if position < 0 or start > legal.covered_until:
                continue
            rate = legal.rows[position].rate_pct
            if rate is not None and inputs.agreed_rate < rate * rates_module.FR_FLOOR_MULTIPLIER:
                low.append((start, rate * rates_module.FR_FLOOR_MULTIPLIER))
        if low:
            start, floor = low[-1]
            warnings.append({"code": "fr_agreed_rate_below_floor", "text": explain.text(
                "warning.fr_agreed_rate_below_floor", rate=explain.pct(inputs.agreed_rate),
                floor=explain.pct(floor), half=rates_module.period_label(start),
                multiplier=_pct(rates_module.FR_FLOOR_MULTIPLIER))})
    if inputs.country == "BE" and inputs.debtor == "consumer":
        cap_table = rates_module.BE_B2B
        above = []
        for start in _half_years_of(work):
            position = bisect.bisect_right([r.start for r in cap_table.rows], start) - 1
            if position >= 0 and start <= cap_table.covered_until:
                cap = cap_table.rows[position].rate_pct
                if cap is not None and inputs.agreed_rate > cap:
                    above.append((start, cap))
        if above:
            start, cap = above[-1]
            warnings.append({"code": "be_agreed_rate_above_cap", "text": explain.text(
                "warning.be_agreed_rate_above_cap", rate=explain.pct(inputs.agreed_rate), cap=explain.pct(cap),
                half=rates_module.period_label(start))})
    return warnings


def _half_years_of(work: Run) -> list[date]:
    if not work.periods:
        return []
    first = min(p["from"] for p in work.periods)
    last = max(p["to"] for p in work.periods)
    return rates_module.half_years(date.fromisoformat(first), date.fromisoformat(last))


def _result(inputs: Inputs, lang: str, work: Run, states: list[State], allocations: list[dict[str, Any]],
            basis: str, conditions: list[str]) -> dict[str, Any]:
    explain = Explanation(lang, NAME)
    country, debtor = inputs.country, inputs.debtor
    table = rates_module.table(country, debtor)
    principal = sum((i.amount for i in inputs.invoices), Decimal(0))
    paid = sum((p.amount for p in inputs.payments), Decimal(0))
    late_states = [s for s in states if s.late]
    late_principal = sum((s.invoice.amount for s in late_states), Decimal(0))

    if basis in ("nl_b2b_minimum", "be_b2b_flat", "fr_b2b_flat"):
        costs_total = sum((s.costs for s in states), Decimal(0))
    elif basis == "nl_wik_scale":
        costs_total = wik_costs(late_principal) if late_states else Decimal(0)
    elif basis == "be_consumer_cap":
        costs_total = be_consumer_damages(late_principal)
    else:
        costs_total = Decimal(0)
    costs_paid = sum((s.costs_paid for s in states), Decimal(0))
    costs = costs_total - costs_paid
    principal_paid = sum((s.principal_paid for s in states), Decimal(0))
    principal_out = principal - principal_paid
    interest_total = sum((s.interest_total for s in states), Decimal(0))
    interest_paid = sum((s.interest_paid for s in states), Decimal(0))
    interest = interest_total - interest_paid
    total = principal_out + interest + costs
    wik_info = wik_costs(late_principal) if country == "NL" and late_states else Decimal(0)

    # -- explanation ----------------------------------------------------------------------------------
    if inputs.agreed_rate is not None:
        explain.step("rule_agreed", rate=explain.pct(inputs.agreed_rate))
    else:
        explain.step(f"rule_{country}_{debtor}", last=table.last_period)
    explain.step("compound_yearly" if country == "NL" else "simple")
    explain.step("day_count")
    explain.step("rounding")
    for start in sorted(inputs.user_rates):
        explain.step("user_rate", half=rates_module.period_label(start), rate=explain.pct(inputs.user_rates[start]))
    for period in work.periods[:EXPLAINED_PERIODS]:
        explain.step("period", invoice=_name(period["invoice"], period["reference"]),
                     start=explain.date(date.fromisoformat(period["from"])),
                     end=explain.date(date.fromisoformat(period["to"])), days=period["days"],
                     base=explain.money(Decimal(period["principal"])), rate=explain.pct(Decimal(period["rate_pct"])),
                     interest=explain.money(Decimal(period["interest"])))
    if len(work.periods) > EXPLAINED_PERIODS:
        rest = work.periods[EXPLAINED_PERIODS:]
        explain.step("more_periods", first=EXPLAINED_PERIODS + 1, last=len(work.periods), count=len(rest),
                     interest=explain.money(sum((Decimal(p["interest"]) for p in rest), Decimal(0))))
    for index, day, amount, base in work.capitalisations[:EXPLAINED_PERIODS]:
        explain.step("capitalised", invoice=_name(index, inputs.invoices[index - 1].reference),
                     date=explain.date(day), interest=explain.money(amount), base=explain.money(base))
    if len(work.capitalisations) > EXPLAINED_PERIODS:
        explain.step("more_capitalised", count=len(work.capitalisations) - EXPLAINED_PERIODS)
    if inputs.payments:
        explain.step(f"payment_order_{country}")
    for allocation in allocations[:EXPLAINED_PAYMENTS]:
        explain.step("payment", date=explain.date(date.fromisoformat(allocation["date"])),
                     amount=explain.money(Decimal(allocation["amount"])),
                     costs=explain.money(Decimal(allocation["to_costs"])),
                     interest=explain.money(Decimal(allocation["to_interest"])),
                     principal=explain.money(Decimal(allocation["to_principal"])))
    if len(allocations) > EXPLAINED_PAYMENTS:
        explain.step("more_payments", first=EXPLAINED_PAYMENTS + 1, last=len(allocations),
                     count=len(allocations) - EXPLAINED_PAYMENTS)
    explain.step("interest", accrued=explain.money(interest_total), paid=explain.money(interest_paid),
                 owed=explain.money(interest))
    flat = rules.decimal("late_compensation_eur")
    explain.step("costs_" + basis, count=len(late_states), flat=explain.money(flat),
                 principal=explain.money(late_principal), costs=explain.money(costs_total),
                 days=rules.integer("nl_consumer_letter_days"),
                 grace=rules.integer("be_consumer_grace_days"))
    if costs_paid:
        explain.step("costs_paid", paid=explain.money(costs_paid), owed=explain.money(costs))
    if country == "NL" and debtor == "business" and late_states:
        explain.step("wik_business_practice", wik=explain.money(wik_info))
    warnings = _warnings(inputs, work, explain)
    for warning in warnings:
        explain.steps.append({"code": warning["code"], "text": warning["text"]})
    explain.step("total", principal=explain.money(principal_out), interest=explain.money(interest),
                 costs=explain.money(costs), total=explain.money(total))

    invoices = []
    for s in states:
        status = "not_due" if s.invoice.due >= inputs.until else ("late" if s.late else "paid_on_time")
        invoices.append({
            "invoice": s.invoice.index, "reference": s.invoice.reference, "amount": text(s.invoice.amount),
            "due_date": s.invoice.due.isoformat(), "days_late": max(0, (inputs.until - s.invoice.due).days),
            "status": status, "interest": text(s.interest_total), "interest_paid": text(s.interest_paid),
            "principal_paid": text(s.principal_paid), "principal_outstanding": text(s.principal),
            "costs": text(s.costs - s.costs_paid),
        })
    used = sorted(work.used)
    rates_used = [{"from": work.schedule.starts[i].isoformat(), "to": work.schedule.ends[i].isoformat(),
                   "rate_pct": _pct(work.schedule.rates[i]), "source": work.schedule.kinds[i],  # type: ignore[arg-type]
                   "published": work.schedule.published[i]} for i in used]
    result: dict[str, Any] = {
        "country": country,
        "debtor": debtor,
        "until": inputs.until.isoformat(),
        "rate_basis": "agreed" if inputs.agreed_rate is not None else table.key,
        "compounding": "yearly" if country == "NL" else "simple",
        "principal": text(principal),
        "paid": text(paid),
        "principal_paid": text(principal_paid),
        "principal_outstanding": text(principal_out),
        "interest_accrued": text(interest_total),
        "interest_paid": text(interest_paid),
        "interest": text(interest),
        "costs_total": text(costs_total),
        "costs_paid": text(costs_paid),
        "costs": text(costs),
        "costs_basis": basis,
        "costs_conditions": conditions if costs_total else [],
        "interest_conditions": _interest_conditions(country, debtor),
        "wik_scale_costs": text(wik_info) if country == "NL" else None,
        "total": text(total),
        "late_invoices": len(late_states),
        "periods": work.periods,
        "invoices": invoices,
        "payments": allocations,
        "rates_used": rates_used,
        "table": {"key": table.key, "last_period": table.last_period, "covered_until": table.covered_until.isoformat(),
                  "last_checked": rates_module.LAST_CHECKED.isoformat()},
        "warnings": warnings,
        "letters_available": letters_available(country, debtor),
        "letter": None,
        "explanation": explain.steps,
    }
    if inputs.letter != "none":
        from .late_payment_letters import write_letter  # only when asked: the letter module is text-heavy
        result["letter"] = write_letter(inputs, result, inputs.letter_lang or lang)
    return result


def _interest_conditions(country: str, debtor: str) -> list[str]:
    if debtor == "business":
        return []
    return {"NL": ["nl_default"], "BE": ["be_free_first_reminder"], "FR": ["fr_formal_notice"]}[country]


def letters_available(country: str, debtor: str) -> list[str]:
    kinds = ["reminder", "formal_notice"]
    if (country, debtor) == ("NL", "consumer"):
        kinds.append("fourteen_day_letter")
    return kinds


def _name(index: int, reference: str) -> str:
    return f"{index} ({reference})" if reference else str(index)


def error_message(lang: str, code: str, **params: Any) -> str:
    """An error message of this calculator (the letters module reuses it)."""
    return message(lang, "error." + code, **params)
