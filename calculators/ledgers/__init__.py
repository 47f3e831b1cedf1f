"""Readers of the files businesses already have, into one model of receivables (:mod:`.model`).

One small module per format (CSV/spreadsheet exports, FEC, Peppol UBL, CAMT.053, payment terms); every
calculator reads the model, never a file format.
"""

from .model import CREDIT_NOTE, INVOICE, Document, Payment
from .request import Receivables, read_request

__all__ = ["CREDIT_NOTE", "INVOICE", "Document", "Payment", "Receivables", "read_request"]
