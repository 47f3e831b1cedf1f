"""Open-item exports as they are: open amounts, credit notes, terms, unused columns, per-row details."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from calculators.ledgers import table
from calculators.ledgers.decode import text
from calculators.ledgers.model import CREDIT_NOTE, INVOICE

FIXTURES = Path(__file__).parent / "fixtures"


def test_an_exact_style_export_keeps_invoice_amount_and_open_amount_apart() -> None:
    sheet = table.read_csv(text((FIXTURES / "exact_open_items.csv").read_bytes()))
    assert not sheet.errors and not sheet.problems
    assert sheet.columns["amount"] == "Factuurbedrag" and sheet.columns["open_amount"] == "Openstaand bedrag"
    first, credit = sheet.invoices[:2]
    assert (first.customer, first.amount, first.open_amount, first.kind) == (
        "Café De Hoek", Decimal("3630.00"), Decimal("1630.00"), INVOICE)
    assert (credit.amount, credit.open_amount, credit.kind) == (Decimal("-500.00"), Decimal("-500.00"), CREDIT_NOTE)
    assert first.details == (("country", "BE"), ("language", "nl"))


def test_a_file_with_only_open_amounts_reads_them_as_the_amounts() -> None:
    sheet = table.read_csv("Klant;Factuurdatum;Vervaldatum;Saldo\nAcme;01-02-2026;03-03-2026;250,00\n")
    assert not sheet.errors and sheet.invoices[0].amount == Decimal("250.00") == sheet.invoices[0].open_amount


def test_a_document_type_column_makes_a_credit_note_of_a_positive_amount() -> None:
    sheet = table.read_csv("Klant;Soort;Factuurdatum;Vervaldatum;Bedrag;Gecrediteerde factuur\n"
                           "Acme;Factuur;01-02-2026;03-03-2026;100,00;\n"
                           "Acme;Creditnota;05-02-2026;05-02-2026;40,00;F1\n"
                           "Acme;Avoir;05-02-2026;05-02-2026;10,00;\n")
    assert [(d.kind, d.amount, d.corrects) for d in sheet.invoices] == [
        (INVOICE, Decimal("100.00"), None), (CREDIT_NOTE, Decimal("-40.00"), "F1"),
        (CREDIT_NOTE, Decimal("-10.00"), None)]


def test_a_french_export_reads_regle_le_and_written_terms() -> None:
    sheet = table.read_csv((FIXTURES / "fr_reglements.csv").read_text("utf-8"))
    assert not sheet.errors and not sheet.problems
    assert sheet.columns["paid_date"] == "Réglé le"
    assert sheet.columns["payment_term_days"] == "Conditions de paiement"
    paid, disputed, consumer, _credit = sheet.invoices
    assert paid.paid_date == date(2026, 3, 1) and paid.due_date == date(2026, 3, 31)
    assert disputed.disputed and disputed.due_date == date(2026, 3, 31)
    assert consumer.due_date == date(2026, 2, 15) and ("debtor", "consumer") in consumer.details
    assert ("debtor", "business") in paid.details


def test_columns_no_field_reads_are_listed() -> None:
    sheet = table.read_csv("Klant;Factuurdatum;Vervaldatum;Bedrag;Opmerking;Verkoper\n"
                           "Acme;01-02-2026;03-03-2026;100,00;bellen;Jan\n")
    assert sheet.ignored_columns == ["Opmerking", "Verkoper"]


@pytest.mark.parametrize(("header", "name"), [
    ("Réglé le", "paid_date"), ("Date de règlement", "paid_date"), ("Échéance", "due_date"),
    ("Date d'échéance", "due_date"), ("Betaald op", "paid_date"), ("Vervaldag", "due_date"),
    ("Openstaand", "open_amount"), ("Saldo openstaand", "open_amount"), ("Reste dû", "open_amount"),
    ("Solde", "open_amount"), ("Montant restant", "open_amount"), ("Open amount", "open_amount"),
    ("Outstanding", "open_amount"), ("Betwist", "disputed"), ("Contesté", "disputed"), ("Litige", "disputed"),
    ("Afgeschreven", "written_off"), ("Oninbaar", "written_off"), ("Passé en perte", "written_off"),
    ("Irrécouvrable", "written_off"), ("Written off", "written_off"), ("Pays", "country"), ("Land", "country"),
    ("Langue", "language"), ("Taal", "language"), ("Type", "debtor"), ("Klanttype", "debtor"),
    ("Type de client", "debtor"), ("Customer type", "debtor"),
])
def test_the_new_header_words(header: str, name: str) -> None:
    assert table.match_headers(["x", header]) == {name: 1}


@pytest.mark.parametrize(("cell", "flag"), [("yes", True), ("ja", True), ("oui", True), ("x", True),
                                            ("true", True), ("1", True), ("prix contesté", True), ("", False),
                                            ("nee", False), ("non", False), ("0", False)])
def test_yes_no_columns(cell: str, flag: bool) -> None:
    sheet = table.read_csv(f"Klant;Factuurdatum;Vervaldatum;Bedrag;Betwist;Oninbaar\n"
                           f"Acme;01-02-2026;03-03-2026;100,00;{cell};{cell}\n")
    assert (sheet.invoices[0].disputed, sheet.invoices[0].written_off) == (flag, flag)


def test_without_due_date_or_term_the_default_term_serves() -> None:
    csv = "Klant;Factuurdatum;Bedrag\nAcme;01-02-2026;100,00\n"
    assert [code for _, code, _, _ in table.read_csv(csv).errors] == ["unmapped_column"]
    sheet = table.read_csv(csv, default_term_days=14)
    assert sheet.invoices[0].due_date == date(2026, 2, 15) and sheet.invoices[0].payment_term_days == 14
