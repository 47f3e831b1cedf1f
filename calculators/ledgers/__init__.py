"""Readers of the files businesses already have, into one model of receivables (:mod:`.model`).

One small module per format (CSV/spreadsheet exports, FEC, Peppol UBL, CAMT.053, payment terms); every
calculator reads the model, never a file format.
"""
