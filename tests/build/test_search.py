"""Search: one index per language, French elisions split, accents optional."""

from __future__ import annotations

import re

from site_build import search

SEPARATOR = r"""[\s\-,:;!?=\[\]()"“”«»'’/]+|\.(?!\d)|&[lg]t;|&amp;"""


def test_apostrophes_split_french_elisions() -> None:
    words = [w for w in re.split(SEPARATOR, "L’assureur d'assurance-crédit paie 15.000.") if w]
    assert words == ["L", "assureur", "d", "assurance", "crédit", "paie", "15.000"]


def test_the_mkdocs_separator_is_the_tested_one() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.strip().startswith("separator:"))
    assert line.split(":", 1)[1].strip()[1:-1].replace("''", "'") == SEPARATOR


def test_fold_removes_accents_only() -> None:
    assert search.fold("assurance-crédit, échéance, België, Œuvre") == "assurance-credit, echeance, Belgie, Œuvre"


def test_folded_field_holds_the_accented_words_without_accents() -> None:
    entry = {"title": "L’assurance-crédit", "text": "<p>Une créance et un crédit, encore un crédit.</p>"}
    assert search.folded_words(entry, SEPARATOR) == "credit creance"


def test_split_index_gives_each_language_its_pages_and_stemmer() -> None:
    index = {
        "config": {"lang": ["en", "nl", "fr"], "separator": SEPARATOR, "pipeline": ["stopWordFilter"],
                   "fields": {"title": {"boost": 1000}, "text": {"boost": 1}}},
        "docs": [
            {"location": "", "title": "Home", "text": "credit"},
            {"location": "payout/#x", "title": "Payout", "text": "x"},
            {"location": "nl/", "title": "Start", "text": "België"},
            {"location": "fr/payout/", "title": "Indemnité", "text": "crédit"},
        ],
    }
    parts = search.split_index(index, ("en", "nl", "fr"), "en")
    assert [d["location"] for d in parts["en"]["docs"]] == ["", "payout/#x"]
    assert [d["location"] for d in parts["nl"]["docs"]] == [""]
    assert [d["location"] for d in parts["fr"]["docs"]] == ["payout/"]
    assert parts["fr"]["config"]["lang"] == ["fr"]
    assert parts["fr"]["docs"][0]["folded"] == "Indemnite credit"
    assert parts["nl"]["docs"][0]["folded"] == "Belgie"
    assert "folded" in parts["en"]["config"]["fields"]
