"""read_request: every file at once, what was read from each, zips with caps, hostile and random bytes."""

from __future__ import annotations

import base64
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.ledger_files import camt, ubl, zip_claiming, zip_of
from calculators import run
from calculators.contract import Errors, Reader
from calculators.ledgers import read_request, request
from calculators.ledgers.match import ogm, open_of
from calculators.ledgers.model import CREDIT_NOTE

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = date(2026, 3, 31)


def file(name: str, data: bytes | None = None) -> dict[str, str]:
    return {"name": name, "base64": base64.b64encode(data if data is not None else (FIXTURES / name).read_bytes())
            .decode("ascii")}


def read(payload: dict[str, Any], lang: str = "en") -> tuple[request.Receivables | None, Errors]:
    errors = Errors(lang)
    return read_request(Reader(payload, errors), AS_OF), errors


def test_e_invoices_and_a_statement_together_match_and_date_the_payments() -> None:
    found, errors = read({"files": [file("peppol_invoices.zip"), file("statement_camt053.xml")]})
    assert not errors and found is not None
    by_number = {d.reference: d for d in found.documents}
    assert by_number["F2026-101"].paid_date == date(2026, 2, 3)  # by its +++ reference
    assert by_number["F2026-102"].paid_date == date(2026, 3, 1)  # its number in the text, after the credit note
    assert open_of(by_number["F2026-104"]) == Decimal("1420.00")  # RF reference, paid in part
    assert [f["format"] for f in found.files] == ["zip", "camt.053"]
    assert found.files[0]["formats"] == {"ubl": 4} and found.files[1]["matched"] == 3
    assert [(p.amount, p.debtor) for p in found.unmatched_payments] == [(Decimal("99.00"), "Onbekende betaler")]


def test_the_page_may_send_text_and_a_ledger_with_its_statement() -> None:
    csv = "Klant;Factuurnummer;Factuurdatum;Vervaldatum;Bedrag\nAcme;F-77;01-02-2026;03-03-2026;100,00\n"
    statement = camt([{"amount": "100.00", "date": "2026-03-10", "debtor": "Acme", "text": "F-77"}])
    found, errors = read({"files": [{"name": "l.csv", "text": csv}, file("st.xml", statement)]})
    assert not errors and found is not None
    assert found.documents[0].paid_date == date(2026, 3, 10) and found.documents[0].source == "l.csv"


def test_one_bad_file_is_listed_and_the_others_are_read() -> None:
    hostile = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>'
    found, errors = read({"files": [file("bad.xml", hostile), file("peppol_invoices.zip"),
                                    file("junk.bin", b"\x00\x01PK"), {"name": "x"}]})
    assert not errors and found is not None
    assert [f.get("error", {}).get("code") for f in found.files] == ["xml_doctype", None, "not_csv", "invalid_file"]
    assert len(found.documents) == 4


def test_when_no_file_can_be_read_each_reason_is_an_error_of_the_request() -> None:
    found, errors = read({"files": [file("a.xml", b"<a/>"), file("b.zip", b"PK\x03\x04broken")]}, "fr")
    assert found is None
    assert [(e["field"], e["code"]) for e in errors.items] == [("files[0]", "unknown_xml"), ("files[1]", "invalid_zip")]


def test_zip_caps(monkeypatch: pytest.MonkeyPatch) -> None:
    data = zip_of({f"{i}.xml": ubl(f"F{i}", date(2026, 1, 1), "A", "1.00") for i in range(5)})
    monkeypatch.setattr(request, "MAX_ZIP_ENTRIES", 4)
    found, _ = read({"files": [file("many.zip", data), file("peppol_invoices.zip")]})
    assert found is not None and found.files[0]["error"]["code"] == "zip_too_many_entries"
    monkeypatch.setattr(request, "MAX_ZIP_ENTRIES", 100)
    monkeypatch.setattr(request, "MAX_UNPACKED_BYTES", 1000)
    found, _ = read({"files": [file("big.zip", data), file("fr_reglements.csv")]})
    assert found is not None and found.files[0]["error"]["code"] == "zip_too_large"


def test_a_zip_bomb_is_refused_by_the_size_it_declares_and_by_what_it_really_unpacks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    found, _ = read({"files": [file("bomb.zip", zip_claiming(request.MAX_UNPACKED_BYTES + 1)),
                               file("peppol_invoices.zip")]})
    assert found is not None and found.files[0]["error"]["code"] == "zip_too_large"
    # A header that lies small: no more than it declares is unpacked, and the entry fails its checksum.
    found, _ = read({"files": [file("liar.zip", zip_claiming(10, b"0" * 50_000)), file("fr_reglements.csv")]})
    assert found is not None and found.files[0]["skipped"][0]["code"] == "invalid_zip"
    # An entry larger than one entry may be: reading stops at the cap.
    monkeypatch.setattr(request, "MAX_ENTRY_BYTES", 1000)
    found, _ = read({"files": [file("big.zip", zip_of({"big.csv": b"0" * 50_000})), file("fr_reglements.csv")]})
    assert found is not None and found.files[0]["error"]["code"] == "zip_too_large"


def test_a_zip_in_a_zip_is_not_opened() -> None:
    inner = zip_of({"a.xml": ubl("F1", date(2026, 1, 1), "A", "1.00")})
    found, _ = read({"files": [file("outer.zip", zip_of({"inner.zip": inner, "b.xml": ubl(
        "F2", date(2026, 1, 1), "B", "2.00")}))]})
    assert found is not None and found.files[0]["skipped"][0]["code"] == "nested_zip"
    assert [d.reference for d in found.documents] == ["F2"]


def test_a_table_whose_columns_need_naming_asks_as_the_csv_field_does() -> None:
    found, errors = read({"files": [file("st.xml", camt([])), {"name": "l.csv", "text": "Wie;Wanneer\nA;1\n"}]})
    assert found is None
    assert {e["code"] for e in errors.items} == {"unmapped_column"} and errors.items[0]["file"] == "l.csv"


def test_the_portfolio_report_lists_files_unused_columns_and_payments() -> None:
    result = run("portfolio", {"as_of": "2026-03-31", "files": [
        file("exact_open_items.csv"), file("statement_camt053.xml")]})
    assert "errors" not in result
    assert result["totals"]["open"] == "4364.56"  # 1,630 - 500 + 1,234.56 + 2,000: open amounts, credit note
    assert result["credit_note_count"] == 1 and result["ignored_columns"] == []
    assert result["payments"]["count"] == 4 and result["payments"]["matched_count"] == 0
    assert [f.get("encoding") for f in result["files"]] == ["windows-1252", None]  # XML declares its own


# -- properties ----------------------------------------------------------------------------------------------

amounts = st.integers(min_value=1, max_value=100_000).map(lambda c: Decimal(c) / 100)


@settings(max_examples=60, deadline=None)
@given(invoices=st.lists(amounts, min_size=1, max_size=6), credits=st.lists(amounts, max_size=3),
       paid=st.lists(st.tuples(st.integers(0, 5), amounts), max_size=5))
def test_the_open_total_is_invoices_less_credit_notes_less_matched_payments(
        invoices: list[Decimal], credits: list[Decimal], paid: list[tuple[int, Decimal]]) -> None:
    files = {f"F{i}.xml": ubl(f"F{i}", date(2026, 1, 1 + i), "Acme NV", f"{a:.2f}", due=date(2026, 2, 1),
                              payment_id=ogm(1000 + i)) for i, a in enumerate(invoices)}
    files.update({f"C{i}.xml": ubl(f"C{i}", date(2026, 1, 20), "Acme NV", f"{a:.2f}", credit_note=True)
                  for i, a in enumerate(credits)})
    statement = camt([{"amount": f"{a:.2f}", "date": "2026-02-15", "ref": ogm(1000 + i)} for i, a in paid])
    found, errors = read({"files": [file("e.zip", zip_of(files)), file("st.xml", statement)]})
    assert not errors and found is not None
    # What the bank paid on each invoice, never more than the invoice (the rest of a payment stays unapplied).
    applied = sum((min(sum((a for i, a in paid if i == n), Decimal(0)), amount)
                   for n, amount in enumerate(invoices)), Decimal(0))
    total = sum((open_of(d) for d in found.documents), Decimal(0))
    assert total == sum(invoices) - sum(credits) - applied
    assert all(open_of(d) >= 0 for d in found.documents if d.kind != CREDIT_NOTE)
    assert {p.matched for p in found.payments if p.matched} <= {(f"F{i}",) for i in range(len(invoices))}


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=400), name=st.sampled_from(["a.csv", "b.xml", "c.zip", "d.txt"]))
def test_a_reader_never_raises_on_random_bytes(data: bytes, name: str) -> None:
    for prefix in (b"", b"PK\x03\x04", b"<?xml version='1.0'?><Invoice ", b"JournalCode\tJournalLib\tEcritureNum\t"
                   b"EcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\t"
                   b"Debit\tCredit\tEcritureLet\tDateLet\n"):
        result = run("portfolio", {"as_of": "2026-03-31", "files": [file(name, prefix + data)]})
        assert "errors" in result or "customers" in result
        assert all(e.get("code") != "internal_error" for e in result.get("errors", []))


def test_a_workbooks_cells_come_as_rows_beside_other_files() -> None:
    cells = [["Klant", "Factuurnummer", "Factuurdatum", "Vervaldatum", "Bedrag"],
             ["Acme", "F-2026-9", "2026-02-01", "2026-03-03", 250]]
    statement = camt([{"amount": "250.00", "date": "2026-03-05", "text": "F-2026-9"}])
    found, errors = read({"files": [{"name": "l.xlsx", "rows": cells}, file("st.xml", statement)]})
    assert not errors and found is not None
    assert found.files[0]["format"] == "xlsx" and found.documents[0].paid_date == date(2026, 3, 5)
