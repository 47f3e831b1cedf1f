"""The build refuses sources it cannot publish: a missing translation, a hand-typed figure, a template error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import build
from site_build.errors import BuildError
from site_build.settings import Paths


def test_a_missing_translation_fails_the_build_with_a_clear_message(
        fixture_docs: Path, fixture_paths: Callable[[Path], Paths]) -> None:
    (fixture_docs / "nl" / "payout.md").unlink()
    with pytest.raises(BuildError) as error:
        build.build(fixture_paths(fixture_docs))
    message = str(error.value)
    assert "translation is missing" in message
    assert "payout.md: missing in nl (present in en, fr)" in message


def test_a_page_in_one_language_only_is_a_missing_translation(
        fixture_docs: Path, fixture_paths: Callable[[Path], Paths]) -> None:
    (fixture_docs / "fr" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"extra\.md: missing in en, nl \(present in fr\)"):
        build.build(fixture_paths(fixture_docs))


def test_a_planted_figure_fails_the_build(fixture_docs: Path, fixture_paths: Callable[[Path], Paths]) -> None:
    page = fixture_docs / "fr" / "payout.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nL’assureur paie 90 % au plus tard après cinq mois.\n",
                    encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build.build(fixture_paths(fixture_docs))
    message = str(error.value)
    assert "typed by hand" in message
    assert "docs/fr/payout.md:11: '90 %'" in message
    assert "{{ rules.coverage_pct.value | pct }}" in message
    assert "'cinq mois'" in message and "{{ rules.payout_months.value }}" in message


def test_an_undefined_name_fails_with_file_and_line(
        fixture_docs: Path, fixture_paths: Callable[[Path], Paths]) -> None:
    page = fixture_docs / "en" / "payout.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ rules.coverage_percent.value | pct }}\n",
                    encoding="utf-8")
    with pytest.raises(BuildError, match=r"docs/en/payout\.md:11: UndefinedError"):
        build.build(fixture_paths(fixture_docs))


def test_an_unknown_example_fails_with_its_name(fixture_docs: Path, fixture_paths: Callable[[Path], Paths]) -> None:
    page = fixture_docs / "nl" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ example("no_such_example").payout | money }}\n',
                    encoding="utf-8")
    with pytest.raises(BuildError, match=r"docs/nl/index\.md:\d+: .*no_such_example"):
        build.build(fixture_paths(fixture_docs))


def test_a_jinja_comment_typo_is_explained(fixture_docs: Path, fixture_paths: Callable[[Path], Paths]) -> None:
    page = fixture_docs / "en" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Heading {#anchor}\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"docs/en/index\.md:\d+: template syntax error"):
        build.build(fixture_paths(fixture_docs))
