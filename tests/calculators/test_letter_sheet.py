"""The letter sheet: letters' parts laid out as one A4 HTML document (calculators/letter_sheet.py).

Checked on the document's text: every part of the letter is on it, what the user typed is escaped, a missing
detail is a blank line to fill in (never a bracketed placeholder), several letters make several sheets; and the
ways to it: ``letter_format: "sheet"`` on late_payment, the CLI's ``--letter-html``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from engine_support import TODAY, check_answer

from calculators import letter_sheet, messages, run
from calculators.letter_sheet import CSS, CSS_HASH, document

LANGS = ("en", "nl", "fr")
HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> "Bakker" \'s'

SENDER = {"name": "Bakkerij De Korenschoof B.V.", "address": "Molenstraat 12\n1234 AB Utrecht",
          "enterprise_number": "KvK 12345678", "vat_number": "NL001234567B01", "email": "info@korenschoof.nl",
          "phone": "030 123 45 67", "iban": "NL91 ABNA 0417 1643 00"}
RECIPIENT = {"name": "Smit Bouw B.V.", "address": "Postbus 45\n3500 AA Utrecht", "kind": "company",
             "reference": "INK-88"}


def payload(lang: str = "en", **changes: Any) -> dict[str, Any]:
    return {"country": "NL", "until": "2025-12-31", "letter": "formal_notice", "letter_lang": lang, "lang": lang,
            "letter_format": "sheet",
            "invoices": [{"amount": "10000", "due_date": "2024-03-15", "reference": "F-2024-017"},
                         {"amount": "1250.50", "due_date": "2025-11-02", "reference": "F-2025-311"}], **changes}


def answer(lang: str = "en", **changes: Any) -> dict[str, Any]:
    result = run("late_payment", payload(lang, **changes), today=lambda: TODAY)
    check_answer(result)
    assert "errors" not in result, result
    return result


class Text(HTMLParser):
    """The document's visible text (outside <head>), its elements' classes, and every element's attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.in_head = self.in_head or tag == "head"

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False

    def handle_data(self, data: str) -> None:
        if not self.in_head:
            self.text.append(data)


def parse(html: str) -> Text:
    parser = Text()
    parser.feed(html)
    parser.close()
    return parser


def visible(html: str) -> str:
    return normal(" ".join(parse(html).text))


def classes(html: str) -> list[str]:
    return [c for _, attrs in parse(html).tags for c in (attrs.get("class") or "").split()]


def normal(text: str) -> str:
    """ASCII white space collapsed; the no-break spaces inside amounts stay."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


# -- the document ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_part_of_the_letter_is_on_the_sheet(lang: str) -> None:
    result = answer(lang, sender=SENDER, recipient=RECIPIENT)
    letter = result["letter"]
    text = visible(letter["sheet_html"])
    for part in ("subject", "salutation", "intro", "closing"):
        assert normal(letter[part]) in text, part
    for paragraph in letter["paragraphs"]:
        assert normal(paragraph) in text
    for key in ("name", "enterprise_number", "vat_number", "email", "phone", "iban"):
        assert SENDER[key] in text, key
    for line in [RECIPIENT["name"], *RECIPIENT["address"].splitlines(), RECIPIENT["reference"]]:
        assert line in text, line
    for row in letter["invoices"]:
        assert row["reference"] in text
        assert messages.format_money(Decimal(row["amount"]), lang) in text
        assert messages.format_money(Decimal(row["interest"]), lang) in text
        assert str(row["days_late"]) in text
    for line in letter["summary"]:  # each summary line: its words and its amount, in their own cells
        assert messages.format_money(Decimal(line["amount"]), lang) in text
        assert normal(line["text"]).split(":")[0].strip() in text
    assert messages.format_date(TODAY, lang) in text
    # every detail given: the only line left to fill in is the place (before the date)
    assert classes(letter["sheet_html"]).count("ls-fill") == 1 and "ls-fill-place" in classes(letter["sheet_html"])
    assert "[" not in text and "]" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_payment_instruction_names_the_total_the_iban_and_the_reference_to_quote(lang: str) -> None:
    letter = answer(lang, sender=SENDER, recipient=RECIPIENT)["letter"]
    total = next(line["amount"] for line in letter["summary"] if line["code"] == "total")
    pay = re.search(r'<p class="ls-pay">(.*?)</p>', letter["sheet_html"], re.DOTALL)
    assert pay
    words = visible(pay.group(1))
    assert messages.format_money(Decimal(total), lang) in words
    assert SENDER["iban"] in words and SENDER["name"] in words and RECIPIENT["reference"] in words
    # no customer reference: the invoices' own references are quoted
    letter = answer(lang, sender=SENDER)["letter"]
    pay = re.search(r'<p class="ls-pay">(.*?)</p>', letter["sheet_html"], re.DOTALL)
    assert pay and "F-2024-017, F-2025-311" in pay.group(1)


def test_what_the_user_typed_is_escaped_everywhere() -> None:
    sender = {key: HOSTILE for key in ("name", "enterprise_number", "vat_number", "email", "phone", "iban")}
    sender["address"] = f"{HOSTILE}\n{HOSTILE}"
    recipient = {"name": HOSTILE, "address": HOSTILE, "reference": HOSTILE}
    invoices = [{"amount": "100", "due_date": "2025-01-31", "reference": HOSTILE}]
    html = answer(sender=sender, recipient=recipient, invoices=invoices)["letter"]["sheet_html"]
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert not [attrs for _, attrs in parse(html).tags if any(name.startswith("on") for name in attrs)]
    # the hostile text is there, as text: as many times as it was given, and more (salutation, signature...)
    assert visible(html).count(HOSTILE.replace("  ", " ")) >= 10


def test_the_hostile_parts_of_a_letter_from_elsewhere_are_escaped_too() -> None:
    """document() takes the parts of any letter writer (the collections run): every text part is escaped."""
    letter = {"lang": "en", "kind": f'x" onclick="{HOSTILE}', "subject": HOSTILE, "salutation": HOSTILE,
              "intro": HOSTILE, "paragraphs": [HOSTILE], "closing": HOSTILE, "more_invoices": HOSTILE,
              "date": HOSTILE, "summary": [{"code": HOSTILE, "text": HOSTILE, "amount": HOSTILE}],
              "invoices": [{"reference": HOSTILE, "due_date": HOSTILE, "days_late": HOSTILE, "amount": HOSTILE,
                            "interest": HOSTILE}],
              "sender": {"name": HOSTILE, "address": [HOSTILE]}, "recipient": {"name": HOSTILE}}
    html = document([letter], "en")
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert not [attrs for _, attrs in parse(html).tags if any(name.startswith("on") for name in attrs)]


@pytest.mark.parametrize("lang", LANGS)
def test_a_missing_detail_is_a_blank_line_to_fill_in_never_a_placeholder(lang: str) -> None:
    html = answer(lang)["letter"]["sheet_html"]  # no sender, no recipient given
    fills = classes(html).count("ls-fill")
    # sender name (letterhead, return line, signature, payment), address (letterhead), the customer's name and
    # three address lines, the customer's reference, phone, e-mail, company and VAT numbers, IBAN, the place
    assert fills >= 16, fills
    sheet_words = " ".join(messages.CATALOGUES[lang][k] for k in messages.CATALOGUES[lang] if k.startswith(
        "letter_sheet."))
    assert "[" not in sheet_words
    # the sheet's own parts hold no bracket; the letter's text parts are the letter writer's
    head = html.split('<h1 class="ls-subject">')[0].split("<body")[1]
    assert "[" not in visible(head)
    signature = html.split('<footer class="ls-sign">')[1]
    assert "[" not in visible(signature)


def test_an_address_given_without_a_name_leaves_a_line_for_the_name() -> None:
    html = answer(recipient={"address": "Postbus 45\n3500 AA Utrecht"})["letter"]["sheet_html"]
    window = html.split('<address class="ls-address">')[1].split("</address>")[0]
    assert window.startswith('<span class="ls-line"><span class="ls-fill">')
    assert "Postbus 45" in window and window.count("ls-fill") == 1


def test_several_letters_make_several_sheets_each_in_its_own_language() -> None:
    letters = [answer(lang, recipient={"name": f"Customer {lang}"})["letter"] for lang in LANGS]
    html = document(letters, "en")
    tags = parse(html).tags
    articles = [attrs for tag, attrs in tags if tag == "article"]
    assert [a["lang"] for a in articles] == list(LANGS)
    assert [a["data-kind"] for a in articles] == ["formal_notice"] * 3
    assert ".ls-letter + .ls-letter { break-before: page; }" in CSS
    text = visible(html)
    assert text.index("Customer en") < text.index("Customer nl") < text.index("Customer fr")
    # page numbers count a whole document's pages: only a one-letter document has them
    body = next(attrs for tag, attrs in tags if tag == "body")
    assert "ls-numbered" not in (body.get("class") or "")
    assert "ls-numbered" in (next(attrs for tag, attrs in parse(letters[0]["sheet_html"]).tags
                                  if tag == "body").get("class") or "")
    assert messages.message("en", "letter_sheet.title_many", count=3) in html


def test_the_sheet_is_self_contained_and_carries_its_own_policy() -> None:
    html = answer()["letter"]["sheet_html"]
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<style>") == 1 and f"<style>{CSS}</style>" in html
    assert f"style-src {CSS_HASH}" in html and "default-src 'none'" in html
    assert not re.search(r"""(?:src|href)\s*=""", html), "the sheet loads nothing"
    assert "@page" in CSS and "size: A4" in CSS


def test_the_window_position_is_din_5008_form_b() -> None:
    """The address field's box (left 20 mm, top 45 mm, 85 x 45 mm; the address from 62.7 mm) in the CSS: the page
    margins (top 15 mm, left 25 mm) plus the offsets inside the letter's head. A browser measures it too (e2e)."""
    margin = re.search(r"@page \{ size: A4; margin: (\d+)mm (\d+)mm (\d+)mm (\d+)mm; \}", CSS)
    assert margin
    top, _, _, left = (int(v) for v in margin.groups())
    window = re.search(r"\.ls-window \{([^}]*)\}", CSS)
    assert window
    rules = dict(line.strip().rstrip(";").split(": ") for line in window.group(1).strip().splitlines())
    mm = {key: float(value.removesuffix("mm")) for key, value in rules.items() if value.endswith("mm")}
    assert (left + mm["left"], top + mm["top"], mm["width"], mm["height"]) == (20, 45, 85, 45)
    address = re.search(r"\.ls-address \{[^}]*\n  top: ([\d.]+)mm;[^}]*\n  height: ([\d.]+)mm;", CSS)
    assert address and (top + mm["top"] + float(address.group(1)), float(address.group(2))) == (62.7, 27.3)


def test_the_right_window_of_french_envelopes_moves_the_address_and_the_information_block() -> None:
    """Right window: the address field 110 mm from the left edge, 55 mm from the top, 85 x 33 mm (the page's margins
    plus the offsets inside the letter's head); the information block then starts at the text's left edge."""
    right = run("late_payment", payload(letter_window="right"), today=lambda: TODAY)["letter"]["sheet_html"]
    left = run("late_payment", payload(), today=lambda: TODAY)["letter"]["sheet_html"]
    assert 'class="ls-letter ls-right"' in right and "ls-right" not in left.split("</style>")[1]
    rules = re.search(r"\.ls-right \.ls-window \{ top: ([\d.]+)mm; left: ([\d.]+)mm; width: ([\d.]+)mm; "
                      r"height: ([\d.]+)mm;", CSS)
    assert rules
    top, left_mm, width, height = (float(v) for v in rules.groups())
    assert (25 + left_mm, 15 + top, height) == (110, 55, 33)
    assert 25 + left_mm + width == 210 - 20  # to the right margin, not beyond (the browser would shrink the page)
    address = re.search(r"\.ls-right \.ls-address \{ top: ([\d.]+)mm;", CSS)
    assert address and float(address.group(1)) + 27.3 == pytest.approx(height)  # seven address lines fit below
    wrong = run("late_payment", payload(letter_window="middle"))
    assert [(e["field"], e["code"]) for e in wrong["errors"]] == [("letter_window", "invalid_choice")]
    unknown = document([{"subject": "x"}], "en", window="middle")
    assert "ls-right" not in unknown.split("</style>")[1]  # an unknown window: the left one


# -- the ways to it ----------------------------------------------------------------------------------------------


def test_the_sheet_comes_only_when_asked_and_only_from_letter_writers() -> None:
    plain = dict(payload())
    del plain["letter_format"]
    assert "sheet_html" not in run("late_payment", plain, today=lambda: TODAY)["letter"]
    assert "sheet_html" not in run("late_payment", {**plain, "letter_format": "text"}, today=lambda: TODAY)["letter"]
    no_letter = run("late_payment", {**payload(), "letter": "none"}, today=lambda: TODAY)
    assert "errors" not in no_letter and "sheet_html" not in no_letter
    wrong = run("late_payment", {**payload(), "letter_format": "pdf"})
    assert [(e["field"], e["code"]) for e in wrong["errors"]] == [("letter_format", "invalid_choice")]
    other = run("payout", {"credit_limit": "1000", "outstanding": "500", "letter_format": "sheet"})
    assert [(e["field"], e["code"]) for e in other["errors"]] == [("letter_format", "unknown_field")]


def test_letters_of_finds_one_letter_or_a_list() -> None:
    one = {"letter": {"subject": "A"}}
    many = {"letters": [{"subject": "A"}, "junk", {"subject": "B"}]}
    assert letter_sheet.letters_of(one) == [{"subject": "A"}]
    assert letter_sheet.letters_of(many) == [{"subject": "A"}, {"subject": "B"}]
    letter_sheet.attach(many, "en")
    assert visible(many["sheet_html"]).count("A") >= 1 and many["sheet_html"].count("<article") == 2
    assert letter_sheet.letters_of({"letter": None}) == []


def test_the_cli_writes_the_sheet_with_letter_html(tmp_path: Path) -> None:
    target = tmp_path / "letter.html"
    request = dict(payload("fr"), sender=SENDER)
    del request["letter_format"]
    done = subprocess.run([sys.executable, "-m", "calculators", "late_payment", "--letter-html", str(target)],
                          input=json.dumps(request).encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    sheet = target.read_text(encoding="utf-8")
    assert sheet.startswith("<!DOCTYPE html>") and '<html lang="fr">' in sheet
    assert normal(result["letter"]["subject"]) in visible(sheet) and SENDER["iban"] in visible(sheet)
    no_letter = dict(request, letter="none")
    done = subprocess.run([sys.executable, "-m", "calculators", "late_payment", "--letter-html",
                           str(tmp_path / "none.html")], input=json.dumps(no_letter).encode(), capture_output=True,
                          check=False)
    assert done.returncode == 2 and not (tmp_path / "none.html").exists()
    assert b"no letter" in done.stderr


def test_a_collections_run_asked_for_sheets_lays_out_every_late_customers_letter_one_per_sheet() -> None:
    """The collections run (issue 19) prints through the same sheet: one article per customer with a letter,
    in the to-do list's order and each in its customer's language."""
    from calculators.examples import EXAMPLES

    payload = {**EXAMPLES["collections_three_countries"]["payload"], "letter_format": "sheet",
               "letter_window": "right"}
    result = run("collections", payload)
    letters = [row["letter"] for row in result["customers"] if row.get("letter")]
    assert len(letters) > 1
    html = result["sheet_html"]
    assert html.count('<article class="ls-letter ls-right"') == len(letters)
    assert [piece.split('"', 1)[0] for piece in html.split('<article class="ls-letter ls-right" lang="')[1:]] == [
        letter["lang"] for letter in letters]
    assert "sheet_html" not in run("collections", EXAMPLES["collections_three_countries"]["payload"])
