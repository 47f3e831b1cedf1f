"""The collections page: a ledger with customers in NL, BE and FR gives the engine's to-do list and letters.

The oracle is ``calculators.run("collections", ...)`` on the same payload in CPython. The page must list the
same customers in the same order, show each letter in the customer's language, print one letter per page with
nothing of the site on the sheets, and download a .zip with one file per customer, a CSV and an .ics calendar.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from calc_support import LANGS, page_url, settle, typed_date, wait

from calculators import run
from calculators.examples import EXAMPLES

AS_OF = "2025-12-31"
LEDGER = (
    "Customer;Invoice number;Invoice date;Due date;Amount;Paid date\n"
    "Bakkerij Peters;F-201;01-09-2025;01-10-2025;3630,00;\n"
    "Bakkerij Peters;F-202;01-11-2025;01-12-2025;1210,00;\n"
    "Boulangerie Dubois;F-203;15-10-2025;14-11-2025;2420,00;\n"
    "Maison Lefèvre;F-204;20-11-2025;20-12-2025;850,00;\n"
    "Maison Lefèvre;F-205;01-08-2025;31-08-2025;99,00;\n"
    "Smit Bouw;F-206;10-12-2025;09-01-2026;4840,00;\n"
    "Café De Hoek/Zuid;F-207;01-11-2025;01-12-2025;605,00;\n"
)
CUSTOMERS = ("Bakkerij Peters; NL; business; nl\n"
             "Boulangerie Dubois; BE; business; fr; Boulangerie Dubois SRL; Rue Haute 12 / 1000 Bruxelles\n"
             "Maison Lefèvre; FR; consumer; fr; Mme Claire Lefèvre\n"
             "Café De Hoek/Zuid; NL; business; en\n")
#: A letter's file name: the customer's name, a "/" (not allowed in a file name) written "-".
ZIP_NAMES = {"Bakkerij Peters": "Bakkerij Peters.txt", "Boulangerie Dubois": "Boulangerie Dubois.txt",
             "Maison Lefèvre": "Maison Lefèvre.txt", "Café De Hoek/Zuid": "Café De Hoek-Zuid.txt"}


def engine_answer(lang: str) -> dict[str, Any]:
    customers = []
    for line in CUSTOMERS.strip().split("\n"):
        cells = [cell.strip() for cell in line.split(";")]
        item = {"customer": cells[0], "country": cells[1], "debtor": cells[2], "language": cells[3]}
        if len(cells) > 4:
            item["name"] = cells[4]
        if len(cells) > 5:
            item["address"] = "\n".join(part.strip() for part in cells[5].split("/"))
        customers.append(item)
    payload = {"lang": lang, "as_of": AS_OF, "csv": LEDGER, "customers": customers, "disputed": ["F-205"],
               # the page keeps the example's sender; the test types only the name
               "creditor": {**EXAMPLES["collections_three_countries"]["payload"]["creditor"],
                            "name": "Janssen Installaties BV"}, "policy": {"insurer": "atradius"}}
    result = run("collections", payload)
    assert "errors" not in result, result["errors"]
    return result


def open_run(page: Any, site_url: str, lang: str) -> None:
    page.goto(page_url(site_url, lang, "collections"))
    page.wait_for_selector("#calc[data-form='ready']", timeout=10_000)
    settle(page, 60_000)
    page.fill("#calc-f-as_of", typed_date(AS_OF, lang))
    page.fill("#calc-f-creditor_name", "Janssen Installaties BV")
    page.fill("#collections-customers", CUSTOMERS)
    page.fill("#collections-disputed", "F-205")
    page.select_option("#collections-insurer", "atradius")
    page.evaluate("() => { delete document.querySelector('#calc').dataset.collectionsTodoMs; }")
    page.set_input_files("#collections-file", files=[{"name": "ledger.csv", "mimeType": "text/csv",
                                                      "buffer": LEDGER.encode("utf-8")}])
    wait(page, "c.dataset.collectionsTodoMs !== undefined", 90_000)
    settle(page, 60_000)


def todo(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all("#collections-todo tbody tr", "trs => trs.map(tr => ({...tr.dataset}))")


@pytest.mark.parametrize("lang", LANGS)
def test_the_to_do_list_and_the_letters_are_the_engines_in_the_customers_languages(page: Any, site_url: str,
                                                                                   lang: str) -> None:
    open_run(page, site_url, lang)
    expected = engine_answer(lang)
    assert todo(page) == [{"customer": t["customer"], "urgency": t["urgency"], "action": t["action"]}
                          for t in expected["todo"]]
    assert page.get_attribute("[data-figure='claims_total'] dd", "data-value") == expected["totals"]["claims"]["total"]
    languages = []
    for index, row in enumerate(expected["customers"]):
        page.click(f"#collections-todo tbody tr:nth-child({index + 1}) .collections-open")
        editor = page.locator("#collections-letter")
        assert editor.input_value() == row["letter"]["text"]
        languages.append(editor.get_attribute("lang"))
    assert languages == [row["letter_lang"] for row in expected["customers"]]
    assert sorted(languages) == ["en", "fr", "fr", "nl"]
    assert "F-205" in page.text_content("#collections-disputed-note")


@pytest.mark.parametrize("lang", LANGS)
def test_print_all_letters_as_a4_sheets_from_a_frame_of_their_own(page: Any, site_url: str, lang: str) -> None:
    """No letter edited: the engine's letter sheets (letter_sheet.py), one per customer, printed from a frame that
    holds nothing but them, each letter in its customer's language."""
    open_run(page, site_url, lang)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.click("#collections-print-all")
    page.wait_for_selector("iframe.calc-sheet-frame[data-printed='true']", state="attached")
    assert page.evaluate("window.__printed") == 0  # the page itself is not printed: the frame is
    frame = page.frame_locator("iframe.calc-sheet-frame")
    expected = engine_answer(lang)["customers"]
    letters = [row for row in expected if row.get("letter")]
    sheets = frame.locator("article.ls-letter")
    assert sheets.count() == len(letters) > 1
    assert sheets.evaluate_all("els => els.map(e => e.lang)") == [row["letter"]["lang"] for row in letters]
    body = frame.locator("body").inner_text()
    for row in letters:
        assert row["letter"]["subject"] in body
    assert "collections" not in body.lower() and "disclaimer" not in body.lower()


@pytest.mark.parametrize("lang", LANGS)
def test_print_all_letters_one_per_page_and_nothing_of_the_site(page: Any, site_url: str, lang: str) -> None:
    """A letter edited on the page: the edited texts print, one per page, nothing else of the site."""
    open_run(page, site_url, lang)
    page.click("#collections-todo tbody tr:nth-child(1) .collections-open")
    page.fill("#collections-letter", "An edited letter.\n")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.click("#collections-print-all")
    assert page.evaluate("window.__printed") == 1
    sheets = page.locator("#collections-print .collections-sheet")
    assert sheets.count() == len(engine_answer(lang)["customers"])
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all("#collections-print .collections-sheet",
                                       "els => els.map(e => getComputedStyle(e).breakAfter)")
    assert breaks[:-1] == ["page"] * (len(breaks) - 1)
    shown = page.evaluate("() => [...document.body.children].filter(e => getComputedStyle(e).display !== 'none')"
                          ".map(e => e.id)")
    assert shown == ["collections-print"]
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("#collections-print").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_the_zip_holds_one_letter_per_customer_with_the_edits(page: Any, site_url: str, lang: str) -> None:
    open_run(page, site_url, lang)
    expected = engine_answer(lang)
    page.click("#collections-todo tbody tr:nth-child(1) .collections-open")
    page.fill("#collections-letter", "An edited letter.\n")
    with page.expect_download() as caught:
        page.click("#collections-zip")
    data = open(caught.value.path(), "rb").read()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names == [ZIP_NAMES[row["customer"]] for row in expected["customers"]]
        texts = [archive.read(name).decode("utf-8") for name in names]
    assert texts[0] == "An edited letter.\n"
    assert texts[1:] == [row["letter"]["text"] for row in expected["customers"][1:]]


def test_the_to_do_list_as_csv_and_the_deadlines_as_a_calendar(page: Any, site_url: str) -> None:
    open_run(page, site_url, "nl")
    expected = engine_answer("nl")
    with page.expect_download() as caught:
        page.click("#collections-csv")
    lines = open(caught.value.path(), encoding="utf-8-sig").read().splitlines()
    assert len(lines) == 1 + len(expected["todo"])
    assert lines[1].split(";")[1:] == ["Bakkerij Peters", expected["todo"][0]["amount"].replace(".", ","),
                                       "Vordering overdragen", expected["todo"][0]["date"]]
    with page.expect_download() as caught:
        page.click("#collections-ics")
    calendar = open(caught.value.path(), encoding="utf-8", newline="").read()
    dated = sum(1 for row in expected["customers"] for stage in row["stages"] if stage["date"])
    assert calendar.startswith("BEGIN:VCALENDAR\r\n") and calendar.count("BEGIN:VEVENT") == dated
    hand_over = next(s for s in expected["customers"][0]["stages"] if s["code"] == "hand_over")["date"]
    assert f"DTSTART;VALUE=DATE:{hand_over.replace('-', '')}" in calendar


def test_the_ledger_and_the_details_are_remembered_on_this_device(page: Any, site_url: str) -> None:
    open_run(page, site_url, "en")
    before = [row["customer"] for row in todo(page)]
    page.check("#collections-remember")
    wait(page, "c.dataset.stored === 'saved'")
    # The address is written a moment after the last edit: take it once it holds every input.
    page.wait_for_function("() => ['as_of=', 'insurer=atradius', 'disputed=', 'customers='].every("
                           "(part) => location.hash.includes(part))")
    address = page.url
    page.goto("about:blank")
    page.goto(address)
    wait(page, "c.dataset.stored === 'restored'", 30_000)
    settle(page, 60_000)
    assert page.input_value("#collections-customers") == CUSTOMERS
    assert [row["customer"] for row in todo(page)] == before
    page.uncheck("#collections-remember")
    wait(page, "c.dataset.stored === 'forgotten'")
