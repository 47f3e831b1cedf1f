"""Every figure in the guides comes from the rules: change a rule, and the rendered text changes with it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from calculators import rules
from site_build import formatting
from site_build.load import load
from site_build.render import render
from site_build.settings import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
PERCENT = {"en": "{}%", "nl": "{}%", "fr": "{}\u202f%"}


def rendered(docs: Path, out: Path) -> dict[str, str]:
    render(load(docs), out)
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}


def coverage(monkeypatch: pytest.MonkeyPatch, pct: int) -> None:
    monkeypatch.setitem(rules.RULES, "coverage_pct", replace(rules.RULES["coverage_pct"], value=Decimal(pct)))


def test_fixture_figures_follow_the_rules(fixture_docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = rendered(fixture_docs, tmp_path / "a")
    coverage(monkeypatch, 80)
    after = rendered(fixture_docs, tmp_path / "b")
    assert "The insurer pays 90%; own risk 10%." in before["en/payout.md"]
    assert "The insurer pays 80%; own risk 20%." in after["en/payout.md"]
    assert "On a limit of €25,000: €22,500." in before["en/payout.md"]
    assert "On a limit of €25,000: €20,000." in after["en/payout.md"]
    assert "25\u202f000\u00a0€ : " not in after["fr/payout.md"]
    assert "20\u202f000\u00a0€" in after["fr/payout.md"]
    assert "€\u00a022.500" in before["nl/payout.md"] and "€\u00a020.000" in after["nl/payout.md"]


def test_real_guides_take_coverage_and_own_risk_from_the_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = ROOT / "docs"
    before = rendered(docs, tmp_path / "a")
    coverage(monkeypatch, 80)
    after = rendered(docs, tmp_path / "b")
    changed = [page for page in before if before[page] != after[page]]
    assert changed, "no page quotes the coverage percentage"
    for lang in LANGUAGES:
        old, new = PERCENT[lang].format(90), PERCENT[lang].format(80)
        quoting = [p for p in before if p.startswith(f"{lang}/") and old in before[p]]
        assert quoting, f"no {lang} page quotes {old}"
        for page in quoting:
            assert old not in after[page], f"{page} still says {old} after the rule changed: typed by hand?"
            assert new in after[page], page


def test_every_page_is_rendered_in_every_language(fixture_docs: Path, tmp_path: Path) -> None:
    pages = rendered(fixture_docs, tmp_path / "out")
    for lang in LANGUAGES:
        assert {p.split("/", 1)[1] for p in pages if p.startswith(f"{lang}/")} == {
            "index.md", "payout.md", "calculators/index.md", "glossary.md"}


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("money", "15000", ("€15,000", "€\u00a015.000", "15\u202f000\u00a0€")),
    ("money", Decimal("14000.50"), ("€14,000.50", "€\u00a014.000,50", "14\u202f000,50\u00a0€")),
    ("money_cents", "14000", ("€14,000.00", "€\u00a014.000,00", "14\u202f000,00\u00a0€")),
    ("pct", Decimal("90"), ("90%", "90%", "90\u202f%")),
    ("number", 10000000, ("10,000,000", "10.000.000", "10\u202f000\u202f000")),
    ("date", "2026-11-22", ("22 November 2026", "22 november 2026", "22 novembre 2026")),
    ("countries", ("NL", "BE"), ("the Netherlands and Belgium", "Nederland en België", "les Pays-Bas et la Belgique")),
])
def test_filters_write_figures_the_way_each_language_does(name: str, value: object, expected: tuple[str, ...]) -> None:
    for lang, text in zip(LANGUAGES, expected, strict=True):
        assert formatting.FILTERS[name](value, lang) == text


def test_filters_refuse_floats() -> None:
    with pytest.raises(TypeError):
        formatting.money(0.1, "en")
