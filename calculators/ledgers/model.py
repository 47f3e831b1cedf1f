"""One model of receivables: documents (invoices and credit notes) and payments, whatever file they came from.

Readers fill it; calculators (the receivables report, the collections run) read it. Amounts are ``Decimal`` in
the document's currency, VAT included as invoiced. A credit note has a negative ``amount`` and ``open_amount``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

#: The kinds of document.
INVOICE = "invoice"
CREDIT_NOTE = "credit_note"
KINDS = (INVOICE, CREDIT_NOTE)


class Document(NamedTuple):
    """One invoice or credit note. The first ten fields are those of the first ledger reader's rows."""

    customer: str
    #: Signed: an invoice is positive, a credit note negative.
    amount: Decimal
    #: The document's date (issue date).
    invoice_date: date
    payment_term_days: int
    due_date: date
    #: The day it was paid in full, when the file or a matched bank payment tells.
    paid_date: date | None
    #: The document's number.
    reference: str | None
    currency: str | None
    #: Its place among the documents read (``invoices[index]``), and its line in the file when read from one.
    index: int
    line: int | None
    #: What is still open on the reference date: the file's open/remaining amount, or what matching left;
    #: ``None`` when the file does not say (then open means ``amount`` while unpaid, nothing once paid).
    open_amount: Decimal | None = None
    kind: str = INVOICE
    #: For a credit note: the number of the invoice it corrects, when the file says.
    corrects: str | None = None
    #: A structured payment reference (RF creditor reference, Belgian +++…+++) to match bank payments.
    payment_id: str | None = None
    #: Marked disputed in the file (a disputed invoice is excluded from cover: source 003).
    disputed: bool = False
    #: Written off as a bad debt in the file (the provision matrix learns from these).
    written_off: bool = False
    #: The file it came from (its name), when more than one file was read.
    source: str | None = None
    #: Per-row customer details the file gave: (("country", "BE"), ("language", "fr"), ("debtor", "consumer")).
    details: tuple[tuple[str, str], ...] = ()


class Payment(NamedTuple):
    """One incoming payment (a bank statement's credit entry, or a payment line of a ledger)."""

    amount: Decimal
    date: date
    currency: str | None
    #: The payer's name as the bank gives it.
    debtor: str | None
    #: The structured reference, when the payer used one.
    structured_reference: str | None
    #: The free remittance text.
    text: str | None
    source: str | None
    index: int
    #: The document numbers it was matched to (empty when it matched nothing).
    matched: tuple[str, ...] = ()
