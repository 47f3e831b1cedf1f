"""How the ledger is doing: days sales outstanding, payment behaviour per customer, a bad-debt provision.

Pure functions over :class:`calculators.ledgers.model.Document` (invoices and credit notes) and a
reference date; they return plain figures (``Decimal``, ``int``) that the receivables report
(:mod:`calculators.portfolio`) writes out.

What counts as open on a day (:func:`open_on`): a document dated on or before that day, not written
off, and not paid by then. Its open amount is the file's ``open_amount`` when it gives one, else the
whole amount; a credit note is negative. The ledger does not say when a part payment came, so on an
earlier day a document still unpaid today counts with what is open today (what is known to have been
open then at least). A written-off document is no longer a receivable: it counts as sales, never as
open.

The rules, in plain words (the guide ``receivables-health.md`` works them on the example ledger):

* **DSO** (:func:`dso`): open receivables on the reference date ÷ the amount invoiced in the 365 days up
  to it (credit notes deducted) × 365. **Countback DSO** (:func:`dso_countback`): take the open balance,
  deduct each calendar month's invoicing newest month first (the reference date's month counts from its
  first day to the reference date), adding that month's days while the balance lasts; the month that
  exhausts it adds its share of days. **DSO per month** (:func:`dso_by_month`): the first rule at each of
  the last twelve month ends.
* **Payment behaviour** (:func:`behaviour`): on paid invoices, the amount-weighted average of the days
  paid after the due date (an early payment counts as 0 days late), and a 0-100 score after the Paydex
  weighting key (Dun & Bradstreet): each paid invoice scores by its days beyond terms on the scale
  :data:`SCORE_SCALE` (80 on the due date, 100 for 30 days early, falling with each day late), and the
  score is their amount-weighted average. The trend compares invoices paid in the last
  :data:`RECENT_MONTHS` months with those paid in the :data:`EARLIER_MONTHS` months before; a customer
  whose average rose by :data:`PAYING_LATER_DAYS` days or more is paying later.
* **Provision** (:func:`provision`): IFRS 9's simplified approach with a provision matrix (IFRS 9
  §5.5.15, B5.5.35): a rate per ageing bucket times the open amount in it. Open credit notes are first
  set against the customer's oldest open invoices, so no bucket is negative and the provision stays
  between nothing and the open balance. Rates are given, or learned from the ledger
  (:func:`rates_from_history`) when it holds enough settled invoices: per bucket, the share of the amount
  of settled invoices that reached that age which was written off in the end.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from typing import Any, NamedTuple

from .contract import Reader
from .dates import add_months
from .explain import Explanation
from .ledgers.model import INVOICE, Document
from .messages import format_number, message
from .money import CONTEXT, HUNDRED, cents, text

#: DSO's period: the invoicing of this many days up to the date, scaled to as many days.
YEAR_DAYS = 365
#: Month ends in the DSO history.
HISTORY_MONTHS = 12
#: Behaviour trend: the last months against the months before them.
RECENT_MONTHS = 3
EARLIER_MONTHS = 12
#: A customer whose average days late rose by this many days or more is flagged as paying later.
PAYING_LATER_DAYS = 10
#: (days beyond terms, score): the Paydex weighting key's points (100 anticipates, 80 prompt, 70 at 15 days
#: beyond terms, 60 at 22, 50 at 30, 40 at 60, 30 at 90, 20 at 120), joined by straight lines. The key gives
#: no score beyond 120 days: this report lowers it on to 0 at 180 days, so each day late lowers the score.
SCORE_SCALE: tuple[tuple[int, int], ...] = (
    (-30, 100), (0, 80), (15, 70), (22, 60), (30, 50), (60, 40), (90, 30), (120, 20), (180, 0))
#: Rates learned from the ledger need at least this many settled invoices (paid or written off), at least
#: this many of them written off, and at least this many settled invoices that reached every bucket.
MIN_SETTLED = 100
MIN_WRITTEN_OFF = 1
MIN_PER_BUCKET = 10

_DAY = Decimal("0.1")
NOT_DUE = "not_due"

#: Ageing buckets, as :data:`calculators.portfolio.AGING` gives them: (code, first day overdue, last or None).
Aging = Sequence[tuple[str, int, int | None]]


def _days(value: Decimal) -> Decimal:
    return value.quantize(_DAY, rounding=ROUND_HALF_UP, context=CONTEXT)


def open_on(document: Document, day: date) -> Decimal:
    """What of ``document`` was open at the end of ``day`` (see the module's rules); signed.

    >>> from datetime import date as d
    >>> invoice = Document("A", Decimal("100"), d(2026, 1, 5), 30, d(2026, 2, 4), d(2026, 3, 1), None, None, 0, None)
    >>> open_on(invoice, d(2026, 2, 28)), open_on(invoice, d(2026, 3, 1)), open_on(invoice, d(2026, 1, 4))
    (Decimal('100'), Decimal('0'), Decimal('0'))
    """
    if document.written_off or document.invoice_date > day:
        return Decimal(0)
    if document.paid_date is not None:
        return Decimal(0) if document.paid_date <= day else document.amount
    return document.amount if document.open_amount is None else document.open_amount


def _still_open(document: Document) -> Decimal:
    """The open amount of a document not written off and unpaid; what it counts for until its payment."""
    if document.paid_date is not None:
        return document.amount
    return document.amount if document.open_amount is None else document.open_amount


# -- days sales outstanding ------------------------------------------------------------------------------------


def receivables(documents: Iterable[Document], day: date) -> Decimal:
    """All that was open at the end of ``day`` (credit notes deducted)."""
    return sum((open_on(document, day) for document in documents), Decimal(0))


def invoiced(documents: Iterable[Document], after: date, until: date) -> Decimal:
    """The amount invoiced after ``after`` up to and including ``until`` (credit notes deducted)."""
    return sum((d.amount for d in documents if after < d.invoice_date <= until), Decimal(0))


def dso_from(open_total: Decimal, sales: Decimal) -> Decimal | None:
    """``open_total`` ÷ a year's ``sales`` × 365, in days to one decimal; ``None`` without sales.

    >>> dso_from(Decimal("5000"), Decimal("36500"))
    Decimal('50.0')
    >>> dso_from(Decimal("-20"), Decimal("36500")), dso_from(Decimal("5000"), Decimal("0"))
    (Decimal('0.0'), None)
    """
    if sales <= 0:
        return None
    if open_total <= 0:  # a credit balance: nothing outstanding
        return _days(Decimal(0))
    return _days(CONTEXT.divide(CONTEXT.multiply(open_total, YEAR_DAYS), sales))


def dso(documents: Sequence[Document], as_of: date) -> Decimal | None:
    """Days sales outstanding on ``as_of``: open ÷ invoiced in the 365 days up to it × 365.

    Open 5,000 and 36,500 invoiced in the year: 5,000 ÷ 36,500 × 365 = 50.0 days.
    """
    return dso_from(receivables(documents, as_of), invoiced(documents, as_of - timedelta(YEAR_DAYS), as_of))


def dso_countback(documents: Sequence[Document], as_of: date) -> Decimal | None:
    """The countback DSO on ``as_of``, over calendar months with their actual days, newest month first.

    Open 5,000 on 15 March 2026; invoiced 2,000 from 1 to 15 March, 2,800 in February, 3,100 in
    January: 5,000 - 2,000 leaves 3,000 (15 days), - 2,800 leaves 200 (+ 28 days), and 200 is
    200 ÷ 3,100 of January's 31 days (2.0): 45.0 days. ``None`` when there is nothing invoiced
    to count back against, or the open balance is larger than everything invoiced.
    """
    if not documents:
        return None
    by_month: dict[int, Decimal] = {}
    for d in documents:
        if d.invoice_date <= as_of:
            key = d.invoice_date.year * 12 + d.invoice_date.month
            by_month[key] = by_month.get(key, Decimal(0)) + d.amount
    return _countback(receivables(documents, as_of), by_month, as_of, min(d.invoice_date for d in documents))


class MonthDSO(NamedTuple):
    month_end: date
    open: Decimal
    invoiced: Decimal  # in the 365 days up to month_end
    dso_days: Decimal | None


def month_ends(as_of: date, months: int = HISTORY_MONTHS) -> list[date]:
    """The last ``months`` month ends on or before ``as_of``, oldest first.

    >>> [d.isoformat() for d in month_ends(date(2026, 3, 15), 3)]
    ['2025-12-31', '2026-01-31', '2026-02-28']
    """
    last = as_of if (as_of + timedelta(1)).day == 1 else as_of.replace(day=1) - timedelta(1)
    ends = [last]
    for _ in range(months - 1):
        ends.append(ends[-1].replace(day=1) - timedelta(1))
    return ends[::-1]


def dso_by_month(documents: Iterable[Document], as_of: date, months: int = HISTORY_MONTHS) -> list[MonthDSO]:
    """:func:`dso` at each of the last ``months`` month ends, from the ledger's own history.

    One pass over the documents: each adds its open amount to the month ends between its date and its
    payment, and its amount to the month ends whose year it falls in.
    """
    ends = month_ends(as_of, months)
    count = len(ends)
    open_diff = [Decimal(0)] * (count + 1)
    sales_diff = [Decimal(0)] * (count + 1)
    year = timedelta(YEAR_DAYS)
    for d in documents:
        first = bisect_left(ends, d.invoice_date)
        if first == count:
            continue
        sales_diff[first] += d.amount
        sales_diff[bisect_left(ends, d.invoice_date + year)] -= d.amount
        if d.written_off:
            continue
        value = _still_open(d)
        if value:
            open_diff[first] += value
            open_diff[count if d.paid_date is None else bisect_left(ends, d.paid_date)] -= value
    result = []
    open_total = sales = Decimal(0)
    for index, end in enumerate(ends):
        open_total += open_diff[index]
        sales += sales_diff[index]
        result.append(MonthDSO(end, open_total, sales, dso_from(open_total, sales)))
    return result


# -- payment behaviour ----------------------------------------------------------------------------------------


def score(days_late: int) -> Decimal:
    """One payment's score on :data:`SCORE_SCALE`, unrounded.

    On time 80; 15 days late 70; 45 days early 100 (the top); 40 days late is a third of the way from
    50 (30 days) to 40 (60 days): 46.67; 200 days late 0.

    >>> score(0), score(15), score(-45), round(score(40), 2), score(200)
    (Decimal('80'), Decimal('70'), Decimal('100'), Decimal('46.67'), Decimal('0'))
    """
    if days_late <= SCORE_SCALE[0][0]:
        return Decimal(SCORE_SCALE[0][1])
    for (d0, s0), (d1, s1) in pairwise(SCORE_SCALE):
        if days_late <= d1:
            return CONTEXT.add(s0, CONTEXT.divide(Decimal((days_late - d0) * (s1 - s0)), d1 - d0))
    return Decimal(SCORE_SCALE[-1][1])


class Behaviour(NamedTuple):
    paid_count: int
    days_late: Decimal | None  # amount-weighted average, early counted as 0
    score: int | None
    recent_days_late: Decimal | None  # paid in the last RECENT_MONTHS months
    earlier_days_late: Decimal | None  # paid in the EARLIER_MONTHS months before those
    trend_days: Decimal | None  # recent - earlier
    paying_later: bool


def _weighted(pairs: list[tuple[Decimal, Decimal]]) -> Decimal | None:
    weight = sum((amount for amount, _ in pairs), Decimal(0))
    if not weight:
        return None
    return CONTEXT.divide(sum((CONTEXT.multiply(amount, value) for amount, value in pairs), Decimal(0)), weight)


def behaviour(documents: Iterable[Document], as_of: date) -> Behaviour:
    """How one customer pays: average days late, score and trend, from its paid invoices.

    Two invoices: 1,000 paid on its due date (score 80, 0 days late) and 3,000 paid 30 days late (50):
    days late (1,000 × 0 + 3,000 × 30) ÷ 4,000 = 22.5; score (1,000 × 80 + 3,000 × 50) ÷ 4,000 = 57.5,
    shown as 58. If the first was paid 10 months before ``as_of`` and the second 1 month before, the
    earlier average is 0, the recent one 30: the trend is +30.0 days and the customer pays later.
    Credit notes, written-off and unpaid invoices have no payment to judge.
    """
    recent_from = add_months(as_of, -RECENT_MONTHS)
    earlier_from = add_months(as_of, -RECENT_MONTHS - EARLIER_MONTHS)
    late: list[tuple[Decimal, Decimal]] = []
    scores: list[tuple[Decimal, Decimal]] = []
    recent: list[tuple[Decimal, Decimal]] = []
    earlier: list[tuple[Decimal, Decimal]] = []
    for d in documents:
        if d.paid_date is None or d.written_off or d.amount <= 0 or d.paid_date > as_of:
            continue
        days = (d.paid_date - d.due_date).days
        pair = (d.amount, Decimal(max(0, days)))
        late.append(pair)
        scores.append((d.amount, score(days)))
        if d.paid_date > recent_from:
            recent.append(pair)
        elif d.paid_date > earlier_from:
            earlier.append(pair)
    average = _weighted(late)
    weighted_score = _weighted(scores)
    recent_avg, earlier_avg = _weighted(recent), _weighted(earlier)
    trend = None if recent_avg is None or earlier_avg is None else _days(recent_avg) - _days(earlier_avg)
    return Behaviour(
        len(late), None if average is None else _days(average),
        None if weighted_score is None else int(weighted_score.quantize(Decimal(1), rounding=ROUND_HALF_UP)),
        None if recent_avg is None else _days(recent_avg), None if earlier_avg is None else _days(earlier_avg),
        trend, trend is not None and trend >= PAYING_LATER_DAYS)


# -- the provision ----------------------------------------------------------------------------------------------


def bucket_of(days_overdue: int, aging: Aging) -> str:
    """The ageing bucket of an invoice ``days_overdue`` days past its due date (0 or less: not due)."""
    if days_overdue <= 0:
        return NOT_DUE
    for code, _first, last in aging:
        if last is None or days_overdue <= last:
            return code
    raise AssertionError(days_overdue)  # pragma: no cover -- the last bucket has no end


def open_buckets(documents: Iterable[Document], as_of: date, aging: Aging) -> dict[str, Decimal]:
    """One customer's open invoices by age on ``as_of``, after setting its open credit against them.

    An open credit (a credit note, an overpayment) is set against the oldest open invoices first, as
    a payment would be; so every bucket is zero or more and they add up to the net open balance, or to
    nothing when the credit is larger. Invoice 1,000 90+ days overdue and credit note -300 not due:
    700 in ``days_over_90``, nothing in ``not_due``.
    """
    invoices: list[tuple[date, Decimal]] = []
    credit = Decimal(0)
    for d in documents:
        value = open_on(d, as_of)
        if value > 0:
            invoices.append((d.due_date, value))
        elif value < 0:
            credit -= value
    return _age_after_credit(invoices, credit, as_of, aging)


def _age_after_credit(invoices: list[tuple[date, Decimal]], credit: Decimal, as_of: date,
                      aging: Aging) -> dict[str, Decimal]:
    """Open ``invoices`` (due date, open amount) by age on ``as_of``, ``credit`` set against the oldest first."""
    buckets = dict.fromkeys((NOT_DUE, *(code for code, _, _ in aging)), _ZERO)
    for due, value in sorted(invoices, key=lambda item: item[0]) if credit else invoices:
        if credit:
            used = min(credit, value)
            credit -= used
            value -= used
            if not value:
                continue
        buckets[bucket_of((as_of - due).days, aging)] += value
    return buckets


def provision(buckets: dict[str, Decimal], rates_pct: dict[str, Decimal]) -> Decimal:
    """The provision matrix applied: Σ rate × open amount per bucket, rounded to cents at the end.

    1,000 not due at 1% and 500 over 90 days at 50%: 10 + 250 = 260.00.
    """
    total = sum((CONTEXT.multiply(amount, rates_pct[code]) for code, amount in buckets.items()), Decimal(0))
    return cents(CONTEXT.divide(total, HUNDRED))


def insured_part(provision_amount: Decimal, open_total: Decimal, payout: Decimal) -> Decimal:
    """The part of a customer's provision the cover would pay back: its payout's share of the open balance.

    Provision 260 on an open balance of 1,500 whose payout if the customer failed is 1,080 (72%):
    260 × 1,080 ÷ 1,500 = 187.20 insured, 72.80 not.
    """
    if open_total <= 0 or provision_amount <= 0:
        return Decimal(0)
    return cents(CONTEXT.divide(CONTEXT.multiply(provision_amount, min(payout, open_total)), open_total))


class History(NamedTuple):
    settled: int  # invoices paid or written off
    written_off: int
    reached: dict[str, int]  # settled invoices that reached each bucket
    rates_pct: dict[str, Decimal] | None  # None when the history is not enough


def rates_from_history(documents: Iterable[Document], as_of: date, aging: Aging) -> History:
    """Provision rates learned from the ledger: per bucket, the written-off share of what reached that age.

    A settled invoice reached every bucket up to its days overdue when paid; a written-off one, with no
    date for its write-off, every bucket. Rate = written-off amount ÷ amount of settled invoices that
    reached the bucket. Say 200 invoices of 100 were paid before their due date, 20 between 31 and 60 days
    late, and 2 written off: ``not_due`` 200 ÷ 22,200 = 0.90%, ``days_1_30`` and ``days_31_60``
    200 ÷ 2,200 = 9.09%, ``days_61_90`` and ``days_over_90`` 200 ÷ 200 = 100%; but only 2 invoices reached
    the last two buckets, fewer than :data:`MIN_PER_BUCKET`: not enough, no rates.
    """
    codes = (NOT_DUE, *(code for code, _, _ in aging))
    firsts = [first for _, first, _ in aging]
    reached = dict.fromkeys(codes, 0)
    amounts = dict.fromkeys(codes, Decimal(0))
    lost = Decimal(0)
    settled = written_off = 0
    for d in documents:
        if d.amount <= 0:
            continue
        if d.written_off:
            depth = len(codes)
            written_off += 1
            lost += d.amount if d.open_amount is None else d.open_amount
        elif d.paid_date is not None and d.paid_date <= as_of:
            overdue = (d.paid_date - d.due_date).days
            depth = 1 + sum(1 for first in firsts if overdue >= first)
        else:
            continue
        settled += 1
        for code in codes[:depth]:
            reached[code] += 1
            amounts[code] += d.amount
    enough = (settled >= MIN_SETTLED and written_off >= MIN_WRITTEN_OFF
              and all(count >= MIN_PER_BUCKET for count in reached.values()))
    rates = None
    if enough:
        rates = {code: cents(CONTEXT.divide(CONTEXT.multiply(min(lost, amounts[code]), HUNDRED), amounts[code]))
                 for code in codes}
    return History(settled, written_off, reached, rates)


# -- the same figures in one pass, for 100,000 rows ------------------------------------------------------------
# The functions above state the rules one figure at a time; the report needs them all on large ledgers, so these
# two compute the same figures in one pass over the ledger and one over each customer (the tests check that
# they equal the functions above on any ledger).

_ZERO = Decimal(0)


def _score_table() -> dict[int, Decimal]:
    first, last = SCORE_SCALE[0][0], SCORE_SCALE[-1][0]
    return {day: score(day) for day in range(first, last + 1)}


_SCORES = _score_table()
_TOP, _BOTTOM = _SCORES[SCORE_SCALE[0][0]], _SCORES[SCORE_SCALE[-1][0]]


class LedgerFigures(NamedTuple):
    open_total: Decimal
    invoiced: Decimal  # in the 365 days up to the reference date
    dso_days: Decimal | None
    countback_days: Decimal | None
    months: list[MonthDSO]
    history: History


class ReportRule(NamedTuple):
    """What the receivables report's own figures of a customer need beyond the documents: the self-assessment
    rule's figures on the reference date (:func:`calculators.self_assessment_limit.judge`)."""

    new_term: int  # a paid invoice counts only on a payment term at least this long
    oldest_paid: date  # and paid on or after this day
    max_days_late: int  # and at most this many days after its invoice date plus its term


class ReportFigures(NamedTuple):
    """One customer's figures as the receivables report (:mod:`calculators.portfolio`) counts them, gathered
    in :func:`ledger_pass`'s pass over its documents (100,000 rows are walked once, not once per module).

    Unlike the health figures, every document counts (dated after the reference date or written off too):
    open is the file's or the matching's open amount, else the amount while unpaid; an open credit lowers
    ``not_due``; an open invoice is in the bucket of its days past due (``aging``'s buckets).
    """

    open_total: Decimal
    overdue: Decimal
    aging: dict[str, Decimal]  # not_due and the overdue buckets
    oldest: Any  # the overdue open invoice with the earliest due date (the first of equals), or None
    open_count: int  # open invoices (not credits)
    paid_count: int  # documents with a payment date
    credit_count: int  # credit notes
    counted: Decimal  # the amount of the paid invoices the self-assessment rule counts


class CustomerFigures(NamedTuple):
    behaviour: Behaviour
    #: The open invoices (due date, open amount) and the open credit, for :meth:`buckets`.
    open_invoices: list[tuple[date, Decimal]]
    credit: Decimal
    #: The receivables report's figures, when :func:`ledger_pass` was given a :class:`ReportRule`.
    report: ReportFigures | None = None

    def buckets(self, as_of: date, aging: Aging) -> dict[str, Decimal]:
        """:func:`open_buckets` from what the pass kept: credit set against the oldest invoices first."""
        return _age_after_credit(self.open_invoices, self.credit, as_of, aging)


def _full(documents: Sequence[Any]) -> bool:
    """Whether the rows carry Document's fields beyond the first ten (``ledger.Invoice`` rows stop there)."""
    return bool(documents) and len(documents[0]) > 10


def ledger_pass(groups: Sequence[Sequence[Document]], as_of: date, aging: Aging, months: int = HISTORY_MONTHS,
                learn_rates: bool = True, report: ReportRule | None = None,
                ) -> tuple[LedgerFigures, list[CustomerFigures]]:
    """Every figure of the ledger and of each customer (``groups``: one list of documents per customer) in one
    pass over the rows: :func:`dso`, :func:`dso_countback`, :func:`dso_by_month`, :func:`rates_from_history`;
    per customer :func:`behaviour` and what :func:`open_buckets` needs.

    The functions above state the rules one figure at a time; on 100,000 rows the report cannot afford a pass
    per figure, so this one adds amounts up per day (invoiced, settled, never open) and per days overdue at
    payment, and makes the figures from those sums (a few hundred days rather than every row). The tests
    check that it gives what the functions above give, on any ledger.

    It also reads rows that have only Document's first ten fields (the first ledger reader's ``Invoice``):
    they have no open amount of their own and are not written off. (Converting 100,000 rows to Documents
    would cost about a tenth of the report's one-second budget.) The provision's history (how late each
    settled invoice was paid) is only gathered when ``learn_rates`` and the ledger has a write-off to learn
    from; otherwise ``history.reached`` is empty and ``history.rates_pct`` ``None``.

    Given ``report``, the same pass also counts each customer's :class:`ReportFigures` (the receivables
    report's open balance, ageing, oldest overdue invoice and self-assessment), so the report walks its rows
    once: a pass over 100,000 rows costs some 40 ms in reading them alone.
    """
    recent_from = add_months(as_of, -RECENT_MONTHS)
    earlier_from = add_months(as_of, -RECENT_MONTHS - EARLIER_MONTHS)
    # Amounts by invoice date, then by payment date (None: not paid): one addition per row for both the
    # invoicing per day and the payments per day, which are made from these after the pass.
    by_dates: dict[date, dict[date | None, Decimal]] = {}
    not_opened: dict[date, Decimal] = {}  # of each day's invoicing, what was never open (written off, part paid)
    open_total = lost = written_amount = _ZERO
    written = paid_total = 0
    by_dates_get, scores = by_dates.get, _SCORES.get
    top, bottom = _TOP, _BOTTOM
    customers: list[CustomerFigures] = []
    codes = tuple(code for code, _, _ in aging)
    lasts = tuple(last for _, _, last in aging if last is not None)  # only the last bucket is open-ended
    if report is not None:
        new_term, oldest_paid, max_late = report
    for documents in groups:
        full = _full(documents)
        open_invoices: list[tuple[date, Decimal]] = []
        credit = _ZERO
        paid_count = 0
        # The receivables report's figures (ReportFigures), when asked for.
        r_open = r_overdue = r_counted = r_not_due = _ZERO
        r_aging = dict.fromkeys(codes, _ZERO)
        r_oldest: Any = None
        r_oldest_due: date | None = None
        r_open_count = r_paid = r_credits = 0
        # Paid amounts by days overdue, per period of payment (recent, earlier, older): one addition per row,
        # the multiplications once per distinct number of days (Decimal arithmetic is what costs, in Pyodide most).
        recent_t: dict[int, Decimal] = {}
        earlier_t: dict[int, Decimal] = {}
        older_t: dict[int, Decimal] = {}
        for d in documents:
            invoiced_on = d[2]
            amount = d[1]
            paid = d[5]
            if report is not None:  # the report's figures: every document, whatever its date
                if paid is not None:
                    r_paid += 1
                left = d[10] if full else None
                if full and d[11] != INVOICE:
                    r_credits += 1
                elif paid is not None:  # a payment experience: does the self-assessment rule count it?
                    term = d[3]
                    if paid >= oldest_paid and term >= new_term:
                        late = (paid - invoiced_on).days - term  # days after the invoice date plus the term
                        if (late if late > 0 else 0) <= max_late:
                            r_counted += amount
                if left is None:
                    if paid is None:
                        left = amount  # unpaid: all of it (an unpaid invoice of nothing is still one open)
                elif not left:
                    left = None
                if left is not None:
                    r_open += left
                    if left < _ZERO:  # a credit not set against any invoice: it lowers the balance, due now
                        r_not_due += left
                    else:
                        r_open_count += 1
                        due = d[4]
                        overdue_days = (as_of - due).days
                        if overdue_days <= 0:
                            r_not_due += left
                        else:
                            r_overdue += left
                            r_aging[codes[bisect_left(lasts, overdue_days)]] += left
                            if r_oldest_due is None or due < r_oldest_due:
                                r_oldest, r_oldest_due = d, due
            if invoiced_on > as_of:
                continue
            inner = by_dates_get(invoiced_on)
            if inner is None:
                inner = by_dates[invoiced_on] = {}
            key = None if full and d[15] else paid
            sofar = inner.get(key)
            inner[key] = amount if sofar is None else sofar + amount
            open_amount = None
            if full:
                open_amount = d[10]
                if d[15]:  # written off: sales, never open, no payment to judge
                    not_opened[invoiced_on] = not_opened.get(invoiced_on, _ZERO) + amount
                    if amount > 0:
                        written += 1
                        written_amount += amount
                        lost += amount if open_amount is None else open_amount
                    continue
            if paid is None:
                if open_amount is None:
                    value = amount
                else:
                    value = open_amount
                    not_opened[invoiced_on] = not_opened.get(invoiced_on, _ZERO) + amount - open_amount
                open_total += value
                if value > _ZERO:
                    open_invoices.append((d[4], value))
                elif value < _ZERO:
                    credit -= value
                continue
            if not amount or paid > as_of or (full and amount < _ZERO):
                continue
            days = (paid - d[4]).days
            paid_count += 1
            table = recent_t if paid > recent_from else earlier_t if paid > earlier_from else older_t
            sofar = table.get(days)
            table[days] = amount if sofar is None else sofar + amount
        weight = late = scored = recent_w = recent_late = earlier_w = earlier_late = _ZERO
        for position, table in enumerate((recent_t, earlier_t, older_t)):
            table_weight = table_late = _ZERO
            for days, amount in table.items():
                table_weight += amount
                if days > 0:
                    table_late += amount * days
                points = scores(days)
                if points is None:
                    points = top if days < 0 else bottom
                scored += amount * points
            weight += table_weight
            late += table_late
            if position == 0:
                recent_w, recent_late = table_weight, table_late
            elif position == 1:
                earlier_w, earlier_late = table_weight, table_late
        average = CONTEXT.divide(late, weight) if weight else None
        recent = CONTEXT.divide(recent_late, recent_w) if recent_w else None
        earlier = CONTEXT.divide(earlier_late, earlier_w) if earlier_w else None
        trend = None if recent is None or earlier is None else _days(recent) - _days(earlier)
        figures = None if report is None else ReportFigures(
            r_open, r_overdue, {NOT_DUE: r_not_due, **r_aging}, r_oldest, r_open_count, r_paid, r_credits, r_counted)
        customers.append(CustomerFigures(Behaviour(
            paid_count, None if average is None else _days(average),
            None if not weight else int(CONTEXT.divide(scored, weight).quantize(Decimal(1), rounding=ROUND_HALF_UP)),
            None if recent is None else _days(recent), None if earlier is None else _days(earlier),
            trend, trend is not None and trend >= PAYING_LATER_DAYS), open_invoices, credit, figures))
        paid_total += paid_count
    # DSO per month: what each day adds from its month end on (cumulated), for the month ends in view.
    ends = month_ends(as_of, months)
    count = len(ends)
    m0 = ends[0].year * 12 + ends[0].month

    def index(day: date) -> int:
        return min(count, max(0, day.year * 12 + day.month - m0))

    open_diff = [_ZERO] * (count + 1)
    sales_diff = [_ZERO] * (count + 1)
    year = timedelta(YEAR_DAYS)
    year_start = as_of - year
    by_month: dict[int, Decimal] = {}
    sales = _ZERO
    invoiced_by_day: dict[date, Decimal] = {}
    closed: dict[date, Decimal] = {}  # what was paid on each day
    for day, inner in by_dates.items():
        invoiced_by_day[day] = sum(inner.values(), _ZERO)
        for paid_on, value in inner.items():
            if paid_on is not None:
                sofar = closed.get(paid_on)
                closed[paid_on] = value if sofar is None else sofar + value
    for day, value in invoiced_by_day.items():
        open_diff[index(day)] += value
        sales_diff[index(day)] += value
        sales_diff[index(day + year)] -= value
        month = day.year * 12 + day.month
        by_month[month] = by_month.get(month, _ZERO) + value
        if day > year_start:
            sales += value
    for day, value in not_opened.items():
        open_diff[index(day)] -= value
    for day, value in closed.items():
        open_diff[index(day)] -= value
    result = []
    running_open = running_sales = _ZERO
    for position, end_day in enumerate(ends):
        running_open += open_diff[position]
        running_sales += sales_diff[position]
        result.append(MonthDSO(end_day, running_open, running_sales, dso_from(running_open, running_sales)))
    settled = paid_total + written
    history = History(settled, written, {}, None)
    if learn_rates and written >= MIN_WRITTEN_OFF and settled >= MIN_SETTLED:
        history = _learn(groups, as_of, aging, written, written_amount, lost)
    countback = _countback(open_total, by_month, as_of, min(invoiced_by_day)) if invoiced_by_day else None
    return LedgerFigures(open_total, sales, dso_from(open_total, sales), countback, result, history), customers


def _learn(groups: Sequence[Sequence[Document]], as_of: date, aging: Aging, written: int, written_amount: Decimal,
           lost: Decimal) -> History:
    """:func:`rates_from_history` for :func:`ledger_pass`: each paid invoice reached the buckets up to its days
    overdue when paid, a written-off one all of them."""
    paid_late: dict[int, list[Any]] = {}  # days overdue when paid: [amount, count]
    for documents in groups:
        full = _full(documents)
        for d in documents:
            amount, paid = d[1], d[5]
            if paid is None or amount <= 0 or paid > as_of or (full and d[15]):
                continue
            days = (paid - d[4]).days
            entry = paid_late.get(days)
            if entry is None:
                paid_late[days] = [amount, 1]
            else:
                entry[0] += amount
                entry[1] += 1
    codes = (NOT_DUE, *(code for code, _, _ in aging))
    firsts = [first for _, first, _ in aging]
    reached = dict.fromkeys(codes, written)
    amounts = dict.fromkeys(codes, written_amount)
    for overdue, (value, number) in paid_late.items():
        depth = 1 + sum(1 for first in firsts if overdue >= first)
        for code in codes[:depth]:
            reached[code] += number
            amounts[code] += value
    settled = reached[NOT_DUE]
    rates = None
    if (settled >= MIN_SETTLED and written >= MIN_WRITTEN_OFF
            and all(n >= MIN_PER_BUCKET for n in reached.values())):
        rates = {code: cents(CONTEXT.divide(CONTEXT.multiply(min(lost, amounts[code]), HUNDRED), amounts[code]))
                 for code in codes}
    return History(settled, written, reached, rates)


def _countback(remaining: Decimal, by_month: dict[int, Decimal], as_of: date, first: date) -> Decimal | None:
    """Count ``remaining`` back over the calendar months from ``as_of``'s (``by_month``: invoiced per
    ``year * 12 + month``) to ``first``'s: :func:`dso_countback` and the one pass both end here."""
    if remaining <= 0:
        return _days(_ZERO)
    total = _ZERO
    end = as_of
    while end >= first.replace(day=1):
        start = end.replace(day=1)
        days = (end - start).days + 1
        sales = by_month.get(end.year * 12 + end.month, _ZERO)
        if sales > 0 and remaining <= sales:
            return _days(total + CONTEXT.divide(CONTEXT.multiply(remaining, days), sales))
        remaining -= sales
        total += days
        end = start - timedelta(1)
    return None


# -- the receivables report's part: reading the rates, writing the figures ------------------------------------
# (:mod:`calculators.portfolio` calls :func:`read_rates` and :func:`report`; everything else above is pure.)

#: The rates' field: a percentage per ageing bucket.
RATES_FIELD = "provision_rates_pct"


def read_rates(r: Reader) -> dict[str, Decimal] | None:
    """``provision_rates_pct``: every bucket's rate, 0 to 100; ``None`` when not given (or wrong)."""
    item = r.child(RATES_FIELD)
    if item is None:
        return None
    rates = {code: item.amount(code, maximum=HUNDRED, places=4) for code in BUCKETS}
    item.finish()
    if any(rate is None for rate in rates.values()):
        return None
    return {code: rate for code, rate in rates.items() if rate is not None}


#: The bucket codes in order, as :data:`calculators.portfolio.AGING` names them after ``not_due``.
BUCKETS = (NOT_DUE, "days_1_30", "days_31_60", "days_61_90", "days_over_90")


class Report(NamedTuple):
    totals: dict[str, str]
    output: dict[str, Any]
    explanation: list[dict[str, str]]


def _day_text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def report(as_of: date, given_rates: dict[str, Decimal] | None, aging: Aging, lang: str,
           rows: list[dict[str, Any]], groups: Iterable[list[Any]],
           found: tuple[LedgerFigures, list[CustomerFigures]] | None = None) -> Report:
    """DSO, behaviour and provision for the receivables report; adds ``behaviour``, ``provision`` and the
    ``paying_later`` flag to each customer's row (``rows`` in the order of ``groups``, before their private
    ``_open`` and ``_payout_if_default`` are dropped). ``found``: :func:`ledger_pass` on ``groups`` already made
    (with ``learn_rates=given_rates is None``), else it is made here."""
    if found is None:
        # The rows are read as Documents: today's ``ledger.Invoice`` rows hold Document's first ten fields, and
        # ledger_pass reads the fields beyond them only when a row has them (see there).
        customers = [invoices if isinstance(invoices, list) else list(invoices) for invoices in groups]
        found = ledger_pass(customers, as_of, aging, learn_rates=given_rates is None)
    figures, per_customer = found
    history = figures.history
    rates, source = (given_rates, "given") if given_rates is not None else (history.rates_pct, "history")
    provided = insured = Decimal(0)
    later = 0
    for row, found in zip(rows, per_customer, strict=True):
        b = found.behaviour
        row["behaviour"] = {
            "paid_count": b.paid_count, "days_late": _day_text(b.days_late), "score": b.score,
            "recent_days_late": _day_text(b.recent_days_late), "earlier_days_late": _day_text(b.earlier_days_late),
            "trend_days": _day_text(b.trend_days)}
        if b.paying_later:
            row["flags"].append("paying_later")
            later += 1
        if rates is None:
            row["provision"] = None
            continue
        amount = provision(found.buckets(as_of, aging), rates)
        part = insured_part(amount, row["_open"], row["_payout_if_default"])
        row["provision"] = {"amount": text(amount), "insured": text(part), "uninsured": text(amount - part)}
        provided += amount
        insured += part
    by_month, open_total, sales = figures.months, figures.open_total, figures.invoiced
    days, countback = figures.dso_days, figures.countback_days
    explain = Explanation(lang, "portfolio")
    if days is None:
        explain.step("health_dso_none", as_of=explain.date(as_of))
    else:
        explain.step("health_dso", open=explain.money(open_total), sales=explain.money(sales), days=YEAR_DAYS,
                     dso=format_number(days, lang, 1))
    if countback is not None:
        explain.step("health_countback", dso=format_number(countback, lang, 1))
    explain.step("health_behaviour", later=later, days=PAYING_LATER_DAYS, recent=RECENT_MONTHS,
                 earlier=EARLIER_MONTHS)
    reached = {code: history.reached[code] for code in BUCKETS} if history.reached else None
    if rates is None:
        explain.step("health_provision_none", settled=history.settled, written_off=history.written_off,
                     min_settled=MIN_SETTLED, min_written_off=MIN_WRITTEN_OFF, min_bucket=MIN_PER_BUCKET)
    else:
        explain.step("health_provision_" + source, rates="; ".join(
            f"{message(lang, 'portfolio.health_bucket.' + code)} {explain.pct(rates[code])}" for code in BUCKETS))
        explain.step("health_provision_total", provision=explain.money(provided), insured=explain.money(insured),
                     uninsured=explain.money(provided - insured))
    totals = {} if rates is None else {"provision": text(provided), "provision_insured": text(insured),
                                       "provision_uninsured": text(provided - insured)}
    output = {
        "dso_days": _day_text(days),
        "dso_countback_days": _day_text(countback),
        "dso_by_month": [{"month_end": m.month_end.isoformat(), "open": text(m.open), "invoiced": text(m.invoiced),
                          "dso_days": _day_text(m.dso_days)} for m in by_month],
        "provision_rates_pct": None if rates is None else {code: text(rates[code]) for code in BUCKETS},
        "provision_rates_source": None if rates is None else source,
        "provision_history": {"settled": history.settled, "written_off": history.written_off, "reached": reached},
        "health_settings": {
            "year_days": YEAR_DAYS, "recent_months": RECENT_MONTHS, "earlier_months": EARLIER_MONTHS,
            "paying_later_days": PAYING_LATER_DAYS, "score_scale": [list(point) for point in SCORE_SCALE],
            "min_settled": MIN_SETTLED, "min_written_off": MIN_WRITTEN_OFF, "min_per_bucket": MIN_PER_BUCKET},
    }
    return Report(totals, output, explain.steps)
