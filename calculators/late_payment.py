"""What unpaid invoices cost the customer: statutory late-payment interest and recovery costs (NL, BE, FR).

The algorithm, with its legal basis per step (the guide late-payment-interest.md says the same in words):

1. Interest runs from the day after the due date up to and including ``until``: ``days = until - due``.
   A day is 1/365 of the annual rate, in leap years too (the statutes state an annual rate and the
   courts and peer tools count 365; a 366-day year therefore earns a day more than the annual rate).
2. A period is split wherever the rate changes (1 January / 1 July, and the NL change of 16 March 2013),
   at every payment that touches the invoice, and, in the Netherlands, on every anniversary of the due
   date: there the year's unpaid interest is added to the amount on which interest runs (art. 6:119 lid 2
   BW, which art. 6:119a BW applies to commercial interest). Belgium and France: simple interest.
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
from .contract import LANGS, Errors, Reader
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
    include_periods: bool
    #: The letter's sender and recipient (``SENDER_FIELDS`` / ``RECIPIENT_FIELDS``; a missing one is ``None``).
    sender: dict[str, Any] = field(default_factory=dict)
    recipient: dict[str, Any] = field(default_factory=dict)


# -- reading -------------------------------------------------------------------------------------------------


def _optional_objects(r: Reader, name: str, maximum: int) -> list[tuple[str, dict[str, Any]]]:
    if r.obj.get(name) is None:
        r.seen.add(name)
        return []
    return r.objects(name, max_items=maximum) or []


#: The sender's details a letter shows: text fields, and ``address`` as lines.
SENDER_FIELDS = ("name", "address", "enterprise_number", "vat_number", "email", "phone", "iban")
#: The recipient's: ``kind`` (a company or a person) chooses the salutation; ``reference`` is the customer's own.
RECIPIENT_FIELDS = ("name", "address", "kind", "reference")
RECIPIENT_KINDS = ("company", "person")
MAX_ADDRESS_LINES = 6


def _party(r: Reader, name: str, fields: tuple[str, ...]) -> dict[str, Any]:
    """The optional object ``name`` (sender or recipient): every field of ``fields``, ``None`` when not given."""
    party: dict[str, Any] = dict.fromkeys(fields)
    item = r.child(name)
    if item is None:
        return party
    for key in fields:
        if key == "address":
            party[key] = item.lines(key, max_lines=MAX_ADDRESS_LINES, maximum=MAX_TEXT * MAX_ADDRESS_LINES)
        elif key == "kind":
            party[key] = item.choice(key, RECIPIENT_KINDS, default="") or None
        else:
            party[key] = item.text(key, maximum=MAX_TEXT)
    item.finish()
    return party


def read(r: Reader, today: date) -> Inputs | None:
    country = r.choice("country", COUNTRIES, default="")
    if country == "":
        r.fail("country", "required")
    debtor = r.choice("debtor", DEBTORS, default="business")
    until = r.day("until", required=False, default=today)
    agreed = r.amount("agreed_rate_pct", required=False, default=None, maximum=Decimal(100), places=4)
    letter = r.choice("letter", LETTERS, default="none")
    letter_lang = r.choice("letter_lang", LANGS, default="")
    creditor = r.text("creditor", maximum=MAX_TEXT) or ""
    debtor_name = r.text("debtor_name", maximum=MAX_TEXT) or ""
    pay_within = r.integer("pay_within_days", required=False,
                           default=rules.integer("nl_consumer_letter_days"), maximum=365)
    include_periods = r.boolean("include_periods", required=False, default=True)
    sender = _party(r, "sender", SENDER_FIELDS)
    recipient = _party(r, "recipient", RECIPIENT_FIELDS)
    # ``creditor`` and ``debtor_name`` are the short forms of the sender's and the recipient's name.
    sender["name"] = sender["name"] or creditor or None
    recipient["name"] = recipient["name"] or debtor_name or None

    invoices: list[Invoice] = []
    items = r.objects("invoices", max_items=MAX_INVOICES)
    if items is not None and not items:
        r.fail("invoices", "no_invoices")
    for position, (path, obj) in enumerate(items or [], start=1):
        item = Reader(obj, r.errors, path)
        amount = item.amount("amount")
        due = item.day("due_date")
        reference = item.text("reference", maximum=MAX_TEXT) or ""
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
    if (r.errors or not country or debtor is None or until is None or letter is None or pay_within is None
            or include_periods is None):
        return None
    return Inputs(country, debtor, invoices, payments, until, agreed, user_rates, letter,
                  letter_lang or None, sender["name"] or "", recipient["name"] or "", pay_within, include_periods,
                  sender, recipient)


# -- the rate schedule -----------------------------------------------------------------------------------------

#: Rates are held in 1/10,000 of a percent and amounts in cents, so that the inner loop is integer
#: arithmetic: interest in cents = cents x rate x days / (365 x 1,000,000), rounded half up.
E4 = 10_000
_DENOMINATOR = 365 * 1_000_000
ONE_DAY = timedelta(days=1)


def to_cents(amount: Decimal) -> int:
    """An amount with at most two decimals (the reader checks it) as whole cents."""
    return int(amount.scaleb(2, context=CONTEXT))


def cents_text(amount: int) -> str:
    """Whole cents as the contract writes an amount: ``"1234.50"``."""
    return f"{amount // 100}.{amount % 100:02d}"


def from_cents(amount: int) -> Decimal:
    return Decimal(amount).scaleb(-2, context=CONTEXT)


def period_interest_cents(base: int, rate_e4: int, days: int) -> int:
    """``base`` cents at ``rate_e4`` / 10,000 % a year for ``days`` days of 1/365, rounded half up to the cent."""
    return (2 * base * rate_e4 * days + _DENOMINATOR) // (2 * _DENOMINATOR)


@dataclass
class Schedule:
    """Consecutive stretches ``[start, end]`` with their rate (``None``: unknown) and where it comes from."""

    starts: list[date]
    ends: list[date]
    rates: list[Decimal | None]
    kinds: list[str]  # "table", "user", "agreed"
    published: list[bool]
    rates_e4: list[int | None] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rates_e4 = [None if r is None else int(r.scaleb(4, context=CONTEXT)) for r in self.rates]
        self.texts = ["" if r is None else _pct(r) for r in self.rates]


def _next_half(day: date) -> date:
    return date(day.year, 7, 1) if day.month < 7 else date(day.year + 1, 1, 1)


def build_schedule(inputs: Inputs) -> Schedule:
    """The rate of every day, cut at every 1 January and 1 July (and wherever a table row starts)."""
    if inputs.agreed_rate is not None:
        return _by_half_year([(_FAR_PAST, _FAR_FUTURE, inputs.agreed_rate, "agreed", True)])
    table = rates_module.table(inputs.country, inputs.debtor)
    pieces: list[tuple[date, date, Decimal | None, str, bool]] = []
    if table.first > _FAR_PAST:
        pieces.append((_FAR_PAST, table.first - ONE_DAY, None, "table", False))
    for position, row in enumerate(table.rows):
        end = (table.rows[position + 1].start - ONE_DAY if position + 1 < len(table.rows)
               else table.covered_until)
        pieces.append((row.start, end, row.rate_pct, "table", row.published))
    pieces.append((table.covered_until + ONE_DAY, _FAR_FUTURE, None, "table", False))
    for start in sorted(inputs.user_rates):
        end = _next_half(start) - ONE_DAY
        kept = []
        for p_start, p_end, rate, kind, published in pieces:
            if p_end < start or p_start > end:
                kept.append((p_start, p_end, rate, kind, published))
                continue
            if p_start < start:
                kept.append((p_start, start - ONE_DAY, rate, kind, published))
            if p_end > end:
                kept.append((end + ONE_DAY, p_end, rate, kind, published))
        kept.append((start, end, inputs.user_rates[start], "user", True))
        pieces = sorted(kept, key=lambda p: p[0])
    return _by_half_year(pieces)


def _by_half_year(pieces: list[tuple[date, date, Decimal | None, str, bool]]) -> Schedule:
    """The pieces cut at each half-year start, so that no period crosses 1 January or 1 July."""
    cut: list[tuple[date, date, Decimal | None, str, bool]] = []
    for start, end, rate, kind, published in pieces:
        while start <= end:
            stop = min(end, _next_half(start) - ONE_DAY)
            cut.append((start, stop, rate, kind, published))
            start = stop + ONE_DAY
    return Schedule([p[0] for p in cut], [p[1] for p in cut], [p[2] for p in cut],
                    [p[3] for p in cut], [p[4] for p in cut])


# -- the computation -------------------------------------------------------------------------------------------


def add_years(day: date, years: int) -> date:
    """The anniversary ``years`` on; 29 February becomes 28 February in a common year."""
    year = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, day.month, day.day)


@dataclass(slots=True)
class State:
    """One invoice while the claim is worked out; amounts in cents."""

    invoice: Invoice
    principal: int
    through: date  # interest is counted up to and including this day
    capitalised: int = 0  # NL: unpaid interest of past years, now part of the base
    accrued: int = 0  # unpaid interest of the running year (NL) or of all time (BE, FR)
    interest_total: int = 0
    interest_paid: int = 0
    principal_paid: int = 0
    costs: int = 0  # costs that payments settle (business debtors)
    costs_paid: int = 0
    late: bool = False
    years: int = 1
    anniversary: date = _FAR_FUTURE

    def open(self) -> bool:
        return self.principal > 0 or self.capitalised > 0 or self.accrued > 0 or self.costs > self.costs_paid


@dataclass
class Run:
    schedule: Schedule
    compound: bool
    keep_periods: bool
    periods: list[dict[str, Any]] = field(default_factory=list)
    period_count: int = 0
    later_interest: int = 0  # interest of the periods after EXPLAINED_PERIODS when they are not kept
    capitalisations: list[tuple[int, date, int, int]] = field(default_factory=list)
    missing: set[date] = field(default_factory=set)
    used: set[int] = field(default_factory=set)
    first_day: date = _FAR_FUTURE
    last_day: date = _FAR_PAST
    _iso: dict[date, str] = field(default_factory=dict)

    def iso(self, day: date) -> str:
        text_ = self._iso.get(day)
        if text_ is None:
            text_ = self._iso[day] = day.isoformat()
        return text_

    def accrue(self, s: State, to: date) -> None:
        """Interest of invoice ``s`` from the day after ``s.through`` up to and including ``to``."""
        schedule = self.schedule
        starts, ends, rates, texts = schedule.starts, schedule.ends, schedule.rates_e4, schedule.texts
        compound = self.compound
        day = s.through + ONE_DAY
        if day > to:
            return
        position = bisect.bisect_right(starts, day) - 1
        while day <= to:
            while ends[position] < day:
                position += 1
            end = ends[position]
            if to < end:
                end = to
            if compound and s.anniversary < end:
                end = s.anniversary
            base = s.principal + s.capitalised
            if base > 0:
                rate = rates[position]
                if rate is None:
                    self.missing.update(rates_module.half_years(day, end))
                else:
                    days = (end - day).days + 1
                    interest = (2 * base * rate * days + _DENOMINATOR) // (2 * _DENOMINATOR)
                    s.accrued += interest
                    s.interest_total += interest
                    self.used.add(position)
                    self.period_count += 1
                    if day < self.first_day:
                        self.first_day = day
                    if end > self.last_day:
                        self.last_day = end
                    if self.keep_periods or self.period_count <= EXPLAINED_PERIODS:
                        self.periods.append({
                            "invoice": s.invoice.index, "from": self.iso(day), "to": self.iso(end), "days": days,
                            "rate_pct": texts[position], "principal": cents_text(base),
                            "interest": cents_text(interest),
                        })
                    else:
                        self.later_interest += interest
            if compound and end == s.anniversary:
                if s.accrued > 0:
                    s.capitalised += s.accrued
                    self.capitalisations.append((s.invoice.index, end, s.accrued, s.principal + s.capitalised))
                    s.accrued = 0
                s.years += 1
                s.anniversary = add_years(s.invoice.due, s.years)
            day = end + ONE_DAY
        if to > s.through:
            s.through = to


def _pct(rate: Decimal) -> str:
    return f"{rate.normalize(context=CONTEXT):f}"


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
    work = Run(build_schedule(inputs), country == "NL", inputs.include_periods)
    basis, conditions = _cost_model(country, debtor)
    flat = to_cents(rules.decimal("late_compensation_eur")) if debtor == "business" else 0
    states = [State(i, to_cents(i.amount), i.due, anniversary=add_years(i.due, 1)) for i in inputs.invoices]
    order = sorted(states, key=lambda s: (s.invoice.due, s.invoice.index))
    late_pointer = 0
    pay_pointer = 0
    allocations: list[dict[str, Any]] = []

    def mark_late(before: date) -> None:
        nonlocal late_pointer
        while late_pointer < len(order) and order[late_pointer].invoice.due < before:
            s = order[late_pointer]
            if s.principal > 0:
                s.late = True
                s.costs += flat
            late_pointer += 1

    steps = ("costs", "interest", "principal") if country == "NL" else ("interest", "principal", "costs")
    for payment in sorted(inputs.payments, key=lambda p: (p.day, p.index)):
        # An invoice is late from the day after its due date; a payment on a day finds that day's interest owed.
        mark_late(payment.day)
        left = to_cents(payment.amount)
        split = {"costs": 0, "interest": 0, "principal": 0}
        touched: list[int] = []
        while left > 0 and pay_pointer < len(order):
            s = order[pay_pointer]
            work.accrue(s, payment.day)
            settled = 0
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
            errors = Errors(lang)
            errors.add(f"payments[{payment.index - 1}].amount", "payment_exceeds_owed",
                       excess=cents_text(left), date=payment.day.isoformat())
            return errors.as_result()
        allocations.append({"payment": payment.index, "date": payment.day.isoformat(),
                            "amount": text(payment.amount), "to_costs": cents_text(split["costs"]),
                            "to_interest": cents_text(split["interest"]),
                            "to_principal": cents_text(split["principal"]), "invoices": touched})

    mark_late(inputs.until)
    for s in order:
        if s.invoice.due < inputs.until:
            work.accrue(s, inputs.until)

    if work.missing:
        errors = Errors(lang)
        for start in sorted(work.missing)[:MAX_MISSING_REPORTED]:
            errors.add("rates", "rate_missing", half=rates_module.period_label(start), start=start.isoformat(),
                       end=(_next_half(start) - ONE_DAY).isoformat())
        return errors.as_result()

    return _result(inputs, lang, work, states, allocations, basis, conditions)


# -- the answer --------------------------------------------------------------------------------------------------


def _warnings(inputs: Inputs, work: Run, explain: Explanation) -> list[dict[str, str]]:
    warnings: list[dict[str, str]] = []
    if inputs.agreed_rate is None or work.period_count == 0:
        return warnings
    halves = rates_module.half_years(work.first_day, work.last_day)
    if inputs.country == "FR" and inputs.debtor == "business":
        multiplier = rates_module.FR_FLOOR_MULTIPLIER
        low = [(start, rate * multiplier) for start, rate in _rates_in(rates_module.FR_CONSUMER, halves)
               if inputs.agreed_rate < rate * multiplier]
        if low:
            start, floor = low[-1]
            warnings.append({"code": "fr_agreed_rate_below_floor", "text": explain.text(
                "warning.fr_agreed_rate_below_floor", rate=explain.pct(inputs.agreed_rate),
                floor=explain.pct(floor), half=rates_module.period_label(start), multiplier=_pct(multiplier))})
    if inputs.country == "BE" and inputs.debtor == "consumer":
        above = [(start, cap) for start, cap in _rates_in(rates_module.BE_B2B, halves) if inputs.agreed_rate > cap]
        if above:
            start, cap = above[-1]
            warnings.append({"code": "be_agreed_rate_above_cap", "text": explain.text(
                "warning.be_agreed_rate_above_cap", rate=explain.pct(inputs.agreed_rate), cap=explain.pct(cap),
                half=rates_module.period_label(start))})
    return warnings


def _rates_in(table: rates_module.RateTable, halves: list[date]) -> list[tuple[date, Decimal]]:
    """The table's known rate at the start of each of ``halves`` (unknown ones left out)."""
    starts = [row.start for row in table.rows]
    found = []
    for start in halves:
        position = bisect.bisect_right(starts, start) - 1
        if position >= 0 and start <= table.covered_until:
            rate = table.rows[position].rate_pct
            if rate is not None:
                found.append((start, rate))
    return found


def _result(inputs: Inputs, lang: str, work: Run, states: list[State], allocations: list[dict[str, Any]],
            basis: str, conditions: list[str]) -> dict[str, Any]:
    explain = Explanation(lang, NAME)
    country, debtor = inputs.country, inputs.debtor
    table = rates_module.table(country, debtor)
    principal = sum(to_cents(i.amount) for i in inputs.invoices)
    paid = sum(to_cents(p.amount) for p in inputs.payments)
    late_states = [s for s in states if s.late]
    late_principal = from_cents(sum(to_cents(s.invoice.amount) for s in late_states))

    if basis in ("nl_b2b_minimum", "be_b2b_flat", "fr_b2b_flat"):
        costs_total = sum(s.costs for s in states)
    elif basis == "nl_wik_scale":
        costs_total = to_cents(wik_costs(late_principal)) if late_states else 0
    elif basis == "be_consumer_cap":
        costs_total = to_cents(be_consumer_damages(late_principal))
    else:
        costs_total = 0
    costs_paid = sum(s.costs_paid for s in states)
    costs = costs_total - costs_paid
    principal_paid = sum(s.principal_paid for s in states)
    principal_out = principal - principal_paid
    interest_total = sum(s.interest_total for s in states)
    interest_paid = sum(s.interest_paid for s in states)
    interest = interest_total - interest_paid
    total = principal_out + interest + costs
    wik_info = wik_costs(late_principal) if country == "NL" and late_states else Decimal(0)

    def money(amount: int) -> str:
        return explain.money(from_cents(amount))

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
    references = {i.index: i.reference for i in inputs.invoices}
    for period in work.periods[:EXPLAINED_PERIODS]:
        explain.step("period", invoice=_name(period["invoice"], references[period["invoice"]]),
                     start=explain.date(date.fromisoformat(period["from"])),
                     end=explain.date(date.fromisoformat(period["to"])), days=period["days"],
                     base=explain.money(Decimal(period["principal"])), rate=explain.pct(Decimal(period["rate_pct"])),
                     interest=explain.money(Decimal(period["interest"])))
    if work.period_count > EXPLAINED_PERIODS:
        rest = work.later_interest + sum(to_cents(Decimal(p["interest"])) for p in work.periods[EXPLAINED_PERIODS:])
        explain.step("more_periods", first=EXPLAINED_PERIODS + 1, last=work.period_count,
                     count=work.period_count - EXPLAINED_PERIODS, interest=money(rest))
    for index, day, amount, base in work.capitalisations[:EXPLAINED_PERIODS]:
        explain.step("capitalised", invoice=_name(index, references[index]), date=explain.date(day),
                     interest=money(amount), base=money(base))
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
    explain.step("interest", accrued=money(interest_total), paid=money(interest_paid), owed=money(interest))
    explain.step("costs_" + basis, count=len(late_states), flat=explain.money(rules.decimal("late_compensation_eur")),
                 principal=explain.money(late_principal), costs=money(costs_total),
                 days=rules.integer("nl_consumer_letter_days"), grace=rules.integer("be_consumer_grace_days"))
    if costs_paid:
        explain.step("costs_paid", paid=money(costs_paid), owed=money(costs))
    if country == "NL" and debtor == "business" and late_states:
        explain.step("wik_business_practice", wik=explain.money(wik_info))
    warnings = _warnings(inputs, work, explain)
    for warning in warnings:
        explain.steps.append({"code": warning["code"], "text": warning["text"]})
    explain.step("total", principal=money(principal_out), interest=money(interest), costs=money(costs),
                 total=money(total))

    until = inputs.until
    invoices = [{
        "invoice": s.invoice.index, "reference": s.invoice.reference, "amount": text(s.invoice.amount),
        "due_date": work.iso(s.invoice.due), "days_late": max(0, (until - s.invoice.due).days),
        "status": _status(s, until), "open": s.open(),
        "interest": cents_text(s.interest_total), "interest_paid": cents_text(s.interest_paid),
        "principal_paid": cents_text(s.principal_paid), "principal_outstanding": cents_text(s.principal),
        "costs": cents_text(s.costs - s.costs_paid),
    } for s in states]
    schedule = work.schedule
    rates_used = [{"from": schedule.starts[i].isoformat(), "to": schedule.ends[i].isoformat(),
                   "rate_pct": schedule.texts[i], "source": schedule.kinds[i], "published": schedule.published[i]}
                  for i in sorted(work.used)]
    result: dict[str, Any] = {
        "country": country,
        "debtor": debtor,
        "until": until.isoformat(),
        "rate_basis": "agreed" if inputs.agreed_rate is not None else table.key,
        "compounding": "yearly" if country == "NL" else "simple",
        "principal": cents_text(principal),
        "paid": cents_text(paid),
        "principal_paid": cents_text(principal_paid),
        "principal_outstanding": cents_text(principal_out),
        "interest_accrued": cents_text(interest_total),
        "interest_paid": cents_text(interest_paid),
        "interest": cents_text(interest),
        "costs_total": cents_text(costs_total),
        "costs_paid": cents_text(costs_paid),
        "costs": cents_text(costs),
        "costs_basis": basis,
        "costs_conditions": conditions if costs_total else [],
        "interest_conditions": _interest_conditions(country, debtor),
        "wik_scale_costs": text(wik_info) if country == "NL" else None,
        "total": cents_text(total),
        "late_invoices": len(late_states),
        "period_count": work.period_count,
        "periods": work.periods if inputs.include_periods else [],
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
        from .late_payment_letters import write_letter  # only when asked: the letters are text-heavy
        result["letter"] = write_letter(inputs, result, inputs.letter_lang or lang)
    return result


def _status(s: State, until: date) -> str:
    """``not_due`` (due on or after ``until``), ``paid_on_time``, ``late`` (still owing) or ``paid_late``."""
    if s.invoice.due >= until:
        return "not_due"
    if not s.late:
        return "paid_on_time"
    return "late" if s.open() else "paid_late"


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


# --- collections: one rate schedule per rate basis (begin) -------------------------------------------------------
# A collections run computes hundreds of claims on the same few rate bases, and half of each claim's time went
# into cutting the same schedule (1900 to 2200, per half-year) again. The schedule depends only on what
# ``build_schedule`` reads (country, debtor, agreed rate, the user's rates) and nothing changes it once built;
# so it is built once per basis. A field that ``build_schedule`` comes to read must join ``_schedule_key``
# (tests/calculators/test_collections.py compares the cached schedule with a fresh one).
_SCHEDULES: dict[tuple[Any, ...], Schedule] = {}
_SCHEDULES_KEPT = 64
_build_schedule_fresh = build_schedule


def _schedule_key(inputs: Inputs) -> tuple[Any, ...]:
    return inputs.country, inputs.debtor, inputs.agreed_rate, tuple(sorted(inputs.user_rates.items()))


def _build_schedule_cached(inputs: Inputs) -> Schedule:
    key = _schedule_key(inputs)
    schedule = _SCHEDULES.get(key)
    if schedule is None:
        if len(_SCHEDULES) >= _SCHEDULES_KEPT:
            _SCHEDULES.clear()
        schedule = _SCHEDULES[key] = _build_schedule_fresh(inputs)
    return schedule


build_schedule = _build_schedule_cached
# --- collections (end) ---------------------------------------------------------------------------------------------
