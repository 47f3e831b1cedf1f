"""The section-parity check: a page has as many ## and ### headings in every language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from site_build.errors import BuildError
from site_build.headings import heading_counts, heading_mismatches
from site_build.settings import Paths

ROOT = Path(__file__).resolve().parents[2]


def test_sections_and_subsections_are_counted_apart() -> None:
    text = "# Title\n\n## One\n\n### One a\n\n## Two {: #two }\n\n#### Deeper is not counted\n"
    assert heading_counts(text) == {2: 2, 3: 1}


def test_headings_inside_fenced_code_are_not_sections() -> None:
    text = "## Real\n\n```text\n## not a heading\n~~~\n### still code\n```\n\n~~~\n## also code\n~~~\n"
    assert heading_counts(text) == {2: 1, 3: 0}


def test_a_hash_without_a_title_or_a_tag_is_not_a_heading() -> None:
    assert heading_counts("##\n#hashtag\n  ## indented code? no: a heading needs column 0\n") == {2: 0, 3: 0}


def write(docs: Path, lang: str, page: str, text: str) -> None:
    (docs / lang).mkdir(parents=True, exist_ok=True)
    (docs / lang / page).write_text(text, encoding="utf-8")


def test_a_page_with_a_missing_section_is_named_with_its_counts(tmp_path: Path) -> None:
    write(tmp_path, "en", "cost.md", "# C\n## A\n## B\n### B1\n")
    write(tmp_path, "nl", "cost.md", "# K\n## A\n### B1\n")
    write(tmp_path, "fr", "cost.md", "# C\n## A\n## B\n### B1\n")
    pages = {lang: ("cost.md",) for lang in ("en", "nl", "fr")}
    assert heading_mismatches(tmp_path, pages) == ["cost.md: en ## 2, ### 1; nl ## 1, ### 1; fr ## 2, ### 1"]


def test_pages_with_the_same_counts_pass_whatever_the_titles(tmp_path: Path) -> None:
    for lang, title in (("en", "Costs"), ("nl", "Kosten"), ("fr", "Coûts")):
        write(tmp_path, lang, "cost.md", f"# {title}\n## {title} 1\n### {title} 1a\n## {title} 2\n")
    assert heading_mismatches(tmp_path, {lang: ("cost.md",) for lang in ("en", "nl", "fr")}) == []


def test_the_real_guides_have_the_same_sections_in_every_language() -> None:
    docs = ROOT / "docs"
    langs = ("en", "nl", "fr")
    pages = {lang: tuple(sorted(p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")))
             for lang in langs}
    assert heading_mismatches(docs, pages) == []


def test_the_build_fails_on_drifted_sections(fixture_docs: Path, fixture_paths: Callable[[Path], Paths],
                                             pipeline: ModuleType) -> None:
    page = fixture_docs / "fr" / "payout.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Une section de plus\n", encoding="utf-8")
    with pytest.raises(BuildError) as error:
        pipeline.build(fixture_paths(fixture_docs))
    assert "drifted apart" in str(error.value)
    assert "payout.md: en ## 1, ### 0; nl ## 1, ### 0; fr ## 2, ### 0" in str(error.value)
