"""The ledger fields of a request, read once for every calculator: ``invoices``, ``csv``, ``rows`` or ``files``.

:func:`read_request` reads whichever the request gives (with ``columns`` and ``default_term_days``), checks
what each document means against the reference date, sets credit notes against invoices and matches bank
payments, and returns the :class:`Receivables`: documents, payments, what was read from each file, the
columns left unused and the rows set aside. The portfolio report and the collections run both call it.

``files`` is a list of ``{"name": …, "base64": …}`` (the file's bytes, as the page sends them),
``{"name": …, "text": …}`` or ``{"name": …, "rows": [[…], …]}`` (a workbook's cells, as the page's spreadsheet
reader gives them); the format is found from the content: a zip (of e-invoices, or of any of these),
Peppol UBL (Invoice, CreditNote), CAMT.053, a FEC, else a CSV table (an ``.xlsx`` workbook when openpyxl is
installed). A file that cannot be read is listed with its reason and the others are read.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ..contract import MAX_LIST_ITEMS, MAX_TERM_DAYS, Errors, Reader
from ..messages import format_number, message
from . import fec, match, table
from .decode import decode
from .model import CREDIT_NOTE, INVOICE, Document, Payment

SOURCES = ("invoices", "csv", "rows", "files")
#: Rows set aside that are listed one by one; the others are counted.
MAX_LISTED = 1000
#: Files one request may hold (a folder of e-invoices is better sent as one zip).
MAX_FILES = 10_000
#: A zip: entries read at most, bytes unpacked at most in all and per entry (a zip bomb is refused, not read).
MAX_ZIP_ENTRIES = 20_000
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_ENTRY_BYTES = 32 * 1024 * 1024
#: Problems listed per file (the others counted).
MAX_FILE_PROBLEMS = 100
_CELL_MESSAGES = ("invalid_date", "invalid_number", "invalid_integer")


@dataclass
class Receivables:
    """What the ledger fields of a request hold, ready for any calculator."""

    documents: list[Document]
    payments: list[Payment] = field(default_factory=list)
    #: Per file: name, format, encoding, documents, payments, matched, rejected, ignored_columns, error…
    files: list[dict[str, Any]] = field(default_factory=list)
    #: The headers of the table file(s) that no field was read from.
    ignored_columns: list[str] = field(default_factory=list)
    #: The rows set aside (the first :data:`MAX_LISTED`), each with field, code, message, row, line, column, file.
    rejected: list[dict[str, Any]] = field(default_factory=list)
    rejected_count: int = 0
    #: The columns read and the writings found, when one table was read (``None`` for JSON rows).
    columns: dict[str, str] | None = None
    formats: dict[str, str] | None = None
    source: str = "invoices"

    @property
    def unmatched_payments(self) -> list[Payment]:
        return [p for p in self.payments if not p.matched]


@dataclass
class _Read:
    documents: list[Document] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)
    rejected: int = 0


def read_request(r: Reader, as_of: date) -> Receivables | None:
    """The request's ledger (``invoices``, ``csv``, ``rows`` or ``files``; ``columns``; ``default_term_days``).

    Errors of the request go to ``r.errors`` (and the answer is ``None``): no ledger, two sources, a table
    whose columns cannot be matched, or nothing usable at all. Rows and files that cannot be read are not
    errors: they are listed in the answer.
    """
    before = len(r.errors.items)
    given = [name for name in SOURCES if r.obj.get(name) is not None]
    r.seen.update(SOURCES)
    default_term = r.integer("default_term_days", required=False, maximum=MAX_TERM_DAYS)
    if not given:
        r.fail("invoices", "required")
        return None
    if len(given) > 1:
        r.fail(given[1], "exclusive_fields", names=", ".join(SOURCES))
        return None
    source = given[0]
    columns = _read_columns(r) if source != "invoices" else None
    if source != "invoices" and columns is None and r.obj.get("columns") is not None:
        return None
    if len(r.errors.items) > before:
        return None
    lang = r.errors.lang
    result = Receivables([], source=source)
    read = _Read()
    if source == "invoices":
        if not _read_invoices(r, read):
            return None
    elif source in ("csv", "rows"):
        raw = r.obj[source]
        if source == "csv" and not isinstance(raw, str):
            r.fail("csv", "invalid_text")
            return None
        if source == "rows" and not isinstance(raw, list):
            r.fail("rows", "invalid_list")
            return None
        sheet = (table.read_csv(raw, columns, default_term) if source == "csv"
                 else table.read_cells(raw, columns, default_term))
        if sheet.errors:
            _table_errors(r, sheet)
            return None
        _add_table(read, sheet, lang, None)
        result.columns, result.formats = sheet.columns, sheet.formats
        result.ignored_columns = list(sheet.ignored_columns)
    else:
        if not _read_files(r, read, result, columns, default_term, as_of):
            return None
    documents = _check(read, lang, as_of)
    read.problems.sort(key=lambda p: (p.get("file") or "", p["row"]))
    result.rejected = read.problems[:MAX_LISTED]
    result.rejected_count = read.rejected
    if not documents:
        _nothing(r, result, read)
        return None
    documents = match.set_off_credit_notes(documents, named_only=True)
    documents, payments, _applied = match.match_payments(documents, read.payments, as_of)
    documents = match.set_off_credit_notes(documents, named_only=False)
    result.documents = documents
    result.payments = payments
    for entry in result.files:
        entry["matched"] = sum(1 for p in payments if p.source == entry["name"] and p.matched)
    return result


def _nothing(r: Reader, result: Receivables, read: _Read) -> None:
    """No document at all: the rows' problems (or the files' reasons) become the request's errors."""
    if result.source == "files" and not read.problems:
        failed = [(i, f) for i, f in enumerate(result.files) if f.get("error")]
        for index, entry in failed:
            r.errors.items.append({"field": f"files[{index}]", "code": entry["error"]["code"],
                                   "message": entry["error"]["message"], "file": entry["name"]})
        if not failed:
            r.errors.add("files", "no_rows")
        return
    if not read.problems:
        r.errors.add(result.source if result.source != "invoices" else "invoices", "no_rows")
        return
    r.errors.items.extend({k: v for k, v in e.items() if k in ("field", "code", "message", "file")}
                          for e in result.rejected)
    if read.rejected > MAX_LISTED:
        r.errors.add(result.source, "more_errors", count=str(read.rejected - MAX_LISTED))


# -- the request's fields ----------------------------------------------------------------------------------------


def _read_columns(r: Reader) -> dict[str, str] | None:
    r.seen.add("columns")
    raw = r.obj.get("columns")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        r.fail("columns", "invalid_object")
        return None
    columns: dict[str, str] = {}
    for name, header in raw.items():
        if name not in table.FIELDS:
            r.errors.add(f"columns.{str(name)[:80]}", "unknown_field", name=str(name)[:80])
        elif not isinstance(header, str) or not header.strip():
            r.errors.add(f"columns.{name}", "invalid_text")
        else:
            columns[name] = header
    return None if len(columns) != len(raw) else columns


def _table_errors(r: Reader, sheet: table.Ledger, file: str | None = None) -> None:
    for path, code, params, extra in sheet.errors:
        if code == "unmapped_column":
            params = dict(params, field=message(r.errors.lang, "portfolio.field." + params["field"]))
        elif code == "too_many_rows":
            params = dict(params, maximum=format_number(Decimal(params["maximum"]), r.errors.lang))
        r.errors.add(path, code, **params)
        r.errors.items[-1].update(extra)
        if file is not None:
            r.errors.items[-1]["file"] = file


def _read_invoices(r: Reader, read: _Read) -> bool:
    """JSON rows, each checked as strictly as any request; a bad row is set aside, not the request."""
    raw = r.obj["invoices"]
    if not isinstance(raw, list):
        r.fail("invoices", "invalid_list")
        return False
    if len(raw) > MAX_LIST_ITEMS:
        r.fail("invoices", "too_many_items", maximum=str(MAX_LIST_ITEMS))
        return False
    for index, obj in enumerate(raw):
        path = f"invoices[{index}]"
        if not isinstance(obj, dict):
            read.problems.append(_problem(r.errors.lang, index, None, "", None, "invalid_object", {}))
            read.rejected += 1
            continue
        row_errors = Errors(r.errors.lang)
        item = Reader(obj, row_errors, path)
        customer = item.text("customer", required=True, numbers=True)
        amount = item.amount("amount")
        invoiced = item.day("invoice_date")
        term = item.integer("payment_term_days", required=False)
        due = item.day("due_date", required=False)
        paid = item.day("paid_date", required=False)
        reference = item.text("reference", numbers=True)
        currency = table._currency(obj["currency"]) if isinstance(obj.get("currency"), str) else None
        item.seen.add("currency")
        if obj.get("currency") is not None and not isinstance(obj.get("currency"), str):
            currency = table.Bad("invalid_currency")
        if isinstance(currency, table.Bad):
            item.fail("currency", currency.code)
        if term is None and due is None and not row_errors:
            item.fail("due_date", "required")
        item.finish()
        if row_errors or customer is None or amount is None or invoiced is None:
            read.rejected += 1
            for error in row_errors.items:
                name = error["field"].removeprefix(path).lstrip(".")
                read.problems.append(_problem(r.errors.lang, index, None, name, None, error["code"],
                                              {"message": error["message"]}))
            continue
        if due is None:
            due = date.fromordinal(invoiced.toordinal() + (term or 0))
        read.documents.append(Document(customer, amount, invoiced, (due - invoiced).days, due, paid, reference,
                                       currency if isinstance(currency, str) else None, index, None))
    return True


def _problem(lang: str, index: int, line: int | None, name: str, header: str | None, code: str,
             params: dict[str, str], file: str | None = None) -> dict[str, Any]:
    field_ = f"invoices[{index}]" + (f".{name}" if name else "")
    if "message" in params:  # a JSON row: the Reader's own message
        text_ = params["message"]
    elif code in _CELL_MESSAGES:  # a cell of a file: say which writings are read
        text_ = message(lang, "portfolio.cell." + code)
    else:
        text_ = message(lang, "error." + code, **params)
    entry: dict[str, Any] = {"field": field_, "code": code, "message": text_, "row": index}
    if line is not None:
        entry["line"] = line
    if header is not None:
        entry["column"] = header
    if file is not None:
        entry["file"] = file
    return entry


def _add_table(read: _Read, sheet: table.Ledger, lang: str, file: str | None) -> None:
    documents = sheet.invoices
    if file is not None:
        documents = [d._replace(source=file) for d in documents]
    read.documents.extend(documents)
    read.rejected += sheet.rejected_rows
    room = MAX_LISTED - len(read.problems)
    for index, line, name, header, code, params in sheet.problems[:max(room, 0)]:
        read.problems.append(_problem(lang, index, line, name, header, code, params, file))


def _check(read: _Read, lang: str, as_of: date) -> list[Document]:
    """What a document means, whatever it was read from: dates in order, payments not after the reference date."""
    kept = []
    for doc in read.documents:
        problem = None
        if doc.due_date < doc.invoice_date:
            problem = ("due_date", "due_before_invoice")
        elif doc.paid_date is not None and doc.paid_date < doc.invoice_date:
            problem = ("paid_date", "paid_before_invoice")
        elif doc.paid_date is not None and doc.paid_date > as_of:
            problem = ("paid_date", "after_as_of")
        if problem is None:
            kept.append(doc)
            continue
        read.rejected += 1
        if len(read.problems) < MAX_LISTED:
            read.problems.append(_problem(lang, doc.index, doc.line, problem[0], None, problem[1], {}, doc.source))
    return kept


# -- files -------------------------------------------------------------------------------------------------------


def _read_files(r: Reader, read: _Read, result: Receivables, columns: dict[str, str] | None,
                default_term: int | None, as_of: date) -> bool:
    raw = r.obj["files"]
    if not isinstance(raw, list):
        r.fail("files", "invalid_list")
        return False
    if not raw:
        r.fail("files", "required")
        return False
    if len(raw) > MAX_FILES:
        r.fail("files", "too_many_items", maximum=str(MAX_FILES))
        return False
    lang = r.errors.lang
    tables: list[tuple[int, str, table.Ledger]] = []
    for index, item in enumerate(raw):
        name, data, text_ = _file_content(item)
        entry: dict[str, Any] = {"name": name or f"files[{index}]", "format": None, "documents": 0, "payments": 0,
                                 "matched": 0, "rejected": 0}
        result.files.append(entry)
        cells = item.get("rows") if isinstance(item, dict) else None
        if data is None and text_ is None and not isinstance(cells, list):
            _fail(entry, lang, "invalid_file")
            continue
        before = (len(read.documents), len(read.payments), read.rejected)
        if isinstance(cells, list):  # a workbook's cells, as the page's spreadsheet reader gives them
            entry["format"] = "xlsx"
            _read_cells(entry, cells, read, tables, columns, default_term, lang)
        else:
            _read_one(entry, data, text_, read, tables, columns, default_term, as_of, lang, depth=0)
        entry["documents"] = len(read.documents) - before[0]
        entry["payments"] = len(read.payments) - before[1]
        entry["rejected"] = read.rejected - before[2]
    mapping_errors = [(i, n, s) for i, n, s in tables if s.errors]
    if mapping_errors and all(code in ("unmapped_column", "unknown_column") for _, _, s in mapping_errors
                              for _, code, _, _ in s.errors):
        # A table whose columns need naming: the request asks (the page shows its mapping step).
        _table_errors(r, mapping_errors[0][2], mapping_errors[0][1])
        return False
    ignored: list[str] = []
    for _, _, sheet in tables:
        ignored.extend(h for h in sheet.ignored_columns if h not in ignored)
    result.ignored_columns = ignored
    good = [s for _, _, s in tables if not s.errors]
    if len(good) == 1:
        result.columns, result.formats = good[0].columns, good[0].formats
    return True


def _file_content(item: Any) -> tuple[str | None, bytes | None, str | None]:
    if not isinstance(item, dict):
        return None, None, None
    name = item.get("name") if isinstance(item.get("name"), str) else None
    name = name[:200] if name else None
    if isinstance(item.get("base64"), str):
        try:
            return name, base64.b64decode(item["base64"], validate=False), None
        except (binascii.Error, ValueError):
            return name, None, None
    if isinstance(item.get("text"), str):
        return name, None, item["text"]
    return name, None, None


def _fail(entry: dict[str, Any], lang: str, code: str, **params: str) -> None:
    entry["error"] = {"code": code, "message": message(lang, "error." + code, **params)}


def _read_one(entry: dict[str, Any], data: bytes | None, text_: str | None, read: _Read,
              tables: list[tuple[int, str, table.Ledger]], columns: dict[str, str] | None,
              default_term: int | None, as_of: date, lang: str, depth: int) -> None:
    name = entry["name"]
    if data is not None and data[:4] == b"PK\x03\x04":
        _read_zip(entry, data, read, tables, columns, default_term, as_of, lang, depth)
        return
    if data is not None and data[:256].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        _read_xml(entry, data, read, default_term, lang, name)  # XML declares its own encoding: not decoded here
        return
    if text_ is None:
        assert data is not None
        text_, encoding = decode(data)
        entry["encoding"] = encoding
    stripped = text_.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<"):
        _read_xml(entry, data if data is not None else text_.encode("utf-8"), read, default_term, lang, name)
        return
    if fec.looks_like_fec(stripped):
        entry["format"] = "fec"
        found = fec.read(stripped, as_of, default_term, name)
        if found.error:
            _fail(entry, lang, found.error)
            return
        read.documents.extend(found.documents)
        read.rejected += len(found.problems)
        for line, column, code in found.problems[:MAX_FILE_PROBLEMS]:
            if len(read.problems) < MAX_LISTED:
                read.problems.append(_problem(lang, line - 2, line, column, column or None, code, {}, name))
        return
    entry["format"] = "csv"
    sheet = table.read_csv(text_, columns, default_term)
    tables.append((len(tables), name, sheet))
    if sheet.errors:
        _path, code, params, _ = sheet.errors[0]
        if code == "unmapped_column":
            params = dict(params, field=message(lang, "portfolio.field." + params["field"]))
        elif code == "too_many_rows":
            params = dict(params, maximum=format_number(Decimal(params["maximum"]), lang))
        _fail(entry, lang, code, **params)
        return
    entry["ignored_columns"] = list(sheet.ignored_columns)
    entry["columns"] = sheet.columns
    _add_table(read, sheet, lang, name)


def _read_xml(entry: dict[str, Any], data: bytes, read: _Read, default_term: int | None, lang: str,
              name: str) -> None:
    from . import camt, safexml, ubl  # XML readers: loaded when a file needs them (the CSV command line does not)

    try:
        root = safexml.parse(data, ubl.stops(data))
    except safexml.Refused as refused:
        entry["format"] = "xml"
        _fail(entry, lang, refused.code)
        return
    if ubl.is_ubl(root):
        entry["format"] = entry["format"] or "ubl"
        try:
            read.documents.append(ubl.read(root, len(read.documents), default_term, name))
        except ubl.Unreadable as missing:
            read.rejected += 1
            if len(read.problems) < MAX_LISTED:
                read.problems.append(_problem(lang, len(read.documents), None, missing.field, missing.field,
                                              missing.code, {}, name))
        return
    if camt.is_camt(root):
        entry["format"] = "camt.053"
        payments, _entries = camt.read(root, name, len(read.payments))
        read.payments.extend(payments)
        return
    entry["format"] = "xml"
    _fail(entry, lang, "unknown_xml")


def _read_zip(entry: dict[str, Any], data: bytes, read: _Read, tables: list[tuple[int, str, table.Ledger]],
              columns: dict[str, str] | None, default_term: int | None, as_of: date, lang: str,
              depth: int) -> None:
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, KeyError):
        entry["format"] = "zip"
        _fail(entry, lang, "invalid_zip")
        return
    names = {info.filename for info in infos}
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        entry["format"] = "xlsx"
        _read_xlsx(entry, data, read, tables, columns, default_term, lang)
        return
    entry["format"] = "zip"
    if depth:
        _fail(entry, lang, "nested_zip")
        return
    files = [info for info in infos if not info.is_dir() and not info.filename.startswith(("__MACOSX/", "."))]
    if len(files) > MAX_ZIP_ENTRIES:
        _fail(entry, lang, "zip_too_many_entries", maximum=format_number(Decimal(MAX_ZIP_ENTRIES), lang))
        return
    if sum(info.file_size for info in files) > MAX_UNPACKED_BYTES:
        _fail(entry, lang, "zip_too_large", maximum=format_number(Decimal(MAX_UNPACKED_BYTES // 2**20), lang))
        return
    formats: dict[str, int] = {}
    skipped: list[dict[str, str]] = []
    unpacked = 0
    for info in files:
        inner: dict[str, Any] = {"name": f"{entry['name']}/{info.filename}", "format": None}
        try:
            with archive.open(info) as handle:
                content = handle.read(MAX_ENTRY_BYTES + 1)  # the header's size may lie: read no more than the cap
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError, KeyError):
            skipped.append({"name": info.filename, "code": "invalid_zip",
                            "message": message(lang, "error.invalid_zip")})
            continue
        unpacked += len(content)
        if len(content) > MAX_ENTRY_BYTES or unpacked > MAX_UNPACKED_BYTES:
            _fail(entry, lang, "zip_too_large", maximum=format_number(Decimal(MAX_UNPACKED_BYTES // 2**20), lang))
            return
        _read_one(inner, content, None, read, tables, columns, default_term, as_of, lang, depth + 1)
        if inner.get("format"):
            formats[inner["format"]] = formats.get(inner["format"], 0) + 1
        if inner.get("error"):
            skipped.append({"name": info.filename, **inner["error"]})
    entry["entries"] = len(files)
    entry["formats"] = formats
    if skipped:
        entry["skipped"] = skipped[:MAX_FILE_PROBLEMS]
        entry["skipped_count"] = len(skipped)


def _read_xlsx(entry: dict[str, Any], data: bytes, read: _Read, tables: list[tuple[int, str, table.Ledger]],
               columns: dict[str, str] | None, default_term: int | None, lang: str) -> None:
    """A workbook, when openpyxl is there (the command line); the page sends a workbook's cells as ``rows``."""
    try:
        from .. import xlsx

        cells = xlsx.rows(data, table.MAX_ROWS + table.HEADER_SEARCH_ROWS + 1)  # ImportError: no openpyxl here
    except Exception:  # any damaged workbook (or no openpyxl here) is one file that cannot be read
        _fail(entry, lang, "not_csv")
        return
    _read_cells(entry, cells, read, tables, columns, default_term, lang)


def _read_cells(entry: dict[str, Any], cells: list[Any], read: _Read, tables: list[tuple[int, str, table.Ledger]],
                columns: dict[str, str] | None, default_term: int | None, lang: str) -> None:
    sheet = table.read_cells(cells, columns, default_term)
    tables.append((len(tables), entry["name"], sheet))
    if sheet.errors:
        _path, code, params, _ = sheet.errors[0]
        if code == "unmapped_column":
            params = dict(params, field=message(lang, "portfolio.field." + params["field"]))
        _fail(entry, lang, code, **params)
        return
    entry["ignored_columns"] = list(sheet.ignored_columns)
    entry["columns"] = sheet.columns
    _add_table(read, sheet, lang, entry["name"])


__all__ = ["CREDIT_NOTE", "INVOICE", "MAX_LISTED", "Receivables", "read_request"]
