"""The ledger readers' strings (files, e-invoices, bank statements), one table per language (issue 18)."""

# ruff: noqa: E501 -- a translation reads (and greps) best on one line

from __future__ import annotations

EN: dict[str, str] = {
    "error.invalid_file": "Send each file as an object with its name and its content (base64 or text).",
    "error.xml_doctype": "This XML file declares a document type or entities; e-invoices and bank statements never do, so it is not read (a safeguard against hostile files).",
    "error.invalid_xml": "This XML file cannot be read: it is damaged or not XML.",
    "error.unknown_xml": "This XML file is neither a Peppol/UBL invoice or credit note nor a CAMT.053 bank statement.",
    "error.invalid_zip": "This zip file cannot be opened: it is damaged or not a zip.",
    "error.nested_zip": "A zip inside a zip is not opened: unpack it and add its files.",
    "error.zip_too_many_entries": "The zip holds more than {maximum} files: split it.",
    "error.zip_too_large": "The zip unpacks to more than {maximum} MB: split it.",
    "error.not_fec": "This looks like a FEC but its header does not name the columns of article A47 A-1 LPF.",
    "error.invalid_line": "This line has fewer columns than the header.",
    "portfolio.credit_notes": "Credit notes: {count}; each lowers its customer's balance, against the invoice it names, else the oldest open invoice.",
    "portfolio.payments": "Bank payments read: {count}; matched to invoices: {matched} (an invoice paid in full gets the payment's date); not matched: {unmatched} (listed).",
    "portfolio.ignored_columns": "Columns of the file not used: {columns}. Map one to a field if it holds something the report needs.",
}

NL: dict[str, str] = {
    "error.invalid_file": "Stuur elk bestand als object met zijn naam en inhoud (base64 of tekst).",
    "error.xml_doctype": "Dit XML-bestand declareert een documenttype of entiteiten; e-facturen en bankafschriften doen dat nooit, dus het wordt niet gelezen (een beveiliging tegen kwaadaardige bestanden).",
    "error.invalid_xml": "Dit XML-bestand is onleesbaar: beschadigd of geen XML.",
    "error.unknown_xml": "Dit XML-bestand is geen Peppol/UBL-factuur of -creditnota en geen CAMT.053-bankafschrift.",
    "error.invalid_zip": "Dit zipbestand gaat niet open: beschadigd of geen zip.",
    "error.nested_zip": "Een zip in een zip wordt niet geopend: pak hem uit en voeg de bestanden toe.",
    "error.zip_too_many_entries": "De zip bevat meer dan {maximum} bestanden: splits hem.",
    "error.zip_too_large": "De zip wordt uitgepakt groter dan {maximum} MB: splits hem.",
    "error.not_fec": "Dit lijkt een FEC, maar de kopregel noemt de kolommen van artikel A47 A-1 LPF niet.",
    "error.invalid_line": "Deze regel heeft minder kolommen dan de kopregel.",
    "portfolio.credit_notes": "Creditnota's: {count}; elk verlaagt het saldo van de klant, op de factuur die ze noemt, anders op de oudste openstaande factuur.",
    "portfolio.payments": "Gelezen bankbetalingen: {count}; gekoppeld aan facturen: {matched} (een volledig betaalde factuur krijgt de datum van de betaling); niet gekoppeld: {unmatched} (in de lijst).",
    "portfolio.ignored_columns": "Niet gebruikte kolommen van het bestand: {columns}. Koppel er een aan een veld als het iets bevat wat het overzicht nodig heeft.",
}

FR: dict[str, str] = {
    "error.invalid_file": "Envoyez chaque fichier comme un objet avec son nom et son contenu (base64 ou texte).",
    "error.xml_doctype": "Ce fichier XML déclare un type de document ou des entités ; une facture électronique ou un relevé bancaire ne le fait jamais, il n'est donc pas lu (une protection contre les fichiers malveillants).",
    "error.invalid_xml": "Ce fichier XML est illisible : endommagé ou pas du XML.",
    "error.unknown_xml": "Ce fichier XML n'est ni une facture ou un avoir Peppol/UBL ni un relevé bancaire CAMT.053.",
    "error.invalid_zip": "Ce fichier zip ne s'ouvre pas : endommagé ou pas un zip.",
    "error.nested_zip": "Un zip dans un zip n'est pas ouvert : décompressez-le et ajoutez ses fichiers.",
    "error.zip_too_many_entries": "Le zip contient plus de {maximum} fichiers : divisez-le.",
    "error.zip_too_large": "Le zip décompressé dépasse {maximum} Mo : divisez-le.",
    "error.not_fec": "Ceci ressemble à un FEC, mais son en-tête ne nomme pas les colonnes de l'article A47 A-1 du LPF.",
    "error.invalid_line": "Cette ligne a moins de colonnes que l'en-tête.",
    "portfolio.credit_notes": "Avoirs : {count} ; chacun réduit le solde du client, sur la facture qu'il cite, sinon sur la plus ancienne facture ouverte.",
    "portfolio.payments": "Paiements bancaires lus : {count} ; rapprochés de factures : {matched} (une facture payée en entier prend la date du paiement) ; non rapprochés : {unmatched} (listés).",
    "portfolio.ignored_columns": "Colonnes du fichier non utilisées : {columns}. Associez-en une à un champ si elle contient ce dont le rapport a besoin.",
}
