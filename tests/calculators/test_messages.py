"""The message catalogues: every key in every language, with the same placeholders, and all of them used."""

from __future__ import annotations

import string
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from engine_support import ERROR_CODES, FITS, TODAY, check_answer

import calculators
from calculators import messages, run, run_json
from calculators.examples import EXAMPLES, SELF_ASSESSMENT_EXPERIENCES

LANGS = ("en", "nl", "fr")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_language_has_the_same_keys() -> None:
    assert set(messages.CATALOGUES) == set(LANGS)
    for lang in LANGS:
        assert set(messages.CATALOGUES[lang]) == set(messages.EN), lang


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_translation_has_the_placeholders_of_the_english_one(lang: str) -> None:
    catalogue = messages.CATALOGUES[lang]
    wrong = {key: (placeholders(text), placeholders(catalogue[key]))
             for key, text in messages.EN.items() if placeholders(text) != placeholders(catalogue[key])}
    assert not wrong


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_no_message_is_left_in_english(lang: str) -> None:
    catalogue = messages.CATALOGUES[lang]
    assert [key for key, text in messages.EN.items() if catalogue[key] == text] == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_template_formats_with_its_placeholders(lang: str) -> None:
    for key, template in messages.CATALOGUES[lang].items():
        text = template.format(**{name: "X" for name in placeholders(template)})
        assert text.strip() and "{" not in text and "}" not in text, key


def test_every_error_code_has_a_message_and_every_error_message_a_code() -> None:
    assert {key.removeprefix("error.") for key in messages.EN if key.startswith("error.")} == ERROR_CODES


# -- every key the code uses exists, and every key exists because the code uses it ---------------


class RecordingCatalogue(dict[str, str]):
    """A catalogue that notes which keys were asked for, and which it lacked."""

    def __init__(self, lang: str, data: dict[str, str], asked: set[str], missing: set[tuple[str, str]]) -> None:
        super().__init__(data)
        self.lang, self.asked, self.missing = lang, asked, missing

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self.asked.add(key)
        if key not in self:
            self.missing.add((self.lang, key))
        return super().get(key, default)

    def __getitem__(self, key: str) -> str:
        self.asked.add(key)
        if key not in self:
            self.missing.add((self.lang, key))
        return super().__getitem__(key)


def experience(amount: str, term: int, invoiced: str, paid: str) -> dict[str, Any]:
    return {"amount": amount, "payment_term_days": term, "invoice_date": invoiced, "paid_date": paid}


def corpus() -> Iterator[tuple[str, Any]]:
    """Requests that between them take every branch that writes a message."""
    for example in EXAMPLES.values():
        yield example["calculator"], example["payload"]
    # self-assessment: every reason, one by one and summed up, the cap, both credit report outcomes
    rows = [experience("100", 30, "2025-06-01", "2025-07-01"),      # counted
            experience("100", 30, "2023-06-01", "2023-07-01"),      # too old
            experience("100", 14, "2025-06-01", "2025-07-01"),      # shorter payment term
            experience("100", 30, "2025-01-01", "2025-06-01")]      # paid too late
    yield "self_assessment_limit", {"new_payment_term_days": 30, "as_of": "2025-12-31", "experiences": rows * 30}
    yield "self_assessment_limit", {"new_payment_term_days": 30, "experiences": SELF_ASSESSMENT_EXPERIENCES,
                                    "credit_report_amount": "20000", "credit_report_date": "2025-06-01"}
    yield "self_assessment_limit", {"new_payment_term_days": 30, "experiences": [],
                                    "credit_report_amount": "5000", "credit_report_date": "2020-06-01"}
    # payout: the mkbZeker cap, and a maximum payout
    yield "payout", {"credit_limit": "20000", "outstanding": "30000", "product": "mkbzeker"}
    yield "payout", {"credit_limit": "20000", "outstanding": "20000", "max_payout": "1000"}
    # eligibility: every answer wrong, an uncovered country
    yield "eligibility", {"is_entrepreneur": False, "customers_are_businesses": False, "sells_on_account": False,
                          "has_unpaid_invoices": False, "has_credit_insurance": True,
                          "annual_turnover": "10000000.01", "customer_country": "US"}
    # every error code
    yield "payout", {"credit_limit": "x", "outstanding": 1.5, "recovered": "NaN", "coverage_pct": "-1",
                     "intervention_threshold": "1E+20", "max_payout": "1.001", "product": "gold", "typo": 1}
    yield "payout", {"credit_limit": "1", "outstanding": "1", "recovered": "2"}
    yield "payout", {"credit_limit": "1"}
    yield "claim_timeline", {"invoice_date": "2025-02-30", "payment_term_days": "x", "handling_months": "1900"}
    yield "claim_timeline", {"invoice_date": "1800-01-01", "payment_term_days": 1}
    yield "eligibility", {**FITS, "is_entrepreneur": "yes", "customer_country": "XYZ"}
    yield "self_assessment_limit", {"new_payment_term_days": 30, "experiences": [
        1, experience("1", 30, "2025-06-01", "2025-05-01"), experience("1", 30, "2025-06-01", "2026-05-01")],
        "credit_report_amount": "1"}
    yield "self_assessment_limit", {"new_payment_term_days": 30, "experiences": {}}
    yield "self_assessment_limit", {"new_payment_term_days": 30, "experiences": [1] * 100_001}
    yield "payout", []
    yield "no_such_calculator", {}
    # insurance_value: every branch (quoted premium, net cost / gain / even, no break-even) and its errors
    yield "insurance_value", {"turnover_on_credit": "1000000", "premium": "3000", "expected_loss_rate_pct": "0.1",
                              "largest_exposure": "50000", "margin_pct": "5"}
    yield "insurance_value", {"turnover_on_credit": "1000000", "premium_rate_pct": "0.2",
                              "expected_loss_rate_pct": "1"}
    yield "insurance_value", {"turnover_on_credit": "1000000", "premium": "900", "expected_loss_rate_pct": "0.1"}
    yield "insurance_value", {"turnover_on_credit": "0", "premium": "100"}
    yield "insurance_value", {"turnover_on_credit": "1", "premium": "1", "premium_rate_pct": "1", "margin_pct": "0"}
    yield "insurance_value", {"turnover_on_credit": "1"}
    yield from late_payment_corpus()


def late_payment_corpus() -> Iterator[tuple[str, Any]]:
    """late_payment: every country and debtor, long claims (summaries), payments, warnings, letters, errors."""
    ONE = [{"amount": "100", "due_date": "2025-01-31"}]
    many = [{"amount": "100", "due_date": "2014-01-31"}] * 70
    payments = [{"amount": "1", "date": "2020-01-01"}] * 40
    for country in ("NL", "BE", "FR"):
        for debtor in ("business", "consumer"):
            for letter in ("reminder", "formal_notice"):
                yield "late_payment", {"country": country, "debtor": debtor, "until": "2024-12-31",
                                       "invoices": many, "payments": payments, "letter": letter,
                                       "creditor": "Shop BV", "debtor_name": "Client",
                                       "rates": [{"from": "2022-01-01", "rate_pct": "0.76"}]}
    yield "late_payment", {"country": "NL", "debtor": "consumer", "until": "2024-12-31",
                           "letter": "fourteen_day_letter",
                           "invoices": [{"amount": "100", "due_date": "2024-01-31", "reference": "A1"}]}
    yield "late_payment", {"country": "FR", "agreed_rate_pct": "5", "until": "2025-06-30",
                           "invoices": ONE,
                           "rates": [{"from": "2025-01-01", "rate_pct": "12"}]}
    yield "late_payment", {"country": "NL", "until": "2025-06-30", "invoices": ONE,
                           "rates": [{"from": "2025-01-01", "rate_pct": "12"}]}
    yield "late_payment", {"country": "BE", "debtor": "consumer", "agreed_rate_pct": "20", "until": "2025-06-30",
                           "invoices": ONE, "notice_date": "2025-02-10"}
    # errors
    yield "late_payment", {"country": "DE", "invoices": []}
    yield "late_payment", {"country": "BE", "invoices": [], "letter": "fourteen_day_letter"}
    yield "late_payment", {"invoices": [], "debtor_name": 5, "creditor": "x" * 300, "letter": "fourteen_day_letter"}
    yield "late_payment", {"country": "NL", "until": "2025-06-30", "invoices": ONE,
                           "payments": [{"amount": "1", "date": "2024-01-01"}, {"amount": "1", "date": "2026-01-01"}],
                           "rates": [{"from": "2025-02-01", "rate_pct": "1"}, {"from": "2025-01-01", "rate_pct": "1"},
                                     {"from": "2025-01-01", "rate_pct": "2"}]}
    yield "late_payment", {"country": "NL", "until": "2025-06-30", "invoices": ONE,
                           "payments": [{"amount": "1000", "date": "2025-02-01"}]}
    yield "late_payment", {"country": "NL", "until": "2026-12-31", "invoices": ONE}
    yield "late_payment", {"country": "NL", "invoices": ONE, "sender": {"address": "\n".join("abcdefg")}}
    yield from late_payment_notice_corpus()
    yield from portfolio_corpus()
    yield from letter_sheet_corpus()


def letter_sheet_corpus() -> Iterator[tuple[str, Any]]:
    """The letter sheet (letter_format "sheet"): its labels, table headers and payment instruction."""
    yield "late_payment", {"country": "NL", "until": "2025-12-31", "letter": "reminder", "letter_format": "sheet",
                           "invoices": [{"amount": "100", "due_date": "2025-01-31"}]}
    yield "late_payment", {"country": "NL", "letter": "reminder", "letter_format": "pdf",
                           "invoices": [{"amount": "100", "due_date": "2025-01-31"}]}
    # several letters on one document: its title (the collections run's use; a late_payment result has one)
    from calculators import letter_sheet
    letter_sheet.document([{"subject": "a"}, {"subject": "b"}], "en")


def late_payment_notice_corpus() -> Iterator[tuple[str, Any]]:
    """late_payment, issue 17: notices, the Dutch business options, ecb_rates, partial answers, bounds, letters."""
    ONE = [{"amount": "1000", "due_date": "2025-01-31", "reference": "A1"}]
    for lang in ("en", "nl", "fr"):
        for country in ("NL", "BE", "FR"):
            for letter in ("reminder", "formal_notice"):
                for kind in ("company", "person"):
                    yield "late_payment", {
                        "country": country, "debtor": "consumer", "until": "2025-06-30", "invoices": ONE,
                        "notice_date": "2025-02-14", "letter": letter, "letter_lang": lang, "lang": lang,
                        "recipient": {"name": "Jansen", "kind": kind}, "debt_description": "goods",
                        "payments": [{"amount": "10", "date": "2025-05-01"}]}
                    yield "late_payment", {
                        "country": country, "debtor": "business", "until": "2025-06-30", "invoices": ONE,
                        "letter": letter, "letter_lang": lang, "lang": lang, "debt_description": "goods",
                        "recipient": {"name": "Jansen", "kind": kind}, "sender": {"enterprise_number": "0123"}}
            yield "late_payment", {"country": country, "debtor": "consumer", "until": "2025-06-30",
                                   "invoices": ONE, "lang": lang, "notice_date": "2025-06-20",
                                   "notice_by": "email"}
            yield "late_payment", {"country": country, "debtor": "consumer", "until": "2025-06-30",
                                   "invoices": ONE, "lang": lang, "ecb_rates": [{"from": "2026-07-01",
                                                                                 "rate_pct": "2"}]}
        yield "late_payment", {"country": "NL", "debtor": "consumer", "until": "2025-06-30", "invoices": ONE,
                               "lang": lang, "letter": "fourteen_day_letter", "letter_lang": lang,
                               "debt_description": "goods"}
        for costs in ("flat", "agreed"):
            yield "late_payment", {"country": "NL", "until": "2025-06-30", "invoices": ONE, "lang": lang,
                                   "nl_business_costs": costs, "agreed_costs": "300",
                                   "payments": [{"amount": "500", "date": "2025-03-01"}]}
        yield "late_payment", {"country": "NL", "until": "2025-06-30", "invoices": ONE, "lang": lang,
                               "agreed_rate_pct": "8"}
        yield "late_payment", {"country": "FR", "until": "2027-06-30", "invoices": ONE, "lang": lang,
                               "agreed_rate_pct": "8", "agreed_rate_compound": True}
        yield "late_payment", {"country": "NL", "until": "2026-12-31", "invoices": ONE, "lang": lang,
                               "ecb_rates": [{"from": "2026-07-01", "rate_pct": "2"}]}
        yield "late_payment", {"country": "NL", "debtor": "consumer", "until": "2040-12-31", "invoices": ONE,
                               "lang": lang, "payments": [{"amount": "1", "date": "2030-01-01"}]}
        # errors
        yield "late_payment", {"country": "NL", "until": "2040-12-31", "lang": lang,
                               "invoices": [{"amount": "1", "due_date": "1990-01-31"}]}
        yield "late_payment", {"country": "NL", "until": "2020-12-31", "lang": lang, "invoices": ONE}
        yield "late_payment", {"country": "BE", "until": "2027-06-30", "lang": lang,
                               "invoices": [{"amount": "1", "due_date": "2026-12-31"}]}
        yield "late_payment", {"country": "NL", "until": "2200-12-31", "agreed_rate_pct": "100",
                               "agreed_rate_compound": True, "lang": lang,
                               "invoices": [{"amount": "999999999", "due_date": "1900-01-01"}] * 2}
        yield "late_payment", {"country": "NL", "until": "2200-12-31", "lang": lang, "agreed_rate_pct": "1",
                               "invoices": [{"amount": "1", "due_date": "1900-01-01"}] * 5000}
        yield "late_payment", {"country": "NL", "debtor": "consumer", "lang": lang, "invoices": ONE,
                               "letter": "fourteen_day_letter", "pay_within_days": 7, "notice_date": "2025-01-01",
                               "ecb_rates": [{"from": "2012-01-01", "rate_pct": "1"}],
                               "nl_business_costs": "agreed"}
    yield from ledgers_corpus()
    yield from collections_corpus()


def collections_corpus() -> Iterator[tuple[str, Any]]:
    """The collections run: every insurer's deadlines, a typed policy, disputed and set-aside rows, bad details."""
    ledger = ("Klant;Factuurnummer;Factuurdatum;Vervaldatum;Bedrag;Betaaldatum\n"
              "Acme;F-1;01-09-2025;01-10-2025;100,00;\nBeta;F-2;01-09-2025;01-10-2025;100,00;\n"
              "Acme;F-3;01-09-2025;31-09-2025;100,00;\n")
    creditor = {"name": "Janssen BV", "country": "NL"}
    yield "collections", {"as_of": "2025-12-31", "csv": ledger, "creditor": creditor, "disputed": ["F-2"],
                          "policy": {"insurer": "atradius"}}
    yield "collections", {"as_of": "2025-12-31", "csv": ledger, "creditor": creditor,
                          "customers": [{"customer": "Acme", "country": "BE", "debtor": "consumer", "language": "fr"}],
                          "policy": {"insurer": "coface_easyliner", "hand_over": {"months": 3}}}
    yield "collections", {"as_of": "2025-12-31", "csv": ledger, "creditor": creditor, "letters": False}
    yield "collections", {"as_of": "2025-12-31", "csv": ledger, "creditor": {"name": "x"},
                          "customers": [{"customer": "Acme", "country": "XX"}, {"customer": "ACME"}]}
    yield from portfolio_health_corpus()


def portfolio_corpus() -> Iterator[tuple[str, Any]]:
    """The portfolio report: every file problem, every kind of row set aside, with and without concentration."""
    header = "Klant;Factuurdatum;Bedrag;Vervaldatum;Betaaldatum;Valuta;Betalingstermijn\n"
    good = "Acme;01-06-2025;100,00;01-07-2025;;EUR;\n"
    bad_rows = ("Acme;31-02-2025;100,00;01-07-2025;;EUR;\n"       # no such date
                "Acme;01-06-2025;veel;01-07-2025;;EUR;\n"         # no amount
                "Acme;01-06-2025;100,00;;;EUR;dertig\n"            # no payment term
                "Acme;01-06-2025;100,00;01-05-2025;;EUR;\n"       # due before the invoice
                "Acme;01-06-2025;100,00;01-07-2025;01-05-2025;EUR;\n"  # paid before the invoice
                "Acme;01-06-2025;100,00;01-07-2025;;E;\n")        # no currency code
    yield "portfolio", {"csv": header + good + bad_rows, "as_of": "2025-12-31"}
    yield "portfolio", {"csv": header + bad_rows * 200}  # every row bad, more than are listed
    yield "portfolio", {"csv": "".join(f"Klant {i};01-06-2025;100,00;01-07-2025;;;\n" for i in range(6)).join(
        [header, ""])}  # six equal customers: no concentration
    yield "portfolio", {"csv": header + good + "Acme;01-06-2025;100,00;01-07-2025;;USD;\n"}
    yield "portfolio", {"csv": header + "Acme;01-06-2025;100,00;01-07-2025;;USD;\n"}
    yield "portfolio", {"csv": "PK\x03\x04binary"}
    yield "portfolio", {"csv": " "}
    yield "portfolio", {"csv": header}
    yield "portfolio", {"csv": "Wie;Wat\nAcme;1\n"}
    yield "portfolio", {"csv": header + good, "columns": {"customer": "Naam"}}
    yield "portfolio", {"csv": header + good * 100_001}
    yield "portfolio", {"csv": 5, "invoices": []}
    yield "portfolio", {"csv": 5}
    yield "portfolio", {"invoices": [{"customer": "Acme", "amount": "1", "invoice_date": "2025-06-01",
                                      "payment_term_days": 30}],
                        "limits": [{"customer": "Acme", "credit_limit": "1"},
                                   {"customer": "ACME", "credit_limit": "2"}]}


def ledgers_corpus() -> Iterator[tuple[str, Any]]:
    """The ledger readers (issue 18): every kind of file refused, credit notes, payments, unused columns."""
    import base64
    from datetime import date

    from benchmarks.ledger_files import FEC_HEADER, camt, fec_line, ubl, zip_claiming, zip_of

    def file(name: str, data: bytes) -> dict[str, str]:
        return {"name": name, "base64": base64.b64encode(data).decode("ascii")}

    invoice = ubl("F1", date(2025, 6, 1), "Acme", "100.00", due=date(2025, 7, 1))
    credit = ubl("C1", date(2025, 6, 5), "Acme", "10.00", credit_note=True)
    many = zip_of({f"{i}.txt": b"" for i in range(20_001)})
    yield "portfolio", {"files": [{"name": "a"}, file("b.xml", b'<!DOCTYPE a [<!ENTITY b "c">]><a/>'),
                                  file("c.xml", b"<a"), file("d.xml", b"<a/>"), file("e.zip", b"PK\x03\x04x"),
                                  file("f.zip", zip_of({"g.zip": zip_of({"h.txt": b"x"})})), file("many.zip", many),
                                  file("bomb.zip", zip_claiming(2**31)),
                                  file("fec.txt", (FEC_HEADER.replace("EcritureLet", "Lettrage") + "\n").encode())]}
    fec = "\n".join([FEC_HEADER, fec_line("VE", 1, date(2025, 6, 1), "411000", "C1", "Acme", "F1", debit="5,00"),
                     "VE\tVentes\t2\t20250601\t411000"])
    statement = camt([{"amount": "90.00", "date": "2025-07-01", "debtor": "Acme", "text": "F1"},
                      {"amount": "5.00", "date": "2025-07-02"}])
    yield "portfolio", {"as_of": "2025-12-31", "files": [
        file("e.zip", zip_of({"F1.xml": invoice, "C1.xml": credit})), file("st.xml", statement),
        {"name": "fec.txt", "text": fec},
        {"name": "l.csv", "text": "Klant;Factuurdatum;Vervaldatum;Bedrag;Notitie\n"
                                  "Beta;01-06-2025;01-07-2025;5,00;x\n"}]}
def portfolio_health_corpus() -> Iterator[tuple[str, Any]]:
    """Receivables health: DSO with and without a year of sales, provision given, learned, or not possible."""
    from datetime import timedelta

    from calculators import portfolio, portfolio_health
    from calculators.ledgers.model import Document

    one = [{"customer": "Acme", "amount": "100", "invoice_date": "2023-01-02", "payment_term_days": 30}]
    yield "portfolio", {"invoices": one, "as_of": "2025-12-31"}  # nothing invoiced in the year: no DSO
    rates = {"not_due": "1", "days_1_30": "2", "days_31_60": "5", "days_61_90": "10", "days_over_90": "50"}
    yield "portfolio", {"invoices": [dict(one[0], invoice_date="2025-12-01")], "as_of": "2025-12-31",
                        "provision_rates_pct": rates}
    yield "portfolio", {"invoices": one, "provision_rates_pct": {"not_due": "101", "later": "1"}}
    # Today's readers carry no write-offs: the learned rates are reached through the report itself.
    day = date(2024, 1, 1)
    settled = [Document("A", Decimal(100), day, 30, day + timedelta(30), day + timedelta(30 + late), None, None, i,
                        None) for i, late in enumerate([0] * 60 + [100] * 60)]
    settled.append(settled[0]._replace(paid_date=None, written_off=True))
    row = {"_open": Decimal(0), "_payout_if_default": Decimal(0), "flags": []}
    portfolio_health.report(date(2025, 12, 31), None, portfolio.AGING, "en", [row], [settled])


def test_every_message_the_engine_writes_exists_in_every_language_and_every_message_is_written(
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: set[str] = set()
    missing: set[tuple[str, str]] = set()
    recording = {lang: RecordingCatalogue(lang, catalogue, asked, missing)
                 for lang, catalogue in messages.CATALOGUES.items()}
    monkeypatch.setattr(messages, "CATALOGUES", recording)

    def broken(inputs: Any, lang: str) -> Any:
        raise RuntimeError("a bug")

    for lang in LANGS:
        for name, payload in corpus():
            request = dict(payload, lang=lang) if isinstance(payload, dict) else payload
            check_answer_or_crash(run(name, request, today=lambda: TODAY))
        run_json("payout", "{not json")
        with monkeypatch.context() as patched:
            patched.setattr(calculators.payout, "compute", broken)
            assert run("payout", {"credit_limit": "1", "outstanding": "1", "lang": lang})["errors"][0]["code"] == (
                "internal_error")
    assert not missing, f"message keys the code asks for but the catalogues lack: {sorted(missing)}"
    assert set(messages.EN) - asked == set(), "messages no code path writes (stale, or the corpus misses a branch)"


def check_answer_or_crash(result: dict[str, Any]) -> None:
    if "errors" in result:
        assert all(e["code"] != "internal_error" for e in result["errors"]), result
    else:
        check_answer(result)


# -- the answer's language ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_errors_come_in_the_language_of_the_request(lang: str) -> None:
    result = run("payout", {"outstanding": "-1", "lang": lang})
    assert [e["message"] for e in result["errors"]] == [
        messages.CATALOGUES[lang]["error.required"], messages.CATALOGUES[lang]["error.negative"]]


@pytest.mark.parametrize("lang", LANGS)
def test_explanations_come_in_the_language_of_the_request(lang: str) -> None:
    result = run("payout", {"credit_limit": "25000", "outstanding": "25000", "lang": lang})
    expected = {"en": "€22,500.00", "nl": "€\u00a022.500,00", "fr": "22\u202f500,00\u00a0€"}[lang]
    assert expected in result["explanation"][-1]["text"]


def test_unknown_language_is_an_error_answered_in_english() -> None:
    result = run("payout", {"credit_limit": "1", "outstanding": "1", "lang": "de"})
    assert result["errors"] == [{"field": "lang", "code": "invalid_choice",
                                 "message": "Choose one of: en, nl, fr."}]


# -- number and date formats -------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "€14,000.00"), ("nl", "€\u00a014.000,00"), ("fr", "14\u202f000,00\u00a0€")])
def test_money_is_written_as_the_browser_writes_it(lang: str, expected: str) -> None:
    assert messages.format_money(Decimal("14000"), lang) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "-€1,387.50"), ("nl", "€\u00a0-1.387,50"), ("fr", "-1\u202f387,50\u00a0€")])
def test_negative_money_puts_the_sign_where_the_browser_does(lang: str, expected: str) -> None:
    # Intl.NumberFormat(en-IE | nl-NL | fr-FR, {style: "currency", currency: "EUR"}).format(-1387.5)
    assert messages.format_money(Decimal("-1387.5"), lang) == expected


@pytest.mark.parametrize(("amount", "expected"), [
    ("0", "€0.00"), ("999.5", "€999.50"), ("1000", "€1,000.00"), ("1234567.891", "€1,234,567.89"),
    ("1000000000000", "€1,000,000,000,000.00")])
def test_money_groups_thousands(amount: str, expected: str) -> None:
    assert messages.format_money(Decimal(amount), "en") == expected


@pytest.mark.parametrize(("lang", "expected"), [("en", "87.5%"), ("nl", "87,5%"), ("fr", "87,5\u202f%")])
def test_percentages_drop_trailing_zeros(lang: str, expected: str) -> None:
    assert messages.format_pct(Decimal("87.5000"), lang) == expected
    assert messages.format_pct(Decimal("90"), lang).startswith("90")


@pytest.mark.parametrize(("lang", "expected"), [("en", "28 February 2025"), ("nl", "28 februari 2025"),
                                                ("fr", "28 février 2025")])
def test_dates_are_written_in_words(lang: str, expected: str) -> None:
    assert messages.format_date(date(2025, 2, 28), lang) == expected
