"""The FEC: open customer items on a reference date, lettering, doubtful accounts, default terms."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from benchmarks.ledger_files import FEC_HEADER, fec_line
from calculators.ledgers import fec
from calculators.ledgers.decode import text
from calculators.ledgers.model import CREDIT_NOTE

FIXTURES = Path(__file__).parent / "fixtures"
FILE = text((FIXTURES / "123456789FEC20261231.txt").read_bytes())


def by_piece(as_of: date, term: int | None = None) -> dict[str, object]:
    found = fec.read(FILE, as_of, term)
    assert found.error is None and not found.problems
    return {d.reference: d for d in found.documents}


def test_the_header_is_recognised() -> None:
    assert fec.looks_like_fec(FILE)
    assert not fec.looks_like_fec("Klant;Factuurdatum\n")


def test_lettered_lines_are_paid_on_the_payments_date_and_the_rest_is_open() -> None:
    docs = by_piece(date(2026, 3, 31))
    assert set(docs) == {"FA001", "FA002", "FA003", "FA004", "AV005"}  # bank lines are not documents
    paid = docs["FA001"]
    assert paid.paid_date == date(2026, 2, 8) and paid.open_amount == 0  # type: ignore[attr-defined]
    assert docs["FA002"].open_amount == Decimal("600.00")  # type: ignore[attr-defined]
    assert docs["FA002"].customer == "Durand SAS"  # type: ignore[attr-defined]


def test_lettering_after_the_reference_date_leaves_the_item_open() -> None:
    assert by_piece(date(2026, 3, 31))["FA003"].open_amount == Decimal("2400.00")  # type: ignore[attr-defined]
    assert by_piece(date(2026, 4, 30))["FA003"].paid_date == date(2026, 4, 5)  # type: ignore[attr-defined]


def test_doubtful_accounts_are_disputed_and_credits_are_credit_notes() -> None:
    docs = by_piece(date(2026, 3, 31))
    assert docs["FA004"].disputed  # type: ignore[attr-defined]
    credit = docs["AV005"]
    assert credit.kind == CREDIT_NOTE and credit.amount == Decimal("-240.00")  # type: ignore[attr-defined]


def test_due_dates_come_from_the_default_term() -> None:
    assert by_piece(date(2026, 3, 31))["FA002"].due_date == date(2026, 3, 3)  # type: ignore[attr-defined]
    assert by_piece(date(2026, 3, 31), 45)["FA002"].due_date == date(2026, 3, 18)  # type: ignore[attr-defined]


def test_pipe_separated_with_a_bad_amount_sets_the_line_aside() -> None:
    lines = [FEC_HEADER, fec_line("VE", 1, date(2026, 1, 5), "411000", "C1", "A", "F1", debit="12,50"),
             fec_line("VE", 2, date(2026, 1, 6), "411000", "C1", "A", "F2", debit="douze")]
    found = fec.read("\n".join(lines).replace("\t", "|"), date(2026, 3, 31), None)
    assert [d.amount for d in found.documents] == [Decimal("12.50")]
    assert found.problems == [(3, "Debit", "invalid_number")]
