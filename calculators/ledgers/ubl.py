"""Peppol BIS Billing 3.0 (UBL 2.1) invoices and credit notes as documents.

Read from each file (element names of UBL 2.1; business terms of EN 16931 as Peppol BIS Billing 3.0 uses
them, OpenPEPPOL, https://docs.peppol.eu/poacc/billing/3.0/, checked 2026-12-04):

- ``cbc:ID`` (BT-1) the number, ``cbc:IssueDate`` (BT-2) the date, ``cbc:DocumentCurrencyCode`` (BT-5);
- the due date: ``cbc:DueDate`` (BT-9) of an Invoice, ``cac:PaymentMeans/cbc:PaymentDueDate`` of a CreditNote
  (and of an Invoice without BT-9); else the term in ``cac:PaymentTerms/cbc:Note`` (BT-20) when it is one we
  read; else the request's ``default_term_days``; else the default term (rule ``default_payment_term_days``);
- the buyer ``cac:AccountingCustomerParty/cac:Party``: ``cac:PartyLegalEntity/cbc:RegistrationName``
  (BT-44), else ``cac:PartyName/cbc:Name`` (BT-45); kept as details: ``cbc:EndpointID`` (BT-49),
  ``cac:PartyTaxScheme/cbc:CompanyID`` (BT-48, VAT), ``cac:PartyLegalEntity/cbc:CompanyID`` (BT-47),
  ``cac:PostalAddress/cac:Country/cbc:IdentificationCode`` (BT-55);
- ``cac:LegalMonetaryTotal``: ``cbc:TaxInclusiveAmount`` (BT-112) as the amount, ``cbc:PayableAmount``
  (BT-115, "amount due for payment", after any prepaid amount BT-113) as what is open; a credit note's are
  negative;
- ``cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID`` (BT-25): the invoice a credit note corrects;
- ``cac:PaymentMeans/cbc:PaymentID`` (BT-83): the remittance reference, kept to match bank payments.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal, InvalidOperation

from .. import rules
from . import terms
from .model import CREDIT_NOTE, INVOICE, Document

NS_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
NS_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CBC = "{urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2}"
CAC = "{urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2}"
ROOTS = {f"{{{NS_INVOICE}}}Invoice": INVOICE, f"{{{NS_CREDIT_NOTE}}}CreditNote": CREDIT_NOTE}


class Unreadable(ValueError):
    """A UBL document without what a receivable needs; ``field`` names the missing element."""

    def __init__(self, field: str, code: str = "required") -> None:
        super().__init__(field)
        self.field = field
        self.code = code


def is_ubl(root: ET.Element) -> bool:
    return root.tag in ROOTS


def _day(text: str | None) -> date | None:
    if not text or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


#: Elements that come after everything a receivable needs (UBL 2.1 puts the lines last): not parsed.
LINES = (b"InvoiceLine", b"CreditNoteLine")
#: A UBL Invoice or CreditNote declares its namespace at the start (the lines are cut from these only).
_ROOT_NAMESPACES = (NS_INVOICE.encode(), NS_CREDIT_NOTE.encode())


def stops(data: bytes) -> tuple[bytes, ...]:
    """:data:`LINES` when the bytes start as a UBL document (nothing is cut from any other XML)."""
    head = data[:4096]
    return LINES if any(ns in head for ns in _ROOT_NAMESPACES) else ()


def _first(element: ET.Element | None, *tags: str) -> ET.Element | None:
    """The first child with ``tags[0]``, then its first child with ``tags[1]``...; one level at a time."""
    for tag in tags:
        if element is None:
            return None
        element = element.find(tag)
    return element


def _value(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return " ".join(element.text.split()) or None


def _money(element: ET.Element | None) -> tuple[Decimal, str | None] | None:
    text = _value(element)
    if text is None or element is None:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or abs(value) >= 10**13:
        return None
    return value.quantize(Decimal("0.01")), element.get("currencyID")


def read(root: ET.Element, index: int, default_term_days: int | None, source: str | None) -> Document:
    """The document of a parsed UBL Invoice or CreditNote, or :class:`Unreadable`."""
    kind = ROOTS[root.tag]
    top: dict[str, ET.Element] = {}
    for child in root:  # one pass over the document's parts (a path search per field costs more)
        top.setdefault(child.tag, child)
    number = _value(top.get(f"{CBC}ID"))
    issued = _day(_value(top.get(f"{CBC}IssueDate")))
    if number is None:
        raise Unreadable("ID")
    if issued is None:
        raise Unreadable("IssueDate", "invalid_date")
    party = _first(top.get(f"{CAC}AccountingCustomerParty"), f"{CAC}Party")
    legal = _first(party, f"{CAC}PartyLegalEntity")
    customer = _value(_first(legal, f"{CBC}RegistrationName")) or _value(
        _first(party, f"{CAC}PartyName", f"{CBC}Name"))
    if customer is None:
        raise Unreadable("AccountingCustomerParty")
    totals = top.get(f"{CAC}LegalMonetaryTotal")
    payable = _money(_first(totals, f"{CBC}PayableAmount"))
    if payable is None:
        raise Unreadable("PayableAmount", "invalid_number")
    total = _money(_first(totals, f"{CBC}TaxInclusiveAmount")) or payable
    currency = payable[1] or _value(top.get(f"{CBC}DocumentCurrencyCode"))
    amount, open_amount = total[0], payable[0]
    if kind == CREDIT_NOTE or (amount < 0 and open_amount <= 0):
        kind = CREDIT_NOTE
        amount, open_amount = -abs(amount), -abs(open_amount)
    means = top.get(f"{CAC}PaymentMeans")
    due = _day(_value(top.get(f"{CBC}DueDate"))) or _day(_value(_first(means, f"{CBC}PaymentDueDate")))
    if due is None:
        note = _value(_first(top.get(f"{CAC}PaymentTerms"), f"{CBC}Note"))
        term = terms.parse(note) if note else None
        if term is None:
            term = terms.Term(default_term_days if default_term_days is not None
                              else rules.integer("default_payment_term_days"))
        due = terms.due_date(issued, term)
    if due < issued:
        due = issued
    details = tuple((name, value) for name, value in (
        ("country", _value(_first(party, f"{CAC}PostalAddress", f"{CAC}Country", f"{CBC}IdentificationCode"))),
        ("vat", _value(_first(party, f"{CAC}PartyTaxScheme", f"{CBC}CompanyID"))),
        ("company_id", _value(_first(legal, f"{CBC}CompanyID"))),
        ("endpoint", _value(_first(party, f"{CBC}EndpointID"))),
    ) if value)
    return Document(
        customer, amount, issued, (due - issued).days, due, None, number, currency, index, None,
        open_amount if open_amount != amount else None, kind,
        _value(_first(top.get(f"{CAC}BillingReference"), f"{CAC}InvoiceDocumentReference", f"{CBC}ID")),
        _value(_first(means, f"{CBC}PaymentID")), False, False, source, details)
