"""Receivables health on the report's page: the figures shown are the engine's, and the page fits the screen.

The oracle is ``calculators.run("portfolio", ...)`` in CPython on the page's example ledger with the provision
rates typed into the form. At 1280 px no column of the customer table hides behind a horizontal scroll and the
report uses the content's full width; at 390 px every text of every picture (its labels, and the figures behind
it once opened) is drawn at 12 px or more, SVG text measured as drawn (its font size times the SVG's scale).
"""

from __future__ import annotations

from typing import Any

import pytest
from calc_support import LANGS, figures, open_calculator, page_url, settle, typed_amount

from calculators import run
from calculators.examples import EXAMPLES

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
RATES = {"not_due": "1", "days_1_30": "2.5", "days_31_60": "10", "days_61_90": "25", "days_over_90": "60"}

#: Every text of the result's pictures that a reader sees, with the size it is drawn at.
PICTURE_TEXTS = """() => {
  const out = [];
  for (const figure of document.querySelectorAll('#calc .calc-result .calc-picture')) {
    const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const box = el.getBoundingClientRect();
      if (!node.textContent.trim() || !box.width || !box.height || getComputedStyle(el).visibility === 'hidden'
          || el.closest('[hidden], title, desc')) continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      const svg = el.closest('svg');
      if (svg) size *= svg.getScreenCTM().a;
      out.push({text: node.textContent.trim().slice(0, 30), size, svg: Boolean(svg)});
    }
  }
  return out;
}"""


def open_with_rates(page: Any, site_url: str, lang: str) -> dict[str, Any]:
    """The page's example ledger with the rates typed in; returns the engine's answer for the same."""
    open_calculator(page, page_url(site_url, lang, "portfolio"))
    for code, rate in RATES.items():
        page.fill(f"#calc-f-provision_rates_pct_{code}", typed_amount(rate, lang))
    page.click("#calc .calc-submit")
    settle(page)
    page.wait_for_selector("#calc-customers tbody tr")
    payload = {**EXAMPLES["portfolio_small_ledger"]["payload"], "provision_rates_pct": RATES, "lang": lang}
    expected = run("portfolio", payload)
    assert "errors" not in expected
    return expected


@pytest.mark.parametrize("lang", LANGS)
def test_dso_behaviour_and_provision_shown_are_the_engines(page: Any, site_url: str, lang: str) -> None:
    page.set_viewport_size(WIDE)
    expected = open_with_rates(page, site_url, lang)
    shown = figures(page)
    assert shown["dso_days"]["value"] == expected["dso_days"]
    assert shown["dso_countback_days"]["value"] == expected["dso_countback_days"]
    for key in ("provision", "provision_insured", "provision_uninsured"):
        assert shown[key]["value"] == expected["totals"][key], key
    months = page.eval_on_selector_all("#calc .calc-dso-table tbody tr", "trs => trs.map(tr => [tr.dataset.month, "
                                       "tr.querySelector('[data-col=dso_days]').dataset.value])")
    assert months == [[m["month_end"], m["dso_days"] or ""] for m in expected["dso_by_month"]]
    for customer in expected["customers"]:
        row = f"#calc-customers tbody tr[data-customer='{customer['customer']}']"
        cells = page.eval_on_selector(row, "tr => Object.fromEntries([...tr.querySelectorAll('td')].map("
                                           "td => [td.dataset.col, td.dataset.value ?? '']))")
        assert cells["provision"] == customer["provision"]["amount"]
        assert cells["score"] == ("" if customer["behaviour"]["score"] is None else str(customer["behaviour"]["score"]))
        flags = page.eval_on_selector_all(f"{row} [data-flag]", "els => els.map(e => e.dataset.flag)")
        assert flags == customer["flags"]
    # Peters Bakery pays later than it did: its detail holds the engine's behaviour and provision parts.
    peters = next(c for c in expected["customers"] if c["customer"] == "Peters Bakery")
    assert "paying_later" in peters["flags"]
    page.click("#calc-customers tbody tr[data-customer='Peters Bakery'] .calc-detail-toggle")
    detail = page.eval_on_selector("#calc-customers tr[data-detail-of='Peters Bakery']",
                                   "tr => Object.fromEntries([...tr.querySelectorAll('[data-col]')].map("
                                   "item => [item.dataset.col, item.querySelector('dd').dataset.value]))")
    for key in ("days_late", "recent_days_late", "earlier_days_late", "trend_days"):
        assert detail[key] == peters["behaviour"][key], key
    assert detail["provision_insured"] == peters["provision"]["insured"]
    assert detail["provision_uninsured"] == peters["provision"]["uninsured"]


def test_at_1280_px_no_column_hides_behind_a_scroll_and_the_report_is_as_wide_as_the_content(
        page: Any, site_url: str) -> None:
    page.set_viewport_size(WIDE)
    open_with_rates(page, site_url, "en")
    page.click("#calc-customers tbody tr .calc-detail-toggle")  # an open detail must not widen the table either
    layout = page.evaluate("""() => {
      const wrap = document.querySelector('#calc-customers').closest('.calc-table-wrap');
      const table = document.querySelector('#calc-customers');
      const content = document.querySelector('.md-content__inner').getBoundingClientRect().width;
      const cells = [...table.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect().right);
      return {scroll: wrap.scrollWidth, client: wrap.clientWidth, right: Math.max(...cells),
              wrapRight: wrap.getBoundingClientRect().right, content,
              widths: [...document.querySelectorAll('#calc .calc-result .calc-picture, #calc .calc-report')]
                .map((el) => el.getBoundingClientRect().width),
              toc: Boolean(document.querySelector('.md-sidebar--secondary')?.offsetWidth)};
    }""")
    assert layout["scroll"] <= layout["client"], layout
    assert layout["right"] <= layout["wrapRight"] + 0.5, layout
    assert not layout["toc"] and layout["content"] >= 900, layout
    assert all(width >= 0.95 * layout["content"] - 40 for width in layout["widths"]), layout


def test_at_390_px_every_picture_text_is_at_least_12_px(page: Any, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    open_with_rates(page, site_url, "fr")  # the longest words
    page.evaluate("() => document.querySelectorAll('#calc .calc-picture details').forEach((d) => { d.open = true; })")
    texts = page.evaluate(PICTURE_TEXTS)
    assert len(texts) > 40 and any(t["text"] == "Smit Construction" for t in texts)
    small = [t for t in texts if t["size"] < 12]
    assert small == [], small
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
