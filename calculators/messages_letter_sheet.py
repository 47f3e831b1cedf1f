"""The letter sheet's own words (``letter_sheet.py``), one table per language (merged into ``messages.CATALOGUES``).

The letter's text is the letter-writing calculator's; these are only the sheet's labels: the information block,
the invoice table's headers and the payment instruction.
"""

# ruff: noqa: E501 -- a translation reads (and greps) best on one line

from __future__ import annotations

EN: dict[str, str] = {
    "letter_sheet.title_many": "{count} letters",
    "letter_sheet.info.reference": "Your reference",
    "letter_sheet.info.phone": "Phone",
    "letter_sheet.info.email": "E-mail",
    "letter_sheet.info.enterprise_number": "Company no.",
    "letter_sheet.info.vat_number": "VAT no.",
    "letter_sheet.col.reference": "Invoice",
    "letter_sheet.col.due_date": "Due date",
    "letter_sheet.col.days_late": "Days late",
    "letter_sheet.col.amount": "Amount",
    "letter_sheet.col.interest": "Interest",
    "letter_sheet.pay": "Payment: please transfer {amount} to IBAN {iban} in the name of {name}, quoting {reference}.",
}

NL: dict[str, str] = {
    "letter_sheet.title_many": "{count} brieven",
    "letter_sheet.info.reference": "Uw kenmerk",
    "letter_sheet.info.phone": "Telefoon",
    "letter_sheet.info.email": "E-mailadres",
    "letter_sheet.info.enterprise_number": "KvK-/ondernemingsnr.",
    "letter_sheet.info.vat_number": "Btw-nummer",
    "letter_sheet.col.reference": "Factuur",
    "letter_sheet.col.due_date": "Vervaldatum",
    "letter_sheet.col.days_late": "Dagen te laat",
    "letter_sheet.col.amount": "Bedrag",
    "letter_sheet.col.interest": "Rente",
    "letter_sheet.pay": "Betaling: maak {amount} over naar IBAN {iban} ten name van {name}, onder vermelding van {reference}.",
}

FR: dict[str, str] = {
    "letter_sheet.title_many": "{count} lettres",
    "letter_sheet.info.reference": "Votre référence",
    "letter_sheet.info.phone": "Téléphone",
    "letter_sheet.info.email": "Courriel",
    "letter_sheet.info.enterprise_number": "N° d'entreprise / SIREN",
    "letter_sheet.info.vat_number": "N° de TVA",
    "letter_sheet.col.reference": "Facture",
    "letter_sheet.col.due_date": "Échéance",
    "letter_sheet.col.days_late": "Jours de retard",
    "letter_sheet.col.amount": "Montant",
    "letter_sheet.col.interest": "Intérêts",
    "letter_sheet.pay": "Paiement : merci de virer {amount} sur l'IBAN {iban} au nom de {name}, en indiquant la référence {reference}.",
}
