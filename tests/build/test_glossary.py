"""The glossary: its data (docs/data/glossary.json) and the three pages that render it.

The glossary is data shared by three languages, so it must be complete in each,
unambiguous within each, and free of hand-typed rule figures: a percentage or a
deadline typed into a definition would silently drift from calculators/rules.py.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import pytest
from markupsafe import escape

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LANGS = ("en", "nl", "fr")
TITLES = {"en": "# Glossary", "nl": "# Woordenlijst", "fr": "# Glossaire"}
KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# A standalone number, thousands separators included ("15000", "15.000", "15,000", "15 000"); the
# lookarounds keep the digit of "B2B" out.
NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")

# A rule figure spelled out with its unit ("two months", "negentig procent", "soixante jours").
SPELLED_FIGURE = re.compile(
    r"\b(?:two|five|ten|twelve|sixty|ninety|ninety-five)\s+(?:months?|days?|per\s?cent|percent)\b"
    r"|\b(?:twee|vijf|tien|twaalf|zestig|negentig|vijfennegentig)\s+(?:maanden|maand|dagen|procent)\b"
    r"|\b(?:deux|cinq|dix|douze|soixante|quatre-vingt-dix|quatre-vingt-quinze)\s+(?:mois|jours|pour\s?cent)\b",
    re.IGNORECASE,
)

# Markdown links: [text](target).
LINK = re.compile(r"\[[^\]]+\]\(([^)\s]+)\)")


def load_terms() -> list[dict[str, Any]]:
    data = json.loads((DOCS / "data" / "glossary.json").read_text(encoding="utf-8"))
    return data["terms"]


TERMS = load_terms()


def texts(field: str) -> list[tuple[str, str, str]]:
    """(term id, language, text) for every term and language, for ``field`` "term" or "definition"."""
    return [(t["id"], lang, t[lang][field]) for t in TERMS for lang in LANGS]


def from_project(module: str) -> Any:
    """A module of the project (calculators, site_build), importable without installing the project."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module(module)


def rule_figures() -> dict[str, str]:
    """Digits of every numeric rule value (and of the own-risk share derived from them) -> rule key."""
    rules = from_project("calculators.rules")
    values: dict[str, Any] = {key: rule.value for key, rule in rules.RULES.items()}
    values["own_risk_pct (derived)"] = rules.own_risk_pct()
    figures = {}
    for key, value in values.items():
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            figures[digits(Decimal(value))] = key
    return figures


def digits(number: Decimal) -> str:
    """The digits a reader would see: 15000 -> "15000", 90.0 -> "90", 2.5 -> "25"."""
    text = format(number.normalize(), "f")
    return text.replace(".", "").lstrip("0") or "0"


def number_digits(match: str) -> str:
    return re.sub(r"\D", "", match).lstrip("0") or "0"


def sort_key(text: str) -> str:
    """Alphabetical order as a dictionary has it: accents, case, apostrophes and hyphens ignored."""
    plain = unicodedata.normalize("NFKD", text.casefold()).replace("œ", "oe").replace("æ", "ae")
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain.replace("'", "").replace("’", "").replace("-", " ")


def render(lang: str) -> str:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    source = (DOCS / lang / "glossary.md").read_text(encoding="utf-8")
    return env.from_string(source).render(lang=lang, glossary=TERMS)


def test_glossary_has_at_least_thirty_terms() -> None:
    assert len(TERMS) >= 30


def test_every_term_has_a_term_and_a_definition_in_every_language() -> None:
    for t in TERMS:
        assert set(t) == {"id", *LANGS}, t.get("id")
        for lang in LANGS:
            assert set(t[lang]) == {"term", "definition"}, (t["id"], lang)
            for field in ("term", "definition"):
                value = t[lang][field]
                assert isinstance(value, str) and value.strip() == value and value, (t["id"], lang, field)


def test_ids_are_unique_and_kebab_case() -> None:
    ids = [t["id"] for t in TERMS]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for term_id in ids:
        assert KEBAB.fullmatch(term_id), term_id


def test_no_definition_or_term_contains_a_rule_figure() -> None:
    figures = rule_figures()
    assert figures, "calculators.rules.RULES has no numeric rule"
    found = [
        (term_id, lang, match, figures[number_digits(match)])
        for field in ("term", "definition")
        for term_id, lang, text in texts(field)
        for match in NUMBER.findall(text)
        if number_digits(match) in figures
    ]
    assert not found, f"rule figures typed by hand (describe them, link to the guide): {found}"


def test_no_definition_spells_out_a_rule_figure() -> None:
    found = [(term_id, lang, m.group(0)) for term_id, lang, text in texts("definition")
             for m in SPELLED_FIGURE.finditer(text)]
    assert not found, found


def test_the_build_figure_scan_finds_nothing_in_the_glossary() -> None:
    # The build scans docs/<lang>/*.md for hand-typed figures; the glossary's texts reach the pages through
    # a variable, so they get the same scan here (amounts, percentages, day and month counts, country lists).
    from_project("calculators")
    scan = pytest.importorskip("site_build.figures")
    rules = from_project("calculators.rules")
    examples = from_project("calculators.examples").EXAMPLES
    wanted = scan.figures(rules.RULES, rules.own_risk_pct(), examples, rules.LAST_CHECKED)
    for lang in LANGS:
        text = "\n".join(f"{t[lang]['term']}: {t[lang]['definition']}" for t in TERMS)
        findings = scan.scan_text(text, f"docs/data/glossary.json ({lang}, line = term number)", wanted)
        assert not findings, "\n".join(map(str, findings))


def test_the_figure_check_sees_figures_in_every_notation() -> None:
    figures = rule_figures()
    for text in ("usually 90%", "€ 15.000", "15 000 €", "€15,000", "after 60 days", "13\u00a0500 €"):
        assert any(number_digits(m) in figures for m in NUMBER.findall(text)), text
    assert not NUMBER.findall("a B2B sale")


def test_no_two_terms_share_the_same_text_in_one_language() -> None:
    for lang in LANGS:
        seen: dict[str, str] = {}
        for t in TERMS:
            text = " ".join(t[lang]["term"].casefold().split())
            assert text not in seen, f"{lang}: {t['id']} and {seen[text]} are both '{t[lang]['term']}'"
            seen[text] = t["id"]


def test_links_in_definitions_point_to_pages_of_the_contract_or_to_terms() -> None:
    contract = (DOCS / "README.md").read_text(encoding="utf-8")
    pages = set(re.findall(r"[\w-]+\.md", contract)) - {"README.md"}
    ids = {t["id"] for t in TERMS}
    for term_id, lang, text in texts("definition"):
        for target in LINK.findall(text):
            path, _, anchor = target.partition("#")
            assert "://" not in target and not target.startswith("/"), (term_id, lang, target)
            if path:
                assert path.endswith(".md") and Path(path).name in pages, (term_id, lang, target)
            if path in ("", "glossary.md") and anchor:
                assert anchor in ids, (term_id, lang, target)


@pytest.mark.parametrize("lang", LANGS)
def test_page_renders_every_term_once_under_its_id(lang: str) -> None:
    page = render(lang)
    assert page.startswith(TITLES[lang] + "\n")
    for t in TERMS:
        assert page.count(f'id="{t["id"]}"') == 1, t["id"]
        assert t[lang]["definition"] in page, t["id"]
        for other in LANGS:
            if other != lang:
                assert f'lang="{other}">{escape(t[other]["term"])}<' in page, (t["id"], other)


@pytest.mark.parametrize("lang", LANGS)
def test_page_lists_terms_in_alphabetical_order_of_its_language(lang: str) -> None:
    page = render(lang)
    order = re.findall(r'<h3 id="([a-z0-9-]+)">', page)
    by_id = {t["id"]: t for t in TERMS}
    assert sorted(order) == sorted(by_id)
    headings = [by_id[term_id][lang]["term"] for term_id in order]
    assert headings == sorted(headings, key=sort_key)


@pytest.mark.parametrize("lang", LANGS)
def test_page_source_has_no_accidental_jinja_comment(lang: str) -> None:
    # "{" directly followed by "#" opens a jinja comment and silently swallows the page up to "#}".
    assert "{#" not in (DOCS / lang / "glossary.md").read_text(encoding="utf-8")
