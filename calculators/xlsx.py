"""An ``.xlsx`` sheet as rows of cells for the ledger reader (the portfolio calculator's ``rows`` field).

``openpyxl`` is optional: the engine itself stays stdlib-only. The browser's
worker loads the pinned openpyxl wheel only when a reader opens an ``.xlsx``
file, then calls :func:`to_json`; nothing imports this module at start-up.

Cells keep their type where JSON can carry it, so the reader never has to
guess a decimal mark: numbers stay numbers (a float's shortest repr, as the
sheet stores it), dates become ISO ``YYYY-MM-DD`` text, text is trimmed.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

Cell = str | int | float | None


class NotASpreadsheet(ValueError):
    """The bytes are not an ``.xlsx`` workbook (another file renamed, an old ``.xls``, a damaged download)."""


def cell_value(value: Any) -> Cell:
    """One cell as a JSON value the ledger reader reads the same way in nl, fr and en."""
    if value is None or isinstance(value, str):
        return value.strip() if isinstance(value, str) else None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value - value != 0:  # NaN or an infinity (their difference is NaN): no math module in the engine
            return str(value)  # not JSON: the reader names it as not a number
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (time, timedelta)):
        return str(value)
    return str(value).strip()


def rows(data: bytes, limit: int | None = None) -> list[list[Cell]]:
    """The first sheet's rows, empty rows left out and trailing empty cells dropped; at most ``limit`` rows."""
    import openpyxl  # type: ignore[import-untyped]  # optional: loaded on demand in the browser
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise NotASpreadsheet(str(error)) from error
    try:
        if not book.worksheets:
            return []
        found: list[list[Cell]] = []
        for values in book.worksheets[0].iter_rows(values_only=True):
            cells = [cell_value(v) for v in values]
            while cells and (cells[-1] is None or cells[-1] == ""):
                cells.pop()
            if cells:
                found.append(cells)
                if limit is not None and len(found) >= limit:
                    break
        return found
    finally:
        book.close()


def to_json(data: bytes, limit: int | None = None) -> str:
    """:func:`rows` as JSON text: the worker hands it to the page, which sends it back as ``rows``."""
    return json.dumps(rows(data, limit), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
