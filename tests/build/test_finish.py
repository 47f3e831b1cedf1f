"""The finish step's own writings: one strings table per language for the calculator pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from site_build.finish import write_strings_per_language


def test_each_language_gets_its_table_with_english_where_a_key_is_missing(tmp_path: Path) -> None:
    folder = tmp_path / "assets" / "calc"
    folder.mkdir(parents=True)
    (folder / "strings.json").write_text(json.dumps({
        "en": {"a": "Amount", "b": "Both"}, "nl": {"a": "Bedrag"}, "fr": {"a": "Montant", "b": "Les deux"}}))
    written = write_strings_per_language(tmp_path, ("en", "nl", "fr"))
    assert [p.name for p in written] == ["strings.en.json", "strings.nl.json", "strings.fr.json"]
    assert json.loads((folder / "strings.nl.json").read_text()) == {"nl": {"a": "Bedrag", "b": "Both"}}
    assert json.loads((folder / "strings.fr.json").read_text()) == {"fr": {"a": "Montant", "b": "Les deux"}}
    assert json.loads((folder / "strings.en.json").read_text()) == {"en": {"a": "Amount", "b": "Both"}}


def test_the_built_site_serves_a_table_per_language_a_third_of_the_whole(real_site: Any) -> None:
    folder = real_site.site / "assets" / "calc"
    whole = json.loads((folder / "strings.json").read_text(encoding="utf-8"))
    for lang, table in whole.items():
        path = folder / f"strings.{lang}.json"
        own = json.loads(path.read_text(encoding="utf-8"))
        assert list(own) == [lang] and own[lang].keys() == whole["en"].keys() | table.keys()
        assert path.stat().st_size < (folder / "strings.json").stat().st_size / 2


def test_a_site_without_calculators_gets_no_strings_files(tmp_path: Path) -> None:
    assert write_strings_per_language(tmp_path, ("en", "nl")) == []
    assert not (tmp_path / "assets").exists()
