"""An ``.xlsx`` sheet as CSV text, so a spreadsheet export goes through the same ledger reader as a CSV file.

``openpyxl`` is optional: the engine itself stays stdlib-only. The browser's
worker loads the pinned openpyxl wheel only when a reader opens an ``.xlsx``
file, then calls :func:`to_csv`; nothing imports this module at start-up.

Typed cells are written in the one form the reader reads in every language:
dates as ISO ``YYYY-MM-DD``, numbers with a ``.`` and no grouping (``1234.5``),
never through a locale. Text cells are passed on as typed (trimmed).
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

#: Separator of the CSV text written: never part of an ISO date or a plain number.
SEPARATOR = ";"


class NotASpreadsheet(ValueError):
    """The bytes are not an ``.xlsx`` workbook (another file renamed, an old ``.xls``, a damaged download)."""


def cell_text(value: Any) -> str:
    """One cell's value as text the ledger reader parses the same way in nl, fr and en."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        number = Decimal(repr(value))  # the shortest repr: 1234.56, never 1234.5599999
        if number == number.to_integral_value():
            return str(int(number))
        return format(number, "f")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (time, timedelta)):
        return str(value)
    return str(value).strip()


def rows(data: bytes, limit: int | None = None) -> list[list[str]]:
    """The first sheet's rows as text cells, empty rows left out; at most ``limit`` rows when given."""
    import openpyxl  # type: ignore[import-untyped]  # optional: loaded on demand in the browser
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise NotASpreadsheet(str(error)) from error
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            return []
        found: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True):
            cells = [cell_text(v) for v in values]
            while cells and cells[-1] == "":
                cells.pop()
            if cells:
                found.append(cells)
                if limit is not None and len(found) >= limit:
                    break
        return found
    finally:
        book.close()


def to_csv(data: bytes, limit: int | None = None) -> str:
    """The first sheet of an ``.xlsx`` workbook as CSV text (``;``-separated, quoted where needed)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=SEPARATOR, lineterminator="\n")
    writer.writerows(rows(data, limit))
    return out.getvalue()
