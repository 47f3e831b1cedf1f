"""The letter sheet from the late-payment page, in a real browser: the letter printed alone on A4, in three languages.

"Print the letter" prints the engine's sheet (``letter.sheet_html``) from a frame of its own. The test takes that
frame's document, prints it to PDF with Chromium (``page.pdf``) and reads the PDF back (pypdf): one A4 page for
the example, the sender's and the customer's details on it, nothing of the site, and the customer's address
inside the window of a DIN 5008 form B letter, measured both in the sheet's DOM and in the PDF. The sender's
details come back on the next visit when "remember" was ticked, and are gone after "forget".

Set ``LETTER_SHEET_PDF_DIR`` to keep the printed PDFs (for a look at them).
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from calc_support import LANGS, open_calculator, page_url, settle
from conftest import ROOT
from pypdf import PdfReader
from test_calculators_nginx import portal  # noqa: F401 (nginx running deploy/nginx.conf)

from site_build.strings import STRINGS as SITE_STRINGS

STRINGS = json.loads((ROOT / "docs" / "assets" / "calc" / "strings.json").read_text(encoding="utf-8"))
NAME = "late_payment"
MM_PER_PT = 25.4 / 72
MM_PER_PX = 25.4 / 96
A4_PT = (595.28, 841.89)
#: The address field (left, top, right, bottom, in mm from the sheet's top left corner) and the line under which
#: the address itself starts: DIN 5008 form B (left window) and the French right window.
WINDOWS = {"left": ((20.0, 45.0, 105.0, 90.0), 62.7), "right": ((110.0, 55.0, 195.0, 88.0), 60.7)}
#: The window each language's test prints for (the French one chooses the right window).
WINDOW_OF = {"en": "left", "nl": "left", "fr": "right"}
#: A PDF text run starts up to this much (mm) left of its CSS box: the glyph's origin and the PDF's rounding.
EDGE = 0.3

SENDER = {"address": "Molenstraat 12\n1234 AB Utrecht", "enterprise_number": "KvK 12345678",
          "vat_number": "NL001234567B01", "email": "info@korenschoof.nl", "phone": "030 123 45 67",
          "iban": "NL91 ABNA 0417 1643 00"}
SENDER_NAME = "Bakkerij De Korenschoof"
CUSTOMER_NAME = "Smit Bouw & Zn. <b>"
CUSTOMER = {"address": "Postbus 45\n3500 AA Utrecht", "reference": "INK-88"}


def url(site_url: str, lang: str) -> str:
    return page_url(site_url, lang, NAME)


def fill_details(page: Any, window: str = "") -> None:
    page.select_option("#calc-sheet-window", window)
    page.fill("#calc-f-creditor", SENDER_NAME)
    page.fill("#calc-f-debtor_name", CUSTOMER_NAME)
    for key, value in SENDER.items():
        page.fill(f"#calc-sheet-sender-{key.replace('_', '-')}", value)
    for key, value in CUSTOMER.items():
        page.fill(f"#calc-sheet-recipient-{key}", value)
    page.select_option("#calc-sheet-recipient-kind", "company")
    settle(page)


def print_letter(page: Any, lang: str) -> str:
    """Click "print the letter"; the document the frame printed."""
    page.get_by_role("button", name=STRINGS[lang]["late.letter.print"]).click()
    page.wait_for_selector("iframe.calc-sheet-frame[data-printed='true']", state="attached")
    return str(page.eval_on_selector("iframe.calc-sheet-frame", "f => f.srcdoc"))


def site_texts(lang: str) -> list[str]:
    """What of the site must not be on the sheet: its disclaimer, its buttons, its headings."""
    disclaimer = SITE_STRINGS[lang]["disclaimer.text"]
    return [SITE_STRINGS[lang]["disclaimer.label"], disclaimer[:40], STRINGS[lang]["late.letter.print"],
            STRINGS[lang]["late.letter.copy"], STRINGS[lang]["sheet.download"], STRINGS[lang]["late.letter.title"],
            "127.0.0.1", "http"]


def pdf_words(pdf: bytes) -> tuple[PdfReader, list[tuple[str, float, float]]]:
    """The PDF and its text runs with where they start: (text, x mm from the left, y mm from the top)."""
    reader = PdfReader(io.BytesIO(pdf))
    runs: list[tuple[str, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            runs.append((text.strip(), x * MM_PER_PT, (A4_PT[1] - y) * MM_PER_PT))

    reader.pages[0].extract_text(visitor_text=visit)
    return reader, runs


@pytest.mark.parametrize("lang", LANGS)
def test_the_letter_prints_alone_on_one_a4_sheet_with_the_address_in_the_window(page: Any, site_url: str,
                                                                               lang: str, context: Any) -> None:
    open_calculator(page, url(site_url, lang))
    (left, top, right, bottom), address_from = WINDOWS[WINDOW_OF[lang]]
    fill_details(page, WINDOW_OF[lang])
    sheet = print_letter(page, lang)
    frame = page.frame_locator("iframe.calc-sheet-frame")
    # the frame shows the sheet with its own stylesheet (the page's policy allows it: the guard sees no violation)
    assert frame.locator(".ls-window").evaluate("e => getComputedStyle(e).position") == "absolute"
    framed = frame.locator("body").inner_text()
    assert SENDER["iban"] in framed and CUSTOMER_NAME in framed

    # The sheet on its own page, printed to PDF as Chromium prints it.
    sheet_page = context.new_page()
    sheet_page.set_content(sheet)
    pdf = sheet_page.pdf(prefer_css_page_size=True)
    if os.environ.get("LETTER_SHEET_PDF_DIR"):
        Path(os.environ["LETTER_SHEET_PDF_DIR"], f"sheet-{lang}.pdf").write_bytes(pdf)
    reader, runs = pdf_words(pdf)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 0), round(float(box.height), 0)) == (round(A4_PT[0]), round(A4_PT[1]))
    text = " ".join(reader.pages[0].extract_text().split())
    for expected in (SENDER_NAME, CUSTOMER_NAME, *CUSTOMER["address"].splitlines(), CUSTOMER["reference"],
                     *SENDER["address"].splitlines(), SENDER["enterprise_number"], SENDER["vat_number"],
                     SENDER["email"], SENDER["phone"], SENDER["iban"]):
        assert expected in text, expected
    for unwanted in site_texts(lang):
        assert unwanted not in text, unwanted

    # The page is printed at its size, not shrunk to fit: the letterhead starts at the 25 mm margin.
    head = min(((y, x) for run, x, y in runs if run.startswith(SENDER_NAME)), default=None)  # the topmost
    assert head and abs(head[1] - 25) < EDGE and abs(head[0] - 20) < 5, head
    # The customer's name and address in the PDF: inside the window, below the return-address zone.
    lines = [CUSTOMER_NAME, *CUSTOMER["address"].splitlines()]
    found = {line: [(x, y) for run, x, y in runs if run.startswith(line)] for line in lines}
    assert all(found.values()), (found, runs[:40])
    for line, places in found.items():
        x, y = places[0]  # the first: the window comes before the salutation that names the customer too
        assert left - EDGE <= x <= right and address_from <= y <= bottom, (line, x, y)
    # the return address: one small line in the window's upper zone
    back = [(x, y) for run, x, y in runs if run.startswith(f"{SENDER_NAME} ·")]
    assert back and left - EDGE <= back[0][0] <= right and top <= back[0][1] <= address_from, (back, runs[:20])

    # The same in the sheet's DOM (on screen the sheet is an A4 page): the address block's box, in mm.
    sheet_page.emulate_media(media="screen")
    rect = sheet_page.evaluate("""() => {
        const sheet = document.querySelector('.ls-letter').getBoundingClientRect();
        const box = document.querySelector('.ls-address').getBoundingClientRect();
        const text = document.createRange();
        text.selectNodeContents(document.querySelector('.ls-address'));
        const ink = text.getBoundingClientRect();
        return {sheet: [sheet.width, sheet.height], box: [box.left - sheet.left, box.top - sheet.top,
                box.right - sheet.left, box.bottom - sheet.top],
                ink: [ink.left - sheet.left, ink.top - sheet.top, ink.right - sheet.left, ink.bottom - sheet.top]};
    }""")
    assert [round(v * MM_PER_PX) for v in rect["sheet"]] == [210, 297]
    bx0, by0, bx1, by1 = (v * MM_PER_PX for v in rect["box"])
    assert left - 0.1 <= bx0 and by0 >= address_from - 0.1 and bx1 <= right + 0.1 and by1 <= bottom + 0.1, rect
    # the text's own box: a font's ascent may reach a little (< 0.5 mm) above its line's box
    ix0, iy0, ix1, iy1 = (v * MM_PER_PX for v in rect["ink"])
    assert left - 0.1 <= ix0 and iy0 >= address_from - 0.5 and ix1 <= right and iy1 <= bottom, rect
    sheet_page.close()

    # Download: the same document, as a file that prints the same sheet.
    with page.expect_download() as info:
        page.get_by_role("button", name=STRINGS[lang]["sheet.download"]).click()
    download = info.value
    assert download.suggested_filename.endswith(".html") and download.suggested_filename.startswith("letter-")
    assert Path(download.path()).read_text(encoding="utf-8") == sheet


def test_a_letter_without_details_prints_blank_lines_not_placeholders(page: Any, site_url: str,
                                                                      context: Any) -> None:
    open_calculator(page, url(site_url, "fr"))
    page.fill("#calc-f-creditor", "")
    page.fill("#calc-f-debtor_name", "")
    settle(page)
    sheet = print_letter(page, "fr")
    sheet_page = context.new_page()
    sheet_page.set_content(sheet)
    head = sheet_page.inner_text(".ls-head")
    assert "[" not in head and "]" not in head
    assert sheet_page.locator(".ls-head .ls-fill").count() >= 8
    assert "[" not in sheet_page.inner_text(".ls-pay") + sheet_page.inner_text(".ls-sign")
    sheet_page.close()


def test_the_page_print_holds_neither_the_letter_nor_its_details(page: Any, site_url: str) -> None:
    """The page's own print (the form and the result) of the example: the letter and the sender's details are not
    on it (the letter prints on its own sheet), and they add no page to it."""
    open_calculator(page, url(site_url, "en"))
    fill_details(page)
    page.emulate_media(media="print")
    for selector in (".calc-sheet-fields", "#calc .calc-lp-letter"):
        assert page.is_hidden(selector), selector
    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(p.extract_text() for p in printed.pages)
    assert SENDER["iban"] not in text and STRINGS["en"]["late.letter.title"] not in text
    assert STRINGS["en"]["sheet.group.sender"] not in text
    page.evaluate("document.querySelectorAll('.calc-sheet-fields, #calc .calc-lp-letter').forEach(e => e.remove())")
    assert len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages) == len(printed.pages)


def test_the_sender_details_are_remembered_on_request_and_forgotten(page: Any, site_url: str) -> None:
    lang = "nl"
    open_calculator(page, url(site_url, lang))
    fill_details(page, "right")
    # not ticked: nothing kept
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('calc.letter-sheet'))") == []
    page.check("#calc-sheet-remember")
    page.fill("#calc-sheet-sender-phone", "030 765 43 21")  # typed after ticking: kept too
    kept = json.loads(page.evaluate("localStorage.getItem('calc.letter-sheet.sender.v1')"))
    assert kept["iban"] == SENDER["iban"] and kept["phone"] == "030 765 43 21" and kept["name"] == SENDER_NAME
    assert kept["window"] == "right"

    # The next visit (the page's address without the form's state): the details are back, and on the letter.
    open_calculator(page, url(site_url, lang))
    assert page.is_checked("#calc-sheet-remember")
    assert page.input_value("#calc-sheet-sender-iban") == SENDER["iban"]
    assert page.input_value("#calc-sheet-sender-address") == SENDER["address"]
    assert page.input_value("#calc-sheet-sender-phone") == "030 765 43 21"
    assert page.input_value("#calc-f-creditor") == SENDER_NAME
    assert page.input_value("#calc-sheet-window") == "right"
    assert page.input_value("#calc-sheet-recipient-reference") == ""  # the customer's details are not kept
    settle(page)
    assert SENDER["iban"] in print_letter(page, lang)

    page.get_by_role("button", name=STRINGS[lang]["sheet.forget"]).click()
    assert page.text_content(".calc-sheet-status") == STRINGS[lang]["sheet.forgotten"]
    assert page.evaluate("localStorage.getItem('calc.letter-sheet.sender.v1')") is None
    assert page.input_value("#calc-sheet-sender-iban") == ""
    assert page.input_value("#calc-sheet-window") == ""
    open_calculator(page, url(site_url, lang))
    assert not page.is_checked("#calc-sheet-remember")
    assert page.input_value("#calc-sheet-sender-iban") == ""


def sheet_pdf(context: Any, html: str) -> PdfReader:
    sheet_page = context.new_page()
    sheet_page.set_content(html)
    pdf = sheet_page.pdf(prefer_css_page_size=True)
    sheet_page.close()
    return PdfReader(io.BytesIO(pdf))


def test_a_long_letter_runs_over_pages_with_numbers_and_its_table_headers_repeated(context: Any, guard: Any) -> None:
    from calculators import run

    invoices = [{"amount": "100", "due_date": f"2025-{month:02d}-{day:02d}", "reference": f"F-{month}-{day}"}
                for month in range(1, 4) for day in range(1, 21)]  # 60 invoices: 50 listed, the rest summed up
    result = run(NAME, {"country": "NL", "until": "2025-12-31", "letter": "reminder", "letter_format": "sheet",
                        "lang": "en", "invoices": invoices})
    reader = sheet_pdf(context, result["letter"]["sheet_html"])
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    count = len(pages)
    assert count >= 2
    assert f"1 / {count}" not in pages[0]  # the first page of a letter carries no number
    for number, text in enumerate(pages[1:], start=2):
        assert f"{number} / {count}" in text, (number, text[-200:])
    assert "Due date" in pages[1] and "Days late" in pages[1]  # the table's header, again on the next page
    # the summary is not split over two pages: its first line is on the page of its total
    total = next(text for text in pages if "Total now due" in text)
    assert "Principal outstanding" in total


def test_several_letters_print_one_per_sheet(context: Any, guard: Any) -> None:
    from calculators import letter_sheet, run

    letters = [run(NAME, {"country": "NL", "until": "2025-12-31", "letter": "reminder", "letter_lang": lang,
                          "recipient": {"name": f"Customer {lang}"},
                          "invoices": [{"amount": "100", "due_date": "2025-01-31"}]})["letter"] for lang in LANGS]
    reader = sheet_pdf(context, letter_sheet.document(letters, "en"))
    assert len(reader.pages) == len(LANGS)
    for page_, lang in zip(reader.pages, LANGS, strict=True):
        text = page_.extract_text()
        assert f"Customer {lang}" in text
        assert not any(f"Customer {other}" in text for other in LANGS if other != lang)
        assert " / 3" not in text  # a run's page count is no letter's: no numbers


def test_the_sheet_prints_under_the_servers_header_policy(page: Any, portal: str) -> None:  # noqa: F811
    """deploy/nginx.conf's header (frame-ancestors 'none' among it) with the page's meta policy: the srcdoc frame
    inherits both, and still shows the sheet with its stylesheet (the guard fails the test on any violation)."""
    open_calculator(page, f"{portal}fr/calculators/late-payment/")
    print_letter(page, "fr")
    frame = page.frame_locator("iframe.calc-sheet-frame")
    assert frame.locator(".ls-window").evaluate("e => getComputedStyle(e).position") == "absolute"
    assert frame.locator(".ls-subject").evaluate("e => getComputedStyle(e).fontWeight") == "700"


def test_the_letter_details_and_the_print_frame_pass_axe(context: Any, page: Any, site_url: str,
                                                         capsys: Any) -> None:
    from test_accessibility import AXE_SCRIPT, Audit, audit, report

    context.add_init_script(AXE_SCRIPT)
    open_calculator(page, url(site_url, "fr"))
    fill_details(page)
    page.check("#calc-sheet-remember")
    print_letter(page, "fr")
    # the theme's hover and focus colour of the button just clicked is the theme's, not the sheet's: away from it
    page.mouse.move(0, 0)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.wait_for_timeout(400)  # the theme's colour transition
    found = Audit()
    audit(page, found, "late payment with the letter's details and its print frame")
    report(found, capsys, "the letter sheet's fields and frame")
