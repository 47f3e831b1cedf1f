"""Letters written from a late_payment result: a payment reminder, a formal notice and the Dutch 14-day letter.

Plain text in the letter's own language (``letter_lang``, apart from the page's ``lang``: a Dutch firm
writes to a French customer in French). The figures are the result's; the legal basis is the one of the
claim's country; Dutch for a Belgian claim uses the Belgian register (``interest``, ``schadevergoeding``).
A letter never claims what is not owed yet: costs and interest appear only when the result says they are
owed on its date. A reminder is not a formal notice. The user's and the customer's names are placeholders
unless given.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from . import late_payment_rates as rates_module
from . import messages, rules
from .late_payment import RECIPIENT_FIELDS, SENDER_FIELDS

#: Invoices listed one by one in a letter; the rest are summed up in one line.
LISTED_INVOICES = 50
_PREFIX = "late_payment.letter."


def _translator(lang: str, country: str) -> Callable[..., str]:
    belgian = lang == "nl" and country == "BE"
    catalogue = messages.CATALOGUES.get(lang, messages.CATALOGUES["en"])

    def t(key: str, **params: Any) -> str:
        if belgian and f"{_PREFIX}{key}.BE" in catalogue:
            key = f"{key}.BE"
        return messages.message(lang, _PREFIX + key, **params)

    return t


def write_letter(inputs: Any, result: dict[str, Any], lang: str) -> dict[str, Any]:
    """The letter ``inputs.letter`` for ``result``, in ``lang``: its parts, and the plain text made of them.

    The parts are what a letter sheet lays out: ``sender`` and ``recipient`` (dicts of the fields of
    ``late_payment.SENDER_FIELDS`` / ``RECIPIENT_FIELDS``, ``None`` where not given, ``address`` a list of
    lines), ``date``, ``subject``, ``salutation``, ``intro``, the ``invoices`` as table rows, the ``summary``
    lines, the ``paragraphs`` after it and ``closing``; ``enterprise_line`` (the creditor's enterprise number,
    which a Belgian consumer reminder must show) and ``debt_description``; ``text`` is the same letter as plain
    text. Where a detail was not given, the sheet leaves a line to fill in by hand and the text writes a
    placeholder.
    """
    kind = inputs.letter
    country, debtor = inputs.country, inputs.debtor
    t = _translator(lang, country)

    def money(amount: str | Decimal) -> str:
        return messages.format_money(Decimal(amount), lang)

    def day(value: date | str) -> str:
        return messages.format_date(date.fromisoformat(value) if isinstance(value, str) else value, lang)

    until = date.fromisoformat(result["until"])
    sender = {key: inputs.sender.get(key) for key in SENDER_FIELDS}
    recipient = {key: inputs.recipient.get(key) for key in RECIPIENT_FIELDS}
    late = [i for i in result["invoices"] if i["status"] == "late"]
    days = inputs.pay_within_days
    subject = t(f"subject.{kind}", days=days)
    person = (recipient["kind"] or ("person" if debtor == "consumer" else "company")) == "person"
    if person and recipient["name"] and lang != "fr":
        salutation = t("salutation.person", name=recipient["name"])
    else:
        salutation = t("salutation.company")
    intro = t(f"intro.{kind}", count=len(late))
    rows = [{
        "invoice": invoice["invoice"],
        "reference": invoice["reference"] or t("invoice_number", index=invoice["invoice"]),
        "due_date": invoice["due_date"],
        "days_late": invoice["days_late"],
        "amount": invoice["principal_outstanding"],
        "interest": invoice["interest"],
    } for invoice in late[:LISTED_INVOICES]]
    more = None
    if len(late) > LISTED_INVOICES:
        rest = sum((Decimal(i["principal_outstanding"]) for i in late[LISTED_INVOICES:]), Decimal(0))
        more = t("more_invoices", count=len(late) - LISTED_INVOICES, amount=money(rest))
    # A Belgian consumer's first reminder must be free: no interest and no damages yet (art. XIX.2 CEL).
    be_reminder = kind == "reminder" and (country, debtor) == ("BE", "consumer")
    total = Decimal(result["principal_outstanding"])
    summary = [{"code": "principal", "text": t("summary_principal", amount=money(result["principal_outstanding"])),
                "amount": result["principal_outstanding"]}]
    if not be_reminder and Decimal(result["interest"]) > 0:
        total += Decimal(result["interest"])
        summary.append({"code": "interest", "text": t("summary_interest", amount=money(result["interest"]),
                                                       date=day(until)), "amount": result["interest"]})
    # Costs only where the result says they are owed today (never the 14-day letter's announced costs).
    if kind != "fourteen_day_letter" and not be_reminder and Decimal(result["costs"]) > 0:
        summary.append({"code": "costs", "text": t(f"summary_costs.{country}_{debtor}", amount=money(result["costs"])),
                        "amount": result["costs"]})
        total += Decimal(result["costs"])
    total_text = f"{total.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"
    summary.append({"code": "total", "text": t("summary_total", amount=money(total)), "amount": total_text})

    basis = f"basis.{country}_{debtor}"
    if (country, debtor) == ("FR", "consumer") and kind == "reminder":
        basis += "_reminder"  # a reminder is not the mise en demeure
    if (country, debtor) == ("BE", "consumer") and kind != "reminder":
        # After the free first reminder's term, or still waiting for one (nothing but the invoice is claimed).
        expired = result["notice"] is not None and result["notice"]["term_end"] < result["until"]
        basis += "_after" if expired else "_pending"
    paragraphs = [t(basis)]
    description = inputs.debt_description or None
    if be_reminder:
        paragraphs.append(t("be_debt", description=description or t("placeholder_description")))
        paragraphs.append(t("pay.be_reminder", days=days))
        paragraphs.append(t("be_after_term", rate=messages.format_pct(_be_consumer_rate(inputs, until), lang),
                            damages=money(result["costs_after_notice"])))
        paragraphs.append(t("be_free_reminder", days=rules.integer("be_consumer_grace_days")))
    elif kind == "fourteen_day_letter":
        if description:
            paragraphs.append(t("debt", description=description))
        paragraphs.append(t("pay.fourteen_day_letter", days=days, costs=money(result["costs_after_notice"])))
    else:
        if description:
            paragraphs.append(t("debt", description=description))
        deadline = until + timedelta(days=days)
        paragraphs.append(t(f"pay.{kind}", date=day(deadline), days=days))
    enterprise_line = None
    if country == "BE" or sender["enterprise_number"]:
        enterprise_line = t("enterprise_number", number=sender["enterprise_number"] or t("placeholder_enterprise"))
    closing = t("closing")
    parts: dict[str, Any] = {
        "kind": kind, "lang": lang, "subject": subject, "date": result["until"],
        "date_line": t("place_date", date=day(until)), "sender": sender, "recipient": recipient,
        "salutation": salutation, "intro": intro, "invoices": rows, "more_invoices": more,
        "summary": summary, "paragraphs": paragraphs, "closing": closing,
        "enterprise_line": enterprise_line, "debt_description": description,
    }
    parts["text"] = letter_text(parts, lang)
    return parts


def _be_consumer_rate(inputs: Any, until: date) -> Decimal:
    """The rate a Belgian consumer would owe after the reminder's term: the agreed one, else the legal rate."""
    if inputs.agreed_rate is not None:
        return Decimal(inputs.agreed_rate)
    table = rates_module.table("BE", "consumer")
    starts = [row.start for row in table.rows]
    row = table.rows[max(0, bisect.bisect_right(starts, min(until, table.covered_until)) - 1)]
    return row.rate_pct or Decimal(0)


def letter_text(parts: dict[str, Any], lang: str) -> str:
    """The letter's ``parts`` as plain text (a placeholder where the sender's or customer's name is missing)."""

    def t(key: str, **params: Any) -> str:
        return messages.message(lang, _PREFIX + key, **params)

    def money(amount: str) -> str:
        return messages.format_money(Decimal(amount), lang)

    def day(value: str) -> str:
        return messages.format_date(date.fromisoformat(value), lang)

    sender = parts["sender"]
    creditor = "\n".join([sender["name"] or t("placeholder_creditor"), *(sender["address"] or [])])
    if parts.get("enterprise_line"):
        creditor += "\n" + parts["enterprise_line"]
    recipient = parts["recipient"]
    customer = "\n".join([recipient["name"] or t("placeholder_debtor"), *(recipient["address"] or [])])
    lines = [creditor, "", customer, "", parts["date_line"], "", parts["subject"], "", parts["salutation"], "",
             parts["intro"], ""]
    for row in parts["invoices"]:
        lines.append(t("invoice_line", reference=row["reference"], amount=money(row["amount"]),
                       due=day(row["due_date"]), days=row["days_late"]))
    if parts["more_invoices"]:
        lines.append(parts["more_invoices"])
    lines.append("")
    lines += [line["text"] for line in parts["summary"]]
    for paragraph in parts["paragraphs"]:
        lines += ["", paragraph]
    lines += ["", parts["closing"], "", sender["name"] or t("placeholder_creditor")]
    return "\n".join(lines) + "\n"
