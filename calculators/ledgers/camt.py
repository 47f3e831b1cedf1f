"""ISO 20022 CAMT.053 bank statements (camt.053.001.02 up to .08): the incoming payments.

Read per entry (``Stmt/Ntry``; element names of the ISO 20022 message definitions, as the Belgian, Dutch
and French banks' implementation guides use them): credit entries only (``CdtDbtInd`` = ``CRDT``), booked
(``Sts`` = ``BOOK``, or ``Sts/Cd`` = ``BOOK`` from version .08), not reversals (``RvslInd``). Amount ``Amt``
with its ``Ccy``; date ``BookgDt/Dt`` (or ``DtTm``), else ``ValDt``. Per transaction (``NtryDtls/TxDtls``;
a batch entry holds several, each with its own amount ``Amt`` or ``AmtDtls/TxAmt/Amt``): the payer
``RltdPties/Dbtr/Nm`` (``Dbtr/Pty/Nm`` from .08), the structured reference ``RmtInf/Strd/CdtrRefInf/Ref``
(RF or the Belgian +++…+++), the free text ``RmtInf/Ustrd`` (else the entry's ``AddtlNtryInf``).
Debit entries are not payments to you and are left out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal, InvalidOperation

from .model import Payment
from .safexml import namespace

_NS = re.compile(r"urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d\d)\Z")


def is_camt(root: ET.Element) -> bool:
    return bool(_NS.match(namespace(root.tag)))


def _day(text: str | None) -> date | None:
    if not text or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _amount(element: ET.Element | None) -> Decimal | None:
    if element is None or not element.text:
        return None
    try:
        value = Decimal(element.text.strip())
    except InvalidOperation:
        return None
    return value.quantize(Decimal("0.01")) if value.is_finite() and 0 < value < 10**13 else None


def read(root: ET.Element, source: str | None, first_index: int = 0) -> tuple[list[Payment], int]:
    """The statement's incoming payments, and how many entries it had in all."""
    ns = "{" + namespace(root.tag) + "}"

    def text(element: ET.Element, path: str) -> str | None:
        found = element.find(ns + path.replace("/", "/" + ns))
        return None if found is None or found.text is None else " ".join(found.text.split()) or None

    payments: list[Payment] = []
    entries = root.findall(f"{ns}BkToCstmrStmt/{ns}Stmt/{ns}Ntry")
    for entry in entries:
        if text(entry, "CdtDbtInd") != "CRDT":
            continue
        status = text(entry, "Sts") or text(entry, "Sts/Cd")
        if status not in (None, "BOOK"):
            continue
        if (text(entry, "RvslInd") or "").lower() == "true":
            continue
        amount_element = entry.find(f"{ns}Amt")
        total = _amount(amount_element)
        currency = None if amount_element is None else amount_element.get("Ccy")
        day = (_day(text(entry, "BookgDt/Dt")) or _day(text(entry, "BookgDt/DtTm"))
               or _day(text(entry, "ValDt/Dt")) or _day(text(entry, "ValDt/DtTm")))
        if total is None or day is None:
            continue
        details = entry.findall(f"{ns}NtryDtls/{ns}TxDtls")
        extra = text(entry, "AddtlNtryInf")
        if not details:
            payments.append(Payment(total, day, currency, None, None, extra, source, first_index + len(payments)))
            continue
        for tx in details:
            amount = (_amount(tx.find(f"{ns}Amt")) or _amount(tx.find(f"{ns}AmtDtls/{ns}TxAmt/{ns}Amt"))
                      if len(details) > 1 else total) or total
            debtor = text(tx, "RltdPties/Dbtr/Nm") or text(tx, "RltdPties/Dbtr/Pty/Nm")
            references = [" ".join(e.text.split()) for e in tx.iterfind(
                f"{ns}RmtInf/{ns}Strd/{ns}CdtrRefInf/{ns}Ref") if e.text]
            free = [" ".join(e.text.split()) for e in tx.iterfind(f"{ns}RmtInf/{ns}Ustrd") if e.text]
            payments.append(Payment(amount, day, currency, debtor, references[0] if references else None,
                                    " ".join(free) or extra, source, first_index + len(payments)))
    return payments, len(entries)
