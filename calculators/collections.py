"""The collections run: the whole ledger in, per late customer what to do next and the letter to send.

The receivables report says who is overdue; the late-payment calculator says what one claim costs and writes
one letter. This run joins them. For every customer with an undisputed invoice past its due date it builds
the late-payment request of exactly those invoices (that customer's country, kind of debtor and language) and
hands it to :func:`late_payment.read` and :func:`late_payment.compute`, the code ``run("late_payment", ...)``
uses, so the claim here and the claim of the single calculator cannot differ.

The stages of a file, every one counted from the due date of the customer's oldest overdue invoice:

* the letters (``reminder``, then ``formal_notice``, or for a Dutch consumer the ``fourteen_day_letter``):
  the reminder the day after the due date, when the invoice is late; the next letter when the reminder's own
  term (``pay_within_days``) has run, unless the policy object says otherwise;
* the policy's deadlines (``notify_insurer``, ``stop_deliveries``, ``hand_over``): the policy's figures when
  given; else an insurer's own published figure when the user names that insurer (``rules.py`` quotes it);
  the hand-over else follows the receivables report's rule (``claim_timeline.deadlines``); a deadline nobody
  states stays ``unset`` and the page asks for it.

The stage reached is the latest whose date has come; the action is that stage (or, before the first, the
first to come), urgent first: a policy deadline already passed, then what falls today, then this week.
Disputed invoices are set aside (a disputed invoice is excluded from cover, source 003): no claim, no letter,
but they are listed and counted. Open credit notes are the customer's money: they reduce the claim as payments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from . import claim_timeline, late_payment, portfolio, rules
from .contract import LANGS, MAX_MONTHS, MAX_TERM_DAYS, Errors, Reader
from .dates import add_months
from .explain import Explanation
from .ledgers.model import CREDIT_NOTE, Document
from .ledgers.request import read_request
from .money import text

NAME = "collections"

COUNTRIES = late_payment.COUNTRIES
DEBTORS = late_payment.DEBTORS
LETTER_STAGES = ("reminder", "formal_notice", "fourteen_day_letter")
POLICY_STAGES = ("notify_insurer", "stop_deliveries", "hand_over")
STAGES = LETTER_STAGES + POLICY_STAGES
#: ``other``: the policy's figures are typed; the named insurers fill in what their own pages state.
INSURERS = ("other", "atradius", "coface_easyliner")
URGENCY = ("passed", "today", "week", "later")
#: "This week": an action due within this many days after the reference date.
WEEK_DAYS = 7
#: A letter is late from the day after the due date (late_payment: interest runs from that day).
FIRST_LATE_DAY = 1
CUSTOMER_FIELDS = ("customer", "country", "debtor", "language", "name", "address", "notice_date", "reference")
CREDITOR_FIELDS = (*late_payment.SENDER_FIELDS, "country")
MAX_CUSTOMERS = 100_000
#: Open documents a statement of account lists one by one; the rest are counted.
STATEMENT_ROWS = 200


@dataclass(frozen=True)
class Deadline:
    """A period after the oldest overdue due date: ``months`` calendar months, then ``days`` days."""

    months: int = 0
    days: int = 0
    #: Where the figure comes from: ``policy`` (typed), a rule key, or ``letters`` (the letter schedule).
    source: str = "policy"


@dataclass(frozen=True)
class Customer:
    """One customer's details for the letters; ``origin`` says where they come from."""

    country: str
    debtor: str
    language: str
    name: str | None = None
    address: list[str] | None = None
    notice_date: date | None = None
    reference: str | None = None
    origin: str = "given"  # given | ledger | default


@dataclass(frozen=True)
class Inputs:
    as_of: date
    documents: list[Document]
    customers: dict[str, Customer]  # by customer, case-folded
    creditor: dict[str, Any]
    default_country: str | None
    insurer: str
    deadlines: dict[str, Deadline | None]
    pay_within_days: int
    rates: list[Any] | None
    letters: bool
    rejected: list[dict[str, Any]] = field(default_factory=list)
    rejected_count: int = 0
    unknown_customers: list[str] = field(default_factory=list)
    #: The ECB main refinancing rate of half-years the tables do not hold (late_payment derives each country's
    #: business rate from it); passed to every claim, checked there.
    ecb_rates: list[Any] | None = None


# -- reading ----------------------------------------------------------------------------------------------------


def read(r: Reader, today: date) -> Inputs | None:
    as_of = r.day("as_of", required=False, default=today)
    creditor = _read_creditor(r)
    customers = _read_customers(r)
    insurer, deadlines = _read_policy(r)
    pay_within = r.integer("pay_within_days", required=False, default=rules.integer("nl_consumer_letter_days"),
                           maximum=365)
    letters = r.boolean("letters", required=False, default=True)
    rates = r.obj.get("rates")
    r.seen.add("rates")
    if rates is not None and not isinstance(rates, list):
        r.fail("rates", "invalid_list")
    ecb_rates = r.obj.get("ecb_rates")
    r.seen.add("ecb_rates")
    if ecb_rates is not None and not isinstance(ecb_rates, list):
        r.fail("ecb_rates", "invalid_list")
    marked = _read_disputed(r)
    set_aside: dict[str, Any] = {}
    documents = _read_ledger(r, as_of, set_aside) if as_of is not None else None
    if documents is not None and marked:
        documents = [d._replace(disputed=True) if (d.reference or "").casefold() in marked else d
                     for d in documents]
    if (r.errors or as_of is None or documents is None or customers is None or insurer is None
            or deadlines is None or pay_within is None or letters is None):
        return None
    default_country = creditor.pop("country", None)
    by_key = {document.customer.casefold() for document in documents}
    unknown = [key for key in customers if key not in by_key]
    resolved: dict[str, Customer] = {}
    needs_default = False
    for document in documents:
        key = document.customer.casefold()
        if key in resolved:
            continue
        resolved[key] = _details(customers.get(key), document, default_country, r.errors.lang)
        needs_default = needs_default or resolved[key].country == ""
    if needs_default:
        r.fail("creditor.country", "required")
        return None
    return Inputs(as_of, documents, resolved, creditor, default_country, insurer, deadlines, pay_within, rates,
                  letters, set_aside.get("rejected", []), set_aside.get("rejected_count", 0),
                  [customers[key].customer for key in unknown], ecb_rates)


def _read_ledger(r: Reader, as_of: date, set_aside: dict[str, Any] | None = None) -> list[Document] | None:
    """The ledger as documents: the ledgers package's ``read_request``, as the receivables report reads it.

    ``invoices``, ``csv``, ``rows`` or ``files`` (CSV and spreadsheet exports, FEC, Peppol UBL, CAMT.053
    statements whose payments are matched to the invoices); credit notes come already set against their
    invoices. The rows and files set aside (listed, and counted) go into ``set_aside``.
    """
    from . import ledger

    with ledger.collector_paused():
        found = read_request(r, as_of)
    if found is None or r.errors:
        return None
    if not portfolio._check_currency(r, found.documents):
        return None
    if set_aside is not None:
        set_aside.update(rejected=found.rejected, rejected_count=found.rejected_count, files=found.files,
                         ignored_columns=found.ignored_columns)
    return found.documents


def _read_disputed(r: Reader) -> set[str]:
    """``disputed``: invoice numbers the user marks disputed on the page (the file's own column also counts)."""
    raw = r.obj.get("disputed")
    r.seen.add("disputed")
    if raw is None:
        return set()
    if not isinstance(raw, list):
        r.fail("disputed", "invalid_list")
        return set()
    marked = set()
    for index, item in enumerate(raw):
        if isinstance(item, str) and item.strip():
            marked.add(" ".join(item.split()).casefold())
        else:
            r.errors.add(f"disputed[{index}]", "invalid_text")
    return marked


def _read_creditor(r: Reader) -> dict[str, Any]:
    creditor: dict[str, Any] = dict.fromkeys(CREDITOR_FIELDS)
    item = r.child("creditor")
    if item is None:
        return creditor
    for key in CREDITOR_FIELDS:
        if key == "address":
            creditor[key] = item.lines(key, max_lines=late_payment.MAX_ADDRESS_LINES,
                                       maximum=late_payment.MAX_TEXT * late_payment.MAX_ADDRESS_LINES)
        elif key == "country":
            creditor[key] = item.choice(key, COUNTRIES, default="") or None
        else:
            creditor[key] = item.text(key, maximum=late_payment.MAX_TEXT)
    item.finish()
    return creditor


def _read_customers(r: Reader) -> dict[str, _Given] | None:
    """The customers' details by name (case-folded); each bad field is named (``customers[2].country``)."""
    found: dict[str, _Given] = {}
    first: dict[str, str] = {}
    for path, obj in r.optional_objects("customers", max_items=MAX_CUSTOMERS):
        item = Reader(obj, r.errors, path)
        name = item.text("customer", required=True, numbers=True)
        country = item.choice("country", COUNTRIES, default="")
        debtor = item.choice("debtor", DEBTORS, default="")
        language = item.choice("language", LANGS, default="")
        shown = item.text("name", maximum=late_payment.MAX_TEXT)
        address = item.lines("address", max_lines=late_payment.MAX_ADDRESS_LINES,
                             maximum=late_payment.MAX_TEXT * late_payment.MAX_ADDRESS_LINES)
        notice = item.day("notice_date", required=False)
        reference = item.text("reference", maximum=late_payment.MAX_TEXT, numbers=True)
        item.finish()
        if name is None:
            continue
        key = name.casefold()
        if key in first:
            r.errors.add(item.path("customer"), "duplicate_details", first=first[key])
            continue
        first[key] = path
        if country is None or debtor is None or language is None:
            continue
        found[key] = _Given(country or None, debtor or None, language or None, shown, address, notice, reference,
                            name)
    return None if r.errors else found


@dataclass(frozen=True)
class _Given:
    country: str | None
    debtor: str | None
    language: str | None
    name: str | None
    address: list[str] | None
    notice_date: date | None
    reference: str | None
    customer: str


def _details(given: _Given | None, document: Document, default_country: str | None, page_lang: str) -> Customer:
    """Given details first, then the ledger's columns (Land/Pays/Country...), then the entrepreneur's defaults."""
    ledger = dict(document.details)
    country = (given and given.country) or _valid(ledger.get("country", "").upper(), COUNTRIES)
    debtor = (given and given.debtor) or _valid(ledger.get("debtor", "").lower(), DEBTORS)
    language = (given and given.language) or _valid(ledger.get("language", "").lower(), LANGS)
    if given is not None and given.country and given.debtor and given.language:
        origin = "given"
    elif country or debtor or language:
        origin = "ledger" if given is None else "given"
    else:
        origin = "default"
    return Customer(country or default_country or "", debtor or "business", language or page_lang,
                    given.name if given else None, given.address if given else None,
                    given.notice_date if given else None, given.reference if given else None, origin)


def _valid(value: str, choices: tuple[str, ...]) -> str | None:
    return value if value in choices else None


def _read_policy(r: Reader) -> tuple[str | None, dict[str, Deadline | None] | None]:
    """The insurer and each stage's deadline: typed, else the insurer's published figure, else a default."""
    policy = r.child("policy")
    insurer = policy.choice("insurer", INSURERS, default="other") if policy else "other"
    typed: dict[str, Deadline | None] = {}
    for stage in ("reminder", "formal_notice", *POLICY_STAGES):
        typed[stage] = _read_deadline(policy, stage) if policy else None
    if policy:
        policy.finish()
    if insurer is None or r.errors:
        return None, None
    deadlines: dict[str, Deadline | None] = dict(typed)
    presets = _insurer_deadlines(insurer)
    for stage in POLICY_STAGES:
        if deadlines[stage] is None:
            deadlines[stage] = presets.get(stage)
    if deadlines["hand_over"] is None:
        # The receivables report's hand-over rule (source 000: about two months after the due date).
        deadlines["hand_over"] = Deadline(months=rules.integer("handling_months"), source="handling_months")
    return insurer, deadlines


def _insurer_deadlines(insurer: str) -> dict[str, Deadline]:
    if insurer == "atradius":
        months = rules.integer("atradius_stop_deliveries_months")
        return {"stop_deliveries": Deadline(months=months, source="atradius_stop_deliveries_months"),
                "hand_over": Deadline(months=months, days=rules.integer("atradius_hand_over_days_after_stop"),
                                      source="atradius_hand_over_days_after_stop")}
    if insurer == "coface_easyliner":
        return {"notify_insurer": Deadline(days=rules.integer("coface_easyliner_notify_days"),
                                           source="coface_easyliner_notify_days")}
    return {}


def _read_deadline(policy: Reader, stage: str) -> Deadline | None:
    item = policy.child(stage)
    if item is None:
        return None
    months = item.integer("months", required=False, default=0, maximum=MAX_MONTHS)
    days = item.integer("days", required=False, default=0, maximum=MAX_TERM_DAYS)
    item.finish()
    if months is None or days is None:
        return None
    return Deadline(months, days)


# -- the claim of one customer: the late-payment calculator's own code ------------------------------------------


def claim_payload(inputs: Inputs, details: Customer, invoices: list[Document], credits: list[Document],
                  letter: str) -> dict[str, Any]:
    """The late-payment request for one customer's overdue invoices: the one place it is built.

    ``amount`` is what is still open on each invoice; open credit notes are payments (dated when issued, or on
    the first due date if issued before it: the debt they reduce did not run before). New optional fields of
    the late-payment calculator are added here.
    """
    first_due = min(document.due_date for document in invoices)
    payload: dict[str, Any] = {
        "country": details.country,
        "debtor": details.debtor,
        "invoices": [{"amount": text(_open(document)), "due_date": document.due_date.isoformat(),
                      "reference": (document.reference or "")[:late_payment.MAX_TEXT]} for document in invoices],
        "until": inputs.as_of.isoformat(),
        "letter": letter if inputs.letters else "none",
        "letter_lang": details.language,
        "pay_within_days": inputs.pay_within_days,
        "include_periods": False,
        "sender": {key: "\n".join(value) if key == "address" else value
                   for key, value in inputs.creditor.items() if value},
        "recipient": {key: value for key, value in (
            ("name", details.name or invoices[0].customer),
            ("address", "\n".join(details.address) if details.address else None),
            ("kind", "company" if details.debtor == "business" else "person"),
            ("reference", details.reference)) if value},
    }
    payments = [{"amount": text(-_open(document)), "date": max(document.invoice_date, first_due).isoformat()}
                for document in credits if _open(document) < 0 and document.invoice_date <= inputs.as_of]
    if payments:
        payload["payments"] = payments
    if details.notice_date is not None:
        payload["notice_date"] = details.notice_date.isoformat()
    if inputs.rates is not None:
        payload["rates"] = inputs.rates
    if inputs.ecb_rates is not None:
        payload["ecb_rates"] = inputs.ecb_rates
    return payload


def claim(payload: dict[str, Any], errors: Errors, today: date,
          schedules: dict[tuple[Any, ...], Any] | None = None) -> dict[str, Any] | None:
    """``late_payment`` on ``payload``: its result, or ``None`` with its errors added to ``errors``.

    ``schedules`` is the run's own store of rate schedules, shared by its claims (late_payment.compute)."""
    own = Errors(errors.lang)
    inputs = late_payment.read(Reader(payload, own), today)
    if own or inputs is None:
        for error in own.items:
            if error not in errors.items:
                errors.items.append(error)
        return None
    result = late_payment.compute(inputs, errors.lang, schedules)
    for error in result.get("errors", ()):  # a rate the tables do not hold yet: asked for once
        if error not in errors.items:
            errors.items.append(error)
    return None if "errors" in result else result


def _open(document: Document) -> Decimal:
    if document.open_amount is not None:
        return document.open_amount
    return Decimal(0) if document.paid_date is not None else document.amount


# -- computing -------------------------------------------------------------------------------------------------


def compute(inputs: Inputs, lang: str) -> dict[str, Any]:
    from . import ledger

    with ledger.collector_paused():
        return _compute(inputs, lang)


def _compute(inputs: Inputs, lang: str) -> dict[str, Any]:
    groups: dict[str, list[Document]] = {}
    for document in inputs.documents:
        if _open(document) == 0:
            continue
        groups.setdefault(document.customer.casefold(), []).append(document)
    errors = Errors(lang)
    rows = []
    set_aside = []
    schedules: dict[tuple[Any, ...], Any] = {}  # this run's rate schedules, one per rate basis
    for key, documents in groups.items():
        row = _customer(key, documents, inputs, errors, schedules)
        if row is None:
            continue
        set_aside.extend(row.pop("_disputed"))
        if row["claim"] is not None:
            rows.append(row)
    if errors:
        return errors.as_result()
    rows.sort(key=lambda row: (URGENCY.index(row["action"]["urgency"]), row["action"]["date"],
                               -Decimal(row["claim"]["total"]), row["customer"]))
    totals = _totals(rows, set_aside)
    return {
        "as_of": inputs.as_of.isoformat(),
        "currency": portfolio.CURRENCY,
        "insurer": inputs.insurer,
        "deadlines": {stage: None if deadline is None else
                      {"months": deadline.months, "days": deadline.days, "source": deadline.source}
                      for stage, deadline in inputs.deadlines.items()},
        "customers": rows,
        "todo": [{"customer": row["customer"], "amount": row["claim"]["total"], "action": row["action"]["code"],
                  "date": row["action"]["date"], "urgency": row["action"]["urgency"]} for row in rows],
        "disputed": set_aside,
        "totals": totals,
        "invoice_count": len(inputs.documents),
        "rejected": inputs.rejected,
        "rejected_count": inputs.rejected_count,
        "unknown_customers": inputs.unknown_customers,
        "explanation": _explain(inputs, lang, rows, totals),
    }


def _customer(key: str, documents: list[Document], inputs: Inputs, errors: Errors,
              schedules: dict[tuple[Any, ...], Any]) -> dict[str, Any] | None:
    as_of = inputs.as_of
    details = inputs.customers[key]
    name = documents[0].customer
    overdue = [d for d in documents if d.kind != CREDIT_NOTE and not d.disputed and d.due_date < as_of
               and _open(d) > 0]
    credits = [d for d in documents if d.kind == CREDIT_NOTE or _open(d) < 0]
    disputed = [{"customer": name, "reference": d.reference, "amount": text(_open(d)),
                 "due_date": d.due_date.isoformat(), "row": d.index} for d in documents if d.disputed]
    flags = [] if details.origin == "given" else ["details_from_ledger" if details.origin == "ledger"
                                                 else "no_details"]
    if disputed:
        flags.append("disputed")
    base: dict[str, Any] = {"customer": name, "claim": None, "_disputed": disputed}
    if not overdue:
        return base
    overdue.sort(key=lambda d: (d.due_date, d.index))
    oldest = overdue[0]
    stages = _stages(oldest, details, inputs)
    reached = [s for s in stages if s["date"] is not None and s["date"] <= as_of.isoformat()]
    action_stage = reached[-1] if reached else next(s for s in stages if s["date"] is not None)
    letter_kind = _letter_for(action_stage["code"], details)
    result = claim(claim_payload(inputs, details, overdue, credits, letter_kind), errors, as_of, schedules)
    if result is None:
        return None
    passed = [s["code"] for s in stages if s["code"] in POLICY_STAGES and s["status"] == "passed"]
    if passed:
        flags.insert(0, "deadline_passed")
    urgency = "passed" if passed else _urgency(date.fromisoformat(action_stage["date"]), as_of, letter=True)
    upcoming = next((s for s in stages if s["date"] is not None and s["date"] > as_of.isoformat()), None)
    interest = {position: item for position, item in enumerate(result["invoices"])}
    statement = _statement(documents, overdue, interest, as_of)
    return dict(base, **{
        "name": details.name or name,
        "country": details.country,
        "debtor": details.debtor,
        "language": details.language,
        "details": details.origin,
        "flags": flags,
        "oldest_due_date": oldest.due_date.isoformat(),
        "days_late": (as_of - oldest.due_date).days,
        "overdue_invoices": [{"reference": d.reference, "due_date": d.due_date.isoformat(), "amount": text(_open(d)),
                              "days_late": (as_of - d.due_date).days} for d in overdue],
        "claim": {"principal": result["principal_outstanding"], "interest": result["interest"],
                  "costs": result["costs"], "total": result["total"]},
        "stages": stages,
        "stage": reached[-1]["code"] if reached else None,
        "action": {"code": action_stage["code"], "date": action_stage["date"], "urgency": urgency},
        "upcoming": None if upcoming is None else {"code": upcoming["code"], "date": upcoming["date"]},
        "deadlines_passed": passed,
        "letter_kind": letter_kind,
        "letter_lang": details.language,
        "letter": result["letter"],
        "statement": statement,
    })


def _stages(oldest: Document, details: Customer, inputs: Inputs) -> list[dict[str, Any]]:
    """Every stage with its date (``None``: the policy's figure is not known) and its status on ``as_of``."""
    due = oldest.due_date
    reminder = inputs.deadlines.get("reminder") or Deadline(days=FIRST_LATE_DAY, source="letters")
    second = "fourteen_day_letter" if (details.country, details.debtor) == ("NL", "consumer") else "formal_notice"
    notice = inputs.deadlines.get("formal_notice")
    reminder_day = _after(due, reminder, oldest)
    dates: dict[str, date | None] = {"reminder": reminder_day}
    dates[second] = (_after(due, notice, oldest) if notice is not None
                     else reminder_day + timedelta(days=inputs.pay_within_days))
    for stage in POLICY_STAGES:
        deadline = inputs.deadlines.get(stage)
        dates[stage] = None if deadline is None else _after(due, deadline, oldest)
    order = {code: position for position, code in enumerate(STAGES)}
    known = sorted(((day, order[code], code) for code, day in dates.items() if day is not None))
    stages = [{"code": code, "date": day.isoformat(),
               "status": _urgency(day, inputs.as_of, letter=code in LETTER_STAGES)} for day, _, code in known]
    stages += [{"code": code, "date": None, "status": "unset"} for code, day in dates.items() if day is None]
    return stages


def _after(due: date, deadline: Deadline, oldest: Document) -> date:
    if deadline.source == "handling_months":
        # The receivables report's own function, so that both name the same hand-over day.
        term = (oldest.due_date - oldest.invoice_date).days
        return claim_timeline.deadlines(oldest.invoice_date, term, deadline.months, 0)[1]
    return add_months(due, deadline.months) + timedelta(days=deadline.days)


def _urgency(day: date, as_of: date, *, letter: bool) -> str:
    """``passed`` (a deadline gone by), ``today`` (due now: a letter not sent yet is due today), ``week``, ``later``."""
    if day < as_of:
        return "today" if letter else "passed"
    if day == as_of:
        return "today"
    return "week" if (day - as_of).days <= WEEK_DAYS else "later"


def _letter_for(stage: str, details: Customer) -> str:
    if stage == "reminder":
        return "reminder"
    return "fourteen_day_letter" if (details.country, details.debtor) == ("NL", "consumer") else "formal_notice"


def _statement(documents: list[Document], overdue: list[Document], interest: dict[int, dict[str, Any]],
               as_of: date) -> dict[str, Any]:
    """Every open document of the customer, oldest due first, with the interest the claim counts on it."""
    position = {id(document): index for index, document in enumerate(overdue)}
    rows = []
    total = interest_total = Decimal(0)
    for document in sorted(documents, key=lambda d: (d.due_date, d.index)):
        amount = _open(document)
        claimed = interest.get(position[id(document)]) if id(document) in position else None
        owed = Decimal(claimed["interest"]) if claimed else Decimal(0)
        status = ("credit_note" if document.kind == CREDIT_NOTE or amount < 0 else "disputed" if document.disputed
                  else "overdue" if claimed else "not_due")
        total += amount
        interest_total += owed
        rows.append({"reference": document.reference, "invoice_date": document.invoice_date.isoformat(),
                     "due_date": document.due_date.isoformat(), "amount": text(amount),
                     "days_late": max(0, (as_of - document.due_date).days), "interest": text(owed),
                     "status": status})
    return {"rows": rows[:STATEMENT_ROWS], "more": max(0, len(rows) - STATEMENT_ROWS), "open": text(total),
            "interest": text(interest_total)}


def _totals(rows: list[dict[str, Any]], disputed: list[dict[str, Any]]) -> dict[str, Any]:
    per_stage = dict.fromkeys(STAGES, 0)
    for row in rows:
        if row["stage"] is not None:
            per_stage[row["stage"]] += 1
    sums = {key: sum((Decimal(row["claim"][key]) for row in rows), Decimal(0))
            for key in ("principal", "interest", "costs", "total")}
    return {
        "customers": len(rows),
        "per_stage": per_stage,
        "per_urgency": {u: sum(1 for row in rows if row["action"]["urgency"] == u) for u in URGENCY},
        "claims": {key: text(value) for key, value in sums.items()},
        "deadlines_passed": sum(len(row["deadlines_passed"]) for row in rows),
        "customers_with_deadline_passed": sum(1 for row in rows if row["deadlines_passed"]),
        "disputed_invoices": len(disputed),
        "letters": sum(1 for row in rows if row["letter"] is not None),
    }


def _explain(inputs: Inputs, lang: str, rows: list[dict[str, Any]], totals: dict[str, Any]) -> list[dict[str, str]]:
    explain = Explanation(lang, NAME)
    explain.step("read", invoices=len(inputs.documents), customers=len(inputs.customers), late=len(rows),
                 as_of=explain.date(inputs.as_of))
    if inputs.rejected_count:
        explain.step("rejected", count=inputs.rejected_count)
    defaults = sum(1 for row in rows if "no_details" in row["flags"])
    if defaults:
        explain.step("no_details", count=defaults)
    if totals["disputed_invoices"]:
        explain.step("disputed", count=totals["disputed_invoices"])
    explain.step("claims")
    explain.step("anchor")
    explain.step("letters", days=inputs.pay_within_days)
    for stage in POLICY_STAGES:
        deadline = inputs.deadlines[stage]
        label = explain.text(f"stage.{stage}")
        if deadline is None:
            explain.step("deadline_unset", stage=label)
        else:
            source = deadline.source
            explain.step("deadline_" + ("policy" if source == "policy" else "rule"), stage=label,
                         months=deadline.months, days=deadline.days,
                         source=explain.text(f"source.{source}") if source != "policy" else "")
    claims = totals["claims"]
    explain.step("totals", customers=totals["customers"], total=explain.money(Decimal(claims["total"])),
                 passed=totals["customers_with_deadline_passed"])
    return explain.steps
