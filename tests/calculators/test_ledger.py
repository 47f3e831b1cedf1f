"""The ledger reader: every header it knows, the separators, the amount and date writings of nl, fr and en."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from calculators import ledger
from calculators.ledger import HEADERS, read_cells, read_csv

EN = {"customer": "Customer", "invoice_date": "Invoice date", "amount": "Amount", "due_date": "Due date"}


def table(headers: list[str], *rows: list[str], sep: str = ";") -> str:
    return "\n".join(sep.join(cells) for cells in [headers, *rows]) + "\n"


def one(text: str, **kwargs: Any) -> ledger.Invoice:
    result = read_csv(text, **kwargs)
    assert not result.errors and not result.problems, (result.errors, result.problems)
    assert len(result.invoices) == 1
    return result.invoices[0]


def problems(text: str) -> list[tuple[int, int | None, str, str]]:
    """(row, line, field, code) of each problem of the rows set aside."""
    result = read_csv(text)
    assert not result.errors, result.errors
    return [(index, line, name, code) for index, line, name, _, code, _ in result.problems]


def file_errors(text: str, columns: dict[str, str] | None = None) -> list[tuple[str, str]]:
    return [(path, code) for path, code, _, _ in read_csv(text, columns).errors]


# -- headers --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "header"), [(name, header) for name, headers in HEADERS.items()
                                              for header in headers])
def test_every_known_header_finds_its_column(name: str, header: str) -> None:
    columns = dict(EN)
    columns[name] = header
    values = {"customer": "Acme", "invoice_date": "2025-06-01", "amount": "100.00", "due_date": "2025-07-01",
              "payment_term_days": "30", "paid_date": "2025-07-02", "reference": "F1", "currency": "EUR",
              "open_amount": "0.00", "kind": "invoice", "corrects": "F0", "payment_id": "+++090/9337/55493+++",
              "disputed": "no", "written_off": "no", "country": "BE", "language": "fr", "debtor": "business"}
    names = list(columns)
    result = read_csv(table([columns[n] for n in names], [values[n] for n in names]))
    assert not result.errors and not result.problems
    assert result.columns[name] == header


@pytest.mark.parametrize(("header", "name"), [
    ("Date d'échéance", "due_date"), ("FACTUURDATUM", "invoice_date"), ("  Klant  naam ", "customer"),
    ("Montant (€)", "amount"), ("Bedrag [EUR]", "amount"), ("N° facture", "reference"),
    ("Délai de paiement", "payment_term_days"),
    ("Betaald op", "paid_date"), ("Devise", "currency"),
])
def test_headers_match_whatever_their_case_accents_spacing_and_units(header: str, name: str) -> None:
    assert ledger.match_headers(["x", header]) == {name: 1}


def test_a_generic_header_counts_only_when_no_specific_one_names_the_field() -> None:
    assert ledger.match_headers(["Datum", "Factuurdatum"]) == {"invoice_date": 1}
    assert ledger.match_headers(["Naam", "Datum", "Totaal"]) == {"customer": 0, "invoice_date": 1, "amount": 2}


def test_the_header_is_found_below_a_title_line() -> None:
    text = "Openstaande posten per 31-12-2025\n\n" + table(["Klant", "Factuurdatum", "Bedrag", "Vervaldatum"],
                                                         ["Acme", "01-06-2025", "100", "01-07-2025"])
    invoice = one(text)
    assert invoice.line == 4 and invoice.index == 0


# -- separators and the file's text -----------------------------------------------------------------------------


@pytest.mark.parametrize("sep", [";", ",", "\t", "|"])
def test_the_separator_is_sniffed(sep: str) -> None:
    invoice = one(table(list(EN.values()), ["Acme", "2025-06-01", "100", "2025-07-01"], sep=sep))
    assert invoice.amount == Decimal("100")


def test_byte_order_mark_crlf_and_quoted_cells_are_read() -> None:
    text = '\ufeffCustomer,Invoice date,Amount,Due date\r\n"Acme, Inc.",2025-06-01,"1,234.56",2025-07-01\r\n'
    invoice = one(text)
    assert (invoice.customer, invoice.amount) == ("Acme, Inc.", Decimal("1234.56"))


def test_a_line_break_inside_a_quoted_cell_keeps_the_line_numbers_true() -> None:
    text = ('Customer;Invoice date;Amount;Due date\n"Acme\nNorth";2025-06-01;100;2025-07-01\n'
            "Beta;2025-13-01;100;2025-07-01\n")
    assert problems(text) == [(1, 4, "invoice_date", "invalid_date")]


def test_customer_names_have_their_spaces_collapsed() -> None:
    assert one(table(list(EN.values()), ["  Acme   BV ", "2025-06-01", "1", "2025-07-01"])).customer == "Acme BV"


# -- amounts ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "sep", "amount"), [
    ("1.234,56", ";", "1234.56"),             # nl
    ("1 234,56", ";", "1234.56"),             # fr, space
    ("1\u202f234,56", ";", "1234.56"),        # fr, narrow no-break space (as Intl writes it)
    ("1\u00a0234,56", ";", "1234.56"),        # no-break space
    ("1,234.56", "\t", "1234.56"),            # en
    ("1234.56", "\t", "1234.56"),
    ("1234,56", ";", "1234.56"),
    ("1234,5", ";", "1234.5"),
    ("€ 1.234,56", ";", "1234.56"),
    ("1.234,56 €", ";", "1234.56"),
    ("EUR 1,234.56", "\t", "1234.56"),
    ("1'234.56", "\t", "1234.56"),
    ("12", ";", "12"),
    ("1.234.567,89", ";", "1234567.89"),
    ("1,234,567.89", "\t", "1234567.89"),
])
def test_amounts_in_the_writings_of_the_three_languages(written: str, sep: str, amount: str) -> None:
    text = table(list(EN.values()), ["Acme", "2025-06-01", written, "2025-07-01"], sep=sep)
    assert one(text).amount == Decimal(amount)


def amounts(column: list[str], sep: str = ";", headers: list[str] | None = None) -> list[Any]:
    rows = [["Acme", "2025-06-01", value, "2025-07-01"] for value in column]
    result = read_csv(table(headers or list(EN.values()), *rows, sep=sep))
    found: dict[int, Any] = {invoice.index: invoice.amount for invoice in result.invoices}
    found.update({index: code for index, _, name, _, code, _ in result.problems if name == "amount"})
    return [found[i] for i in range(len(column))]


def test_an_ambiguous_amount_follows_the_writing_of_its_column() -> None:
    assert amounts(["1.234", "12,50"]) == [Decimal("1234"), Decimal("12.50")]
    assert amounts(["1,234", "12.50"], sep="\t") == [Decimal("1234"), Decimal("12.50")]
    assert amounts(["1.234", "12.50"], sep="\t") == ["too_many_decimals", Decimal("12.50")]


def test_a_column_of_ambiguous_amounts_follows_the_files_language() -> None:
    assert amounts(["1.234"], sep=";") == [Decimal("1234")]  # semicolons: a European export
    assert amounts(["1.234"], sep="\t") == ["too_many_decimals"]
    nl = ["Klant", "Factuurdatum", "Bedrag", "Vervaldatum"]
    assert amounts(["1.234"], sep="\t", headers=nl) == [Decimal("1234")]


def test_a_value_against_its_columns_writing_is_set_aside_not_guessed() -> None:
    assert amounts(["1.234,56", "2.000,00", "1,234.56"]) == [Decimal("1234.56"), Decimal("2000.00"), "invalid_number"]


@pytest.mark.parametrize(("written", "code"), [
    ("veel", "invalid_number"),
    ("1.2.3,45", "invalid_number"), ("12,345", "too_many_decimals"), ("1,2,3", "invalid_number"),
    ("99999999999999", "too_large"),
])
def test_an_amount_that_cannot_be_read_is_named(written: str, code: str) -> None:
    assert amounts(["1.000,00", written]) == [Decimal("1000.00"), code]


# -- dates ------------------------------------------------------------------------------------------------------


def dates(column: list[str], other: list[str] | None = None) -> list[Any]:
    rows = [["Acme", value, "1", other[i] if other else ""] for i, value in enumerate(column)]
    headers = ["Customer", "Invoice date", "Amount", "Paid date", "Payment term"]
    result = read_csv(table(headers, *[[*row, "30"] for row in rows]))
    found: dict[int, Any] = {invoice.index: invoice.invoice_date for invoice in result.invoices}
    found.update({index: code for index, _, name, _, code, _ in result.problems if name == "invoice_date"})
    return [found[i] for i in range(len(column))]


@pytest.mark.parametrize("written", ["31-12-2025", "31/12/2025", "31.12.2025", "2025-12-31", "2025/12/31",
                                     "31-12-25", "2025-12-31 00:00:00", "2025-12-31T10:30", "31/12/2025 14:05"])
def test_dates_in_the_writings_of_the_three_languages(written: str) -> None:
    assert dates([written]) == [date(2025, 12, 31)]


def test_an_ambiguous_date_is_read_day_first_unless_its_column_says_otherwise() -> None:
    assert dates(["01/02/2025", "25/02/2025"]) == [date(2025, 2, 1), date(2025, 2, 25)]
    assert dates(["01/02/2025"]) == [date(2025, 2, 1)]
    assert dates(["01/02/2025", "02/25/2025"]) == [date(2025, 1, 2), date(2025, 2, 25)]


def test_a_column_that_does_not_tell_follows_the_other_date_columns() -> None:
    assert dates(["01/02/2025"], other=["02/25/2025"]) == [date(2025, 1, 2)]


def test_formats_say_how_each_column_was_read() -> None:
    result = read_csv(table(["Klant", "Factuurdatum", "Bedrag", "Vervaldatum"],
                            ["Acme", "25-06-2025", "1.234,56", "2025-07-25"]))
    assert result.formats == {"invoice_date": "dmy", "due_date": "iso", "amount": "decimal_comma"}


@pytest.mark.parametrize(("written", "code"), [("31-02-2025", "invalid_date"), ("gisteren", "invalid_date"),
                                               ("01-01-1850", "date_out_of_range"), ("2025-13-01", "invalid_date")])
def test_a_date_that_cannot_be_read_is_named(written: str, code: str) -> None:
    assert dates(["01-01-2025", written])[1] == code


# -- the other columns ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "days"), [("30", 30), ("30 dagen", 30), ("30 jours", 30), ("net 30", 30),
                                               ("60 days", 60), ("14 d", 14), ("0", 0)])
def test_payment_terms_in_words(written: str, days: int) -> None:
    headers = ["Customer", "Invoice date", "Amount", "Payment term"]
    invoice = one(table(headers, ["Acme", "2025-06-01", "1", written]))
    assert (invoice.payment_term_days, invoice.due_date) == (days, date(2025, 6, 1).fromordinal(
        date(2025, 6, 1).toordinal() + days))


def test_a_due_date_wins_over_the_payment_term_and_the_term_fills_a_missing_due_date() -> None:
    headers = ["Customer", "Invoice date", "Amount", "Due date", "Payment term"]
    result = read_csv(table(headers, ["Acme", "2025-06-01", "1", "2025-06-15", "30"],
                            ["Acme", "2025-06-01", "1", "", "30"]))
    assert [(i.payment_term_days, i.due_date) for i in result.invoices] == [
        (14, date(2025, 6, 15)), (30, date(2025, 7, 1))]


@pytest.mark.parametrize(("written", "currency"), [("EUR", "EUR"), ("eur", "EUR"), ("€", "EUR"), ("", None)])
def test_currencies_are_read_as_codes(written: str, currency: str | None) -> None:
    headers = [*EN.values(), "Currency"]
    assert one(table(headers, ["Acme", "2025-06-01", "1", "2025-07-01", written])).currency == currency


def test_paid_date_and_reference_are_read() -> None:
    headers = [*EN.values(), "Paid date", "Invoice number"]
    invoice = one(table(headers, ["Acme", "2025-06-01", "1", "2025-07-01", "2025-07-03", "F-1"]))
    assert (invoice.paid_date, invoice.reference) == (date(2025, 7, 3), "F-1")


# -- rows set aside -------------------------------------------------------------------------------------------------


def test_a_bad_row_is_named_by_its_place_and_line_and_the_others_are_kept() -> None:
    rows = [["Acme", "2025-06-01", "1", "2025-07-01"]] * 45
    rows[41] = ["Acme", "2025-06-31", "1", "2025-07-01"]
    result = read_csv(table(list(EN.values()), *rows))
    assert [(p[0], p[1], p[2], p[3], p[4]) for p in result.problems] == [
        (41, 43, "invoice_date", "Invoice date", "invalid_date")]
    assert len(result.invoices) == 44 and result.rejected_rows == 1


def test_missing_values_are_required_and_empty_rows_are_skipped() -> None:
    text = table(list(EN.values()), ["", "2025-06-01", "1", "2025-07-01"], ["", "", "", ""],
                 ["Acme", "", "", ""], ["Acme", "2025-06-01", "1", "2025-07-01"])
    assert problems(text) == [(0, 2, "customer", "required"), (2, 4, "invoice_date", "required"),
                              (2, 4, "amount", "required"), (2, 4, "due_date", "required")]


# -- the file as a whole ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["PK\x03\x04\x14\x00 an xlsx file", "%PDF-1.7", "<html><body>", '{"a": 1}',
                                  "just one column\nof words\n", "a\x00b;c"])
def test_what_is_not_a_csv_table_says_so(text: str) -> None:
    assert file_errors(text) == [("csv", "not_csv")]


@pytest.mark.parametrize("text", ["", "  \n\n", "\ufeff"])
def test_an_empty_file_says_so(text: str) -> None:
    assert file_errors(text) == [("csv", "empty_file")]


def test_a_header_without_rows_says_so() -> None:
    assert file_errors(table(list(EN.values()))) == [("csv", "no_rows")]


def test_an_unmatched_header_lists_the_columns_seen_and_the_fields_needed() -> None:
    result = read_csv(table(["Wie", "Factuurdatum", "Hoeveel"], ["Acme", "01-06-2025", "1"]))
    assert [(path, code) for path, code, _, _ in result.errors] == [
        ("columns.customer", "unmapped_column"), ("columns.amount", "unmapped_column"),
        ("columns.due_date", "unmapped_column")]
    extra = result.errors[0][3]
    assert extra == {"headers": ["Wie", "Factuurdatum", "Hoeveel"], "matched": {"invoice_date": "Factuurdatum"}}


def test_a_mapping_names_the_columns_the_reader_did_not_know() -> None:
    text = table(["Wie", "Factuurdatum", "Hoeveel", "Termijn"], ["Acme", "01-06-2025", "1.000,00", "30"])
    invoice = one(text, columns={"customer": "wie", "amount": "Hoeveel"})
    assert (invoice.customer, invoice.amount) == ("Acme", Decimal("1000.00"))


def test_a_mapping_overrides_what_the_reader_matched() -> None:
    text = table(["Klant", "Debiteur", "Factuurdatum", "Bedrag", "Termijn"], ["Acme", "Beta", "01-06-2025", "1", "30"])
    assert one(text).customer == "Acme"
    assert one(text, columns={"customer": "Debiteur"}).customer == "Beta"


def test_a_mapping_to_a_column_the_file_lacks_is_an_error() -> None:
    assert file_errors(table(list(EN.values()), ["Acme", "2025-06-01", "1", "2025-07-01"]),
                       {"customer": "Naam"}) == [("columns.customer", "unknown_column")]


def test_more_rows_than_the_cap_is_an_error_and_the_cap_itself_is_fine() -> None:
    row = "Acme;2025-06-01;1;2025-07-01\n"
    head = "Customer;Invoice date;Amount;Due date\n"
    assert file_errors(head + row * 200_000) == [("csv", "too_many_rows")]
    assert len(read_csv(head + row * ledger.MAX_ROWS).invoices) == ledger.MAX_ROWS


# -- cells of a sheet -------------------------------------------------------------------------------------------------


def test_cells_of_a_sheet_are_read_with_their_types() -> None:
    cells = [
        ["Aging report", None],
        ["Customer", "Invoice date", "Amount", "Due date", "Paid date", "Payment term"],
        ["Acme", datetime(2025, 6, 1, 0, 0), 1234.5600000000002, date(2025, 7, 1), None, None],
        [1001, date(2025, 6, 1), 250, None, None, 30.0],
        ["Beta", date(2025, 6, 1), Decimal("99.99"), "01-07-2025", date(2025, 7, 2)],
        ["Gamma", "2025-06-01", 0.125, date(2025, 7, 1)],
    ]
    result = read_cells(cells)
    assert [(i.customer, i.amount, i.invoice_date, i.due_date, i.paid_date, i.line) for i in result.invoices] == [
        ("Acme", Decimal("1234.56"), date(2025, 6, 1), date(2025, 7, 1), None, 3),
        ("1001", Decimal("250"), date(2025, 6, 1), date(2025, 7, 1), None, 4),
        ("Beta", Decimal("99.99"), date(2025, 6, 1), date(2025, 7, 1), date(2025, 7, 2), 5),
    ]
    assert [(p[0], p[1], p[2], p[4]) for p in result.problems] == [(3, 6, "amount", "too_many_decimals")]


@pytest.mark.parametrize(("cell", "code"), [(True, "invalid_number"), (float("nan"), "not_finite"),
                                            (float("inf"), "not_finite"), (Decimal("NaN"), "not_finite"),
                                            ([1], "invalid_number")])
def test_cells_that_are_no_amount_are_named(cell: Any, code: str) -> None:
    result = read_cells([list(EN.values()), ["Acme", date(2025, 6, 1), cell, date(2025, 7, 1)]])
    assert [p[4] for p in result.problems] == [code]


def test_no_cells_is_an_empty_file() -> None:
    assert [(p, c) for p, c, _, _ in read_cells([]).errors] == [("rows", "empty_file")]


def test_the_collector_is_restored_after_reading() -> None:
    import gc

    assert gc.isenabled()
    read_csv(table(list(EN.values()), ["Acme", "2025-06-01", "1", "2025-07-01"]))
    assert gc.isenabled()


def test_a_not_a_number_cell_of_a_sheet_is_named_not_a_crash() -> None:
    # Found by test_properties: a signalling NaN cannot be hashed, so the per-column cache must not key on it.
    from decimal import Decimal

    from calculators import run

    head = ["Customer", "Invoice date", "Amount", "Due date"]
    for bad in (Decimal("sNaN"), Decimal("NaN")):
        result = run("portfolio", {"rows": [head, ["A", "2025-01-01", bad, "2025-02-01"]]})
        assert [(e["field"], e["code"]) for e in result["errors"]] == [("invoices[0].amount", "not_finite")]


@pytest.mark.parametrize("written", ["-100,00", "(100,00)", "100,00-"])
def test_a_negative_amount_is_a_credit_note_not_a_bad_row(written: str) -> None:
    assert amounts(["1.000,00", written]) == [Decimal("1000.00"), Decimal("-100.00")]
