"""The guides cite well: external links are well-formed, and a paragraph naming an article of law has a footnote."""

from __future__ import annotations

from pathlib import Path

import pytest

import build as pipeline
from site_build.citations import bad_url, citation_problems, link_problems, names_an_article, unsourced_claims

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


@pytest.mark.parametrize("url", [
    "https://www.legifrance.gouv.fr/",
    "https://wetten.overheid.nl/BWBR0005289/",
    "https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:HR:2016:2704",
    "https://en.wikipedia.org/wiki/Retention_of_title_(law)",
])
def test_a_well_formed_source_link_passes(url: str) -> None:
    assert bad_url(url) is None


@pytest.mark.parametrize(("url", "reason"), [
    ("https://www.legifrance .gouv.fr/", "space"),
    ("htps://www.legifrance.gouv.fr/", "http"),
    ("https://localhost/page", "host"),
    ("https://wetten.overheid.nl/BWBR0005289/.", "punctuation"),
    ("https://example.org/a_(b", "brackets"),
    ("https://exa_mple.org/", "host name"),
])
def test_a_broken_source_link_is_named_with_its_reason(url: str, reason: str) -> None:
    assert reason in (bad_url(url) or "")


def test_link_problems_name_the_line_and_skip_links_inside_the_site() -> None:
    text = "Intro.\n\nSee [the page](non-payment.md#limitation) and [law](https://wetten.overheid.nl/x y).\n"
    problems = link_problems(text, "docs/en/x.md")
    assert [(p.line, "contains a space" in p.what) for p in problems] == [(3, True)]


@pytest.mark.parametrize("text", [
    "Costs are owed after the letter (art. 6:96 lid 6 BW).",
    "La demande est adressée à l'administrateur (article R624-13 du Code de commerce).",
    "De curator licht de schuldeisers in (artikel 109 Faillissementswet).",
    "The caps are in art. XIX.4 of the Code of Economic Law.",
])
def test_a_reference_to_an_article_of_law_is_recognised(text: str) -> None:
    assert names_an_article(text)


@pytest.mark.parametrize("text", [
    "Source article 003 gives the example.",
    "Bronartikel 004 noemt het product.",
    "Read the articles on this site first.",
])
def test_a_seed_article_or_plain_prose_is_not_a_legal_reference(text: str) -> None:
    assert not names_an_article(text)


def test_a_legal_claim_without_a_footnote_is_reported_with_its_line() -> None:
    text = ("# Page\n\n## Rules\n\nIntro without law.\n\nThe term is set by law (art. 3:307 BW).\n"
            "It goes on a second line.\n\n- a list item citing art. 2244 old Civil Code\n")
    problems = unsourced_claims(text, "docs/en/page.md")
    assert [p.line for p in problems] == [7, 10]
    assert "docs/en/page.md:7: names an article of law without a footnote" in str(problems[0])


def test_a_footnoted_claim_a_table_and_the_sources_section_pass() -> None:
    text = ("## Rules\n\nThe term is set by law (art. 3:307 BW).[^limitation]\n\n"
            "| | NL |\n|---|---|\n| rate | art. 6:119a BW |\n\n"
            "## Sources\n\n- Burgerlijk Wetboek art. 6:43 and 6:44.\n\n"
            "[^limitation]: Burgerlijk Wetboek, art. 3:307.\n    A second line of the note, art. 3:319.\n")
    assert unsourced_claims(text, "docs/en/page.md") == []


def test_the_guides_as_written_cite_well() -> None:
    assert citation_problems(DOCS, exempt=pipeline.CITATION_CHECK_LATER) == []


def test_an_exempt_page_still_has_its_links_checked(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "deadlines.md").write_text(
        "A claim (art. 3:307 BW) and a [bad link](https://nohost/).\n", encoding="utf-8")
    problems = citation_problems(tmp_path, ("en",), exempt=("deadlines.md",))
    assert len(problems) == 1 and "no valid host name" in problems[0]
    assert len(citation_problems(tmp_path, ("en",))) == 2


def test_the_calculator_pages_are_not_guides(tmp_path: Path) -> None:
    (tmp_path / "en" / "calculators").mkdir(parents=True)
    (tmp_path / "en" / "calculators" / "late-payment.md").write_text("Art. 6:96 BW applies.\n", encoding="utf-8")
    assert citation_problems(tmp_path, ("en",)) == []
