"""The receivables report page: a CSV or XLSX ledger opened in the browser gives the engine's report.

The oracle is ``calculators.run("portfolio", ...)`` on the same data in CPython; the page must show the same
totals and customers. The spreadsheet reader (openpyxl) must not be fetched until an .xlsx file is opened.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from calc_support import LANGS, figures, page_url, settle, typed_date, wait
from conftest import ROOT

from benchmarks.ledger import ledger_csv
from calculators import run
from calculators.examples import EXAMPLES

STRINGS = json.loads((ROOT / "docs" / "assets" / "calc" / "strings.json").read_text(encoding="utf-8"))
AS_OF = "2025-12-31"
TOTALS = ("open", "overdue", "cover", "uninsured", "payout_if_default")
XLSX_WHEELS = ("openpyxl-", "et_xmlfile-")


def invoices(count: int = 60, seed: int = 3) -> list[dict[str, Any]]:
    """A small ledger as JSON rows: six customers, open and paid, some overdue."""
    import random

    rng = random.Random(seed)
    as_of = date.fromisoformat(AS_OF)
    rows = []
    for number in range(count):
        invoiced = as_of - timedelta(days=rng.randrange(0, 300))
        term = rng.choice((14, 30, 60))
        row: dict[str, Any] = {"customer": f"Klant {rng.randrange(1, 7)}",
                               "amount": f"{rng.randrange(1000, 900000) / 100:.2f}",
                               "invoice_date": invoiced.isoformat(), "payment_term_days": term,
                               "reference": f"F{number:04d}"}
        if rng.random() < 0.6:
            row["paid_date"] = min(invoiced + timedelta(days=term + rng.randrange(-5, 80)), as_of).isoformat()
        rows.append(row)
    return rows


def xlsx_of(rows: list[dict[str, Any]], headers: tuple[str, ...]) -> bytes:
    """The ledger as a workbook the way a spreadsheet stores it: real dates, numbers as numbers."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(headers))
    for row in rows:
        paid = date.fromisoformat(row["paid_date"]) if "paid_date" in row else None
        sheet.append([row["customer"], float(row["amount"]), date.fromisoformat(row["invoice_date"]),
                      row["payment_term_days"], paid, row["reference"]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLSX_HEADERS = {
    "en": ("Customer", "Amount", "Invoice date", "Payment term", "Paid date", "Invoice number"),
    "nl": ("Klant", "Bedrag", "Factuurdatum", "Betalingstermijn", "Betaaldatum", "Factuurnummer"),
    "fr": ("Client", "Montant", "Date de facture", "Délai de paiement", "Date de paiement", "Numéro de facture"),
}


def open_report(page: Any, site_url: str, lang: str) -> list[str]:
    """Open the page in ``lang``, set the reference date; the list of URLs the page requests (kept up to date)."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(page_url(site_url, lang, "portfolio"))
    page.wait_for_selector("#calc[data-form='ready']", timeout=10_000)
    settle(page, 60_000)
    page.fill("#calc-f-as_of", typed_date(AS_OF, lang))
    settle(page)
    return requested


def choose_file(page: Any, name: str, data: bytes, mime: str) -> None:
    page.evaluate("() => { delete document.querySelector('#calc').dataset.importMs; }")
    page.set_input_files("#calc-ledger", files=[{"name": name, "mimeType": mime, "buffer": data}])
    wait(page, "c.dataset.importMs !== undefined", 90_000)
    settle(page)


def shown_totals(page: Any) -> dict[str, str]:
    found = figures(page)
    assert found, f"no report: {page.text_content('#calc .calc-result')}"
    return {key: found[key]["value"] for key in TOTALS}


def table_customers(page: Any) -> list[str]:
    return page.eval_on_selector_all("#calc-customers tbody tr", "trs => trs.map(tr => tr.dataset.customer)")


@pytest.mark.parametrize("lang", LANGS)
def test_a_csv_then_an_xlsx_ledger_give_the_engines_report(page: Any, site_url: str, lang: str) -> None:
    requested = open_report(page, site_url, lang)
    assert not [url for url in requested if any(w in url for w in XLSX_WHEELS)], "xlsx reader loaded at start-up"
    example = EXAMPLES["portfolio_small_ledger"]["payload"]  # the page opens on the guide's example
    assert shown_totals(page) == run("portfolio", {**example, "as_of": AS_OF, "lang": lang})["totals"]

    text = ledger_csv(400, 12, lang=lang)
    choose_file(page, "export.csv", text.encode("utf-8"), "text/csv")
    expected = run("portfolio", {"csv": text, "as_of": AS_OF, "lang": lang})
    assert "errors" not in expected and expected["rejected_count"] == 0
    assert page.get_attribute("#calc", "data-outcome") == "result"
    assert shown_totals(page) == expected["totals"]
    assert table_customers(page) == [c["customer"] for c in expected["customers"]]
    assert [s["code"] for s in page.eval_on_selector_all(
        "#calc .calc-explanation > li[data-code]", "els => els.map(e => ({code: e.dataset.code}))")] == [
        s["code"] for s in expected["explanation"]]
    assert not [url for url in requested if any(w in url for w in XLSX_WHEELS)]

    ledger = invoices()
    choose_file(page, "export.xlsx", xlsx_of(ledger, XLSX_HEADERS[lang]),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    expected = run("portfolio", {"invoices": ledger, "as_of": AS_OF, "lang": lang})
    assert page.get_attribute("#calc", "data-xlsx") == "read"
    assert shown_totals(page) == expected["totals"]
    assert table_customers(page) == [c["customer"] for c in expected["customers"]]
    first = expected["customers"][0]
    row = page.eval_on_selector(f"#calc-customers tbody tr[data-customer='{first['customer']}']",
                                "tr => Object.fromEntries([...tr.querySelectorAll('td')].map("
                                "td => [td.dataset.col, td.dataset.value ?? td.textContent]))")
    for key in ("open", "overdue", "cover", "uninsured"):
        assert row[key] == first[key], key
    # The other figures are in the customer's detail (the table keeps to what fits a 1280 px screen).
    page.click(f"#calc-customers tbody tr[data-customer='{first['customer']}'] .calc-detail-toggle")
    detail = page.eval_on_selector(f"#calc-customers tr[data-detail-of='{first['customer']}']",
                                   "tr => Object.fromEntries([...tr.querySelectorAll('[data-col]')].map("
                                   "item => [item.dataset.col, item.querySelector('dd').dataset.value]))")
    for key in ("payout_if_default", "share_pct"):
        assert detail[key] == first[key], key
    fetched = [url for url in requested if any(w in url for w in XLSX_WHEELS)]
    assert len(fetched) == 2 and all("/pyodide/wheels/" in url for url in fetched), fetched


def test_a_bad_row_is_named_and_the_other_rows_still_count(page: Any, site_url: str) -> None:
    lang = "en"
    lines = ledger_csv(120, 6, lang=lang).splitlines()
    cells = lines[3].split(",")
    cells[2] = "2025-02-31"  # the invoice date of the third invoice: no such day
    lines[3] = ",".join(cells)
    text = "\n".join(lines) + "\n"
    expected = run("portfolio", {"csv": text, "as_of": AS_OF, "lang": lang})
    assert expected["rejected_count"] == 1 and expected["rejected"][0]["field"] == "invoices[2].invoice_date"

    open_report(page, site_url, lang)
    choose_file(page, "ledger.csv", text.encode(), "text/csv")
    assert shown_totals(page) == expected["totals"]
    listed = page.text_content("#calc-e-ledger") or ""
    strings = STRINGS[lang]
    assert strings["portfolio.file.rows_set_aside"].format(count=1)[:20] in listed
    named = strings["portfolio.line"].format(
        label=strings["portfolio.row_column"].format(row=3, column=strings["portfolio.column.invoice_date"]), line=4)
    assert named in listed, listed
    assert expected["rejected"][0]["message"] in listed

    # A file that is neither CSV nor XLSX is refused by name; the report on screen stays.
    page.set_input_files("#calc-ledger", files=[{"name": "scan.pdf", "mimeType": "application/pdf",
                                                  "buffer": b"%PDF-1.7 not a ledger"}])
    page.wait_for_function("() => document.querySelector('#calc').dataset.fileProblem")
    assert strings["portfolio.file.not_supported"].format(name="scan.pdf") in page.text_content("#calc-e-ledger")
    assert shown_totals(page) == expected["totals"]


def test_a_spreadsheet_reader_that_cannot_load_is_said_plainly(page: Any, site_url: str, guard: Any) -> None:
    """Offline before the first .xlsx: the wheel does not come; the page says so, keeps its report, and retries."""
    lang = "fr"
    guard.allow_console("openpyxl")
    guard.allow_console("Failed to load resource")
    blocked = []

    def block(route: Any) -> None:
        blocked.append(route.request.url)
        route.abort()

    page.context.route("**/openpyxl-*.whl", block)  # the context sees the worker's requests too
    open_report(page, site_url, lang)
    before = shown_totals(page)
    workbook = xlsx_of(invoices(12), XLSX_HEADERS[lang])
    page.set_input_files("#calc-ledger", files=[{"name": "export.xlsx", "buffer": workbook,
                                                  "mimeType": "application/octet-stream"}])
    page.wait_for_function("() => document.querySelector('#calc').dataset.fileProblem", timeout=60_000)
    assert blocked
    assert STRINGS[lang]["portfolio.file.no_reader"] in page.text_content("#calc-e-ledger")
    assert shown_totals(page) == before

    page.context.unroute("**/openpyxl-*.whl")  # back online: the next try loads the reader
    choose_file(page, "export.xlsx", workbook, "application/octet-stream")
    assert shown_totals(page) == run("portfolio", {"invoices": invoices(12), "as_of": AS_OF, "lang": lang})["totals"]


def test_unknown_headers_are_matched_in_the_mapping_step_and_the_table_sorts_and_downloads(
        page: Any, site_url: str) -> None:
    lang = "fr"
    ledger = invoices(30, seed=9)
    header = ["Qui", "Combien", "Quand", "Jours"]
    text = "\n".join([";".join(header)] + [";".join([row["customer"], row["amount"].replace(".", ","),
                                                     typed_date(row["invoice_date"], lang),
                                                     str(row["payment_term_days"])]) for row in ledger]) + "\n"
    asked = run("portfolio", {"csv": text, "as_of": AS_OF, "lang": lang})
    assert {e["field"] for e in asked["errors"]} >= {"columns.customer", "columns.amount", "columns.invoice_date"}
    columns = {"customer": "Qui", "amount": "Combien", "invoice_date": "Quand", "payment_term_days": "Jours"}
    expected = run("portfolio", {"csv": text, "columns": columns, "as_of": AS_OF, "lang": lang})
    assert "errors" not in expected

    open_report(page, site_url, lang)
    choose_file(page, "grand-livre.csv", text.encode(), "text/csv")
    assert page.get_attribute("#calc", "data-outcome") == "errors"
    assert page.is_visible("#calc-mapping")
    options = page.eval_on_selector_all("#calc-map-customer option", "os => os.map(o => o.value)")
    assert options == ["", *header]
    for column, chosen in columns.items():
        page.select_option(f"#calc-map-{column}", chosen)
        settle(page)
    assert page.get_attribute("#calc", "data-outcome") == "result"
    assert shown_totals(page) == expected["totals"]
    assert table_customers(page) == [c["customer"] for c in expected["customers"]]

    # Sorting: by name, with the keyboard, then the other way round; aria-sort says which.
    button = page.locator("#calc-customers thead button[data-sort='customer']")
    button.focus()
    page.keyboard.press("Enter")
    th = page.locator("#calc-customers thead th", has=page.locator("button[data-sort='customer']"))
    assert th.get_attribute("aria-sort") == "ascending"
    names = sorted(c["customer"] for c in expected["customers"])
    assert table_customers(page) == names
    page.keyboard.press("Enter")  # the focus stays on the heading's button
    assert th.get_attribute("aria-sort") == "descending" and table_customers(page) == names[::-1]
    assert page.locator("#calc-customers thead th[aria-sort='none']").count() == 8

    # The CSV download: a header, one line per customer, the total; French writing (semicolons, decimal commas).
    with page.expect_download() as download:
        page.click("#calc-download")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    body = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(body) == len(expected["customers"]) + 2
    assert body[0][0] == STRINGS[lang]["portfolio.col.customer"]
    top = expected["customers"][0]
    assert body[1][:3] == [top["customer"], top["open"].replace(".", ","), top["overdue"].replace(".", ",")]
    assert body[-1][:2] == [STRINGS[lang]["portfolio.total.row"], expected["totals"]["open"].replace(".", ",")]


def test_a_ledger_is_remembered_only_when_asked_and_forgotten_on_request(page: Any, site_url: str) -> None:
    lang = "nl"
    text = ledger_csv(80, 5, lang=lang)
    expected = run("portfolio", {"csv": text, "as_of": AS_OF, "lang": lang})
    open_report(page, site_url, lang)
    choose_file(page, "debiteuren.csv", text.encode(), "text/csv")
    assert shown_totals(page) == expected["totals"]

    page.reload()  # not asked: nothing kept
    page.wait_for_selector("#calc[data-form='ready']")
    settle(page, 60_000)
    assert page.get_attribute("#calc", "data-stored") is None
    assert page.is_hidden("#calc-forget")

    page.fill("#calc-f-as_of", typed_date(AS_OF, lang))
    choose_file(page, "debiteuren.csv", text.encode(), "text/csv")
    page.check("#calc-remember")
    page.wait_for_function("() => document.querySelector('#calc').dataset.stored === 'saved'")
    page.wait_for_function("() => location.hash.includes('as_of=')")  # the settings' address is written 0.3 s later
    page.reload()
    page.wait_for_function("() => document.querySelector('#calc').dataset.stored === 'restored'", timeout=60_000)
    settle(page, 60_000)
    assert shown_totals(page) == expected["totals"]  # the reference date came back from the address
    assert page.is_visible("#calc-forget")

    page.click("#calc-forget")
    page.wait_for_function("() => document.querySelector('#calc').dataset.stored === 'forgotten'")
    page.reload()
    page.wait_for_selector("#calc[data-form='ready']")
    settle(page, 60_000)
    assert page.get_attribute("#calc", "data-stored") is None

    # Clearing the form drops the ledger on screen: the page invites a file instead of listing an error.
    page.get_by_role("button", name=STRINGS[lang]["action.clear"]).click()
    settle(page)
    assert page.text_content("#calc .calc-summary") == STRINGS[lang]["portfolio.file.none"]
    assert page.is_hidden("#calc .calc-error-summary")
