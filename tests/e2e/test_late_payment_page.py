"""The late-payment page in a real browser: the example in three languages against the engine's own answer, the
letter in a language of its own, errors on their cells, a half-year rate the table lacks, pasted invoices.

The oracle for every figure is ``calculators.run`` on the payload the page sends (the engine the CLI wraps);
each test loads the page once and checks as much as it can on it.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from calc_support import (
    LANGS,
    explanation,
    figures,
    open_calculator,
    page_url,
    settle,
    shown_money,
    typed_amount,
    typed_date,
)
from conftest import ROOT
from test_calculators import assert_accessible

from calculators import late_payment_rates, run
from calculators.examples import EXAMPLES

STRINGS = json.loads((ROOT / "docs" / "assets" / "calc" / "strings.json").read_text(encoding="utf-8"))
NAME = "late_payment"
EXAMPLE = EXAMPLES["late_payment_nl_compound"]["payload"]
MONEY = ("total", "principal", "paid", "principal_outstanding", "interest", "costs")
OTHER_LANG = {"en": "fr", "nl": "en", "fr": "nl"}


def url(site_url: str, lang: str) -> str:
    return page_url(site_url, lang, NAME)


def page_payload(payload: dict[str, Any], lang: str, **changes: Any) -> dict[str, Any]:
    """What the page sends for ``payload``: its letter defaults to a reminder in the page's language."""
    return {"letter": "reminder", "letter_lang": lang, **payload, **changes, "lang": lang}


def answer(payload: dict[str, Any], lang: str, **changes: Any) -> dict[str, Any]:
    return run(NAME, page_payload(payload, lang, **changes))


def letter_text(page: Any) -> str:
    return page.text_content("#calc .calc-lp-letter-body") or ""


def periods_shown(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all("#calc .calc-lp-period-table tbody tr", """trs => trs.map(tr => {
        const v = [...tr.children].map(c => c.dataset.value);
        return {invoice: v[0], from: v[1], to: v[2], days: v[3], rate_pct: v[4], principal: v[5], interest: v[6]};
    })""")


def legend(page: Any) -> dict[str, str]:
    return page.eval_on_selector_all("#calc .calc-lp-legend li", """els => Object.fromEntries(els.map(e =>
        [e.dataset.slice, e.querySelector('.calc-legend-amount').dataset.value]))""")


def invoice_rows(page: Any) -> list[dict[str, Any]]:
    return page.eval_on_selector_all("#calc .calc-lp-invoices tbody tr", """trs => trs.map(tr => ({
        days: tr.querySelector('.calc-lp-days').dataset.value,
        interest: tr.querySelector('.calc-lp-inv-interest').dataset.value,
        status: tr.querySelector('.calc-lp-status-text').dataset.value,
        inputs: [...tr.querySelectorAll('input')].map(i => i.value)}))""")


def paste(page: Any, selector: str, text: str) -> None:
    """A paste event with ``text`` on the cell ``selector``, as a spreadsheet's copy gives it."""
    page.focus(selector)
    page.eval_on_selector(selector, """(el, text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
    }""", text)


def assert_result(page: Any, expected: dict[str, Any]) -> None:
    """The figures, the periods, the picture, the explanation and the letter are the engine's."""
    shown = figures(page)
    for key in MONEY:
        assert shown[key]["value"] == expected[key], key
    assert shown["total"]["text"] == shown_money(expected["total"], expected_lang(page))
    assert periods_shown(page) == [{k: str(p[k]) for k in ("invoice", "from", "to", "days", "rate_pct", "principal",
                                                            "interest")} for p in expected["periods"][:50]]
    assert [(s["code"], s["text"]) for s in explanation(page)] == [
        (s["code"], s["text"]) for s in expected["explanation"]]
    # The picture's steps add up: invoices + interest per half-year + costs - payments = the total claim.
    steps = legend(page)
    assert steps["total"] == expected["total"]
    assert steps["principal"] == expected["principal"]
    assert steps["costs"] == expected["costs_total"]
    interest = sum((Decimal(v) for k, v in steps.items() if k.startswith("interest-")), Decimal(0))
    assert interest == Decimal(expected["interest_accrued"])
    paid = Decimal(steps.get("paid", "0"))  # a step down: negative
    assert paid == -Decimal(expected["paid"])
    assert Decimal(steps["principal"]) + interest + Decimal(steps["costs"]) + paid == Decimal(expected["total"])
    assert letter_text(page) == expected["letter"]["text"]


def expected_lang(page: Any) -> str:
    return page.get_attribute("#calc", "data-lang") or "en"


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_shows_the_engines_figures_and_the_letter_carries_them(page: Any, site_url: str,
                                                                           lang: str) -> None:
    open_calculator(page, url(site_url, lang))
    expected = answer(EXAMPLE, lang)
    assert "errors" not in expected
    assert_result(page, expected)
    assert_accessible(page)
    # Only the letters this claim's law knows can be chosen: the Dutch 14-day letter is for consumers.
    assert expected["letters_available"] == ["reminder", "formal_notice"]
    assert page.is_disabled("#calc-f-letter option[value='fourteen_day_letter']")
    assert page.is_enabled("#calc-f-letter option[value='formal_notice']")
    rows = invoice_rows(page)
    for row, invoice in zip(rows, expected["invoices"], strict=True):
        assert (row["days"], row["interest"], row["status"]) == (
            str(invoice["days_late"]), invoice["interest"], invoice["status"])
    letter = letter_text(page)
    assert shown_money(expected["total"], lang) in letter
    assert shown_money(expected["interest"], lang) in letter
    for invoice in EXAMPLE["invoices"]:
        if invoice.get("reference"):
            assert invoice["reference"] in letter

    if lang == "en":
        assert_copy_and_print(page, letter)

    # The letter in another language: the page, its figures and its explanation stay in the page's language.
    other = OTHER_LANG[lang]
    page.select_option("#calc-f-letter_lang", other)
    settle(page)
    expected_other = answer(EXAMPLE, lang, letter_lang=other)
    assert page.get_attribute("#calc .calc-lp-letter-text", "lang") == other
    assert letter_text(page) == expected_other["letter"]["text"]
    assert shown_money(expected["total"], other) in letter_text(page)
    assert figures(page)["total"]["value"] == expected["total"]
    assert explanation(page)[0]["text"] == expected["explanation"][0]["text"]

    # A formal notice instead of the reminder; the address keeps the choice.
    page.select_option("#calc-f-letter", "formal_notice")
    settle(page)
    notice = answer(EXAMPLE, lang, letter_lang=other, letter="formal_notice")
    assert letter_text(page) == notice["letter"]["text"]
    page.wait_for_function("() => location.hash.includes('letter=formal_notice')")
    state = parse_qs(page.evaluate("location.hash.slice(1)"))
    assert state["letter_lang"] == [other]
    assert len(state["i"]) == len(EXAMPLE["invoices"])

    if lang == "fr":  # French law, an agreed rate under three times the taux légal: the engine's warning is shown
        page.check("#calc-f-country-FR")
        page.fill("#calc-f-agreed_rate_pct", typed_amount("7.5", lang))
        settle(page)
        warned = answer(EXAMPLE, lang, letter_lang=other, letter="formal_notice", country="FR",
                        agreed_rate_pct="7.5")
        assert warned["warnings"], "the example no longer provokes the warning"
        shown = page.eval_on_selector_all("#calc .calc-lp-warnings li",
                                          "els => els.map(e => [e.dataset.code, e.textContent])")
        assert shown == [[w["code"], w["text"]] for w in warned["warnings"]]
        assert figures(page)["total"]["value"] == warned["total"]


def assert_copy_and_print(page: Any, letter: str) -> None:
    """Copy puts the letter's text on the clipboard; print prints the letter's sheet alone."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name=STRINGS["en"]["late.letter.copy"]).click()
    page.wait_for_function("() => document.querySelector('#calc .calc-lp-letter').dataset.copied === 'true'")
    assert page.evaluate("navigator.clipboard.readText()") == letter
    assert page.text_content("#calc .calc-lp-letter-status") == STRINGS["en"]["late.letter.copied"]
    # Print: the engine's letter sheet, from a frame of its own (tests/e2e/test_letter_sheet_page.py checks it);
    # the page's own print is still the form and the result.
    page.get_by_role("button", name=STRINGS["en"]["late.letter.print"]).click()
    page.wait_for_selector("iframe.calc-sheet-frame[data-printed='true']", state="attached")
    assert page.frame_locator("iframe.calc-sheet-frame").locator(".ls-subject").count() == 1
    page.emulate_media(media="print")
    assert page.is_visible("#calc form")
    assert page.is_visible("#calc .calc-lp-period-table tbody tr:first-child td:last-child")  # the interest
    page.emulate_media(media="screen")


def test_errors_show_next_to_their_cells_and_a_missing_rate_can_be_added(page: Any, site_url: str) -> None:
    lang = "nl"
    open_calculator(page, url(site_url, lang))
    # An impossible due date: on its cell, in the page's language, named in the summary.
    page.fill("#calc-cell-invoices-0-due_date", "31-02-2025")
    settle(page)
    invoices = [dict(i) for i in EXAMPLE["invoices"]]
    invoices[0]["due_date"] = "2025-02-31"
    expected = answer(EXAMPLE, lang, invoices=invoices)
    message = next(e["message"] for e in expected["errors"] if e["field"] == "invoices[0].due_date")
    assert page.text_content("#calc-cell-e-invoices-0-due_date") == message
    assert page.get_attribute("#calc-cell-invoices-0-due_date", "aria-invalid") == "true"
    assert page.get_attribute("#calc", "data-outcome") == "errors"
    assert STRINGS[lang]["late.invoices.cell"].format(row=1, column=STRINGS[lang]["late.col.due_date"]) in \
        page.text_content("#calc .calc-error-summary")
    page.fill("#calc-cell-invoices-0-due_date", typed_date(EXAMPLE["invoices"][0]["due_date"], lang))
    settle(page)
    assert page.get_attribute("#calc", "data-outcome") == "result"
    assert page.get_attribute("#calc-cell-invoices-0-due_date", "aria-invalid") is None

    # A payment larger than everything owed on its day: the message on the payment's amount.
    paid_on = (date.fromisoformat(EXAMPLE["invoices"][0]["due_date"]) + timedelta(days=30)).isoformat()
    page.fill("#calc-cell-payments-0-date", typed_date(paid_on, lang))
    page.fill("#calc-cell-payments-0-amount", typed_amount("999999.00", lang))
    settle(page)
    expected = answer(EXAMPLE, lang, payments=[{"amount": "999999.00", "date": paid_on}])
    assert [e["field"] for e in expected["errors"]] == ["payments[0].amount"]
    assert page.text_content("#calc-cell-e-payments-0-amount") == expected["errors"][0]["message"]
    page.click("#calc .calc-lp-payments .calc-remove")
    settle(page)
    assert page.get_attribute("#calc", "data-outcome") == "result"

    # A half-year the rate table does not hold: a partial answer up to the table's end, with a button that adds
    # the ECB rate of the missing half-year (a business claim: the engine derives the statutory rate from it).
    table = late_payment_rates.table(EXAMPLE.get("country", "NL"), EXAMPLE.get("debtor", "business"))
    first_missing = table.covered_until + timedelta(days=1)
    until = first_missing + timedelta(days=40)
    page.fill("#calc-f-until", typed_date(until.isoformat(), lang))
    settle(page)
    expected = answer(EXAMPLE, lang, until=until.isoformat())
    assert expected["partial"] is True and expected["missing_rates"][0]["field"] == "ecb_rates"
    shown = page.eval_on_selector_all("#calc .calc-lp-warnings li",
                                      "els => els.map(e => [e.dataset.code, e.textContent])")
    assert shown == [[w["code"], w["text"]] for w in expected["warnings"]]
    assert figures(page)["total"]["value"] == expected["total"]
    page.click(f"#calc .calc-lp-rate-help button[data-from='{first_missing.isoformat()}']")
    assert page.evaluate("document.activeElement.id") == "calc-cell-ecb_rates-0-rate_pct"
    assert page.input_value("#calc-cell-ecb_rates-0-from") == typed_date(first_missing.isoformat(), lang)
    page.keyboard.type(typed_amount("2.15", lang))
    settle(page)
    expected = answer(EXAMPLE, lang, until=until.isoformat(),
                      ecb_rates=[{"from": first_missing.isoformat(), "rate_pct": "2.15"}])
    assert "errors" not in expected and expected["partial"] is False
    assert_result(page, expected)
    assert page.is_hidden("#calc .calc-lp-rate-help")
    assert any(p["rate_pct"] == "10.15" for p in periods_shown(page))  # ECB + 8 points (art. 6:120 lid 2 BW)


@pytest.mark.parametrize("lang", LANGS)
def test_consumer_notice_fields_and_the_costs_a_letter_would_start(page: Any, site_url: str, lang: str) -> None:
    """Art. 6:96 lid 6 BW and art. XIX.2 CEL: a consumer's costs only after the notice's term; the page shows the
    notice fields for consumers only, how the notice was sent for Belgium only, the Dutch business cost terms for
    Dutch business claims only, and costs_after_notice next to the letter that starts the term."""
    open_calculator(page, url(site_url, lang))
    assert page.is_visible("#calc-f-nl_business_costs") and page.is_hidden("#calc-f-notice_date")
    page.select_option("#calc-f-nl_business_costs", "flat")
    settle(page)
    flat = answer(EXAMPLE, lang, nl_business_costs="flat")
    assert figures(page)["costs"]["value"] == flat["costs"] == "40.00"

    page.check("#calc-f-debtor-consumer")
    settle(page)
    assert page.is_visible("#calc-f-notice_date") and page.is_hidden("#calc-f-notice_by")
    assert page.is_hidden("#calc-f-nl_business_costs")
    page.select_option("#calc-f-letter", "fourteen_day_letter")
    settle(page)
    consumer = answer(EXAMPLE, lang, debtor="consumer", letter="fourteen_day_letter")
    assert consumer["costs"] == "0.00" and Decimal(consumer["costs_after_notice"]) > 0
    shown = figures(page)
    assert shown["costs"]["value"] == "0.00"
    assert shown["costs_after_notice"]["value"] == consumer["costs_after_notice"]
    assert shown_money(consumer["costs_after_notice"], lang) in page.text_content("#calc .calc-lp-costs-after-notice")
    assert letter_text(page) == consumer["letter"]["text"]

    notice = (date.fromisoformat(EXAMPLE["invoices"][0]["due_date"]) + timedelta(days=10)).isoformat()
    page.fill("#calc-f-notice_date", typed_date(notice, lang))
    settle(page)
    noticed = answer(EXAMPLE, lang, debtor="consumer", letter="fourteen_day_letter", notice_date=notice)
    assert figures(page)["costs"]["value"] == noticed["costs"] != "0.00"
    assert [s["text"] for s in explanation(page)] == [s["text"] for s in noticed["explanation"]]

    page.check("#calc-f-country-BE")
    page.select_option("#calc-f-letter", "reminder")
    settle(page)
    assert page.is_visible("#calc-f-notice_by")
    page.select_option("#calc-f-notice_by", "email")
    settle(page)
    belgian = answer(EXAMPLE, lang, country="BE", debtor="consumer", notice_date=notice, notice_by="email")
    assert figures(page)["total"]["value"] == belgian["total"]
    assert page.is_visible("#calc .calc-lp-costs-after-notice")
    assert letter_text(page) == belgian["letter"]["text"]


def test_invoices_pasted_from_a_spreadsheet_and_payments_imported_from_csv(page: Any, site_url: str,
                                                                         tmp_path: Path) -> None:
    lang = "fr"
    open_calculator(page, url(site_url, lang))
    page.get_by_role("button", name=STRINGS[lang]["action.clear"]).click()
    settle(page)
    page.check("#calc-f-country-BE")
    invoices = [
        {"amount": "1210.00", "due_date": "2025-02-14", "reference": "FA-101"},
        {"amount": "15730.55", "due_date": "2025-05-30", "reference": "FA-117"},
        {"amount": "484.00", "due_date": "2025-09-01", "reference": "FA-130"},
    ]
    payments = [{"amount": "5000.00", "date": "2025-08-20"}, {"amount": "1250.40", "date": "2025-12-01"}]
    lines = ["Montant\tÉchéance\tRéférence"] + [
        "\t".join([typed_amount(i["amount"], lang, variant=n), typed_date(i["due_date"], lang), i["reference"]])
        for n, i in enumerate(invoices)]
    paste(page, "#calc-cell-invoices-0-amount", "\r\n".join(lines) + "\r\n")
    csv = tmp_path / "paiements.csv"
    csv.write_text("Date;Montant payé\n" + "".join(
        f'{typed_date(p["date"], lang)};"{typed_amount(p["amount"], lang)}"\n' for p in payments), encoding="utf-8")
    page.set_input_files("#calc-import-payments", str(csv))
    page.wait_for_function("() => document.querySelector('#calc').dataset.importMs !== undefined")
    until = date(2026, 3, 31).isoformat()
    page.fill("#calc-f-until", typed_date(until, lang))
    settle(page)
    assert [r["inputs"] for r in invoice_rows(page)] == [
        [typed_amount(i["amount"], lang, variant=n), typed_date(i["due_date"], lang), i["reference"]]
        for n, i in enumerate(invoices)]
    payload = {"country": "BE", "debtor": "business", "invoices": invoices, "payments": payments, "until": until}
    expected = answer(payload, lang)
    assert "errors" not in expected
    assert_result(page, expected)
    assert STRINGS[lang]["table.pasted"].format(count=3) in page.text_content("#calc .calc-lp-invoices")
    # Belgian interest is simple and its rate a multiple of half a point.
    assert all(Decimal(p["rate_pct"]) % Decimal("0.5") == 0 for p in expected["periods"])

    # The address keeps every row: opened again, the page shows the same claim.
    page.wait_for_function("n => new URLSearchParams(location.hash.slice(1)).getAll('p').length === n",
                           arg=len(payments))
    shared = page.evaluate("location.href")
    page.goto("about:blank")
    open_calculator(page, shared)
    assert [r["inputs"] for r in invoice_rows(page)] == [
        [typed_amount(i["amount"], lang, variant=n), typed_date(i["due_date"], lang), i["reference"]]
        for n, i in enumerate(invoices)]
    assert page.is_checked("#calc-f-country-BE")
    assert_result(page, expected)
