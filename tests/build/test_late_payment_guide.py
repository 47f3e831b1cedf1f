"""The late-payment guide shows the engine's rate tables: change a row, and the page changes with it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from calculators import late_payment_rates as lpr
from calculators import messages
from site_build.load import Sources, load
from site_build.render import context, environment, render_page
from site_build.settings import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGE = "late-payment-interest.md"


@pytest.fixture(scope="module")
def sources() -> Sources:
    return load(DOCS)


def page(sources: Sources, lang: str) -> str:
    return render_page(environment(DOCS, lang), context(sources, lang), f"{lang}/{PAGE}", DOCS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_table_row_and_its_end_are_on_the_page(sources: Sources, lang: str) -> None:
    text = page(sources, lang)
    for table in lpr.ALL_TABLES:
        assert messages.format_date(table.covered_until, lang) in text, table.key
        for row in table.rows:
            if row.rate_pct is not None:
                assert messages.format_pct(row.rate_pct, lang) in text, (table.key, row)


def test_a_new_row_in_the_engine_reaches_the_page(sources: Sources, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "99.99%" not in page(sources, "en")
    table = lpr.TABLES[("NL", "business")]
    extra = lpr.RateRow(date(2026, 7, 1), Decimal("99.99"), "test row", True)
    monkeypatch.setitem(lpr.TABLES, ("NL", "business"), replace(table, rows=(*table.rows, extra)))
    monkeypatch.setattr(lpr, "ALL_TABLES", tuple(lpr.TABLES.values()))
    assert "99.99%" in page(sources, "en")


def test_the_three_languages_have_the_same_sections(sources: Sources) -> None:
    counts = {lang: len(re.findall(r"^## ", page(sources, lang), re.MULTILINE)) for lang in LANGUAGES}
    assert len(set(counts.values())) == 1, counts
