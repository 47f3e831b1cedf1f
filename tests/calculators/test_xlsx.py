"""An .xlsx sheet as rows of cells: typed where JSON can carry it, so the ledger reader never guesses a mark."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from calculators import xlsx


def workbook(*sheets: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for number, values in enumerate(sheets):
        sheet = book.create_sheet(f"Sheet{number + 1}")
        for row in values:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_typed_cells_become_iso_dates_and_json_numbers() -> None:
    data = workbook([
        ["Klant", "Bedrag", "Factuurdatum", "Termijn", "Opmerking"],
        ["Bakkerij Jansen; Zn", 1234.56, datetime(2026, 3, 1), 30, "  te laat "],
        ["Garage Peeters", 1500.0, date(2026, 2, 15), 60, None],
        ["Big", 12345678.9, datetime(2026, 1, 31, 14, 30), 45, True],
    ])
    assert json.loads(xlsx.to_json(data)) == [
        ["Klant", "Bedrag", "Factuurdatum", "Termijn", "Opmerking"],
        ["Bakkerij Jansen; Zn", 1234.56, "2026-03-01", 30, "te laat"],
        ["Garage Peeters", 1500, "2026-02-15", 60],
        ["Big", 12345678.9, "2026-01-31", 45, "TRUE"],
    ]
    assert "1234.56," in xlsx.to_json(data)  # the float's shortest repr: exactly what the cell shows


def test_only_the_first_sheet_is_read_and_empty_rows_are_left_out() -> None:
    data = workbook([["a", 1], [None, None], [], ["b", 2]], [["other sheet"]])
    assert xlsx.rows(data) == [["a", 1], ["b", 2]]


def test_the_limit_stops_reading() -> None:
    data = workbook([[n] for n in range(1, 50)])
    assert xlsx.rows(data, limit=3) == [[1], [2], [3]]


@pytest.mark.parametrize("data", [b"", b"customer;amount\nA;1\n", b"PK\x03\x04 not really a zip"])
def test_bytes_that_are_not_a_workbook_are_refused_by_name(data: bytes) -> None:
    with pytest.raises(xlsx.NotASpreadsheet):
        xlsx.to_json(data)


@pytest.mark.parametrize(("value", "cell"), [
    (0.1 + 0.2, 0.30000000000000004),  # the float the cell holds, never rounded behind the reader's back
    (2.5, 2.5),
    (1500.0, 1500),
    (float("nan"), "nan"),
    (Decimal("12.50"), "12.50"),
    (-3, -3),
    (None, None),
    ("  x ", "x"),
    (datetime(2026, 1, 31, 23, 59), "2026-01-31"),
])
def test_cell_value(value: object, cell: object) -> None:
    assert xlsx.cell_value(value) == cell


def test_the_ledger_reader_reads_a_sheet_as_the_engine_reads_its_cells() -> None:
    """The round trip the page makes: xlsx -> JSON rows -> the portfolio calculator's `rows` field."""
    from calculators import run

    data = workbook([
        ["Klant", "Bedrag", "Factuurdatum", "Vervaldatum"],
        ["Jansen", 12.5, date(2025, 11, 1), date(2025, 12, 1)],
        ["Jansen", 1234.56, date(2025, 12, 1), date(2025, 12, 31)],
    ])
    answer = run("portfolio", {"rows": json.loads(xlsx.to_json(data)), "as_of": "2025-12-15"})
    assert "errors" not in answer, answer
    assert answer["totals"]["open"] == "1247.06" and answer["totals"]["overdue"] == "12.50"
