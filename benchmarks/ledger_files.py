"""Files as businesses have them, generated for the tests and the benchmarks of the ledger readers (issue 18).

Every builder writes its own content (nothing copied from any repository): Peppol BIS 3.0 UBL invoices and
credit notes, CAMT.053 statements, FEC exports, zips of these. :func:`fec_text` and :func:`ubl_zip` make the
large files of ``python -m benchmarks.ledger --files``.
"""

from __future__ import annotations

import io
import random
import zipfile
from datetime import date, timedelta
from decimal import Decimal
from xml.sax.saxutils import escape

UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"


def ubl(number: str, issued: date, buyer: str, payable: str, *, due: date | None = None, credit_note: bool = False,
        corrects: str | None = None, payment_id: str | None = None, currency: str = "EUR",
        country: str = "BE", vat: str = "BE0123456749", note: str | None = None, lines: int = 0) -> bytes:
    """One Peppol BIS Billing 3.0 invoice (or credit note), with what a receivable needs."""
    root = "CreditNote" if credit_note else "Invoice"
    ns = UBL_CREDIT_NOTE if credit_note else UBL_INVOICE
    due_xml = ""
    if due is not None and not credit_note:
        due_xml = f"<cbc:DueDate>{due.isoformat()}</cbc:DueDate>"
    means = ""
    if payment_id or (due is not None and credit_note):
        means = ("<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>"
                 + (f"<cbc:PaymentDueDate>{due.isoformat()}</cbc:PaymentDueDate>" if credit_note and due else "")
                 + (f"<cbc:PaymentID>{escape(payment_id)}</cbc:PaymentID>" if payment_id else "")
                 + "<cac:PayeeFinancialAccount><cbc:ID>BE71096123456769</cbc:ID></cac:PayeeFinancialAccount>"
                 "</cac:PaymentMeans>")
    billing = (f"<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>{escape(corrects)}</cbc:ID>"
               "</cac:InvoiceDocumentReference></cac:BillingReference>") if corrects else ""
    terms = f"<cac:PaymentTerms><cbc:Note>{escape(note)}</cbc:Note></cac:PaymentTerms>" if note else ""
    type_code = "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>" if credit_note else \
        "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>"
    net = (Decimal(payable) / Decimal("1.21")).quantize(Decimal("0.01"))
    line_tag = "CreditNoteLine" if credit_note else "InvoiceLine"
    quantity = "CreditedQuantity" if credit_note else "InvoicedQuantity"
    body = "".join(
        f"<cac:{line_tag}><cbc:ID>{n}</cbc:ID><cbc:{quantity} unitCode=\"C62\">1</cbc:{quantity}>"
        f"<cbc:LineExtensionAmount currencyID=\"{currency}\">0.00</cbc:LineExtensionAmount><cac:Item>"
        f"<cbc:Description>Line {n}: goods as ordered, see the delivery note</cbc:Description><cbc:Name>Article {n}"
        "</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>21</cbc:Percent><cac:TaxScheme>"
        "<cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item><cac:Price><cbc:PriceAmount "
        f"currencyID=\"{currency}\">0.00</cbc:PriceAmount></cac:Price></cac:{line_tag}>"
        for n in range(1, lines + 1))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{ns}" xmlns:cac="{CAC}" xmlns:cbc="{CBC}">'
        "<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
        "</cbc:CustomizationID><cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>"
        f"<cbc:ID>{escape(number)}</cbc:ID><cbc:IssueDate>{issued.isoformat()}</cbc:IssueDate>{due_xml}"
        f"{type_code}<cbc:DocumentCurrencyCode>{currency}</cbc:DocumentCurrencyCode>"
        f"<cbc:BuyerReference>PO-{escape(number)}</cbc:BuyerReference>{billing}"
        "<cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID=\"0208\">0987654321</cbc:EndpointID>"
        "<cac:PartyLegalEntity><cbc:RegistrationName>Leverancier BV</cbc:RegistrationName></cac:PartyLegalEntity>"
        "</cac:Party></cac:AccountingSupplierParty>"
        f"<cac:AccountingCustomerParty><cac:Party><cbc:EndpointID schemeID=\"9925\">{vat}</cbc:EndpointID>"
        f"<cac:PartyName><cbc:Name>{escape(buyer)}</cbc:Name></cac:PartyName>"
        f"<cac:PostalAddress><cac:Country><cbc:IdentificationCode>{country}</cbc:IdentificationCode></cac:Country>"
        f"</cac:PostalAddress><cac:PartyTaxScheme><cbc:CompanyID>{vat}</cbc:CompanyID><cac:TaxScheme>"
        "<cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme><cac:PartyLegalEntity>"
        f"<cbc:RegistrationName>{escape(buyer)}</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party>"
        f"</cac:AccountingCustomerParty>{means}{terms}"
        f"<cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID=\"{currency}\">{net}</cbc:LineExtensionAmount>"
        f"<cbc:TaxExclusiveAmount currencyID=\"{currency}\">{net}</cbc:TaxExclusiveAmount>"
        f"<cbc:TaxInclusiveAmount currencyID=\"{currency}\">{payable}</cbc:TaxInclusiveAmount>"
        f"<cbc:PayableAmount currencyID=\"{currency}\">{payable}</cbc:PayableAmount></cac:LegalMonetaryTotal>"
        f"{body}</{root}>"
    ).encode()


def camt(entries: list[dict[str, str]], version: str = "02") -> bytes:
    """A CAMT.053 statement; each entry: amount, date, and optionally debtor, ref, text, dbit, status."""
    ns = f"urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}"
    modern = int(version) >= 8
    parts = []
    for number, e in enumerate(entries, start=1):
        status = e.get("status", "BOOK")
        status_xml = f"<Sts><Cd>{status}</Cd></Sts>" if modern else f"<Sts>{status}</Sts>"
        debtor = ""
        if e.get("debtor"):
            name = f"<Nm>{escape(e['debtor'])}</Nm>"
            debtor = f"<RltdPties><Dbtr>{'<Pty>' + name + '</Pty>' if modern else name}</Dbtr></RltdPties>"
        remittance = ""
        if e.get("ref") or e.get("text"):
            remittance = "<RmtInf>"
            if e.get("text"):
                remittance += f"<Ustrd>{escape(e['text'])}</Ustrd>"
            if e.get("ref"):
                remittance += ("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>"
                               f"<Ref>{escape(e['ref'])}</Ref></CdtrRefInf></Strd>")
            remittance += "</RmtInf>"
        parts.append(
            f"<Ntry><NtryRef>{number}</NtryRef><Amt Ccy=\"EUR\">{e['amount']}</Amt>"
            f"<CdtDbtInd>{'DBIT' if e.get('dbit') else 'CRDT'}</CdtDbtInd>{status_xml}"
            f"<BookgDt><Dt>{e['date']}</Dt></BookgDt><ValDt><Dt>{e['date']}</Dt></ValDt>"
            f"<AcctSvcrRef>REF{number:06d}</AcctSvcrRef><BkTxCd/><NtryDtls><TxDtls><Refs>"
            f"<EndToEndId>NOTPROVIDED</EndToEndId></Refs>{debtor}{remittance}</TxDtls></NtryDtls></Ntry>")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="{ns}"><BkToCstmrStmt><GrpHdr>'
        "<MsgId>STMT-1</MsgId><CreDtTm>2026-03-01T08:00:00</CreDtTm></GrpHdr><Stmt><Id>1</Id>"
        "<CreDtTm>2026-03-01T08:00:00</CreDtTm><Acct><Id><IBAN>BE71096123456769</IBAN></Id></Acct>"
        + "".join(parts) + "</Stmt></BkToCstmrStmt></Document>"
    ).encode("utf-8")


FEC_HEADER = ("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\t"
              "PieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\t"
              "Idevise")


def fec_line(journal: str, number: int, day: date, account: str, aux: str, aux_name: str, piece: str,
             debit: str = "0,00", credit: str = "0,00", letter: str = "", lettered: date | None = None) -> str:
    ymd = day.strftime("%Y%m%d")
    return "\t".join((journal, "Ventes" if journal == "VE" else "Banque", str(number), ymd, account,
                      "Clients" if account.startswith("411") else "Compte", aux, aux_name, piece, ymd,
                      f"Facture {piece}", debit, credit, letter, lettered.strftime("%Y%m%d") if lettered else "",
                      ymd, "", ""))


def fec_text(lines: int, seed: int = 20261204, as_of: date = date(2026, 11, 30)) -> str:
    """A FEC of about ``lines`` lines: sales (customer, revenue, VAT lines), half of them paid and lettered."""
    rng = random.Random(seed)
    out = [FEC_HEADER]
    number = 0
    start = as_of - timedelta(days=700)
    while len(out) < lines:
        number += 1
        day = start + timedelta(days=rng.randrange(690))
        customer = rng.randrange(2000)
        cents = rng.randrange(10_000, 2_000_000)
        ttc = f"{cents // 100},{cents % 100:02d}"
        ht_cents = cents * 100 // 121
        ht, tva = ht_cents, cents - ht_cents
        piece = f"F{number:07d}"
        aux, name = f"C{customer:05d}", f"Client {customer}"
        paid = rng.random() < 0.5 and day + timedelta(days=40) < as_of
        letter = f"A{number}" if paid else ""
        paid_on = day + timedelta(days=rng.randrange(10, 40)) if paid else None
        out.append(fec_line("VE", number, day, "411000", aux, name, piece, debit=ttc, letter=letter,
                            lettered=paid_on))
        out.append(fec_line("VE", number, day, "706000", "", "", piece, credit=f"{ht // 100},{ht % 100:02d}"))
        out.append(fec_line("VE", number, day, "445710", "", "", piece, credit=f"{tva // 100},{tva % 100:02d}"))
        if paid_on is not None:
            out.append(fec_line("BQ", number, paid_on, "411000", aux, name, f"R{number:07d}", credit=ttc,
                                letter=letter, lettered=paid_on))
            out.append(fec_line("BQ", number, paid_on, "512000", "", "", f"R{number:07d}", debit=ttc))
    return "\n".join(out[:lines]) + "\n"


def ubl_zip(count: int, seed: int = 20261204, as_of: date = date(2026, 11, 30)) -> bytes:
    """A zip of ``count`` UBL invoices (one in ten a credit note, each with one to seven lines) over 500 buyers."""
    rng = random.Random(seed)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(1, count + 1):
            issued = as_of - timedelta(days=rng.randrange(1, 400))
            cents = rng.randrange(10_000, 500_000)
            credit = number % 10 == 0
            data = ubl(f"INV-{number:06d}", issued, f"Koper {rng.randrange(500)} NV",
                       f"{cents // 100}.{cents % 100:02d}", due=issued + timedelta(days=30), credit_note=credit,
                       corrects=f"INV-{number - 1:06d}" if credit else None, lines=rng.randrange(1, 8))
            archive.writestr(f"invoices/INV-{number:06d}.xml", data)
    return buffer.getvalue()


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_claiming(size: int, content: bytes = b"0" * 64, name: str = "big.csv") -> bytes:
    """A one-entry zip whose central directory claims the entry unpacks to ``size`` bytes (a zip bomb's
    header, or a lying one), without the memory a real one takes."""
    data = bytearray(zip_of({name: content}))
    at = data.rfind(b"PK\x01\x02")
    data[at + 24:at + 28] = min(size, 0xFFFFFFFE).to_bytes(4, "little")
    return bytes(data)
