"""Reading the ledger people already have: CSV text or spreadsheet cells into invoice rows.

An accounting package exports its open items and paid invoices as a table:
one header row, one row per invoice. The header may be in Dutch, French or
English (``Klant``, ``Date de facture``, ``Due date``), amounts may be written
``1.234,56``, ``1 234,56`` or ``1,234.56`` and dates ``31-12-2025``,
``31/12/2025`` or ``2025-12-31``. This module finds the columns and reads the
values; the portfolio calculator checks what the rows mean (a payment before
its invoice, a date after the reference date).

Ambiguous writings are decided per column, the same way for every row: a
column whose values include ``1.234,56`` reads ``1.234`` as one thousand two
hundred and thirty-four; a date column with ``25/12/2025`` in it is read day
first everywhere. A column with no telling value follows the other date
columns of the file, then the file's language (``;``-separated files and
Dutch or French headers write decimal commas).

A row that cannot be read is set aside with the reason, named by its place
(``invoices[41].invoice_date``, the 42nd row under the header) and its line
in the file; the other rows are kept. Problems with the file itself (not a
table, no header we know, too many rows) are errors of the whole request.

Beyond the invoice itself (issue 18): an open/remaining amount column distinct from the invoice amount (a
file with only open amounts reads them as the amounts); credit notes, written negative or named in a
document-type column, with the invoice they correct; written payment terms (:mod:`.terms`), else the
request's default term; disputed and written-off marks; the customer's country, language and kind
(``Document.details``); and the headers no field was read from (``ignored_columns``). Rows are
:class:`~calculators.ledgers.model.Document` (``Invoice`` is the same class).

Two entry points, one reader: :func:`read_csv` for CSV text and
:func:`read_cells` for rows of cells (lists of ``str``, ``int``, ``float``,
``Decimal``, ``date``/``datetime`` or ``None``), as a spreadsheet library
gives them.
"""

from __future__ import annotations

import csv
import gc
import io
import itertools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from ..contract import MAX_AMOUNT, MAX_LIST_ITEMS, MAX_TERM_DAYS, MAX_YEAR, MIN_YEAR
from ..money import CENT, CONTEXT, cents
from . import terms
from .model import CREDIT_NOTE, INVOICE, Document

#: Most invoice rows one file may hold; a larger file is refused (it names this figure) rather than cut.
MAX_ROWS = MAX_LIST_ITEMS
#: The header is looked for among this many first non-empty rows (exports often start with a title).
HEADER_SEARCH_ROWS = 10
#: Separators tried, in the order that breaks a tie.
SEPARATORS = (";", "\t", ",", "|")

#: The invoice fields a ledger may hold; the first three are required (an open amount stands in for the amount),
#: with a due date or a payment term (or the request's ``default_term_days``).
BASE_FIELDS = ("customer", "invoice_date", "amount", "due_date", "payment_term_days", "paid_date", "reference",
               "currency")
#: The fields of :class:`~calculators.ledgers.model.Document` a table may add (issue 18).
EXTRA_FIELDS = ("open_amount", "kind", "corrects", "payment_id", "disputed", "written_off", "country", "language",
                "debtor")
FIELDS = BASE_FIELDS + EXTRA_FIELDS
#: The fields kept in ``Document.details`` (as ``(name, value)`` pairs).
DETAIL_FIELDS = ("country", "language", "debtor")
REQUIRED = ("customer", "invoice_date", "amount")
DATE_FIELDS = ("invoice_date", "due_date", "paid_date")

#: Headers recognised per field, in nl, fr and en (compared lower case, without accents or punctuation).
HEADERS: dict[str, tuple[str, ...]] = {
    "customer": (
        "klant", "klantnaam", "naam klant", "klant naam", "debiteur", "debiteurnaam", "naam debiteur", "relatie",
        "relatienaam", "afnemer", "client", "nom du client", "nom client", "client nom", "raison sociale",
        "debiteur nom", "customer", "customer name", "client name", "debtor", "debtor name", "account name",
        "company", "bill to",
    ),
    "invoice_date": (
        "factuurdatum", "datum factuur", "factuur datum", "datum van de factuur", "date de facture",
        "date facture", "date de facturation", "date facturation", "date d emission", "date de piece", "date piece",
        "boekstukdatum", "documentdatum", "issue date", "invoice date",
        "date of invoice", "invoice dt", "document date", "billing date", "date invoiced",
    ),
    "amount": (
        "bedrag", "factuurbedrag", "bedrag incl btw", "bedrag inclusief btw", "totaalbedrag",
        "bedrag eur", "montant", "montant ttc", "montant facture", "montant de la facture", "montant total",
        "total ttc", "montant eur", "amount", "invoice amount", "amount incl vat", "total amount", "gross amount",
        "amount due", "amount eur",
    ),
    "due_date": (
        "vervaldatum", "vervaldag", "uiterste betaaldatum", "datum verval", "echeance", "date d echeance",
        "date echeance", "date limite de paiement", "due date", "due", "date due", "payment due date",
        "due by", "echeance le", "date limite", "vervalt op", "due on", "maturity date",
    ),
    "paid_date": (
        "betaaldatum", "datum betaling", "betalingsdatum", "betaald op", "datum betaald", "date de paiement",
        "date paiement", "date de reglement", "date reglement", "paye le", "date d encaissement", "paid date",
        "payment date", "date paid", "paid on", "paid", "regle le", "reglee le", "date du reglement",
        "encaisse le", "voldaan op", "settled on", "date settled",
    ),
    "payment_term_days": (
        "betalingstermijn", "betaaltermijn", "termijn", "betalingstermijn dagen", "delai de paiement",
        "delai paiement", "delai", "conditions de paiement", "payment term", "payment terms", "terms",
        "term days", "payment term days", "term", "conditions de reglement", "condition de paiement",
        "betalingsvoorwaarden", "betalingsconditie", "payment condition",
    ),
    "reference": (
        "factuurnummer", "factuurnr", "factuur nr", "factuur", "referentie", "kenmerk", "numero", "numero de facture",
        "n facture", "no facture", "facture", "reference", "ref", "invoice number", "invoice no", "invoice nr",
        "invoice", "document number", "boekstuknummer", "numero de piece", "n piece", "numero facture",
        "invoice id",
    ),
    "currency": ("valuta", "munt", "munteenheid", "devise", "monnaie", "currency", "cur", "ccy"),
    # -- issue 18: what is still open, credit notes, and the per-row details the collections run reads ------
    "open_amount": (
        "openstaand", "openstaand bedrag", "saldo openstaand", "openstaand saldo", "open bedrag", "nog te betalen",
        "restbedrag", "restant", "resterend bedrag", "reste du", "reste a payer", "restant du", "montant restant",
        "montant restant du", "solde du", "solde restant", "open amount", "outstanding", "outstanding amount",
        "amount outstanding", "balance due", "remaining", "remaining amount", "amount remaining", "unpaid",
        "amount unpaid", "total unpaid", "open balance",
    ),
    "kind": (
        "soort", "documentsoort", "soort document", "documenttype", "document type", "doc type", "factuursoort",
        "soort factuur", "boekstuksoort", "type document", "type de document", "type de piece", "nature de piece",
        "type facture", "invoice type", "document kind",
    ),
    "corrects": (
        "gecrediteerde factuur", "originele factuur", "oorspronkelijke factuur", "betreft factuur",
        "facture d origine", "facture liee", "facture concernee", "facture avoir", "credited invoice",
        "original invoice", "corrects invoice", "related invoice", "applies to",
    ),
    "payment_id": (
        "gestructureerde mededeling", "gestructureerde referentie", "betalingskenmerk", "betaalkenmerk", "ogm",
        "communication structuree", "reference de paiement", "reference paiement", "reference structuree",
        "payment reference", "payment id", "structured reference", "creditor reference",
    ),
    "disputed": ("disputed", "betwist", "litige", "en litige", "conteste", "in dispute", "geschil", "dispute"),
    "written_off": (
        "written off", "afgeschreven", "oninbaar", "passe en perte", "irrecouvrable", "bad debt", "write off",
    ),
    "country": ("land", "pays", "country", "landcode", "code pays", "country code", "land klant", "pays client",
                "customer country"),
    "language": ("taal", "langue", "language", "taal klant", "langue client", "customer language"),
    "debtor": ("type", "klanttype", "type klant", "soort klant", "type de client", "type client", "customer type",
               "debtor type"),
}
#: Generic headers, used only when no specific header names the field.
GENERIC_HEADERS: dict[str, tuple[str, ...]] = {
    "customer": ("naam", "nom", "name"),
    "invoice_date": ("datum", "date"),
    "amount": ("totaal", "total"),
    "open_amount": ("saldo", "solde", "balance"),
    "reference": ("nummer", "nr", "number", "no", "num", "n", "id"),
}
#: Header words that mark the language of a file (for a column of amounts that does not tell its decimal mark).
_DECIMAL_COMMA_WORDS = frozenset({
    "klant", "factuurdatum", "bedrag", "vervaldatum", "betaaldatum", "betalingstermijn", "factuurnummer",
    "montant", "echeance", "client", "date de facture", "date de paiement", "delai de paiement", "devise",
    "valuta", "debiteur", "numero",
})


#: One row of a ledger: the receivables model's document (its first ten fields were this reader's own rows).
Invoice = Document


class Bad(NamedTuple):
    """A value that could not be read: the error code and the message's parameters."""

    code: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass
class Ledger:
    """What was read: the good rows, the rows set aside, and any problem with the file as a whole."""

    invoices: list[Invoice] = field(default_factory=list)
    #: (index, line, field, header, code, params) of each problem in a row set aside, in row order.
    problems: list[tuple[int, int | None, str, str | None, str, dict[str, str]]] = field(default_factory=list)
    rejected_rows: int = 0
    #: (field path, code, params, extra keys) of the problems that stop the whole file.
    errors: list[tuple[str, str, dict[str, str], dict[str, Any]]] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)
    #: The file's headers no field was read from, in the file's order.
    ignored_columns: list[str] = field(default_factory=list)


# -- header matching ------------------------------------------------------------------------------------------


def normalise_header(text: Any) -> str:
    """A header as it is compared: lower case, accents and punctuation dropped, parentheses ignored."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    plain = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", plain)
    return " ".join(re.findall(r"[a-z0-9]+", plain))


_ALIASES = {name: {normalise_header(h) for h in headers} for name, headers in HEADERS.items()}
_GENERIC = {name: {normalise_header(h) for h in headers} for name, headers in GENERIC_HEADERS.items()}


def match_headers(headers: Sequence[Any]) -> dict[str, int]:
    """``{field: column index}`` of the headers recognised; the first column wins when two name one field."""
    found: dict[str, int] = {}
    taken: set[int] = set()
    names = [normalise_header(h) for h in headers]
    for table in (_ALIASES, _GENERIC):
        for name, aliases in table.items():
            if name in found:
                continue
            for index, header in enumerate(names):
                if index not in taken and header in aliases:
                    found[name] = index
                    taken.add(index)
                    break
    return found


def _header_text(cell: Any) -> str:
    return "" if cell is None else " ".join(str(cell).split())


# -- reading CSV text -------------------------------------------------------------------------------------------

_NOT_TEXT_STARTS = ("PK\x03\x04", "%PDF", "{\\rtf", "\xd0\xcf\x11\xe0")
#: Per separator, every byte but it and the line break (what :meth:`Grid.of` deletes to compare the rest).
_NOT_MARKS = {sep: bytes(b for b in range(256) if b not in (ord(sep), ord("\n"))) for sep in SEPARATORS}


class Grid(Sequence[list[str]]):
    """Rows of one width over one flat list of cells: a CSV whose lines all hold as many separators.

    It is a sequence of rows like a list of lists (a row is made when asked for), and gives a whole
    column as one slice (:meth:`column`): the reader never makes a list per row of a large file.
    """

    __slots__ = ("_cells", "_start", "_stop", "_width")

    def __init__(self, cells: list[str], width: int, start: int = 0, stop: int | None = None) -> None:
        self._cells, self._width, self._start = cells, width, start
        self._stop = len(cells) // width if stop is None else stop

    @classmethod
    def of(cls, text: str, separator: str, most: int) -> Grid | None:
        """The lines of ``text`` (``\\n`` between them; empty ones at the end dropped) as a grid, or ``None``
        when they do not all hold the same number of separators, or there are more than ``most``."""
        body = text.rstrip("\n")
        count = body.count("\n") + 1
        if count > most:
            return None
        # The separators and line breaks alone, in order (as bytes: one C pass deletes the rest; neither is
        # ever part of a multi-byte character), must be the same run of separators before each line break.
        marks = body.encode("utf-8", "surrogatepass").translate(None, _NOT_MARKS[separator])
        width = marks.find(b"\n") if count > 1 else len(marks)
        run = separator.encode("ascii") * width
        if marks != (run + b"\n") * (count - 1) + run:
            return None
        return cls(body.replace("\n", separator).split(separator), width + 1)

    def __len__(self) -> int:
        return self._stop - self._start

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            return Grid(self._cells, self._width, self._start + start, self._start + max(start, stop))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        at = (self._start + index) * self._width
        return self._cells[at:at + self._width]

    def pop(self) -> list[str]:
        """The last row, taken off the grid (as ``list.pop()``)."""
        row = self[-1]
        self._stop -= 1
        return row

    def column(self, index: int) -> list[str]:
        """Every row's cell at ``index`` (``0 <= index < width``)."""
        return self._cells[self._start * self._width + index:self._stop * self._width:self._width]


def split_csv(text: str) -> tuple[Sequence[list[str]], list[int], str] | Bad:
    """CSV text as rows of cells with the line each row starts on, and the separator found; or why not.

    The rows are a :class:`Grid` when the text has no quoted cell and every line as many separators
    (what most exports write), else a list of lists."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return Bad("empty_file")
    if "\x00" in text[:65536] or text.startswith(_NOT_TEXT_STARTS) or text.lstrip()[:1] in ("<", "{", "["):
        return Bad("not_csv")
    # The separator the first lines use most (a title line above the header may have none).
    first = [line for line in itertools.islice(text[:65536].splitlines(), 4 * HEADER_SEARCH_ROWS) if line.strip()]
    counts = {sep: max(line.count(sep) for line in first[:HEADER_SEARCH_ROWS]) for sep in SEPARATORS}
    separator = max(SEPARATORS, key=lambda sep: counts[sep])  # max keeps the first of equals
    if not counts[separator]:
        return Bad("not_csv")
    # Enough rows for the header search and one row over the cap: a larger file is refused unread.
    most = MAX_ROWS + HEADER_SEARCH_ROWS + 1
    if '"' not in text:
        # No quoted cell: each line is a row, split at the separator (what the csv module does, in half the time).
        plain = text.replace("\r\n", "\n") if "\r" in text else text
        if "\r" not in plain:
            grid = Grid.of(plain, separator, most)
            if grid is not None:  # the usual export: the cells in one split, the columns as slices of it
                return grid, list(range(1, len(grid) + 1)), separator
            lines = plain.split("\n", most)[:most]
            if lines and not lines[-1]:
                lines.pop()  # the final line break
            return [line.split(separator) for line in lines], list(range(1, len(lines) + 1)), separator
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        rows = list(itertools.islice(reader, most))
    except csv.Error:
        return Bad("not_csv")
    if reader.line_num == len(rows):  # one line per row (no line break inside a quoted cell): the common case
        return rows, list(range(1, len(rows) + 1)), separator
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    lines: list[int] = []
    start = 1
    for _ in rows:
        next(reader)
        lines.append(start)
        start = reader.line_num + 1
    return rows, lines, separator


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a ledger's rows are built, then restore it as it was.

    A ledger makes hundreds of thousands of small objects and no cycles; the collector would walk
    them again and again as they pile up (half the time of a large file). When it resumes, what was made
    meanwhile joins the oldest generation at once (``gc.freeze()`` then ``gc.unfreeze()``: moved, not
    examined) rather than being walked by the next young collection: 100,000 rows kept for the report are
    some 35 ms of the collector's time, for no cycle. A full collection still looks at them, as at any
    old object. Done only when nothing else is frozen (unfreezing would thaw it too).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def read_csv(text: str, columns: Mapping[str, str] | None = None, default_term_days: int | None = None) -> Ledger:
    """The invoices of a CSV export (separator sniffed; nl, fr and en headers and number writings)."""
    with collector_paused():
        split = split_csv(text)
        if isinstance(split, Bad):
            return Ledger(errors=[("csv", split.code, {}, {})])
        rows, lines, separator = split
        return _read_table(rows, lines, columns, "csv", decimal_comma=separator == ";",
                           default_term_days=default_term_days)


def read_cells(cells: Sequence[Sequence[Any]], columns: Mapping[str, str] | None = None,
               default_term_days: int | None = None) -> Ledger:
    """The invoices of a sheet's rows of cells (first row with a known header, then one row per invoice).

    Cells may be text (read as in :func:`read_csv`), numbers (``int``, ``Decimal``, or ``float`` as a
    spreadsheet stores them: read from its shortest repr, and to the cent when it is a float's rounding
    of one), ``date``/``datetime`` or ``None``. A row's ``line`` is its place in ``cells`` counted from 1.
    """
    if not cells:
        return Ledger(errors=[("rows", "empty_file", {}, {})])
    with collector_paused():
        rows = [[_quiet(cell) for cell in row] if isinstance(row, (list, tuple)) else [_quiet(row)]
                for row in cells[:MAX_ROWS + HEADER_SEARCH_ROWS + 2]]
        return _read_table(rows, list(range(1, len(rows) + 1)), columns, "rows", decimal_comma=False,
                           default_term_days=default_term_days)


def _quiet(cell: Any) -> Any:
    """A cell as read, but a signalling NaN made quiet: it cannot even be hashed or compared, and the quiet
    one is named as not finite like any other."""
    return Decimal("NaN") if isinstance(cell, Decimal) and cell.is_snan() else cell


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _find_header(rows: list[list[Any]], wanted: set[str]) -> tuple[int, dict[str, int]]:
    """The header row (index in ``rows``) among the first non-empty ones, and the fields it names."""
    best = (-1, -1, {})  # (score, index, matched)
    seen = 0
    for index, row in enumerate(rows):
        if all(_blank(c) for c in row):
            continue
        texts = [_header_text(c) for c in row]
        matched = match_headers(texts)
        score = len(matched) + 10 * len(wanted & {t for t in texts if t})
        if score > best[0]:
            best = (score, index, matched)
        seen += 1
        if seen >= HEADER_SEARCH_ROWS:
            break
    return best[1], best[2]


def _read_table(rows: Sequence[list[Any]], lines: list[int], columns: Mapping[str, str] | None, source: str,
                *, decimal_comma: bool, default_term_days: int | None = None) -> Ledger:
    ledger = Ledger()
    mapping = dict(columns or {})
    header_index, matched = _find_header(rows, {_header_text(h) for h in mapping.values()})
    if header_index < 0:
        ledger.errors.append((source, "empty_file", {}, {}))
        return ledger
    headers = [_header_text(c) for c in rows[header_index]]
    shown = [h for h in headers if h]
    # The user's mapping first: it names headers as the file writes them (spacing and case aside).
    by_text = {h.casefold(): i for i, h in reversed(list(enumerate(headers))) if h}
    for name, header in mapping.items():
        index = by_text.get(_header_text(header).casefold())
        if index is None:
            ledger.errors.append((f"columns.{name}", "unknown_column", {"headers": ", ".join(shown)}, {}))
            continue
        matched = {k: v for k, v in matched.items() if v != index}
        matched[name] = index
    if ledger.errors:
        return ledger
    missing = [name for name in REQUIRED if name not in matched and not (name == "amount" and "open_amount" in matched)]
    if "due_date" not in matched and "payment_term_days" not in matched and default_term_days is None:
        missing.append("due_date")
    if missing:
        known = {name: headers[index] for name, index in matched.items()}
        for name in missing:  # the caller words the field in the request's language
            ledger.errors.append((f"columns.{name}", "unmapped_column", {"field": name, "headers": ", ".join(shown)},
                                  {"headers": shown, "matched": known}))
        return ledger
    ledger.columns = {name: headers[index] for name, index in sorted(matched.items(), key=lambda kv: kv[1])}
    used = set(matched.values())
    ledger.ignored_columns = [h for index, h in enumerate(headers) if h and index not in used]
    data = rows[header_index + 1:]
    data_lines = lines[header_index + 1:]
    while data and all(_blank(c) for c in data[-1]):
        data.pop()
        data_lines.pop()  # the row's line with it (the rows and their lines are zipped)
    if len(data) > MAX_ROWS and sum(1 for row in data if not all(_blank(c) for c in row)) > MAX_ROWS:
        ledger.errors.append((source, "too_many_rows", {"maximum": str(MAX_ROWS)}, {}))
        return ledger
    if not data:
        ledger.errors.append((source, "no_rows", {}, {}))
        return ledger
    if not decimal_comma:
        decimal_comma = bool(_DECIMAL_COMMA_WORDS & {normalise_header(h) for h in headers})
    _read_rows(ledger, data, data_lines, matched, headers, decimal_comma, source == "csv", default_term_days)
    return ledger


def _columns(data: Sequence[list[Any]], matched: dict[str, int]) -> dict[str, list[Any]]:
    """The cells of each field's column (``None`` where a row is short)."""
    empty = [None] * len(data)
    if isinstance(data, Grid):  # every row as wide as the header: each column one slice
        return {name: data.column(matched[name]) if name in matched else empty for name in FIELDS}
    if data and min(map(len, data)) > max(matched.values()):  # every row long enough: the fast way
        return {name: list(map(operator.itemgetter(matched[name]), data)) if name in matched else empty
                for name in FIELDS}
    transposed = list(itertools.zip_longest(*data))
    return {name: list(transposed[matched[name]]) if name in matched and matched[name] < len(transposed) else empty
            for name in FIELDS}


def _read_rows(ledger: Ledger, data: Sequence[list[Any]], lines: list[int], matched: dict[str, int],
               headers: list[str], decimal_comma: bool, text_only: bool, default_term_days: int | None = None) -> None:
    raw = _columns(data, matched)
    # A column's distinct cells, found once for both deciding how it writes dates and reading them.
    distinct = {name: set(raw[name]) for name in DATE_FIELDS if name in matched and text_only}
    orders = {name: _date_order(raw[name], distinct.get(name)) for name in DATE_FIELDS if name in matched}
    votes = [order for order in orders.values() if order]
    fallback = "mdy" if votes and votes.count("mdy") > votes.count("dmy") else "dmy"
    values: dict[str, list[Any]] = {}
    kinds: Kinds = {}  # the types in the columns read, for _suspects
    for name in DATE_FIELDS:
        if name not in matched:  # no such column: every cell None, as read
            values[name] = raw[name]
            continue
        order = orders.get(name) or fallback
        values[name] = _parse_column(raw[name], _date_parser(order), text_only, distinct.get(name), kinds)
        ledger.formats[name] = order if orders.get(name) != "iso" else "iso"
    point = _decimal_mark(raw["amount"] if "amount" in matched else raw["open_amount"], decimal_comma)
    ledger.formats["amount"] = "decimal_comma" if point == "," else "decimal_point"
    values["amount"] = _parse_amounts(raw["amount"], point, text_only)
    values["open_amount"] = (_parse_amounts(raw["open_amount"], _decimal_mark(raw["open_amount"], point == ","),
                                            text_only) if "open_amount" in matched else raw["open_amount"])
    if "amount" not in matched:  # only what is open: that is the amount
        values["amount"] = values["open_amount"]
    values["payment_term_days"] = (_parse_column(raw["payment_term_days"], _term, text_only)
                                   if "payment_term_days" in matched else raw["payment_term_days"])
    values["customer"] = _parse_column(raw["customer"], _name, text_only, kinds=kinds)
    values["reference"] = (_stripped(raw["reference"]) if text_only
                           else [None if v is None else _name(v) for v in raw["reference"]])
    values["currency"] = _parse_column(raw["currency"], _currency, text_only, kinds=kinds)
    for name, parse in (("kind", _kind), ("disputed", _yes), ("written_off", _yes), ("country", _country),
                        ("language", _language), ("debtor", _debtor)):
        values[name] = _parse_column(raw[name], parse, text_only) if name in matched else raw[name]
    for name in ("corrects", "payment_id"):
        values[name] = [None if v is None else _name(v) for v in raw[name]] if name in matched else raw[name]
    _assemble(ledger, values, lines, matched, headers, default_term_days, kinds)


def _stripped(column: list[Any]) -> list[Any]:
    """Text cells stripped, blank ones ``None``: in one C loop when no cell is missing or blank (the usual)."""
    try:
        out = list(map(str.strip, column))  # a missing cell (None) stops it
    except TypeError:
        out = None
    if out is not None and "" not in out:
        return out
    return [v.strip() or None if v is not None else None for v in column]


def _suspects(values: dict[str, list[Any]], due_given: bool, term_needed: bool,
              known: Kinds | None = None) -> set[int]:
    """The rows that may not be usable as they stand (a value unread or missing, a due date to derive).

    ``known``: the types already noted of some columns (:func:`_parse_column`); the others are typed here."""
    suspects: set[int] = set()
    for name, column in values.items():
        if name in ("reference", "corrects", "payment_id"):
            continue
        noted = known.get(id(column)) if known else None
        if noted is not None and noted[0] is column:
            kinds = noted[1]
        elif column and column[0] is None and column.count(None) == len(column):
            kinds = {type(None)}  # a column the file does not have: None only, counted in one C loop
        else:
            kinds = set(map(type, column))
        if Bad in kinds:
            suspects.update(i for i, v in enumerate(column) if type(v) is Bad)
        if type(None) in kinds and (name in REQUIRED or (name == "due_date" and due_given)
                                    or (name == "payment_term_days" and not due_given and term_needed)):
            suspects.update(i for i, v in enumerate(column) if v is None)
    return suspects


#: The row fields :func:`_assemble` checks one by one in a row set apart as suspect.
_ROW_FIELDS = ("customer", "invoice_date", "amount", "due_date", "payment_term_days", "paid_date", "currency",
               "open_amount", "kind", "disputed", "written_off", "country", "language", "debtor")


def _assemble(ledger: Ledger, values: dict[str, list[Any]], lines: list[int], matched: dict[str, int],
              headers: list[str], default_term_days: int | None = None, kinds: Kinds | None = None) -> None:
    """Documents from the read columns: in bulk for the rows that are fine, one by one for the others."""
    due_given = "due_date" in matched
    term_given = "payment_term_days" in matched
    if not term_given and default_term_days is not None:
        values["payment_term_days"] = [default_term_days] * len(values["customer"])
    elif default_term_days is not None:
        values["payment_term_days"] = [default_term_days if v is None else v for v in values["payment_term_days"]]
    suspects = _suspects(values, due_given, term_given or default_term_days is not None, kinds)
    count = len(values["customer"])
    rows = range(count)
    if suspects:
        rows = [i for i in rows if i not in suspects]  # type: ignore[assignment]
        columns = {name: [values[name][i] for i in rows] for name in values}
        row_lines = [lines[i] for i in rows]
    else:
        columns = dict(values)
        row_lines = lines
    if due_given:
        columns["payment_term_days"] = _days_between(columns["invoice_date"], columns["due_date"])
    elif all(type(term) is int for term in columns["payment_term_days"]):
        columns["due_date"] = [day + timedelta(days=term)
                               for day, term in zip(columns["invoice_date"], columns["payment_term_days"],
                                                    strict=True)]
    else:  # a term with "end of month": each due date from its term
        columns["due_date"] = list(map(terms.due_date, columns["invoice_date"], columns["payment_term_days"]))
        columns["payment_term_days"] = [days.days for days in map(operator.sub, columns["due_date"],
                                                                   columns["invoice_date"])]
    ledger.invoices = _documents(columns, list(rows), row_lines, matched)
    header_of = {name: headers[index] for name, index in matched.items()}
    for index in sorted(suspects):
        row = {name: values[name][index] for name in _ROW_FIELDS}
        if all(v is None for v in row.values()) and values["reference"][index] is None:
            continue  # an empty row
        found: list[tuple[str, str, dict[str, str]]] = []
        for name, value in row.items():
            if type(value) is Bad:
                found.append((name, value.code, dict(value.params)))
            elif value is None and name in REQUIRED:
                found.append((name if name in matched or name != "amount" else "open_amount", "required", {}))
        due, term = row["due_date"], row["payment_term_days"]
        if type(due) is not date and not isinstance(term, (int, terms.Term)) and not any(
                n in ("due_date", "payment_term_days") for n, _, _ in found):
            found.append(("due_date" if due_given else "payment_term_days", "required", {}))
        if found:
            ledger.rejected_rows += 1
            for name, code, params in found:
                ledger.problems.append((index, lines[index], name, header_of.get(name), code, params))
            continue
        invoiced = row["invoice_date"]
        if type(due) is not date:
            due = terms.due_date(invoiced, term)
        one = {name: [values[name][index]] for name in values}
        one.update(due_date=[due], payment_term_days=[(due - invoiced).days])
        ledger.invoices.extend(_documents(one, [index], [lines[index]], matched))
    if suspects:
        ledger.invoices.sort(key=lambda invoice: invoice.index)


def _days_between(starts: list[date], ends: list[date]) -> list[int]:
    """``(end - start).days`` row by row, from each distinct date's day number (dates repeat in a ledger)."""
    number = {day: day.toordinal() for day in {*starts, *ends}}
    return list(map(operator.sub, map(number.__getitem__, ends), map(number.__getitem__, starts)))


def _documents(columns: dict[str, list[Any]], rows: list[int], lines: list[int],
               matched: dict[str, int]) -> list[Document]:
    """The rows as documents; the fields a file does not have are filled in bulk."""
    count = len(rows)
    amounts = columns["amount"]
    opens = columns["open_amount"] if "open_amount" in matched else itertools.repeat(None, count)
    kinds: Any = itertools.repeat(INVOICE, count)
    negative = count and (min(amounts) < 0 or ("open_amount" in matched and min(
        (v for v in columns["open_amount"] if v is not None), default=0) < 0))
    if "kind" in matched or negative:
        # A credit note: said so in a type column, or written negative; either way its amounts are negative.
        given = columns["kind"] if "kind" in matched else itertools.repeat(None, count)
        kinds = [CREDIT_NOTE if kind == CREDIT_NOTE or amount < 0 else INVOICE
                 for kind, amount in zip(given, amounts, strict=True)]
        amounts = [-abs(a) if k == CREDIT_NOTE else a for k, a in zip(kinds, amounts, strict=True)]
        opens = [None if o is None else -abs(o) if k == CREDIT_NOTE else o
                 for k, o in zip(kinds, opens, strict=True)]
    flags = {name: [bool(v) for v in columns[name]] if name in matched else itertools.repeat(False, count)
             for name in ("disputed", "written_off")}
    texts = {name: columns[name] if name in matched else itertools.repeat(None, count)
             for name in ("corrects", "payment_id")}
    details: Any = itertools.repeat((), count)
    present = [name for name in DETAIL_FIELDS if name in matched]
    if present:
        details = [tuple((name, value) for name, value in zip(present, row, strict=True) if value is not None)
                   for row in zip(*(columns[name] for name in present), strict=True)]
    # tuple.__new__ makes each named tuple without its Python-level constructor: the same rows, much faster.
    return list(map(tuple.__new__, itertools.repeat(Document), zip(
        columns["customer"], amounts, columns["invoice_date"], columns["payment_term_days"], columns["due_date"],
        columns["paid_date"], columns["reference"], columns["currency"], rows, lines, opens, kinds,
        texts["corrects"], texts["payment_id"], flags["disputed"], flags["written_off"],
        itertools.repeat(None, count), details, strict=True)))


#: What :func:`_parse_column` learnt of the columns it read: ``id(values) -> (values, the types among them)``.
Kinds = dict[int, tuple[list[Any], set[type]]]


def _parse_column(column: list[Any], parse: Callable[[Any], Any], text_only: bool,
                  distinct: set[Any] | None = None, kinds: Kinds | None = None) -> list[Any]:
    """Each distinct cell read once (dates, names and terms repeat a lot in a ledger); ``distinct``: the
    column's distinct cells when the caller has them already (text only). ``kinds``: where to note the
    types of the values read (from the distinct ones), so that no one need type them row by row."""
    if text_only:
        distinct = set(column) if distinct is None else set(distinct)
        if len(distinct) == 1:  # one value all along (a currency column): read once
            (cell,) = distinct
            out = [None if cell is None or cell == "" else parse(cell)] * len(column)
            if kinds is not None:
                kinds[id(out)] = (out, {type(out[0])} if out else set())
            return out
        blank = None in distinct or "" in distinct
        distinct.discard(None)
        distinct.discard("")
        table = {cell: parse(cell) for cell in distinct}
        if kinds is not None:
            found = set(map(type, table.values())) | ({type(None)} if blank else set())
            out = list(map(table.get, column))  # None and "" read as None
            kinds[id(out)] = (out, found)
            return out
    else:  # cells of a sheet: 1, 1.0 and True are equal keys, so key by type too
        table = {}
        out = []
        for cell in column:
            if cell is None or cell == "":
                out.append(None)
                continue
            key = (type(cell), cell) if _hashable(cell) else None
            if key is None:
                out.append(parse(cell))
                continue
            if key not in table:
                table[key] = parse(cell)
            out.append(table[key])
        return out
    table[None] = None
    table[""] = None
    return list(map(table.__getitem__, column))


def _hashable(cell: Any) -> bool:
    if isinstance(cell, Decimal):
        return cell.is_finite()  # a signalling NaN cannot even be hashed; NaN is never equal to itself
    return isinstance(cell, (str, int, float, date)) or cell is None


# -- values ---------------------------------------------------------------------------------------------------

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_ISO = re.compile(rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}\Z", re.ASCII)
_DMY = re.compile(rf"(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{4}}|\d{{2}}){_TIME}\Z", re.ASCII)


def _date_order(column: list[Any], distinct: set[Any] | None = None) -> str | None:
    """How a date column writes its dates: ``iso``, ``dmy`` or ``mdy``; ``None`` when no value tells.

    ``distinct``: the column's distinct cells, when the caller has them already."""
    day_first = month_first = iso = 0
    for cell in {c.strip() for c in (set(column) if distinct is None else distinct) if isinstance(c, str)}:
        found = _DMY.match(cell)
        if found:
            first, second = int(found.group(1)), int(found.group(3))
            if first > 12 >= second:
                day_first += 1
            elif second > 12 >= first:
                month_first += 1
        elif _ISO.match(cell):
            iso += 1
    if month_first > day_first:
        return "mdy"
    if day_first:
        return "dmy"
    if iso:
        return "iso"
    return None


def _date_parser(order: str) -> Callable[[Any], Any]:
    def parse(cell: Any) -> Any:
        if isinstance(cell, datetime):
            return _checked_date(cell.year, cell.month, cell.day)
        if isinstance(cell, date):
            return _checked_date(cell.year, cell.month, cell.day)
        if not isinstance(cell, str):
            return Bad("invalid_date")
        text = cell.strip()
        if not text:
            return None
        found = _ISO.match(text)
        if found:
            return _checked_date(int(found.group(1)), int(found.group(3)), int(found.group(4)))
        found = _DMY.match(text)
        if not found:
            return Bad("invalid_date")
        first, second, year = int(found.group(1)), int(found.group(3)), int(found.group(4))
        if len(found.group(4)) == 2:
            year += 2000
        day, month = (second, first) if order == "mdy" else (first, second)
        return _checked_date(year, month, day)
    return parse


def _checked_date(year: int, month: int, day: int) -> Any:
    try:
        value = date(year, month, day)
    except ValueError:
        return Bad("invalid_date")
    if not MIN_YEAR <= year <= MAX_YEAR:
        return Bad("date_out_of_range", (("first", str(MIN_YEAR)), ("last", str(MAX_YEAR))))
    return value


_AMOUNT_CLEAN = str.maketrans("", "", " \u00a0\u202f\u2009'’")
_AMOUNT_TEXT = re.compile(r"\d[\d.,]*\Z", re.ASCII)
_CURRENCY_SIGNS = ("€", "EUR", "eur", "Eur")


def _amount_text(cell: str) -> tuple[str, bool]:
    """The digits and marks of a written amount, and whether it was negative."""
    text = cell.strip()
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    for sign in _CURRENCY_SIGNS:
        text = text.removeprefix(sign).removesuffix(sign).strip()
    if text.startswith("-") or text.endswith("-"):
        negative, text = True, text.strip("-")
    elif text.startswith("+"):
        text = text[1:]
    for sign in _CURRENCY_SIGNS:
        text = text.removeprefix(sign).removesuffix(sign)
    return text.translate(_AMOUNT_CLEAN), negative


def _mark_evidence(text: str) -> str | None:
    """The decimal mark a written amount proves (``","`` or ``"."``), or ``None`` when it could be either."""
    commas, points = text.count(","), text.count(".")
    if commas and points:
        return "," if text.rfind(",") > text.rfind(".") else "."
    if commas > 1:
        return "."
    if points > 1:
        return ","
    mark = "," if commas else "." if points else None
    if mark is None:
        return None
    whole, _, fraction = text.partition(mark)
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0"):
        return None  # 1.234 or 1,234: a thousand separator as much as a decimal mark
    return mark


_GROUPS = " \u00a0\u202f\u2009'’"
#: A plain amount, as most cells write it, per decimal mark: sign, digits with optional grouping, decimals.
_PLAIN_AMOUNT = {
    mark: re.compile(
        rf"\s*(?:€\s*)?(-)?\s*(?:€\s*)?(\d{{1,3}}(?:[{re.escape(group + _GROUPS)}]\d{{3}})+|\d+)"
        rf"(?:{re.escape(mark)}(\d{{1,2}}))?\s*(?:€|EUR)?\s*\Z", re.ASCII)
    for mark, group in ((",", "."), (".", ","))
}
_DROP_GROUPS = {mark: str.maketrans("", "", group + _GROUPS) for mark, group in ((",", "."), (".", ","))}
#: Telling values looked at before the decimal mark of a column is decided.
_MARK_SAMPLE = 1000


def _decimal_mark(column: list[Any], decimal_comma: bool) -> str:
    """The column's decimal mark: the one its telling values show (``1.234,56``, ``12.5``), else the default."""
    commas = points = 0
    seen: set[str] = set()
    for cell in column:  # distinct text cells in the file's order, until the sample is full
        if type(cell) is not str or cell in seen:
            continue
        seen.add(cell)
        if cell.isdigit():  # a whole number tells nothing
            continue
        mark = _mark_evidence(_amount_text(cell)[0])
        if mark == ",":
            commas += 1
        elif mark == ".":
            points += 1
        if commas + points >= _MARK_SAMPLE:
            break
    if commas != points:
        return "," if commas > points else "."
    return "," if decimal_comma else "."


def _amount_parser(point: str) -> Callable[[Any], Any]:
    group = "." if point == "," else ","
    grouped = re.compile(rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+(?:{re.escape(point)}\d+)?\Z", re.ASCII)

    plain = _PLAIN_AMOUNT[point].match
    drop = _DROP_GROUPS[point]

    def parse(cell: Any) -> Any:
        if type(cell) is str:
            found = plain(cell)
            if found is not None:  # the common case, fast
                whole, cents_ = found.group(2, 3)
                number = Decimal(f"{whole.translate(drop)}.{cents_}" if cents_ else whole.translate(drop))
                if found.group(1) and number:
                    number = -number  # a credit note
                return number if abs(number) <= MAX_AMOUNT else _checked_amount(number.copy_abs(), number < 0)
        if isinstance(cell, bool):
            return Bad("invalid_number")
        if isinstance(cell, int):
            return _checked_amount(Decimal(cell), cell < 0)
        if isinstance(cell, float):
            if cell != cell or (cell and cell * 2 == cell):  # NaN, or an infinity
                return Bad("not_finite")
            return _sheet_number(Decimal(repr(cell)))
        if isinstance(cell, Decimal):  # a sheet's number sent as JSON: the same as its float
            if not cell.is_finite():
                return Bad("not_finite")
            return _sheet_number(cell)
        if not isinstance(cell, str):
            return Bad("invalid_number")
        text, negative = _amount_text(cell)
        if not text:
            return None if not negative else Bad("invalid_number")
        if not _AMOUNT_TEXT.match(text) or len(text) > 40:
            return Bad("invalid_number")
        if group in text:
            if not grouped.match(text):
                return Bad("invalid_number")
            text = text.replace(group, "")
        if text.count(point) > 1 or text.endswith(point):
            return Bad("invalid_number")
        try:
            number = Decimal(text.replace(point, "."))
        except InvalidOperation:
            return Bad("invalid_number")
        return _checked_amount(number, negative)
    return parse


def _parse_amounts(column: list[Any], point: str, text_only: bool) -> list[Any]:
    """The amount column: in one sweep when every cell is a plain amount (the usual export), else cell by cell."""
    if text_only:
        # Amounts rarely repeat: read them all at once, or each distinct one once when some cells are empty.
        plain = _ALL_PLAIN[point].fullmatch
        try:  # every cell a plain amount (joining fails on a missing cell; the pattern wants a digit in each)
            joined = "\x1e".join(column)
            complete = bool(column) and plain(joined + "\x1e") is not None
        except TypeError:
            complete = False
        cells = column if complete else list(set(column) - {None, ""})
        if not complete:
            joined = "\x1e".join(cells)
        if complete or plain(joined + "\x1e"):
            # One translation of all the text, one C loop making the Decimals: no Python code per cell.
            numbers = list(map(Decimal, joined.translate(_TO_DECIMAL[point]).split("\x1e"))) if cells else []
            if not numbers or max(numbers) <= MAX_AMOUNT:
                if complete:
                    return numbers
                values: dict[Any, Any] = dict(zip(cells, numbers, strict=True))
                values[None] = values[""] = None
                return list(map(values.__getitem__, column))
    return _parse_column(column, _amount_parser(point), text_only)


#: Every distinct amount of a column, each followed by \x1e, when all are plain: digits, grouping, two decimals.
_ALL_PLAIN = {  # possessive and atomic: no backtracking over a megabyte of amounts
    mark: re.compile(
        rf"(?:(?>\d{{1,3}}(?:[{re.escape(group + _GROUPS)}]\d{{3}})++|\d++)(?:{re.escape(mark)}\d{{1,2}})?+\x1e)*+",
        re.ASCII)
    for mark, group in ((",", "."), (".", ","))
}
_TO_DECIMAL = {mark: {**str.maketrans("", "", group + _GROUPS), ord(mark): "."}
               for mark, group in ((",", "."), (".", ","))}


def _sheet_number(number: Decimal) -> Any:
    """A number a spreadsheet stored: within a billionth of a cent amount it is that amount (binary rounding)."""
    if abs(number) < MAX_AMOUNT * 10:
        rounded = cents(number)
        if abs(number - rounded) < Decimal("1E-9"):
            number = rounded
    return _checked_amount(number, number < 0)


def _checked_amount(number: Decimal, negative: bool) -> Any:
    """The amount, negative for a credit note (issue 18: a negative amount is a credit note, never a bad row)."""
    number = number.copy_abs()
    if number > MAX_AMOUNT:
        return Bad("too_large", (("maximum", f"{MAX_AMOUNT:f}"),))
    if number != number.quantize(CENT, context=CONTEXT):
        return Bad("too_many_decimals", (("places", "2"),))
    return -number if negative and number else number


_TERM = re.compile(r"(?:net(?:to)?\s*)?(\d{1,6})\s*(?:dagen|dag|days?|jours?|j|d)?\.?(?:\s*net(?:to)?)?\Z")


def _term(cell: Any) -> Any:
    if isinstance(cell, bool):
        return Bad("invalid_integer")
    if isinstance(cell, int):
        days = cell
    elif isinstance(cell, float) and cell.is_integer():
        days = int(cell)
    elif isinstance(cell, Decimal) and cell.is_finite() and cell == cell.to_integral_value(context=CONTEXT):
        days = int(max(min(cell, Decimal(10**7)), Decimal(-1)))
    elif not isinstance(cell, str):
        return Bad("invalid_integer")
    else:
        found = _TERM.match(cell.strip().lower())
        if not found:
            term = terms.parse(cell)
            if term is None:
                return Bad("invalid_integer")
            return term if term.end_of_month else term.days
        days = int(found.group(1))
    if days < 0:
        return Bad("negative")
    if days > MAX_TERM_DAYS:
        return Bad("too_large", (("maximum", str(MAX_TERM_DAYS)),))
    return days


def _name(cell: Any) -> str | None:
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)  # a customer number typed in a spreadsheet
    text = " ".join(str(cell).split())
    return text or None


_CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "EURO": "EUR", "EUROS": "EUR"}
_CURRENCY_CODE = re.compile(r"[A-Z]{3}\Z", re.ASCII)


def _currency(cell: Any) -> Any:
    text = str(cell).strip().upper()
    if not text:
        return None
    text = _CURRENCY_SYMBOLS.get(text, text)
    return text if _CURRENCY_CODE.match(text) else Bad("invalid_currency")


# -- issue 18: the kind of document, yes/no flags and the customer's details -----------------------------------

_CREDIT_WORDS = frozenset({
    "credit note", "creditnota", "credit nota", "creditfactuur", "credit factuur", "credit", "creditering", "cn",
    "avoir", "facture d avoir", "note de credit", "credit memo", "kind credit note", "credit_note", "kn",
})
_INVOICE_WORDS = frozenset({"invoice", "factuur", "facture", "verkoopfactuur", "sales invoice", "f", "inv", "fa"})


def _kind(cell: Any) -> Any:
    plain = normalise_header(cell)
    if plain in _CREDIT_WORDS or plain.replace(" ", "_") in _CREDIT_WORDS:
        return CREDIT_NOTE
    if plain in _INVOICE_WORDS:
        return INVOICE
    return None  # a kind we do not know: the amount's sign decides


_NO_WORDS = frozenset({"no", "nee", "non", "false", "onwaar", "faux", "0", "n", "neen", "-", "none", "geen", "aucun"})


def _yes(cell: Any) -> bool:
    """A yes/no column: ``yes``/``ja``/``oui``/``x``/``true``/``1`` (or any other mark, a reason) is yes."""
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, (int, float, Decimal)):
        return bool(cell)
    plain = normalise_header(cell)
    return bool(plain) and plain not in _NO_WORDS


_COUNTRIES = {
    "belgie": "BE", "belgique": "BE", "belgium": "BE", "belgien": "BE", "nederland": "NL", "pays bas": "NL",
    "netherlands": "NL", "the netherlands": "NL", "holland": "NL", "france": "FR", "frankrijk": "FR",
    "luxembourg": "LU", "luxemburg": "LU", "duitsland": "DE", "allemagne": "DE", "germany": "DE",
    "deutschland": "DE", "united kingdom": "GB", "royaume uni": "GB", "verenigd koninkrijk": "GB", "uk": "GB",
}


def _country(cell: Any) -> Any:
    plain = normalise_header(cell)
    if len(plain) == 2 and plain.isalpha():
        return plain.upper()
    return _COUNTRIES.get(plain)


_LANGUAGES = {
    "nl": "nl", "nederlands": "nl", "dutch": "nl", "neerlandais": "nl", "vlaams": "nl", "fr": "fr", "frans": "fr",
    "francais": "fr", "french": "fr", "en": "en", "engels": "en", "anglais": "en", "english": "en", "de": "de",
    "duits": "de", "allemand": "de", "german": "de", "deutsch": "de",
}


def _language(cell: Any) -> Any:
    return _LANGUAGES.get(normalise_header(cell))


_BUSINESS_WORDS = frozenset({"business", "b2b", "zakelijk", "bedrijf", "onderneming", "professionnel",
                             "professionel", "pro", "entreprise", "societe", "company"})
_CONSUMER_WORDS = frozenset({"consumer", "b2c", "consument", "particulier", "prive", "private", "individual",
                             "particuliere"})


def _debtor(cell: Any) -> Any:
    plain = normalise_header(cell)
    if plain in _BUSINESS_WORDS:
        return "business"
    if plain in _CONSUMER_WORDS:
        return "consumer"
    return None
