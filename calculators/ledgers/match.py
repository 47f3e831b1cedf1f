"""Payments matched to the documents they pay, and credit notes set against the invoices they correct.

Structured references first: the RF creditor reference (ISO 11649: ``RF`` + two check digits + up to 21
letters or digits, valid when the reference moved behind its first four characters, letters as 10-35, is 1
modulo 97) and the Belgian structured communication (``+++123/4567/89012+++``: ten digits and two check
digits, the ten modulo 97, 97 for 0: the "gestructureerde mededeling" / "communication structurée" of Febelfin's
banking standards, in a CAMT.053 under ``Strd/CdtrRefInf`` with issuer ``BBA``; checked 2026-12-04 against
python-stdnum's ``stdnum.be.ogm_vcs`` and XMLdation's notes, not against Febelfin's own document). A reference
whose check digits are wrong is not used as one. Then an invoice number found in the
remittance text; then the amount and the payer's name (one open invoice of that customer for that amount).

Each payment is spread over the documents it names in their order, never more than each has open; a
document brought to nothing by payments gets the date of the payment that closed it as its paid date.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from operator import attrgetter

from .model import CREDIT_NOTE, INVOICE, Document, Payment

_OGM = re.compile(r"(?:\+{3}|\*{3})?\s*(\d{3})\s*/?\s*(\d{4})\s*/?\s*(\d{5})\s*(?:\+{3}|\*{3})?")
_RF = re.compile(r"RF\d\d[0-9A-Z]{1,21}")


def ogm_valid(digits: str) -> bool:
    """Whether twelve digits are a Belgian structured communication: the first ten modulo 97 (97 for 0)."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    rest = int(digits[:10]) % 97
    return int(digits[10:]) == (rest or 97)


def ogm(number: int) -> str:
    """The structured communication ``+++ddd/dddd/ddddd+++`` of a number of at most ten digits."""
    check = number % 97 or 97
    digits = f"{number:010d}{check:02d}"
    return f"+++{digits[:3]}/{digits[3:7]}/{digits[7:]}+++"


def _mod97(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text)) % 97


def rf_valid(reference: str) -> bool:
    """Whether a reference (spaces removed, upper case) is a valid ISO 11649 creditor reference."""
    return bool(_RF.fullmatch(reference)) and _mod97(reference[4:] + reference[:4]) == 1


def rf(body: str) -> str:
    """The RF creditor reference of ``body`` (letters and digits)."""
    body = re.sub(r"[^0-9A-Z]", "", body.upper())
    check = 98 - _mod97(body + "RF00")
    return f"RF{check:02d}{body}"


def structured(text: str | None) -> str | None:
    """The structured reference a text holds, as a key (``OGM`` + twelve digits, or the RF reference)."""
    if not text:
        return None
    compact = re.sub(r"\s", "", text.upper())
    for found in _RF.finditer(compact):
        if rf_valid(found.group()):
            return found.group()
    for found in _OGM.finditer(text):
        digits = "".join(found.groups())
        if ogm_valid(digits):
            return "OGM" + digits
    return None


def reference_key(text: str | None) -> str:
    """An invoice number as compared: letters and digits only, upper case (``F-2026/001`` is ``F2026001``)."""
    if not text:
        return ""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^0-9A-Z]", "", plain.upper())


def name_key(text: str | None) -> str:
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii").lower()
    words = [w for w in re.findall(r"[a-z0-9]+", plain) if w not in _LEGAL_FORMS]
    return " ".join(words)


_LEGAL_FORMS = frozenset({"bv", "nv", "bvba", "vof", "cv", "cvba", "sa", "sarl", "sas", "sasu", "srl", "sprl",
                          "eurl", "sc", "scs", "ltd", "limited", "inc", "gmbh", "llc", "plc", "the", "de", "het"})


def open_of(document: Document) -> Decimal:
    """What a document still has open: its open amount, else its amount while unpaid, else nothing."""
    if document.open_amount is not None:
        return document.open_amount
    return document.amount if document.paid_date is None else Decimal(0)


def _settle(document: Document, taken: Decimal, day: date | None) -> Document:
    left = open_of(document) - taken
    paid = document.paid_date
    if day is not None and not left and document.kind == INVOICE:
        paid = max(day, document.invoice_date)
    return document._replace(open_amount=left, paid_date=paid)


_KIND = attrgetter("kind")


def set_off_credit_notes(documents: list[Document], named_only: bool) -> list[Document]:
    """Each credit note's open amount set against the invoice it names (same customer), else (unless
    ``named_only``) the customer's oldest open invoices."""
    docs = list(documents)
    if CREDIT_NOTE not in set(map(_KIND, docs)):  # no credit note (most ledgers): one C loop, not a Python one
        return docs
    wanted = {doc.customer.casefold() for doc in docs if doc.kind == CREDIT_NOTE}
    by_customer: dict[str, list[int]] = {}
    for position, doc in enumerate(docs):
        key = doc.customer.casefold()
        if key in wanted:
            by_customer.setdefault(key, []).append(position)
    for positions in by_customer.values():
        credits = [p for p in positions if docs[p].kind == CREDIT_NOTE and open_of(docs[p]) < 0]
        if not credits:
            continue
        invoices = sorted((p for p in positions if docs[p].kind == INVOICE),
                          key=lambda p: (docs[p].due_date, docs[p].invoice_date, docs[p].index))
        by_reference = {reference_key(docs[p].reference): p for p in invoices if docs[p].reference}
        for c in credits:
            named = by_reference.get(reference_key(docs[c].corrects)) if docs[c].corrects else None
            if named is None and named_only:
                continue
            targets = [named] if named is not None else invoices
            for p in targets:
                credit = -open_of(docs[c])
                if not credit:
                    break
                taken = min(credit, open_of(docs[p]))
                if taken <= 0:
                    continue
                docs[p] = _settle(docs[p], taken, None)
                docs[c] = docs[c]._replace(open_amount=open_of(docs[c]) + taken)
    return docs


def match_payments(documents: list[Document], payments: Iterable[Payment],
                   as_of: date) -> tuple[list[Document], list[Payment], list[tuple[Payment, Decimal]]]:
    """The documents after the payments, the payments with what they matched, and ``(payment, applied)``."""
    docs = list(documents)
    payments = list(payments)
    if not payments:
        return docs, [], []
    by_key: dict[str, list[int]] = {}
    by_reference: dict[str, list[int]] = {}
    by_name: dict[str, list[int]] = {}
    for position, doc in enumerate(docs):
        if doc.kind != INVOICE:
            continue
        for key in {structured(doc.payment_id), structured(doc.reference)} - {None}:
            by_key.setdefault(key, []).append(position)  # type: ignore[arg-type]
        ref = reference_key(doc.reference)
        if len(ref) >= 3 and any(c.isdigit() for c in ref):
            by_reference.setdefault(ref, []).append(position)
        by_name.setdefault(name_key(doc.customer), []).append(position)
    done: list[Payment] = []
    applied: list[tuple[Payment, Decimal]] = []
    for payment in sorted(payments, key=lambda p: (p.date, p.index)):
        if payment.date > as_of or payment.amount <= 0:
            done.append(payment)
            continue
        targets = _targets(payment, docs, by_key, by_reference, by_name)
        left = payment.amount
        matched = []
        for p in targets:
            if not left:
                break
            taken = min(left, open_of(docs[p]))
            if taken <= 0:
                continue
            docs[p] = _settle(docs[p], taken, payment.date)
            left -= taken
            matched.append(docs[p].reference or f"invoices[{docs[p].index}]")
        payment = payment._replace(matched=tuple(matched))
        done.append(payment)
        if matched:
            applied.append((payment, payment.amount - left))
    return docs, done, applied


def _targets(payment: Payment, docs: list[Document], by_key: dict[str, list[int]],
             by_reference: dict[str, list[int]], by_name: dict[str, list[int]]) -> list[int]:
    key = structured(payment.structured_reference) or structured(payment.text)
    if key and key in by_key:
        return by_key[key]
    if key and key.startswith("RF") and reference_key(key[4:]) in by_reference:
        return by_reference[reference_key(key[4:])]
    words = [payment.structured_reference or "", payment.text or ""]
    found: list[int] = []
    for text in words:
        for token in re.findall(r"[0-9A-Za-z][0-9A-Za-z/_.-]*[0-9A-Za-z]", text):
            for position in by_reference.get(reference_key(token), ()):
                if position not in found and open_of(docs[position]) > 0:
                    found.append(position)
    if found:
        return found
    name = name_key(payment.debtor)
    if not name:
        return []
    candidates = by_name.get(name, [])
    if not candidates:
        candidates = [p for key, positions in by_name.items() if key and (key in name or name in key)
                      for p in positions]
    same = sorted((p for p in candidates if open_of(docs[p]) == payment.amount),
                  key=lambda p: (docs[p].due_date, docs[p].index))
    return same[:1]
