"""Letters written from a late_payment result: a payment reminder, a formal notice and the Dutch 14-day letter.

Plain text in the letter's own language (``letter_lang``, apart from the page's ``lang``: a Dutch firm
writes to a French customer in French). The figures are the result's; the legal basis is the one of the
claim's country. The user's and the customer's names are placeholders unless given.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from . import messages, rules
from .late_payment import RECIPIENT_FIELDS, SENDER_FIELDS

#: Invoices listed one by one in a letter; the rest are summed up in one line.
LISTED_INVOICES = 50


def write_letter(inputs: Any, result: dict[str, Any], lang: str) -> dict[str, Any]:
    """The letter ``inputs.letter`` for ``result``, in ``lang``: its parts, and the plain text made of them.

    The parts are what a letter sheet lays out: ``sender`` and ``recipient`` (dicts of the fields of
    ``late_payment.SENDER_FIELDS`` / ``RECIPIENT_FIELDS``, ``None`` where not given, ``address`` a list of
    lines), ``date``, ``subject``, ``salutation``, ``intro``, the ``invoices`` as table rows, the ``summary``
    lines, the ``paragraphs`` after it and ``closing``; ``text`` is the same letter as plain text. Where a
    detail was not given, the sheet leaves a line to fill in by hand and the text writes a placeholder.
    """
    kind = inputs.letter

    def t(key: str, **params: Any) -> str:
        return messages.message(lang, f"late_payment.letter.{key}", **params)

    def money(amount: str | Decimal) -> str:
        return messages.format_money(Decimal(amount), lang)

    def day(value: date | str) -> str:
        return messages.format_date(date.fromisoformat(value) if isinstance(value, str) else value, lang)

    until = date.fromisoformat(result["until"])
    sender = {key: inputs.sender.get(key) for key in SENDER_FIELDS}
    recipient = {key: inputs.recipient.get(key) for key in RECIPIENT_FIELDS}
    late = [i for i in result["invoices"] if i["status"] == "late"]
    subject = t(f"subject.{kind}")
    salutation = t("salutation", debtor=inputs.debtor_name or t("placeholder_debtor"))
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
    costs_now = kind != "fourteen_day_letter" and not (kind == "reminder" and result["costs_conditions"])
    # A Belgian consumer's first reminder must be free: no interest and no damages yet (art. XIX.2 CEL).
    free_reminder = kind == "reminder" and (inputs.country, inputs.debtor) == ("BE", "consumer")
    total = Decimal(result["principal_outstanding"])
    summary = [{"code": "principal", "text": t("summary_principal", amount=money(result["principal_outstanding"])),
                "amount": result["principal_outstanding"]}]
    if not free_reminder:
        total += Decimal(result["interest"])
        summary.append({"code": "interest", "text": t("summary_interest", amount=money(result["interest"]),
                                                       date=day(until)), "amount": result["interest"]})
    if costs_now and Decimal(result["costs"]) > 0:
        summary.append({"code": "costs", "text": t("summary_costs", amount=money(result["costs"])),
                        "amount": result["costs"]})
        total += Decimal(result["costs"])
    total_text = f"{total.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"
    summary.append({"code": "total", "text": t("summary_total", amount=money(total)), "amount": total_text})
    paragraphs = [t(f"basis.{inputs.country}_{inputs.debtor}")]
    if kind == "fourteen_day_letter":
        paragraphs.append(t("pay.fourteen_day_letter", days=inputs.pay_within_days,
                            costs=money(result["costs_total"])))
    else:
        deadline = until + timedelta(days=inputs.pay_within_days)
        paragraphs.append(t(f"pay.{kind}", date=day(deadline), days=inputs.pay_within_days))
        if free_reminder:
            paragraphs.append(t("be_free_reminder", days=rules.integer("be_consumer_grace_days")))
    closing = t("closing")
    parts: dict[str, Any] = {
        "kind": kind, "lang": lang, "subject": subject, "date": result["until"],
        "date_line": t("place_date", date=day(until)), "sender": sender, "recipient": recipient,
        "salutation": salutation, "intro": intro, "invoices": rows, "more_invoices": more,
        "summary": summary, "paragraphs": paragraphs, "closing": closing,
    }
    parts["text"] = letter_text(parts, lang)
    return parts


def letter_text(parts: dict[str, Any], lang: str) -> str:
    """The letter's ``parts`` as plain text (a placeholder where the sender's or customer's name is missing)."""

    def t(key: str, **params: Any) -> str:
        return messages.message(lang, f"late_payment.letter.{key}", **params)

    def money(amount: str) -> str:
        return messages.format_money(Decimal(amount), lang)

    def day(value: str) -> str:
        return messages.format_date(date.fromisoformat(value), lang)

    sender = parts["sender"]
    creditor = "\n".join([sender["name"] or t("placeholder_creditor"), *(sender["address"] or [])])
    lines = [creditor, "", parts["date_line"], "", parts["subject"], "", parts["salutation"], "", parts["intro"], ""]
    for row in parts["invoices"]:
        lines.append(t("invoice_line", reference=row["reference"], amount=money(row["amount"]),
                       due=day(row["due_date"]), days=row["days_late"]))
    if parts["more_invoices"]:
        lines.append(parts["more_invoices"])
    lines.append("")
    lines += [line["text"] for line in parts["summary"]]
    for paragraph in parts["paragraphs"]:
        lines += ["", paragraph]
    lines += ["", parts["closing"], "", creditor]
    return "\n".join(lines) + "\n"
