"""The build refuses sources it cannot publish: a missing translation, a hand-typed figure, a template error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from site_build.errors import BuildError
from site_build.settings import Paths


@pytest.fixture
def build_fixture(fixture_docs: Path, fixture_paths: Callable[[Path], Paths],
                  pipeline: ModuleType) -> Callable[[], object]:
    return lambda: pipeline.build(fixture_paths(fixture_docs))


def append(page: Path, text: str) -> int:
    """Add ``text`` (starting with a blank line) to ``page``; the line number of its first line of text."""
    before = page.read_text(encoding="utf-8")
    page.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 2


def test_the_fixture_builds_with_shared_assets_in_one_place(
        fixture_docs: Path, fixture_paths: Callable[[Path], Paths], build_fixture: Callable[[], object]) -> None:
    build_fixture()
    site = fixture_paths(fixture_docs).site
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("chart.svg")) == ["assets/site/chart.svg"]
    assert '<img alt="chart" src="../../assets/site/chart.svg"' in (site / "nl/payout/index.html").read_text()


def test_a_missing_translation_fails_the_build_with_a_clear_message(
        fixture_docs: Path, build_fixture: Callable[[], object]) -> None:
    (fixture_docs / "nl" / "payout.md").unlink()
    with pytest.raises(BuildError) as error:
        build_fixture()
    message = str(error.value)
    assert "translation is missing" in message
    assert "payout.md: missing in nl (present in en, fr)" in message


def test_a_page_in_one_language_only_is_a_missing_translation(
        fixture_docs: Path, build_fixture: Callable[[], object]) -> None:
    (fixture_docs / "fr" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"extra\.md: missing in en, nl \(present in fr\)"):
        build_fixture()


def test_a_planted_figure_fails_the_build(fixture_docs: Path, build_fixture: Callable[[], object]) -> None:
    line = append(fixture_docs / "fr" / "payout.md", "\nL’assureur paie 90 % au plus tard après cinq mois.\n")
    with pytest.raises(BuildError) as error:
        build_fixture()
    message = str(error.value)
    assert "typed by hand" in message
    assert f"docs/fr/payout.md:{line}: '90 %'" in message
    assert "{{ rules.coverage_pct.value | pct }}" in message
    assert "'cinq mois'" in message and "{{ rules.payout_months.value }}" in message


def test_a_planted_figure_in_the_glossary_data_fails_the_build(
        fixture_docs: Path, build_fixture: Callable[[], object]) -> None:
    (fixture_docs / "data").mkdir()
    (fixture_docs / "data" / "glossary.json").write_text(
        '{"terms": [{"id": "own-risk", "nl": {"definition": "Het deel dat u zelf draagt, meestal 10%."}}]}',
        encoding="utf-8")
    with pytest.raises(BuildError, match=r"glossary\.json\.terms\[0\]\.nl\.definition:1: '10%'"):
        build_fixture()


def test_an_undefined_name_fails_with_file_and_line(fixture_docs: Path, build_fixture: Callable[[], object]) -> None:
    line = append(fixture_docs / "en" / "payout.md", "\n{{ rules.coverage_percent.value | pct }}\n")
    with pytest.raises(BuildError, match=rf"docs/en/payout\.md:{line}: UndefinedError"):
        build_fixture()


def test_an_unknown_example_fails_with_its_name(fixture_docs: Path, build_fixture: Callable[[], object]) -> None:
    append(fixture_docs / "nl" / "index.md", '\n{{ example("no_such_example").payout | money }}\n')
    with pytest.raises(BuildError, match=r"docs/nl/index\.md:\d+: .*no_such_example"):
        build_fixture()


def test_a_jinja_comment_typo_is_explained(fixture_docs: Path, build_fixture: Callable[[], object]) -> None:
    for lang in ("en", "nl", "fr"):  # in every language, so the section-parity check lets it through
        append(fixture_docs / lang / "index.md", "\n## Heading {#anchor}\n")
    with pytest.raises(BuildError, match=r"docs/en/index\.md:\d+: template syntax error"):
        build_fixture()


def test_a_broken_link_fails_the_build(fixture_docs: Path, build_fixture: Callable[[], object]) -> None:
    append(fixture_docs / "nl" / "glossary.md", "\n[weg](cost.md)\n")
    with pytest.raises(BuildError, match=r"cost\.md"):
        build_fixture()
