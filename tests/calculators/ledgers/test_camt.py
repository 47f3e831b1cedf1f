"""CAMT.053 statements: booked credit entries, their payer and references."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from benchmarks.ledger_files import camt
from calculators.ledgers import camt as reader
from calculators.ledgers import safexml


@pytest.mark.parametrize("version", ["02", "04", "08"])
def test_credit_entries_are_payments_debit_and_pending_entries_are_not(version: str) -> None:
    data = camt([{"amount": "1210.00", "date": "2026-02-03", "debtor": "Bakkerij Peeters",
                  "ref": "+++090/9337/55493+++", "text": "F1"},
                 {"amount": "300.00", "date": "2026-02-04", "dbit": True},
                 {"amount": "50.00", "date": "2026-02-05", "status": "PDNG"}], version=version)
    root = safexml.parse(data)
    assert reader.is_camt(root)
    payments, entries = reader.read(root, "st.xml")
    assert entries == 3
    assert [(p.amount, p.date, p.debtor, p.structured_reference, p.text) for p in payments] == [
        (Decimal("1210.00"), date(2026, 2, 3), "Bakkerij Peeters", "+++090/9337/55493+++", "F1")]


def test_another_iso_message_is_not_a_statement() -> None:
    root = safexml.parse(b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"/>')
    assert not reader.is_camt(root)
