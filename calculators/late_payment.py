"""What unpaid invoices cost the customer: statutory late-payment interest and recovery costs (NL, BE, FR).

The algorithm, with its legal basis per step (the guide late-payment-interest.md says the same in words):

1. Interest runs from the day after the due date up to and including ``until``: ``days = until - due``.
   A day is 1/365 of the annual rate, in leap years too. Consumers in Belgium and France: interest runs only
   after the notice (``notice_date``): BE from the day after the free first reminder's term (art. XIX.2-XIX.4
   CEL), FR from the day after the mise en demeure's date (art. 1231-6 C. civ.).
2. A period is split wherever the rate changes (1 January / 1 July, and the NL change of 16 March 2013),
   at every payment that touches the invoice, and, where interest compounds, at the end of each year counted
   from the first interest day (29 February: the year ends on 28 February): there the year's unpaid interest
   is added to the amount on which interest runs (art. 6:119 lid 2 BW, applied to commercial interest by
   art. 6:119a). Statutory Dutch interest compounds; an agreed rate only when ``agreed_rate_compound`` says the
   contract provides it. Belgium and France: simple interest.
3. Each period's interest is ``base x rate x days / 36500`` rounded to the cent, half up, on its own;
   the totals are sums of those rounded amounts (as peer tools and court calculations show them).
4. Payments, oldest invoice first (NL art. 6:43 lid 2 BW; BE art. 1256 old Civil Code; FR art. 1342-10
   Code civil). NL: costs, then interest, then principal (art. 6:44 lid 1 BW). BE: interest before principal
   (art. 1254 old Civil Code), costs last. FR: interest, then the recovery costs (accessories of the debt,
   Cass. 1re civ. 7 February 1995, n° 92-14.216), then principal (art. 1343-1 C. civ.).
5. Costs. Business debtors: BE and FR 40 euro per late invoice; NL the statutory scale (Besluit BIK art. 2)
   on the principal of the invoices claimed together, never less than 40 euro per invoice (art. 6:96 lid 4-5
   BW), unless the terms agreed otherwise (``nl_business_costs``). Consumers: NL the scale and BE the Book XIX
   cap, owed only when the debt is still unpaid at the end of the notice's term and on the principal still
   unpaid then (art. 6:96 lid 6 BW, HR 25-11-2016 ECLI:NL:HR:2016:2704; art. XIX.2-XIX.4 CEL); nothing
   against a French consumer (art. L111-8 CPCE).
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
NOTICE_BY = ("post", "email")
#: Dutch costs between businesses: the statutory scale (default), the 40 euro floor only, or an agreed amount.
NL_BUSINESS_COSTS = ("scale", "flat", "agreed")
MAX_INVOICES = 10_000
MAX_PAYMENTS = 10_000
MAX_TEXT = 200
MAX_DESCRIPTION = 2 * MAX_TEXT
#: Periods and payments explained one by one; the rest are summed up so a long claim stays readable.
EXPLAINED_PERIODS = 50
EXPLAINED_PAYMENTS = 30
#: Periods returned in ``periods`` at most; a longer claim says ``periods_truncated`` (the totals count them all).
MAX_PERIODS_RETURNED = 20_000
#: The most interest periods one request may need (invoices x half-years, plus yearly additions): beyond it the
#: request is refused up front with a clear message, so the largest claim still answers in seconds.
MAX_STEPS = 2_000_000
#: Missing half-years reported one by one (an invoice from 1990 would otherwise list seventy); then "and N more".
MAX_MISSING_REPORTED = 12
#: Totals beyond this many cents (10^28 euro) are no real claim (an agreed 100 % compounded for centuries).
MAX_TOTAL_CENTS = 10 ** 30
DAYS_PER_YEAR = Decimal(365)
_FAR_PAST = date(1900, 1, 1)
_FAR_FUTURE = date(2200, 12, 31)
#: The ECB rule (reference rate + points) holds for the commercial tables from this half-year on.
ECB_RULE_FROM = date(2013, 7, 1)


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
    #: The day the notice that starts the consumer's term was sent, and how (BE: post or e-mail).
    notice_date: date | None = None
    notice_by: str = "post"
    nl_business_costs: str = "scale"
    agreed_costs: Decimal | None = None
    agreed_rate_compound: bool = False
    #: ECB main refinancing rates by half-year start, for the commercial tables' missing half-years.
    ecb_rates: dict[date, Decimal] = field(default_factory=dict)
    debt_description: str = ""


# -- reading -------------------------------------------------------------------------------------------------


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
    for position, (path, obj) in enumerate(r.optional_objects("payments", max_items=MAX_PAYMENTS), start=1):
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

    user_rates = _half_year_rates(r, "rates")
    ecb_rates = _half_year_rates(r, "ecb_rates", first=ECB_RULE_FROM)

    notice_date = r.day("notice_date", required=False, default=None)
    notice_by = r.choice("notice_by", NOTICE_BY, default="post")
    nl_costs = r.choice("nl_business_costs", NL_BUSINESS_COSTS, default="scale")
    agreed_costs = r.amount("agreed_costs", required=False, default=None)
    if nl_costs == "agreed" and agreed_costs is None:
        r.fail("agreed_costs", "required")
    compound = r.boolean("agreed_rate_compound", required=False, default=False)
    description = r.text("debt_description", maximum=MAX_DESCRIPTION) or ""
    if debtor != "consumer":
        notice_date = None  # a business debtor owes interest and costs without notice: the date plays no part
    if notice_date is not None and until is not None and notice_date > until:
        r.fail("notice_date", "after_until", until=until.isoformat())
    if notice_date is not None and first_due is not None and notice_date <= first_due:
        r.fail("notice_date", "notice_before_due", due=first_due.isoformat())

    minimum = rules.integer("nl_consumer_letter_days")
    needs_term = letter == "fourteen_day_letter" or (letter == "reminder" and (country, debtor) == ("BE", "consumer"))
    if needs_term and pay_within is not None and pay_within < minimum:
        r.fail("pay_within_days", "term_too_short", days=minimum)
    if letter == "fourteen_day_letter" and (country, debtor) != ("NL", "consumer") and country:
        r.fail("letter", "letter_not_available")
    if (r.errors or not country or debtor is None or until is None or letter is None or pay_within is None
            or include_periods is None or notice_by is None or nl_costs is None or compound is None):
        return None
    return Inputs(country, debtor, invoices, payments, until, agreed, user_rates, letter,
                  letter_lang or None, sender["name"] or "", recipient["name"] or "", pay_within, include_periods,
                  sender, recipient, notice_date, notice_by, nl_costs, agreed_costs, compound, ecb_rates,
                  description)


def _half_year_rates(r: Reader, name: str, first: date = _FAR_PAST) -> dict[date, Decimal]:
    """The optional list ``name`` of ``{from, rate_pct}``, each starting a half-year (``first`` or later)."""
    found: dict[date, Decimal] = {}
    for path, obj in r.optional_objects(name, max_items=1000):
        item = Reader(obj, r.errors, path)
        start = item.day("from")
        rate = item.amount("rate_pct", maximum=Decimal(100), places=4)
        item.finish()
        if start is not None and (start.day != 1 or start.month not in (1, 7)):
            item.fail("from", "not_half_year_start")
        elif start is not None and start < first:
            item.fail("from", "ecb_rate_before_rule", first=first.isoformat())
        elif start is not None and start in found:
            item.fail("from", "duplicate_half_year")
        elif start is not None and rate is not None:
            found[start] = rate
    return found


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
    if inputs.debtor == "business":
        # One published figure for the three countries: each country's rule makes its rate of it.
        for start in sorted(inputs.ecb_rates):
            if _rate_at(pieces, start) is None:
                rate = rates_module.statutory_b2b_rate(inputs.country, inputs.ecb_rates[start])
                pieces = _overlay(pieces, start, rate, "ecb")
    for start in sorted(inputs.user_rates):
        pieces = _overlay(pieces, start, inputs.user_rates[start], "user")
    return _by_half_year(pieces)


Piece = tuple[date, date, Decimal | None, str, bool]


def _rate_at(pieces: list[Piece], day: date) -> Decimal | None:
    for start, end, rate, _, _ in pieces:
        if start <= day <= end:
            return rate
    return None


def _overlay(pieces: list[Piece], start: date, rate: Decimal, kind: str) -> list[Piece]:
    """``pieces`` with the half-year from ``start`` set to ``rate`` (``kind``: where it comes from)."""
    end = _next_half(start) - ONE_DAY
    kept = []
    for p_start, p_end, p_rate, p_kind, published in pieces:
        if p_end < start or p_start > end:
            kept.append((p_start, p_end, p_rate, p_kind, published))
            continue
        if p_start < start:
            kept.append((p_start, start - ONE_DAY, p_rate, p_kind, published))
        if p_end > end:
            kept.append((end + ONE_DAY, p_end, p_rate, p_kind, published))
    kept.append((start, end, rate, kind, True))
    return sorted(kept, key=lambda p: p[0])


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


def year_end(first: date, years: int) -> date:
    """The last day of the ``years``-th year of interest that starts on ``first`` (art. 6:119 lid 2 BW).

    A year runs from ``first`` to the day before the same date a year later; a year that starts on
    29 February ends on 28 February (the next start, 1 March, follows it).
    """
    year = first.year + years
    if first.month == 2 and first.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, first.month, first.day) - ONE_DAY


# -- the consumer's notice ---------------------------------------------------------------------------------------


def _easter(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month = (h + j - 7 * m + 114) // 31
    return date(year, month, (h + j - 7 * m + 114) % 31 + 1)


def be_public_holidays(year: int) -> set[date]:
    """Belgian public holidays (law of 4 January 1974): the ten days on which no working day falls."""
    easter = _easter(year)
    fixed = {(1, 1), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25)}
    return {date(year, m, d) for m, d in fixed} | {easter + timedelta(days=n) for n in (1, 39, 50)}


def be_working_day_after(day: date, count: int) -> date:
    """The ``count``-th working day after ``day``: Monday to Friday, Belgian public holidays left out."""
    found = 0
    while found < count:
        day += ONE_DAY
        if day.weekday() < 5 and day not in be_public_holidays(day.year):
            found += 1
    return day


@dataclass(frozen=True)
class Notice:
    """The notice that starts a consumer's term: sent on ``sent``, term from ``start`` to ``end`` inclusive."""

    sent: date
    by: str
    start: date
    end: date

    @property
    def costs_from(self) -> date:
        """The first day on which the consumer's costs can be owed: the day after the term."""
        return self.end + ONE_DAY


def notice_term(country: str, sent: date, by: str) -> Notice:
    """The term a consumer notice sent on ``sent`` gives, by each country's rule.

    NL (art. 6:96 lid 6 BW, HR 25-11-2016, ECLI:NL:HR:2016:2704): 14 days from the day after receipt; a letter
    is assumed received the day after it was posted, an e-mail on the day it was sent. BE (art. XIX.2 CEL): 14
    calendar days from the third working day after a paper reminder was sent, or from the day after an e-mail.
    FR (art. 1231-6 C. civ.): no term: interest runs from the day after the mise en demeure's date.
    """
    days = rules.integer("nl_consumer_letter_days" if country == "NL" else "be_consumer_grace_days")
    if country == "NL":
        receipt = sent if by == "email" else sent + ONE_DAY
        start = receipt + ONE_DAY
    elif country == "BE":
        start = sent + ONE_DAY if by == "email" else be_working_day_after(
            sent, rules.integer("be_notice_post_working_days"))
    else:
        return Notice(sent, by, sent + ONE_DAY, sent)
    return Notice(sent, by, start, start + timedelta(days=days - 1))


@dataclass(slots=True)
class State:
    """One invoice while the claim is worked out; amounts in cents."""

    invoice: Invoice
    principal: int
    through: date  # interest is counted up to and including this day
    capitalised: int = 0  # unpaid interest of past years, now part of the base (compounding only)
    accrued: int = 0  # unpaid interest of the running year (compounding) or of all time (simple)
    interest_total: int = 0
    interest_paid: int = 0
    principal_paid: int = 0
    costs: int = 0  # the flat compensation this invoice brought (business debtors; shown per invoice)
    late: bool = False
    years: int = 1
    first: date = _FAR_FUTURE  # the first day of interest
    anniversary: date = _FAR_FUTURE  # the last day of the running year of interest

    def open(self) -> bool:
        return self.principal > 0 or self.capitalised > 0 or self.accrued > 0


#: Cost bases that are a flat amount per late invoice.
FLAT_BASES = ("nl_b2b_minimum", "be_b2b_flat", "fr_b2b_flat")


@dataclass
class Costs:
    """The claim's recovery costs (cents): what is owed on a day depends on the kind of debtor and the notice."""

    basis: str
    flat: int  # per late invoice (business debtors)
    agreed: int | None = None  # NL business terms with an agreed amount
    notice: Notice | None = None
    covered_before: date = _FAR_PAST  # a consumer notice covers the invoices due before its date
    late_count: int = 0
    late_principal: int = 0  # principal of the invoices when they became late
    unpaid_after_term: int | None = None  # consumers: principal still unpaid at the end of the notice's term
    paid: int = 0

    def total(self) -> int:
        """Every cost owed so far (paid or not)."""
        if self.basis in FLAT_BASES:
            return self.flat * self.late_count
        if self.basis == "nl_b2b_scale":
            if not self.late_count:
                return 0
            return max(to_cents(wik_costs(from_cents(self.late_principal))), self.flat * self.late_count)
        if self.basis == "nl_b2b_agreed":
            return max(self.agreed or 0, self.flat * self.late_count) if self.late_count else 0
        if self.unpaid_after_term:
            return to_cents(scale_costs(self.basis, from_cents(self.unpaid_after_term)))
        return 0

    def owed(self) -> int:
        return self.total() - self.paid


def scale_costs(basis: str, principal: Decimal) -> Decimal:
    """The consumer's costs on ``principal`` by ``basis`` (the NL scale, the BE cap, nothing in FR)."""
    if principal <= 0:
        return Decimal(0)
    if basis == "nl_wik_scale":
        return wik_costs(principal)
    if basis == "be_consumer_cap":
        return be_consumer_damages(principal)
    return Decimal(0)


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
        limit = MAX_PERIODS_RETURNED if self.keep_periods else EXPLAINED_PERIODS
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
                    self.missing.add(starts[position])
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
                    if self.period_count <= limit:
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
                    if len(self.capitalisations) <= EXPLAINED_PERIODS:
                        self.capitalisations.append((s.invoice.index, end, s.accrued, s.principal + s.capitalised))
                    else:
                        self.capitalisations.append((s.invoice.index, end, 0, 0))
                    s.accrued = 0
                s.years += 1
                s.anniversary = year_end(s.first, s.years)
            day = end + ONE_DAY
        if to > s.through:
            s.through = to


def _pct(rate: Decimal) -> str:
    return f"{rate.normalize(context=CONTEXT):f}"


def _cost_model(inputs: Inputs) -> tuple[str, list[str]]:
    country, debtor = inputs.country, inputs.debtor
    if debtor == "business":
        if country == "NL":
            return {"scale": "nl_b2b_scale", "flat": "nl_b2b_minimum", "agreed": "nl_b2b_agreed"}[
                inputs.nl_business_costs], []
        return {"BE": "be_b2b_flat", "FR": "fr_b2b_flat"}[country], []
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
    """The most a Belgian consumer may be charged as damages (art. XIX.4 CEL)."""
    if principal <= 0:
        return Decimal(0)
    for band in rates_module.BE_CONSUMER_DAMAGES:
        if band.up_to is None or principal <= band.up_to:
            extra = CONTEXT.divide(CONTEXT.multiply(principal - band.above, band.pct), Decimal(100))
            return min(cents(band.fixed + extra), rates_module.BE_CONSUMER_DAMAGES_MAX)
    raise AssertionError("the last band has no upper end")


def _interest_start(inputs: Inputs, notice: Notice | None, invoice: Invoice) -> date | None:
    """The first day of interest of ``invoice``, or ``None`` when none runs (a consumer without notice)."""
    if inputs.debtor == "business" or inputs.country == "NL":
        return invoice.due + ONE_DAY
    if notice is None or invoice.due >= notice.sent:
        return None
    if inputs.country == "BE":  # after the free first reminder's term
        return max(invoice.due + ONE_DAY, notice.costs_from)
    return max(invoice.due + ONE_DAY, notice.sent + ONE_DAY)  # FR: from the mise en demeure


def steps_needed(inputs: Inputs, compound: bool) -> int:
    """An upper bound of the interest periods the claim needs (half-years, yearly additions, payments)."""
    total = 2 * len(inputs.payments)
    until = inputs.until
    for invoice in inputs.invoices:
        if invoice.due < until:
            years = until.year - invoice.due.year + 1
            total += 2 * years + 1 + (years if compound else 0)
    return total


def schedule_key(inputs: Inputs) -> tuple[Any, ...]:
    """Everything :func:`build_schedule` reads: claims with the same key share one schedule."""
    return (inputs.country, inputs.debtor, inputs.agreed_rate, tuple(sorted(inputs.user_rates.items())),
            tuple(sorted(inputs.ecb_rates.items())))


def compute(inputs: Inputs, lang: str, schedules: dict[tuple[Any, ...], Schedule] | None = None) -> dict[str, Any]:
    """The claim. ``schedules``: a run over many claims (the collections run) passes one dict for all of them,
    so that the rate schedule of each basis is cut once per run rather than once per claim."""
    compound = inputs.agreed_rate_compound if inputs.agreed_rate is not None else inputs.country == "NL"
    needed = steps_needed(inputs, compound)
    if needed > MAX_STEPS:
        errors = Errors(lang)
        errors.add("invoices", "claim_too_long", steps=needed, maximum=MAX_STEPS)
        return errors.as_result()
    if schedules is None:
        schedule = build_schedule(inputs)
    else:
        key = schedule_key(inputs)
        schedule = schedules.get(key)
        if schedule is None:
            schedule = schedules[key] = build_schedule(inputs)
    claim = _claim(inputs, lang, schedule, compound, inputs.until)
    partial: dict[str, Any] | None = None
    if claim["work"].missing:
        missing = sorted(claim["work"].missing)
        first = missing[0]
        starts = [claim["start"][s.invoice.index] for s in claim["states"] if claim["start"][s.invoice.index]]
        if not starts or first <= min(starts):
            return _missing_error(inputs, lang, missing)
        cut = first - ONE_DAY
        shorter = Inputs(**{**inputs.__dict__, "until": cut,
                            "payments": [p for p in inputs.payments if p.day <= cut]})
        claim = _claim(shorter, lang, schedule, compound, cut)
        if "error" in claim:
            return claim["error"]
        partial = {"until": cut, "missing": missing,
                   "payments_left_out": len(inputs.payments) - len(shorter.payments)}
    if "error" in claim:
        return claim["error"]
    return _result(inputs, lang, claim, partial)


def _missing_error(inputs: Inputs, lang: str, missing: list[date]) -> dict[str, Any]:
    errors = Errors(lang)
    path = "rates"
    for start in missing[:MAX_MISSING_REPORTED]:
        path = _missing_field(inputs, start)
        code = "ecb_rate_missing" if path == "ecb_rates" else "rate_missing"
        errors.add(path, code, half=rates_module.period_label(start), start=start.isoformat(),
                   end=(_next_half(start) - ONE_DAY).isoformat())
    if len(missing) > MAX_MISSING_REPORTED:
        errors.add(path, "rate_missing_more", count=len(missing) - MAX_MISSING_REPORTED,
                   last=rates_module.period_label(missing[-1]))
    return errors.as_result()


def _missing_field(inputs: Inputs, start: date) -> str:
    """Where the user fills a missing half-year: the ECB rate (commercial tables, from 2013-H2) or the rate."""
    business = inputs.debtor == "business" and inputs.agreed_rate is None
    return "ecb_rates" if business and start >= ECB_RULE_FROM else "rates"


def _claim(inputs: Inputs, lang: str, schedule: Schedule, compound: bool, until: date) -> dict[str, Any]:
    """The claim up to ``until``: the run, the invoices' states, the payments' allocations and the costs."""
    country, debtor = inputs.country, inputs.debtor
    work = Run(schedule, compound, inputs.include_periods)
    basis, _ = _cost_model(inputs)
    notice = notice_term(country, inputs.notice_date, inputs.notice_by) \
        if inputs.notice_date is not None and debtor == "consumer" else None
    flat = to_cents(rules.decimal("late_compensation_eur")) if debtor == "business" else 0
    costs = Costs(basis, flat, to_cents(inputs.agreed_costs) if inputs.agreed_costs is not None else None, notice)
    states = []
    start: dict[int, date | None] = {}
    for invoice in inputs.invoices:
        first = _interest_start(inputs, notice, invoice)
        start[invoice.index] = first
        through = _FAR_FUTURE if first is None else first - ONE_DAY
        states.append(State(invoice, to_cents(invoice.amount), through, first=first or _FAR_FUTURE,
                            anniversary=year_end(first, 1) if first else _FAR_FUTURE))
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
                s.costs = flat if basis in FLAT_BASES else 0
                costs.late_count += 1
                costs.late_principal += s.principal
            late_pointer += 1

    def close_term(day: date) -> None:
        """On the first day after the notice's term: the principal then unpaid carries the consumer's costs."""
        if notice is not None and costs.unpaid_after_term is None and day > notice.end:
            costs.unpaid_after_term = sum(s.principal for s in states if s.invoice.due < notice.sent)

    def pay_costs(left: int, split: dict[str, int]) -> int:
        part = min(left, costs.owed())
        costs.paid += part
        split["costs"] += part
        return left - part

    for payment in sorted(inputs.payments, key=lambda p: (p.day, p.index)):
        # An invoice is late from the day after its due date; a payment on a day finds that day's interest owed.
        mark_late(payment.day)
        close_term(payment.day)
        left = to_cents(payment.amount)
        split = {"costs": 0, "interest": 0, "principal": 0}
        touched: list[int] = []
        if country == "NL":
            left = pay_costs(left, split)  # art. 6:44 lid 1 BW: costs first
        position = pay_pointer
        while left > 0 and position < len(order):
            s = order[position]
            work.accrue(s, payment.day)
            before = left
            part = min(left, s.capitalised + s.accrued)
            from_capitalised = min(part, s.capitalised)  # the oldest interest first
            s.capitalised -= from_capitalised
            s.accrued -= part - from_capitalised
            s.interest_paid += part
            split["interest"] += part
            left -= part
            if country == "FR":
                left = pay_costs(left, split)  # accessories before the principal
            part = min(left, s.principal)
            s.principal -= part
            s.principal_paid += part
            split["principal"] += part
            left -= part
            if left != before:
                touched.append(s.invoice.index)
            if not s.open() and position == pay_pointer:
                pay_pointer += 1
            position += 1
        if left > 0:
            left = pay_costs(left, split)  # BE: the costs last (and whatever else is left of them)
        if left > 0:
            errors = Errors(lang)
            errors.add(f"payments[{payment.index - 1}].amount", "payment_exceeds_owed",
                       excess=cents_text(left), date=payment.day.isoformat())
            return {"error": errors.as_result(), "work": work, "states": states, "start": start}
        allocations.append({"payment": payment.index, "date": payment.day.isoformat(),
                            "amount": text(payment.amount), "to_costs": cents_text(split["costs"]),
                            "to_interest": cents_text(split["interest"]),
                            "to_principal": cents_text(split["principal"]), "invoices": touched})

    mark_late(until)
    close_term(until)
    for s in order:
        if s.invoice.due < until:
            work.accrue(s, until)
    return {"work": work, "states": states, "allocations": allocations, "costs": costs, "notice": notice,
            "basis": basis, "start": start, "until": until}


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


def _result(inputs: Inputs, lang: str, claim: dict[str, Any], partial: dict[str, Any] | None) -> dict[str, Any]:
    work: Run = claim["work"]
    states: list[State] = claim["states"]
    allocations: list[dict[str, Any]] = claim["allocations"]
    costs_state: Costs = claim["costs"]
    notice: Notice | None = claim["notice"]
    basis: str = claim["basis"]
    until: date = claim["until"]
    _, conditions = _cost_model(inputs)
    explain = Explanation(lang, NAME)
    country, debtor = inputs.country, inputs.debtor
    table = rates_module.table(country, debtor)
    principal = sum(to_cents(i.amount) for i in inputs.invoices)
    paid = sum(to_cents(p.amount) for p in inputs.payments if p.day <= until)
    late_states = [s for s in states if s.late]

    costs_total = costs_state.total()
    costs_paid = costs_state.paid
    costs = costs_total - costs_paid
    principal_paid = sum(s.principal_paid for s in states)
    principal_out = principal - principal_paid
    interest_total = sum(s.interest_total for s in states)
    interest_paid = sum(s.interest_paid for s in states)
    interest = interest_total - interest_paid
    total = principal_out + interest + costs
    if max(total, interest_total, costs_total) > MAX_TOTAL_CENTS:
        errors = Errors(lang)
        errors.add("agreed_rate_pct" if inputs.agreed_rate is not None else "until", "claim_too_large")
        return errors.as_result()
    late_principal = from_cents(costs_state.late_principal)
    outstanding_late = from_cents(sum(s.principal for s in states if s.invoice.due < until))
    if debtor == "consumer":
        after_notice = to_cents(scale_costs(basis, outstanding_late))
    else:
        after_notice = costs
    wik_info = wik_costs(late_principal) if country == "NL" and late_states else Decimal(0)

    def money(amount: int) -> str:
        return explain.money(from_cents(amount))

    def day(value: date) -> str:
        return explain.date(value)

    # -- explanation ----------------------------------------------------------------------------------
    if inputs.agreed_rate is not None:
        explain.step("rule_agreed", rate=explain.pct(inputs.agreed_rate))
    else:
        explain.step(f"rule_{country}_{debtor}", last=table.last_period)
    if work.compound:
        explain.step("compound_yearly" if inputs.agreed_rate is None else "compound_agreed")
    else:
        explain.step("simple" if inputs.agreed_rate is None or country != "NL" else "agreed_not_compounded")
    explain.step("day_count")
    explain.step("rounding")
    if debtor == "consumer":
        if notice is not None:
            explain.step(f"notice_{country}_{notice.by}" if country == "BE" else f"notice_{country}",
                         sent=day(notice.sent), start=day(notice.start), end=day(notice.end),
                         after=day(notice.costs_from), days=rules.integer("nl_consumer_letter_days"),
                         receipt=day(notice.start - ONE_DAY))
        else:
            explain.step(f"no_notice_{country}", after=money(after_notice))
    for start in sorted(inputs.user_rates):
        explain.step("user_rate", half=rates_module.period_label(start), rate=explain.pct(inputs.user_rates[start]))
    schedule = work.schedule
    for i in sorted(work.used):
        if schedule.kinds[i] == "ecb" and schedule.starts[i].month in (1, 7) and schedule.starts[i].day == 1:
            explain.step("ecb_rate", half=rates_module.period_label(schedule.starts[i]),
                         ecb=explain.pct(inputs.ecb_rates.get(schedule.starts[i], Decimal(0))),
                         rate=explain.pct(schedule.rates[i] or Decimal(0)))
    if inputs.ecb_rates and (debtor == "consumer" or inputs.agreed_rate is not None):
        explain.step("ecb_not_used")
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
    for index, on, amount, base in work.capitalisations[:EXPLAINED_PERIODS]:
        explain.step("capitalised", invoice=_name(index, references[index]), date=explain.date(on),
                     interest=money(amount), base=money(base))
    if len(work.capitalisations) > EXPLAINED_PERIODS:
        explain.step("more_capitalised", count=len(work.capitalisations) - EXPLAINED_PERIODS)
    if allocations:
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
    unpaid_after_term = costs_state.unpaid_after_term
    if debtor == "consumer" and country != "FR":
        if notice is None or notice.end >= until:
            explain.step(f"costs_{basis}_not_yet", after=money(after_notice), principal=money(
                to_cents(outstanding_late)), grace=rules.integer("be_consumer_grace_days"),
                days=rules.integer("nl_consumer_letter_days"))
        else:
            explain.step("costs_" + basis, principal=money(unpaid_after_term or 0), costs=money(costs_total),
                         end=day(notice.end))
    else:
        explain.step("costs_" + basis, count=len(late_states),
                     flat=explain.money(rules.decimal("late_compensation_eur")),
                     principal=explain.money(late_principal), costs=money(costs_total),
                     scale=explain.money(wik_info),
                     agreed=explain.money(inputs.agreed_costs or Decimal(0)))
    if costs_paid:
        explain.step("costs_paid", paid=money(costs_paid), owed=money(costs))
    warnings = _warnings(inputs, work, explain)
    if partial is not None:
        missing = partial["missing"]
        what = "partial_ecb" if debtor == "business" and inputs.agreed_rate is None else "partial_rates"
        warnings.append({"code": "partial", "text": explain.text(
            "warning." + what, until=day(partial["until"]), asked=day(inputs.until),
            halves=", ".join(rates_module.period_label(m) for m in missing[:MAX_MISSING_REPORTED])
            + (explain.text("and_more", count=len(missing) - MAX_MISSING_REPORTED)
               if len(missing) > MAX_MISSING_REPORTED else ""))})
        if partial["payments_left_out"]:
            warnings.append({"code": "payments_left_out", "text": explain.text(
                "warning.payments_left_out", count=partial["payments_left_out"], until=day(partial["until"]))})
    for warning in warnings:
        explain.steps.append({"code": warning["code"], "text": warning["text"]})
    explain.step("total", principal=money(principal_out), interest=money(interest), costs=money(costs),
                 total=money(total))

    invoices = [{
        "invoice": s.invoice.index, "reference": s.invoice.reference, "amount": text(s.invoice.amount),
        "due_date": work.iso(s.invoice.due), "days_late": max(0, (until - s.invoice.due).days),
        "status": _status(s, until), "open": s.open(),
        "interest": cents_text(s.interest_total), "interest_paid": cents_text(s.interest_paid),
        "principal_paid": cents_text(s.principal_paid), "principal_outstanding": cents_text(s.principal),
        "costs": cents_text(s.costs),
        "interest_from": claim["start"][s.invoice.index].isoformat() if claim["start"][s.invoice.index] else None,
    } for s in states]
    rates_used = [{"from": schedule.starts[i].isoformat(), "to": schedule.ends[i].isoformat(),
                   "rate_pct": schedule.texts[i], "source": schedule.kinds[i], "published": schedule.published[i]}
                  for i in sorted(work.used)]
    missing_rates: list[dict[str, Any]] = []
    missing_more = 0
    if partial is not None:
        for m in partial["missing"][:MAX_MISSING_REPORTED]:
            missing_rates.append({"half": rates_module.period_label(m), "from": m.isoformat(),
                                  "to": (_next_half(m) - ONE_DAY).isoformat(), "field": _missing_field(inputs, m)})
        missing_more = max(0, len(partial["missing"]) - MAX_MISSING_REPORTED)
    result: dict[str, Any] = {
        "country": country,
        "debtor": debtor,
        "until": until.isoformat(),
        "rate_basis": "agreed" if inputs.agreed_rate is not None else table.key,
        "compounding": "yearly" if work.compound else "simple",
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
        "costs_conditions": conditions if costs_total or after_notice else [],
        "costs_after_notice": cents_text(after_notice),
        "interest_conditions": _interest_conditions(country, debtor),
        "wik_scale_costs": text(wik_info) if country == "NL" else None,
        "notice": None if notice is None else {
            "date": notice.sent.isoformat(), "by": notice.by, "term_start": notice.start.isoformat(),
            "term_end": notice.end.isoformat(),
            "costs_from": notice.costs_from.isoformat() if country != "FR" else None,
            "principal_unpaid_after_term": cents_text(unpaid_after_term) if unpaid_after_term is not None else None},
        "total": cents_text(total),
        "late_invoices": len(late_states),
        "period_count": work.period_count,
        "periods": work.periods if inputs.include_periods else [],
        "periods_truncated": inputs.include_periods and work.period_count > len(work.periods),
        "invoices": invoices,
        "payments": allocations,
        "rates_used": rates_used,
        "partial": partial is not None,
        "partial_until": partial["until"].isoformat() if partial is not None else None,
        "missing_rates": missing_rates,
        "missing_rates_more": missing_more,
        "payments_left_out": partial["payments_left_out"] if partial is not None else 0,
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
