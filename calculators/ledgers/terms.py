"""Payment terms as accounting packages write them, and the due date they give.

``30``, ``30 dagen``, ``netto 30 dagen``, ``30 days net``, ``net 30``, ``30 jours``, ``30 jours fin de mois``,
``45 jours fin de mois``, ``30 dagen einde maand``, ``à réception``, ``comptant``, ``contant``, ``on receipt``.

"N jours fin de mois" is computed the way the French Commission d'examen des pratiques commerciales (CEPC)
describes first: count N days from the invoice date, the payment falling due on the last day of the calendar
month in which those days end (the other computation it allows, the end of the invoice's month plus N days,
gives a later date). Source: CEPC, "Délais de paiement : sur la computation des délais",
https://www.economie.gouv.fr/cepc/delais-paiement-sur-computation-des-delais (checked 2026-12-04).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from typing import NamedTuple

from ..contract import MAX_TERM_DAYS


class Term(NamedTuple):
    """A payment term: days after the invoice date, then (when ``end_of_month``) the end of that month."""

    days: int
    end_of_month: bool = False


_IMMEDIATE = frozenset({
    "a reception", "a reception de facture", "a reception de la facture", "reception", "reception facture",
    "comptant", "au comptant", "paiement comptant", "immediat", "paiement immediat", "contant", "direct",
    "onmiddellijk", "bij ontvangst", "per omgaande", "on receipt", "upon receipt", "due on receipt",
    "cash", "immediate", "immediately", "net 0", "0",
})
_DAYS = r"(?:dagen|dag|days?|jours?|jrs?|j|d)"
_NET = r"(?:netto|net|nett)"
_EOM = r"(?:fin de mois|fdm|f d m|einde maand|einde van de maand|eom|end of month|end of the month)"
_TERM = re.compile(rf"(?:{_NET} )?(\d{{1,6}}) ?(?:{_DAYS})?(?: {_NET})?(?: ?(?:le |de )?({_EOM}))?(?: {_NET})?\Z")


def _plain(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.findall(r"[a-z0-9]+", ascii_))


def parse(text: str) -> Term | None:
    """The term a cell writes, or ``None`` when it is not one we read (or longer than the longest term)."""
    plain = _plain(text)
    if plain in _IMMEDIATE:
        return Term(0)
    found = _TERM.match(plain)
    if not found:
        return None
    days = int(found.group(1))
    if days > MAX_TERM_DAYS:
        return None
    return Term(days, bool(found.group(2)))


def due_date(invoice_date: date, term: Term | int) -> date:
    """The due date of an invoice dated ``invoice_date`` on ``term``."""
    if isinstance(term, int):
        return invoice_date + timedelta(days=term)
    day = invoice_date + timedelta(days=term.days)
    if term.end_of_month:
        following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        day = following - timedelta(days=1)
    return day
