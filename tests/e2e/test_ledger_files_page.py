"""The receivables report page reads the files businesses have (issue 18), in every language.

A Windows-1252 open-items export, a zip of Peppol e-invoices with a CAMT.053 statement (the payments matched),
and a FEC: the page hands each file's bytes to the engine, shows what it read from each file, and the same
report as ``calculators.run`` gives in CPython for the same bytes. Opening one's own file clears the example's
reference date and limits, and says so.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from calc_support import LANGS, figures, page_url, settle, typed_date, wait
from conftest import ROOT

from calculators import run

FIXTURES = ROOT / "tests" / "calculators" / "ledgers" / "fixtures"
STRINGS = json.loads((ROOT / "docs" / "assets" / "calc" / "strings.json").read_text(encoding="utf-8"))
AS_OF = "2026-03-31"
TOTALS = ("open", "overdue", "cover", "uninsured", "payout_if_default")


def open_page(page: Any, site_url: str, lang: str, *, as_of: bool = True) -> None:
    page.goto(page_url(site_url, lang, "portfolio"))
    page.wait_for_selector("#calc[data-form='ready']", timeout=10_000)
    settle(page, 60_000)
    if as_of:
        page.fill("#calc-f-as_of", typed_date(AS_OF, lang))
        settle(page)


def choose(page: Any, *names: str) -> None:
    page.evaluate("() => { delete document.querySelector('#calc').dataset.importMs; }")
    page.set_input_files("#calc-ledger", files=[str(FIXTURES / name) for name in names])
    wait(page, "c.dataset.importMs !== undefined", 90_000)
    settle(page)


def expected(lang: str, *names: str, as_of: str | None = AS_OF) -> dict[str, Any]:
    files = [{"name": name, "base64": base64.b64encode((FIXTURES / name).read_bytes()).decode()} for name in names]
    payload: dict[str, Any] = {"files": files, "lang": lang}
    if as_of:
        payload["as_of"] = as_of
    result = run("portfolio", payload)
    assert "errors" not in result, result["errors"]
    return result


def shown_totals(page: Any) -> dict[str, str]:
    found = figures(page)
    assert found, f"no report: {page.text_content('#calc .calc-result')}"
    return {key: found[key]["value"] for key in TOTALS}


def customers(page: Any) -> list[str]:
    return page.eval_on_selector_all("#calc-customers tbody tr", "trs => trs.map(tr => tr.dataset.customer)")


def listed_files(page: Any) -> list[tuple[str, str, str]]:
    return [tuple(item) for item in page.eval_on_selector_all(
        "#calc-files li[data-file]", "lis => lis.map(li => [li.dataset.file, li.dataset.format, li.dataset.error])")]


@pytest.mark.parametrize("lang", LANGS)
def test_a_windows_1252_export_reads_as_the_engine_reads_it(page: Any, site_url: str, lang: str) -> None:
    open_page(page, site_url, lang)
    choose(page, "exact_open_items.csv")
    want = expected(lang, "exact_open_items.csv")
    assert shown_totals(page) == want["totals"]
    assert "Café De Hoek" in customers(page) and "Brasserie Léon" in customers(page)  # not "Caf� De Hoek"
    assert want["totals"]["open"] == "4364.56"  # open amounts and the credit note, not the invoice amounts
    assert listed_files(page) == [("exact_open_items.csv", "csv", "")]
    assert STRINGS[lang]["portfolio.format.csv"] in page.text_content("#calc-files")


@pytest.mark.parametrize("lang", LANGS)
def test_a_zip_of_e_invoices_and_a_bank_statement_match_their_payments(page: Any, site_url: str, lang: str) -> None:
    open_page(page, site_url, lang)
    choose(page, "peppol_invoices.zip", "statement_camt053.xml")
    want = expected(lang, "peppol_invoices.zip", "statement_camt053.xml")
    assert want["payments"]["matched_count"] == 3 and want["totals"]["open"] == "1420.00"
    assert shown_totals(page) == want["totals"]
    assert listed_files(page) == [("peppol_invoices.zip", "zip", ""), ("statement_camt053.xml", "camt.053", "")]
    unmatched = page.text_content("#calc-unmatched") or ""
    assert "Onbekende betaler" in unmatched
    codes = page.eval_on_selector_all("#calc .calc-explanation > li[data-code]", "els => els.map(e => e.dataset.code)")
    assert codes == [step["code"] for step in want["explanation"]] and "payments" in codes


@pytest.mark.parametrize("lang", LANGS)
def test_a_fec_opened_without_a_typed_date_is_reported_for_today(page: Any, site_url: str, lang: str) -> None:
    open_page(page, site_url, lang, as_of=False)  # the example's reference date is on the form
    choose(page, "123456789FEC20261231.txt")
    assert page.get_attribute("#calc", "data-example-reset") == "true"
    assert STRINGS[lang]["portfolio.file.reset"] in page.text_content("#calc-ledger-message")
    assert page.input_value("#calc-f-as_of") == "" and page.input_value("#calc-f-limits") == ""
    want = expected(lang, "123456789FEC20261231.txt", as_of=None)
    assert shown_totals(page) == want["totals"]
    assert sorted(customers(page)) == sorted(c["customer"] for c in want["customers"])
    assert listed_files(page) == [("123456789FEC20261231.txt", "fec", "")]


def test_an_unused_column_can_be_mapped_and_a_hostile_file_is_listed_not_fatal(page: Any, site_url: str,
                                                                                tmp_path: Path) -> None:
    lang = "nl"
    ledger = tmp_path / "debiteuren.csv"
    ledger.write_bytes("Klant;Factuurdatum;Vervaldatum;Factuurbedrag;Nog open\n"
                       "Acme;01-02-2026;03-03-2026;1.000,00;400,00\n".encode("cp1252"))
    hostile = tmp_path / "lol.xml"
    hostile.write_bytes(b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><l>&b;</l>')
    open_page(page, site_url, lang)
    page.evaluate("() => { delete document.querySelector('#calc').dataset.importMs; }")
    page.set_input_files("#calc-ledger", files=[str(ledger), str(hostile)])
    wait(page, "c.dataset.importMs !== undefined", 90_000)
    settle(page)
    assert shown_totals(page)["open"] == "1000.00"
    assert listed_files(page) == [("debiteuren.csv", "csv", ""), ("lol.xml", "xml", "xml_doctype")]
    assert page.is_visible("#calc-unused")
    page.select_option("#calc-unused select[data-header='Nog open']", "open_amount")
    settle(page)
    assert shown_totals(page)["open"] == "400.00"
    assert page.is_visible("#calc-unused select[data-header='Nog open']")  # a mapped column stays listed
