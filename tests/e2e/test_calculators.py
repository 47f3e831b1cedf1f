"""The calculator pages in a real browser: the source articles' examples typed in each language, field errors,
shared links, accessibility, print, and guide pages that load no engine.

Each test loads a page once (the engine takes a few seconds cold) and checks as much as it can on it. The oracle
for every figure is the command line, ``python -m calculators NAME``, run on the same payload.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from calc_support import (
    LANGS,
    NNBSP,
    choose,
    cli,
    examples_of,
    explanation,
    field_error,
    figures,
    fill,
    open_calculator,
    page_url,
    settle,
    shown_date,
    shown_money,
    typed_amount,
    typed_date,
)
from conftest import ROOT

from calculators import messages
from calculators.examples import EXAMPLES

STRINGS = json.loads((ROOT / "docs" / "assets" / "calc" / "strings.json").read_text(encoding="utf-8"))
PAYOUT_AMOUNTS = ("credit_limit", "outstanding", "recovered", "intervention_threshold", "max_payout")
PAYOUT_MONEY = ("payout", "unpaid_balance", "vat_excluded", "effective_limit", "insured_part", "own_risk",
                "uninsured_part", "above_max")


def error_text(lang: str, code: str, **params: Any) -> str:
    return messages.message(lang, f"error.{code}", **params)


def assert_explained(page: Any, answer: dict[str, Any]) -> None:
    """The page lists the engine's explanation steps, in the page's language."""
    assert [(s["code"], s["text"]) for s in explanation(page)] == [
        (s["code"], s["text"]) for s in answer["explanation"]]


def assert_accessible(page: Any) -> None:
    """Every control has an accessible name, radio groups have a legend, the result is announced, focus shows."""
    problems = page.evaluate("""() => {
      const out = [];
      const calc = document.querySelector('#calc');
      for (const el of calc.querySelectorAll('input, select, button, textarea')) {
        if (el.type === 'file') continue;  // its visible <label for> is the control people use
        const named = (el.labels && el.labels.length) || el.getAttribute('aria-label')
          || el.getAttribute('aria-labelledby') || (el.tagName === 'BUTTON' && el.textContent.trim());
        if (!named) out.push('unnamed ' + el.tagName + ' ' + (el.id || el.name));
        if (el.type === 'radio' && !el.closest('fieldset')?.querySelector('legend')) {
          out.push('radio without legend ' + el.name);
        }
      }
      for (const el of calc.querySelectorAll('[aria-describedby]')) {
        for (const id of el.getAttribute('aria-describedby').split(' ')) {
          if (!document.getElementById(id)) out.push('describedby to nothing: ' + id);
        }
      }
      if (!calc.querySelector('[aria-live]')) out.push('no live region');
      if (!calc.querySelector('.calc-result h2')) out.push('no result heading');
      return out;
    }""")
    assert problems == []
    snapshot = page.locator("#calc form").aria_snapshot()
    unnamed = [line for line in snapshot.splitlines()
               if re.match(r"^\s*- (textbox|combobox|radio|button|checkbox)(\s*\[[^\]]*\])?(:.*)?$", line)]
    assert unnamed == [], snapshot
    # Keyboard: focus lands on a field and is visible.
    first = page.locator("#calc form input[type=text], #calc form input[type=radio]").first
    first.focus()
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), outline


# -- payout ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_payout_examples_errors_and_accessibility(page: Any, site_url: str, lang: str) -> None:
    open_calculator(page, page_url(site_url, lang, "payout"))
    assert_accessible(page)
    for index, name in enumerate(examples_of("payout")):
        payload = EXAMPLES[name]["payload"]
        for field in PAYOUT_AMOUNTS:
            fill(page, field, typed_amount(payload[field], lang, variant=index) if field in payload else "")
        for field in ("coverage_pct", "vat_rate_pct"):
            fill(page, field, typed_amount(payload[field], lang) if field in payload else "")
        choose(page, "product", payload.get("product", "generic"))
        settle(page)
        answer = cli("payout", payload, lang)
        for key, expected in EXAMPLES[name]["expect"].items():
            assert answer[key] == expected, (name, key)
        shown = figures(page)
        for key in PAYOUT_MONEY:
            assert shown[key]["value"] == answer[key], (name, key)
            assert shown[key]["text"] == shown_money(answer[key], lang), (name, key)
        legend = page.eval_on_selector_all(
            "#calc .calc-legend [data-slice]",
            "els => els.map(e => [e.dataset.slice, e.querySelector('.calc-legend-amount').dataset.value])")
        assert legend == [[s["code"], s["amount"]] for s in answer["breakdown"]]
        assert page.get_attribute("#calc svg.calc-bar", "role") == "img"
        assert page.text_content("#calc svg.calc-bar desc")
        assert_explained(page, answer)

    # Bad input: the engine's message next to the field, in the page's language; nothing typed is changed.
    for typed, code in (("12,34,5", "invalid_number"), ("-5", "negative"), ("abc", "invalid_number")):
        fill(page, "credit_limit", typed)
        settle(page)
        assert field_error(page, "credit_limit") == error_text(lang, code)
        assert page.is_visible("#calc-e-credit_limit")
        assert page.get_attribute("#calc-f-credit_limit", "aria-invalid") == "true"
        assert "calc-e-credit_limit" in page.get_attribute("#calc-f-credit_limit", "aria-describedby")
        assert page.input_value("#calc-f-credit_limit") == typed
        assert figures(page) == {}
    fill(page, "credit_limit", typed_amount("25000", lang))
    fill(page, "outstanding", typed_amount("1000", lang))
    fill(page, "recovered", typed_amount("2000", lang))
    settle(page)
    assert field_error(page, "recovered") == error_text(lang, "exceeds_outstanding")
    assert not page.is_visible("#calc-e-credit_limit")
    assert page.get_attribute("#calc-f-credit_limit", "aria-invalid") is None


# -- self-assessment limit -----------------------------------------------------------------------------

def type_experiences(page: Any, rows: list[dict[str, Any]], lang: str) -> None:
    """Empty the table through the page's own buttons, then type each row."""
    while page.locator("#calc .calc-remove").count() > 1:
        page.locator("#calc .calc-remove").first.click()
    first = [page.input_value(f"#calc-cell-0-{c}") for c in ("amount", "payment_term_days")]
    if any(first):
        page.locator("#calc .calc-remove").first.click()
    for i, row in enumerate(rows):
        if i > 0:
            page.get_by_role("button", name=STRINGS[lang]["table.add"]).click()
        page.fill(f"#calc-cell-{i}-amount", typed_amount(row["amount"], lang, variant=i))
        page.fill(f"#calc-cell-{i}-payment_term_days", str(row["payment_term_days"]))
        page.fill(f"#calc-cell-{i}-invoice_date", typed_date(row["invoice_date"], lang))
        page.fill(f"#calc-cell-{i}-paid_date", typed_date(row["paid_date"], lang))


def assert_rows(page: Any, answer: dict[str, Any]) -> None:
    rows = page.eval_on_selector_all("#calc .calc-table tbody tr", """els => els.map(tr => ({
        counted: tr.dataset.counted, late: tr.querySelector('.calc-late').dataset.value,
        due: tr.querySelector('.calc-due').dataset.value,
        reason: tr.querySelector('.calc-why-text').dataset.reason}))""")
    assert rows == [{"counted": str(r["counted"]).lower(), "late": str(r["days_late"]), "due": r["due_date"],
                     "reason": r["reason"]} for r in answer["experiences"]]


@pytest.mark.parametrize("lang", LANGS)
def test_self_assessment_examples_errors_and_accessibility(page: Any, site_url: str, lang: str) -> None:
    open_calculator(page, page_url(site_url, lang, "self_assessment_limit"))
    assert_accessible(page)
    for name in examples_of("self_assessment_limit"):
        payload = EXAMPLES[name]["payload"]
        fill(page, "new_payment_term_days", str(payload["new_payment_term_days"]))
        fill(page, "as_of", typed_date(payload["as_of"], lang))
        type_experiences(page, payload["experiences"], lang)
        settle(page)
        answer = cli("self_assessment_limit", payload, lang)
        for key, expected in EXAMPLES[name]["expect"].items():
            assert answer[key] == expected, (name, key)
        shown = figures(page)
        for key in ("limit", "experiences_total", "experiences_limit"):
            assert shown[key]["value"] == answer[key], (name, key)
            assert shown[key]["text"] == shown_money(answer[key], lang), (name, key)
        assert shown["oldest_paid_date"]["text"] == shown_date(answer["oldest_paid_date"], lang)
        assert str(answer["counted_count"]) in shown["counted"]["text"]
        assert_rows(page, answer)
        assert_explained(page, answer)
        not_counted = [r for r in answer["experiences"] if not r["counted"]]
        for row in not_counted:
            assert STRINGS[lang][f"reason.{row['reason']}"] in page.text_content("#calc .calc-table")

    # A bad cell: the error sits in that cell, in the page's language.
    page.fill("#calc-cell-1-paid_date", "31-02-2025" if lang == "nl" else "31/02/2025")
    settle(page)
    assert page.text_content("#calc-cell-e-1-paid_date") == error_text(lang, "invalid_date")
    assert page.get_attribute("#calc-cell-1-paid_date", "aria-invalid") == "true"
    assert page.input_value("#calc-cell-1-paid_date") == ("31-02-2025" if lang == "nl" else "31/02/2025")
    summary = page.text_content("#calc .calc-error-summary")
    assert STRINGS[lang]["table.cell_label"].format(row=2, column=STRINGS[lang]["table.col.paid_date"]) in summary
    page.fill("#calc-cell-1-paid_date", typed_date("2025-01-01", lang))
    settle(page)
    assert page.text_content("#calc-cell-e-1-paid_date") == error_text(lang, "paid_before_invoice")
    fill(page, "new_payment_term_days", "thirty")
    settle(page)
    assert field_error(page, "new_payment_term_days") == error_text(lang, "invalid_integer")


# -- eligibility -------------------------------------------------------------------------------------------

QUESTIONS = ("is_entrepreneur", "customers_are_businesses", "sells_on_account", "has_unpaid_invoices",
             "has_credit_insurance")


@pytest.mark.parametrize("lang", LANGS)
def test_eligibility_examples_errors_and_accessibility(page: Any, site_url: str, lang: str) -> None:
    open_calculator(page, page_url(site_url, lang, "eligibility"))
    assert_accessible(page)
    covered = page.eval_on_selector_all("#calc-f-customer_country optgroup:first-of-type option",
                                        "els => els.map(e => e.value)")
    assert covered == ["NL", "BE", "DE", "LU", "FR", "GB"]
    for name in examples_of("eligibility"):
        payload = EXAMPLES[name]["payload"]
        for question in QUESTIONS:
            choose(page, question, "yes" if payload[question] else "no")
        fill(page, "annual_turnover", typed_amount(payload["annual_turnover"], lang))
        page.select_option("#calc-f-customer_country", payload.get("customer_country", ""))
        settle(page)
        answer = cli("eligibility", payload, lang)
        for key, expected in EXAMPLES[name]["expect"].items():
            assert answer[key] == expected, (name, key)
        assert page.get_attribute("#calc .calc-verdict", "data-value") == str(answer["eligible"]).lower()
        verdict = STRINGS[lang]["eligibility.verdict.yes" if answer["eligible"] else "eligibility.verdict.no"]
        assert page.text_content("#calc .calc-summary") == verdict
        checks = page.eval_on_selector_all("#calc .calc-checks li",
                                           "els => els.map(e => [e.dataset.code, e.textContent])")
        steps = [s for s in answer["explanation"] if s["code"] not in ("eligible", "not_eligible")]
        assert [c[0] for c in checks] == [s["code"] for s in steps]
        for (_, text), step in zip(checks, steps, strict=True):
            assert text.endswith(step["text"])
        advice = page.eval_on_selector_all("#calc .calc-advice li", "els => els.map(e => e.textContent)")
        assert advice == [a["text"] for a in answer["advice"]]

    # Unanswered questions and a bad turnover: each error next to its own question.
    page.get_by_role("button", name=STRINGS[lang]["action.clear"]).click()
    fill(page, "annual_turnover", "10 million")
    settle(page)
    for question in QUESTIONS:
        assert field_error(page, question) == error_text(lang, "required")
        assert page.get_attribute(f"#calc-f-{question}-yes", "aria-invalid") == "true"
    assert field_error(page, "annual_turnover") == error_text(lang, "invalid_number")


# -- claim timeline ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_claim_timeline_example_errors_and_accessibility(page: Any, site_url: str, lang: str) -> None:
    open_calculator(page, page_url(site_url, lang, "claim_timeline"))
    assert_accessible(page)
    for name in examples_of("claim_timeline"):
        payload = EXAMPLES[name]["payload"]
        fill(page, "invoice_date", typed_date(payload["invoice_date"], lang))
        page.locator("#calc-f-payment_term_days").fill("")
        page.locator("#calc-f-payment_term_days").press_sequentially(str(payload["payment_term_days"]), delay=20)
        for field in ("handling_months", "payout_months"):
            fill(page, field, str(payload.get(field, "")))
        settle(page)
        answer = cli("claim_timeline", payload, lang)
        for milestone, expected in zip(answer["milestones"], EXAMPLES[name]["expect"]["milestones"], strict=True):
            assert milestone["date"] == expected["date"]
        shown = figures(page)
        for milestone in answer["milestones"]:
            assert shown[milestone["code"]]["value"] == milestone["date"]
            assert shown[milestone["code"]]["text"] == shown_date(milestone["date"], lang)
        assert shown["total_days"]["value"] == str(answer["total_days"])
        svg = page.locator("#calc svg.calc-timeline-svg")
        assert svg.get_attribute("role") == "img"
        labels = svg.locator("text.calc-label").all_text_contents()
        assert labels == [m["label"] for m in answer["milestones"]]
        assert_explained(page, answer)

    fill(page, "invoice_date", "2026-02-30")
    fill(page, "payment_term_days", "30 days")
    settle(page)
    assert field_error(page, "invoice_date") == error_text(lang, "invalid_date")
    assert field_error(page, "payment_term_days") == error_text(lang, "invalid_integer")
    assert page.input_value("#calc-f-invoice_date") == "2026-02-30"


# -- sharing, printing, the locale formats ----------------------------------------------------------------

def test_a_shared_link_restores_its_inputs_and_keeps_them_off_the_server(
        page: Any, site_url: str, browser: Any) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_calculator(page, page_url(site_url, "nl", "payout"))
    typed = {"credit_limit": "12.345,67", "outstanding": "20000,5", "recovered": "1.000", "vat_rate_pct": "21"}
    for name, text in typed.items():
        fill(page, name, text)
    choose(page, "product", "mkbzeker")
    settle(page)
    expected = figures(page)
    page.wait_for_function("() => location.hash.includes('credit_limit=12.345')")
    shared = page.evaluate("location.href")
    assert "?" not in shared and "#" in shared
    assert not any("12.345" in url or "credit_limit" in url for url in requested)

    other = browser.new_context()
    try:
        second = other.new_page()
        open_calculator(second, shared)
        for name, text in typed.items():
            assert second.input_value(f"#calc-f-{name}") == text
        assert second.is_checked("#calc-f-product-mkbzeker")
        assert figures(second) == expected
        answer = cli("payout", {"credit_limit": "12345.67", "outstanding": "20000.5", "recovered": "1000",
                                "vat_rate_pct": "21", "product": "mkbzeker"}, "nl")
        assert expected["payout"]["value"] == answer["payout"]
        # Reloading keeps them too, and editing updates the address in place (no new history entry).
        length = second.evaluate("history.length")
        fill(second, "credit_limit", "9.000")
        settle(second)
        second.wait_for_function("() => location.hash.includes('credit_limit=9.000')")
        assert second.evaluate("history.length") == length
        second.reload()
        second.wait_for_selector("#calc[data-form='ready']")
        assert second.input_value("#calc-f-credit_limit") == "9.000"
    finally:
        other.close()


def test_a_shared_link_restores_the_table(page: Any, site_url: str) -> None:
    payload = EXAMPLES["self_assessment_60_days"]["payload"]
    open_calculator(page, page_url(site_url, "fr", "self_assessment_limit"))
    fill(page, "new_payment_term_days", "60")
    page.fill("#calc-cell-2-amount", f"5{NNBSP}000,00")
    settle(page)
    page.wait_for_function("() => location.hash.includes('new_payment_term_days=60')")
    url = page.evaluate("location.href")
    page.goto("about:blank")
    open_calculator(page, url)
    assert page.input_value("#calc-f-new_payment_term_days") == "60"
    assert page.input_value("#calc-cell-2-amount") == f"5{NNBSP}000,00"
    answer = cli("self_assessment_limit", payload, "fr")
    assert figures(page)["limit"]["value"] == answer["limit"] == "10500.00"


def test_the_printed_sheet_has_inputs_result_and_explanation_but_no_site_chrome(page: Any, site_url: str) -> None:
    open_calculator(page, page_url(site_url, "en", "payout"))
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.calc-actions',
        '.calc-status', '.calc-submit'].map(s => document.querySelector(s))
        .filter(Boolean).map(e => [e.className, getComputedStyle(e).display])""")
    assert hidden and all(display == "none" for _, display in hidden), hidden
    for selector in ("#calc form", "#calc .calc-result", "#calc .calc-explanation", "#calc-f-credit_limit"):
        assert page.is_visible(selector), selector
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


CASES = [
    ("nl", "14.000,50", "14000.50"), ("nl", "14000,50", "14000.50"), ("nl", "14000.50", "14000.50"),
    ("nl", "1.500", "1500"), ("nl", "€ 2.500", "2500"), ("nl", "1.5", "1.5"), ("nl", "1.2.3", None),
    ("fr", "14 000,50", "14000.50"), ("fr", "14\u00a0000,50", "14000.50"), ("fr", f"14{NNBSP}000,50", "14000.50"),
    ("fr", "14000.50", "14000.50"), ("fr", "2 500 €", "2500"),
    ("en", "14,000.50", "14000.50"), ("en", "14000,50", "14000.50"), ("en", "14000.50", "14000.50"),
    ("en", "1,500", "1500"), ("en", "€14,000", "14000"), ("en", "-5", None), ("en", "abc", None), ("en", "", ""),
]


def test_amounts_and_dates_are_read_the_way_each_language_types_them(page: Any, site_url: str) -> None:
    page.goto(site_url)
    module = f"{site_url}assets/calc/locale.js"
    got = page.evaluate("""async ([url, cases]) => {
        const L = await import(url);
        return {
          amounts: cases.map(([lang, text]) => L.parseAmount(text, lang)),
          dates: ['15-01-2026', '15/01/2026', '2026-01-15', '5.1.2026', '2026-1-5', '01-15', 'x']
            .map(d => L.parseDate(d)),
          money: ['en', 'nl', 'fr'].map(l => L.formatMoney('14000.00', l)),
        };
    }""", [module, [[c[0], c[1]] for c in CASES]])
    assert got["amounts"] == [c[2] for c in CASES]
    assert got["dates"] == ["2026-01-15", "2026-01-15", "2026-01-15", "2026-01-05", "2026-01-05", None, None]
    assert got["money"] == [shown_money("14000.00", lang) for lang in ("en", "nl", "fr")]


def test_guide_pages_load_no_engine_byte_and_register_no_service_worker(page: Any, site_url: str) -> None:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    for path in ("", "nl/payout/", "fr/self-assessment/", "nl/calculators/"):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
    engine = [u for u in urls if "/pyodide/" in u or "/assets/calc/" in u or u.endswith("sw.js")]
    assert engine == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0


def test_the_calculator_index_links_every_calculator_in_every_language(page: Any, site_url: str) -> None:
    for lang in LANGS:
        page.goto(site_url + ("" if lang == "en" else f"{lang}/") + "calculators/")
        hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
        for calculator in ("self_assessment_limit", "payout", "eligibility", "claim_timeline", "late_payment",
                           "portfolio", "insurance_value", "collections"):
            assert page_url(site_url, lang, calculator) in hrefs, (lang, calculator)


def test_every_calculator_page_exists_in_every_language() -> None:
    for lang in LANGS:
        names = sorted(p.name for p in (ROOT / "docs" / lang / "calculators").glob("*.md"))
        assert names == sorted(["index.md", "self-assessment-limit.md", "payout.md", "eligibility.md",
                                "claim-timeline.md", "late-payment.md", "portfolio.md", "insurance-value.md",
                                "collections.md"]), lang
        for path in Path(ROOT / "docs" / lang / "calculators").glob("*.md"):
            assert "{#" not in path.read_text(encoding="utf-8"), path
