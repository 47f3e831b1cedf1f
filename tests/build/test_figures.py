"""The hand-typed figure scan: it catches rule figures in every notation and leaves harmless numbers alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators import examples, rules
from site_build import figures

WANTED = figures.figures(rules.RULES, rules.own_risk_pct(), examples.EXAMPLES, rules.LAST_CHECKED)


def found(text: str) -> list[str]:
    return [f.text for f in figures.scan_text(text, "docs/en/x.md", WANTED)]


@pytest.mark.parametrize("text", [
    "cover up to 15.000 per customer", "cover up to 15 000 per customer", "cover up to 15,000",
    "cover up to 15\u00a0000 €", "cover up to 15\u202f000 €", "€ 15.000,00", "€15,000.00", "15000", "15k",
    "at most 13.500", "13 500 €", "a turnover of 10 million", "10 miljoen", "dix millions", "10.000.000",
    "vijftienduizend euro", "fifteen thousand",
    "usually 90%", "usually 90 %", "usually 90\u202f%", "90 procent", "ninety per cent", "negentig procent",
    "quatre-vingt-dix pour cent", "nonante pour cent", "an own risk of 10%", "95% the same day",
    "below 500 euro", "below €500", "below € 500", "below 500 €", "EUR 500",
    "within 60 dagen", "a 60-day window", "60 jours", "sixty days", "two months", "twee maanden", "cinq mois",
    "5 months", "12 maanden", "douze mois",
    "NL, BE, DE, LU, FR, GB", "Nederland, België, Duitsland, Luxemburg, Frankrijk en het Verenigd Koninkrijk",
    "les Pays-Bas, la Belgique, l’Allemagne, le Luxembourg, la France et le Royaume-Uni",
    "checked on 4 December 2026", "vérifié le 4 décembre 2026", "2026-12-04",
    "{{ 15000 | money }}", "{{ '90' | pct }}",
    "a payout of €22,500", "the limit becomes € 14.000",
    # the legal figures of the guides
    "a term of 30 days", "45 jours fin de mois", "within two months of the BODACC", "drie maanden",
    "up to € 25.000 at the kantonrechter", "claims up to 5 000 €", "an indemnity of €40", "2 millions d'euros",
    "from 1 September 2026", "vanaf 1 januari 2026", "le 1er septembre 2027", "checked on 27 November 2026",
    # the second legal reading: limitation periods in years, insolvency and small-claims figures
    "time-barred after 5 years", "verjaart na vijf jaar", "se prescrit par deux ans", "10 years", "six mois",
])
def test_a_planted_figure_is_caught(text: str) -> None:
    assert found(text), text


@pytest.mark.parametrize("text", [
    "pay within 21 days", "in 2025", "VAT of 21%", "1,000 customers", "page 15", "500 customers",
    "90 customers", "17 days", "4 months", "version 9.8.1", "1500 euro", "100%", "half (50%)",
    "the Benelux: Belgium, the Netherlands and Luxembourg", "an invoice of 2,500 paid late",
    "{{ rules.coverage_pct.value | pct }} and {{ rules.mkbzeker_cover_cap.value | money }}",
    "{{ example('payout_limit_25000').payout | money }}", "[link](payout.md#90-percent)",
    "https://example.org/15000", "twelve customers", "zes klanten", "section 12", "B2B", "24/7",
    "12 months of turnover {# figure-ok: a year of turnover, not the look-back rule #}",
])
def test_a_harmless_number_is_left_alone(text: str) -> None:
    assert not found(text), text


def test_a_finding_names_the_file_line_and_what_to_write() -> None:
    (finding,) = figures.scan_text("# Title\n\nThe insurer pays 90%.\n", "docs/fr/payout.md", WANTED)
    message = str(finding)
    assert "docs/fr/payout.md:3" in message and "90%" in message
    assert "{{ rules.coverage_pct.value | pct }}" in message


def test_figures_follow_the_rules_table(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace
    from decimal import Decimal

    monkeypatch.setitem(rules.RULES, "coverage_pct", replace(rules.RULES["coverage_pct"], value=Decimal(80)))
    wanted = figures.figures(rules.RULES, rules.own_risk_pct(), {}, rules.LAST_CHECKED)
    assert figures.scan_text("usually 80%", "x.md", wanted)
    assert figures.scan_text("own risk 20%", "x.md", wanted)
    assert not figures.scan_text("usually 90%", "x.md", wanted)


def test_the_real_sources_have_no_hand_typed_figure() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    assert [str(f) for f in figures.scan(docs, WANTED)] == []


def test_figures_in_json_data_are_found_with_their_path() -> None:
    data = {"terms": [{"id": "own-risk", "fr": {"definition": "La part non couverte, souvent 10 %."}}]}
    (finding,) = figures.scan_data(data, "docs/data/glossary.json", WANTED)
    assert finding.path == "docs/data/glossary.json.terms[0].fr.definition"
    assert finding.text == "10 %" or finding.text == "10\u00a0%" or "10" in finding.text


def test_a_rule_with_an_unknown_unit_is_not_silently_skipped() -> None:
    from dataclasses import replace

    odd = {"x": replace(rules.RULES["coverage_pct"], unit="hours")}
    with pytest.raises(ValueError, match="unit 'hours'"):
        figures.figures(odd, rules.own_risk_pct(), {}, rules.LAST_CHECKED)


def test_a_legal_date_is_written_through_its_rule() -> None:
    (finding,) = figures.scan_text("E-invoices are due from 1 January 2026.\n", "docs/en/payment-terms.md", WANTED)
    assert "{{ rules.be_einvoicing_from.value | date }}" in str(finding)
    assert not found("E-invoices are due from {{ rules.be_einvoicing_from.value | date }}.")
