"""Peppol BIS 3.0 UBL invoices and credit notes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from benchmarks.ledger_files import ubl
from calculators.ledgers import safexml
from calculators.ledgers import ubl as reader
from calculators.ledgers.model import CREDIT_NOTE, INVOICE


def read(data: bytes, term: int | None = None):
    return reader.read(safexml.parse(data), 0, term, "f.xml")


def test_an_invoice_gives_buyer_number_dates_amount_and_payment_id() -> None:
    doc = read(ubl("F1", date(2026, 1, 5), "Bakkerij Peeters BV", "1210.00", due=date(2026, 2, 4),
                   payment_id="+++090/9337/55493+++"))
    assert (doc.customer, doc.reference, doc.invoice_date, doc.due_date, doc.amount, doc.currency, doc.kind) == (
        "Bakkerij Peeters BV", "F1", date(2026, 1, 5), date(2026, 2, 4), Decimal("1210.00"), "EUR", INVOICE)
    assert doc.payment_id == "+++090/9337/55493+++"
    assert ("vat", "BE0123456749") in doc.details and ("country", "BE") in doc.details


def test_a_credit_note_is_negative_names_its_invoice_and_takes_payment_due_date() -> None:
    doc = read(ubl("C1", date(2026, 2, 10), "Bakkerij Peeters BV", "121.00", credit_note=True, corrects="F1",
                   due=date(2026, 2, 20)))
    assert (doc.kind, doc.amount, doc.corrects, doc.due_date) == (CREDIT_NOTE, Decimal("-121.00"), "F1",
                                                                  date(2026, 2, 20))


def test_without_due_date_the_payment_terms_note_then_the_default_term() -> None:
    assert read(ubl("F2", date(2026, 1, 10), "A", "10.00", note="30 jours fin de mois")).due_date == date(2026, 2, 28)
    assert read(ubl("F3", date(2026, 1, 10), "A", "10.00")).due_date == date(2026, 2, 9)
    assert read(ubl("F4", date(2026, 1, 10), "A", "10.00"), 10).due_date == date(2026, 1, 20)


def test_a_document_without_a_buyer_is_unreadable_not_a_crash() -> None:
    data = ubl("F5", date(2026, 1, 10), "A", "10.00").replace(b"AccountingCustomerParty", b"Something")
    with pytest.raises(reader.Unreadable) as raised:
        read(data)
    assert raised.value.field == "AccountingCustomerParty"


@pytest.mark.parametrize("declaration", [
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>',
    b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    b"<!doctype Invoice>",
])
def test_xml_declaring_a_doctype_or_entities_is_refused_before_parsing(declaration: bytes) -> None:
    data = ubl("F6", date(2026, 1, 10), "A", "10.00").replace(b"?>\n", b"?>\n" + declaration + b"\n", 1)
    with pytest.raises(safexml.Refused) as raised:
        safexml.parse(data)
    assert raised.value.code == "xml_doctype"
    with pytest.raises(safexml.Refused):
        safexml.parse(data.decode().encode("utf-16"))


def test_the_lines_are_not_needed_and_not_parsed_yet_the_document_reads_the_same() -> None:
    plain = ubl("F7", date(2026, 1, 10), "Acme NV", "121.00", due=date(2026, 2, 9), payment_id="RF18539007547034")
    with_lines = ubl("F7", date(2026, 1, 10), "Acme NV", "121.00", due=date(2026, 2, 9),
                     payment_id="RF18539007547034", lines=5)
    head = safexml.parse(with_lines, reader.stops(with_lines))
    assert not [e for e in head.iter() if e.tag.endswith("InvoiceLine")]  # parsing stopped before the lines
    assert reader.read(head, 0, None, "f.xml") == read(plain)
    credit = ubl("C7", date(2026, 1, 10), "Acme NV", "10.00", credit_note=True, lines=2)
    assert reader.read(safexml.parse(credit, reader.stops(credit)), 0, None, "f.xml").amount == Decimal("-10.00")


def test_only_a_ubl_document_is_cut_at_its_lines() -> None:
    assert reader.stops(b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">InvoiceLine') == ()
