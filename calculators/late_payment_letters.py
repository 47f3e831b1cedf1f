"""Letters written from a late_payment result: a payment reminder, a formal notice and the Dutch 14-day letter.

Plain text in the letter's own language (``letter_lang``, apart from the page's ``lang``: a Dutch firm
writes to a French customer in French). The figures are the result's; the legal basis is the one of the
claim's country. The user's and the customer's names are placeholders unless given.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from . import messages, rules

#: Invoices listed one by one in a letter; the rest are summed up in one line.
LISTED_INVOICES = 50


def write_letter(inputs: Any, result: dict[str, Any], lang: str) -> dict[str, str]:
    """The letter ``inputs.letter`` for ``result``, in ``lang``."""
    kind = inputs.letter

    def t(key: str, **params: Any) -> str:
        return messages.message(lang, f"late_payment.letter.{key}", **params)

    def money(amount: str | Decimal) -> str:
        return messages.format_money(Decimal(amount), lang)

    def day(value: date | str) -> str:
        return messages.format_date(date.fromisoformat(value) if isinstance(value, str) else value, lang)

    until = date.fromisoformat(result["until"])
    creditor = inputs.creditor or t("placeholder_creditor")
    debtor = inputs.debtor_name or t("placeholder_debtor")
    late = [i for i in result["invoices"] if i["status"] == "late"]
    subject = t(f"subject.{kind}")
    lines = [creditor, "", t("place_date", date=day(until)), "", f"{subject}", "", t("salutation", debtor=debtor), ""]
    lines.append(t(f"intro.{kind}", count=len(late)))
    lines.append("")
    for invoice in late[:LISTED_INVOICES]:
        reference = invoice["reference"] or t("invoice_number", index=invoice["invoice"])
        lines.append(t("invoice_line", reference=reference, amount=money(invoice["principal_outstanding"]),
                       due=day(invoice["due_date"]), days=invoice["days_late"]))
    if len(late) > LISTED_INVOICES:
        rest = sum((Decimal(i["principal_outstanding"]) for i in late[LISTED_INVOICES:]), Decimal(0))
        lines.append(t("more_invoices", count=len(late) - LISTED_INVOICES, amount=money(rest)))
    lines.append("")
    costs_now = kind != "fourteen_day_letter" and not (kind == "reminder" and result["costs_conditions"])
    # A Belgian consumer's first reminder must be free: no interest and no damages yet (art. XIX.2 CEL).
    free_reminder = kind == "reminder" and (inputs.country, inputs.debtor) == ("BE", "consumer")
    total = Decimal(result["principal_outstanding"])
    lines.append(t("summary_principal", amount=money(result["principal_outstanding"])))
    if not free_reminder:
        total += Decimal(result["interest"])
        lines.append(t("summary_interest", amount=money(result["interest"]), date=day(until)))
    if costs_now and Decimal(result["costs"]) > 0:
        lines.append(t("summary_costs", amount=money(result["costs"])))
        total += Decimal(result["costs"])
    lines.append(t("summary_total", amount=money(total)))
    lines.append("")
    lines.append(t(f"basis.{inputs.country}_{inputs.debtor}"))
    lines.append("")
    if kind == "fourteen_day_letter":
        lines.append(t("pay.fourteen_day_letter", days=inputs.pay_within_days, costs=money(result["costs_total"])))
    else:
        deadline = until + timedelta(days=inputs.pay_within_days)
        lines.append(t(f"pay.{kind}", date=day(deadline), days=inputs.pay_within_days))
        if free_reminder:
            lines.append(t("be_free_reminder", days=rules.integer("be_consumer_grace_days")))
    lines += ["", t("closing"), "", creditor]
    return {"kind": kind, "lang": lang, "subject": subject, "text": "\n".join(lines) + "\n"}
