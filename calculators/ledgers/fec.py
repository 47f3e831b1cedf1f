"""The French Fichier des Écritures Comptables (FEC): the open customer items on a reference date.

The FEC (article A47 A-1 of the Livre des procédures fiscales; BOFiP BOI-CF-IOR-60-40-20) is one line per
accounting entry line, tab- or ``|``-separated, with a header line naming its 18 columns in this order:
JournalCode, JournalLib, EcritureNum, EcritureDate, CompteNum, CompteLib, CompAuxNum, CompAuxLib, PieceRef,
PieceDate, EcritureLib, Debit, Credit, EcritureLet, DateLet, ValidDate, Montantdevise, Idevise. Dates are
written ``AAAAMMJJ``; amounts with a decimal comma (or point).

What is read: the lines on customer accounts (plan comptable général: class 411 "Clients", and 416 "Clients
douteux ou litigieux", read as disputed), the customer being the auxiliary account (``CompAuxNum`` /
``CompAuxLib``, else the account itself). Per customer and document (``PieceRef``, dated ``PieceDate``, else
``EcritureDate``), amount = Debit − Credit. A document whose lines are lettered (``EcritureLet``) with a
lettering date (``DateLet``) on or before the reference date is paid; its paid date is the latest entry date
among the credit lines of the same letter on that account (the payment), else ``DateLet``; a lettered credit
(the payment itself) is no document. The rest is open; an unlettered credit lowers the customer's balance.
A FEC has no due date: due = document date + the request's ``default_term_days`` (else the French default
term, rule ``default_payment_term_days``: C. com. art. L441-10).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from .. import rules
from .model import CREDIT_NOTE, INVOICE, Document

COLUMNS = ("JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
           "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
           "ValidDate", "Montantdevise", "Idevise")
#: Customer accounts: 411 clients, 416 doubtful or disputed clients (read as disputed).
CUSTOMER_ACCOUNTS = ("411", "416")
DISPUTED_ACCOUNTS = ("416",)
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})\Z")


def looks_like_fec(text: str) -> bool:
    """Whether the first line is a FEC header (the 18 names, in any case, tab- or ``|``-separated)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip("\r ")
    names = [c.strip().lower() for c in re.split(r"[\t|;]", first)]
    return names[:5] == [c.lower() for c in COLUMNS[:5]] and "piecedate" in names and "debit" in names


def _day(text: str) -> date | None:
    found = _DATE.match(text.strip())
    if not found:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


_PLAIN = re.compile(r"-?\d{1,13}(?:,\d{1,2})?\Z")


def _amount(text: str) -> Decimal | None:
    if _PLAIN.match(text):  # the usual writing: 1234,56
        return Decimal(text.replace(",", "."))
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return Decimal(0)
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() and abs(value) < 10**13 else None


_UNSEEN = object()


class FecResult:
    def __init__(self) -> None:
        self.documents: list[Document] = []
        #: (line, field, code) of each line set aside.
        self.problems: list[tuple[int, str, str]] = []
        self.error: str | None = None
        self.lines = 0


def read(text: str, as_of: date, default_term_days: int | None, source: str | None = None) -> FecResult:
    result = FecResult()
    term = default_term_days if default_term_days is not None else rules.integer("default_payment_term_days")
    lines = text.lstrip("\ufeff").split("\n")
    header = lines[0].rstrip("\r")
    separator = "\t" if header.count("\t") >= header.count("|") else "|"
    names = [c.strip().lower() for c in header.split(separator)]
    try:
        at = {name: names.index(name.lower()) for name in COLUMNS[:15]}
    except ValueError:
        result.error = "not_fec"
        return result
    width = max(at.values()) + 1
    prefixes = tuple(separator + account for account in CUSTOMER_ACCOUNTS)
    account_at, aux_at, auxlib_at, lib_at = at["CompteNum"], at["CompAuxNum"], at["CompAuxLib"], at["CompteLib"]
    # (customer key) -> name; (customer, piece) -> [amount, date, lines, lettered, paid, first line]
    pieces: dict[tuple[str, str], list] = {}
    names_of: dict[str, str] = {}
    letters: dict[tuple[str, str], date] = {}  # (customer, letter) -> latest credit entry date
    lettered: list[tuple[tuple[str, str], str, date | None]] = []
    days: dict[str, date | None] = {}
    amounts: dict[str, Decimal | None] = {}

    def day_of(text: str) -> date | None:
        value = days.get(text, _UNSEEN)
        if value is _UNSEEN:
            value = days[text] = _day(text)
        return value  # type: ignore[return-value]

    def amount_of(text: str) -> Decimal | None:
        value = amounts.get(text, _UNSEEN)
        if value is _UNSEEN:
            value = amounts[text] = _amount(text)
        return value  # type: ignore[return-value]

    debit_at, credit_at, piece_date_at, entry_date_at = at["Debit"], at["Credit"], at["PieceDate"], at["EcritureDate"]
    letter_at, let_date_at, piece_at = at["EcritureLet"], at["DateLet"], at["PieceRef"]
    for number, raw in enumerate(lines[1:], start=2):
        if prefixes[0] not in raw and prefixes[1] not in raw:
            continue  # no customer account on this line: most lines of a FEC, skipped unsplit
        cells = raw.rstrip("\r").split(separator)
        if len(cells) < width:
            if raw.strip():
                result.problems.append((number, "", "invalid_line"))
            continue
        account = cells[account_at].strip()
        if not account.startswith(CUSTOMER_ACCOUNTS):
            continue
        result.lines += 1
        aux = cells[aux_at].strip()
        customer = aux or account
        if customer not in names_of:
            names_of[customer] = cells[auxlib_at].strip() or (cells[lib_at].strip() if not aux else aux) or customer
        debit, credit = amount_of(cells[debit_at]), amount_of(cells[credit_at])
        entry_day = day_of(cells[entry_date_at])
        day = day_of(cells[piece_date_at]) or entry_day
        entry_day = entry_day or day
        if debit is None or credit is None or day is None:
            result.problems.append((number, "Debit" if debit is None else "Credit" if credit is None else "PieceDate",
                                    "invalid_number" if debit is None or credit is None else "invalid_date"))
            continue
        letter = cells[letter_at].strip()
        let_day = day_of(cells[let_date_at]) if letter else None
        closed = bool(letter) and (let_day is None or let_day <= as_of)
        if entry_day and entry_day > as_of:
            continue  # booked after the reference date
        piece = cells[piece_at].strip() or f"line {number}"
        key = (customer, piece)
        item = pieces.get(key)
        if item is None:
            pieces[key] = item = [Decimal(0), Decimal(0), day, number, True, account.startswith(DISPUTED_ACCOUNTS)]
        item[0] += debit - credit
        if not closed:
            item[1] += debit - credit
            item[4] = False
        if closed and credit and entry_day:
            previous = letters.get((customer, letter))
            if previous is None or entry_day > previous:
                letters[(customer, letter)] = entry_day
        if closed:
            lettered.append((key, letter, let_day))
        if day < item[2]:
            item[2] = day
    paid_on: dict[tuple[str, str], date] = {}
    for key, letter, let_day in lettered:
        day = letters.get((key[0], letter)) or let_day
        if day is not None and (key not in paid_on or day > paid_on[key]):
            paid_on[key] = day
    from .terms import due_date
    for index, ((customer, piece), (amount, open_part, day, number, all_closed, disputed)) in enumerate(
            pieces.items()):
        if not amount and not open_part:
            continue  # an entry and its reversal
        if all_closed and amount < 0:
            continue  # a payment (or a credit) lettered against invoices: it only closes them
        kind = CREDIT_NOTE if amount < 0 else INVOICE
        paid = paid_on.get((customer, piece)) if all_closed and kind == INVOICE else None
        if paid is not None and paid < day:
            paid = day
        result.documents.append(Document(
            names_of[customer], amount, day, term, due_date(day, term), paid, piece, "EUR", index, number,
            open_part, kind, None, None, disputed, False, source, (("account", customer),)))
    return result
