"""Small screens: a 390 px wide phone. No page scrolls sideways (every page is checked in test_accessibility.py,
before any result; here every calculator again with its result on screen), and a calculator's table stays
readable: it scrolls in its own box (``.calc-table-wrap``, the class every calculator table sits in) with its
first column kept in view."""

from __future__ import annotations

from typing import Any

from calc_support import open_calculator
from conftest import SITE

PHONE = {"width": 390, "height": 844}
PAGE_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def calculator_paths() -> list[str]:
    """Every English calculator page found in site/ (pages added later are checked without a change here)."""
    return sorted(p.parent.relative_to(SITE).as_posix() + "/" for p in (SITE / "calculators").glob("*/index.html"))


def test_every_calculator_with_its_result_fits_a_phone_and_wraps_its_tables(page: Any, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    paths = calculator_paths()
    assert "calculators/self-assessment-limit/" in paths and len(paths) >= 4
    for path in paths:
        open_calculator(page, site_url + path)
        assert page.evaluate(PAGE_OVERFLOW) <= 0, f"{path} scrolls sideways at {PHONE['width']} px"
        loose = page.evaluate("""() => [...document.querySelectorAll('#calc table')]
          .filter((t) => !t.closest('.calc-table-wrap')).map((t) => t.className || t.caption?.textContent || '?')""")
        assert loose == [], f"{path}: tables outside .calc-table-wrap: {loose}"


def test_the_experiences_table_scrolls_in_its_box_with_the_row_number_in_view(page: Any, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    open_calculator(page, f"{site_url}nl/calculators/self-assessment-limit/")
    assert page.evaluate(PAGE_OVERFLOW) <= 0
    state = page.evaluate("""() => {
      const wrap = document.querySelector('#calc .calc-table-wrap');
      const number = wrap.querySelector('tbody tr th');
      number.scrollIntoView({block: 'center'});  // on screen, for elementFromPoint
      const before = wrap.getBoundingClientRect();
      wrap.scrollLeft = wrap.scrollWidth;
      const cell = number.getBoundingClientRect();
      const hit = document.elementFromPoint(cell.left + cell.width / 2, cell.top + cell.height / 2);
      const input = wrap.querySelector('tbody input');
      return {overflows: wrap.scrollWidth > wrap.clientWidth, scrolled: wrap.scrollLeft,
              wrapLeft: before.left, wrapRight: before.right, numberLeft: cell.left, numberRight: cell.right,
              numberOnTop: number.contains(hit), inputWidth: input.getBoundingClientRect().width,
              fontPx: parseFloat(getComputedStyle(input).fontSize), viewport: document.documentElement.clientWidth};
    }""")
    assert state["wrapRight"] <= state["viewport"] + 0.5, state  # the box itself fits the screen
    assert state["overflows"] and state["scrolled"] > 0, state  # the table is wider and scrolls inside it
    assert abs(state["numberLeft"] - state["wrapLeft"]) <= 1, state  # scrolled to the end, the row number stays
    assert state["numberOnTop"], state  # ... and is not covered by the cells scrolling under it
    assert state["inputWidth"] >= 48 and state["fontPx"] >= 12, state  # cells stay big enough to read and type
