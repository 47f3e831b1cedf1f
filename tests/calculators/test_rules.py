"""The rules table: every figure the articles give, once, with its source."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from calculators import rules

PACKAGE = Path(rules.__file__).parent

#: The figures of the design table (shared/DESIGN.md), as the articles state them.
EXPECTED = {
    "coverage_pct": Decimal("90"),
    "intervention_threshold": Decimal("500"),
    "handling_months": 2,
    "payout_months": 5,
    "mkbzeker_cover_cap": Decimal("15000"),
    "mkbzeker_max_payout": Decimal("13500"),
    "self_assessment_max_days_late": 60,
    "self_assessment_lookback_months": 12,
    "credit_report_max_age_months": 12,
    "mkbzeker_max_turnover": Decimal("10000000"),
    "mkbzeker_countries": ("NL", "BE", "DE", "LU", "FR", "GB"),
    "same_day_decision_pct": Decimal("95"),
    # one insurer's rule of thumb for the premium, as a share of the insured turnover (Atradius blog)
    "premium_rate_typical_low_pct": Decimal("0.1"),
    "premium_rate_typical_high_pct": Decimal("0.5"),
    # late payment: the statutes' fixed figures
    "late_compensation_eur": Decimal("40"),
    "wik_minimum": Decimal("40"),
    "wik_maximum": Decimal("6775"),
    "nl_consumer_letter_days": 14,
    "be_consumer_grace_days": 14,
    "be_notice_post_working_days": 3,  # art. XIX.2 CEL: the third working day after a paper reminder
    "concentration_pct": Decimal("20"),  # the portal's own warning level (source 001 warns, gives no figure)
    # collections: the policy deadlines insurers state in their own pages
    "atradius_stop_deliveries_months": 2,
    "atradius_hand_over_days_after_stop": 30,
    "coface_easyliner_notify_days": 30,
}

#: The legal figures the guides quote (the block "legal figures for the guides"), as the articles of law state them.
EXPECTED_LEGAL = {
    "legal_figures_checked": date(2026, 11, 27),
    "default_payment_term_days": 30,
    "nl_payment_term_max_days": 60,
    "nl_large_buyer_sme_term_days": 30,
    "be_payment_term_max_days": 60,
    "fr_payment_term_max_days": 60,
    "fr_payment_term_eom_days": 45,
    "fr_payment_term_fine_max": Decimal("2000000"),
    "fr_claim_filing_months": 2,
    "fr_claim_filing_abroad_extra_months": 2,
    "fr_retention_claim_months": 3,
    "fr_injonction_service_months": 6,
    "fr_opposition_months": 1,
    "nl_vat_relief_months": 12,
    "nl_subdistrict_court_limit": Decimal("25000"),
    "be_justice_of_peace_limit": Decimal("5000"),
    "fr_small_claims_limit": Decimal("5000"),
    "eu_small_claims_limit": Decimal("5000"),
    "be_einvoicing_from": date(2026, 1, 1),
    "fr_einvoicing_reception_from": date(2026, 9, 1),
    "fr_einvoicing_sme_issue_from": date(2027, 9, 1),
}


#: The second legal reading's figures (block "guides, second legal reading"), as the articles of law state them.
EXPECTED_SECOND_READING = {
    "second_reading_checked": date(2026, 12, 4),
    "nl_claim_before_meeting_days": 14,
    "fr_retention_reply_months": 1,
    "fr_retention_court_months": 1,
    "fr_late_claim_relief_months": 6,
    "fr_amicable_attempt_ceiling": Decimal("5000"),
    "nl_limitation_years": 5,
    "nl_consumer_sale_limitation_years": 2,
    "be_limitation_years": 10,
    "be_trader_consumer_limitation_months": 12,
    "be_notice_interruption_months": 12,
    "fr_limitation_years": 5,
    "fr_consumer_limitation_years": 2,
}


def test_rules_hold_exactly_the_figures_of_the_articles() -> None:
    product = {key: rule.value for key, rule in rules.RULES.items()
               if key not in EXPECTED_LEGAL and key not in EXPECTED_SECOND_READING}
    assert product == EXPECTED


def test_the_second_reading_block_holds_exactly_the_figures_of_the_law() -> None:
    block = {key: rule.value for key, rule in rules.RULES.items() if key in EXPECTED_SECOND_READING}
    assert block == EXPECTED_SECOND_READING
    for key in EXPECTED_SECOND_READING:
        assert set(rules.RULES[key].sources) <= set(rules.SECOND_READING_SOURCES), key


def test_the_legal_block_holds_exactly_the_figures_of_the_law() -> None:
    legal = {key: rules.RULES[key].value for key in EXPECTED_LEGAL if key in rules.RULES}
    assert legal == EXPECTED_LEGAL


@pytest.mark.parametrize("key", sorted(EXPECTED_LEGAL))
def test_a_legal_figure_cites_an_article_of_law_not_a_seed_article(key: str) -> None:
    rule = rules.RULES[key]
    assert rule.sources and set(rule.sources) <= set(rules.LEGAL_SOURCES), rule
    assert all(rules.SOURCES[source] == rules.LEGAL_SOURCES[source] for source in rule.sources)


def test_the_legal_check_date_is_the_rule_the_guides_show() -> None:
    assert rules.RULES["legal_figures_checked"].value == rules.LEGAL_FIGURES_CHECKED


def test_the_claim_handling_period_is_described_as_typical_not_as_a_deadline() -> None:
    note = rules.RULES["handling_months"].note.lower()
    assert "on average" in note and "not a deadline" in note


def test_the_same_day_figure_is_attributed_to_the_insurer_that_states_it() -> None:
    assert "Atradius" in rules.RULES["same_day_decision_pct"].note


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_value_reads_the_rule(key: str) -> None:
    assert rules.value(key) == EXPECTED[key]
    assert rules.RULES[key].key == key


@pytest.mark.parametrize("rule", rules.RULES.values(), ids=lambda r: r.key)
def test_every_rule_names_a_known_source_and_explains_itself(rule: rules.Rule) -> None:
    assert rule.sources, rule
    assert set(rule.sources) <= set(rules.SOURCES), rule
    assert rule.unit in {"pct", "eur", "days", "months", "years", "countries", "date"}
    assert len(rule.note) > 20


@pytest.mark.parametrize("rule", rules.RULES.values(), ids=lambda r: r.key)
def test_amounts_are_decimals_and_periods_whole_numbers(rule: rules.Rule) -> None:
    expected_type = {"pct": Decimal, "eur": Decimal, "days": int, "months": int, "years": int, "countries": tuple,
                     "date": date}[rule.unit]
    assert type(rule.value) is expected_type


def test_own_risk_is_what_the_coverage_leaves() -> None:
    assert rules.own_risk_pct() == Decimal(10)


def test_mkbzeker_maximum_payout_is_the_coverage_share_of_the_cap() -> None:
    cap = rules.decimal("mkbzeker_cover_cap")
    assert cap * rules.decimal("coverage_pct") / 100 == rules.decimal("mkbzeker_max_payout")


def test_typed_readers_give_each_kind_of_rule() -> None:
    assert rules.decimal("intervention_threshold") == Decimal(500)
    assert rules.integer("payout_months") == 5
    assert rules.names("mkbzeker_countries")[0] == "NL"


@pytest.mark.parametrize(("reader", "key"), [("decimal", "payout_months"), ("integer", "coverage_pct"),
                                             ("names", "mkbzeker_cover_cap")])
def test_reading_a_rule_as_the_wrong_kind_is_a_bug(reader: str, key: str) -> None:
    with pytest.raises(TypeError, match=key):
        getattr(rules, reader)(key)


def test_rules_cannot_be_changed_in_place() -> None:
    with pytest.raises(AttributeError):
        rules.RULES["coverage_pct"].value = Decimal(80)  # type: ignore[misc]


@pytest.mark.parametrize("module", ["payout.py", "self_assessment_limit.py", "eligibility.py", "claim_timeline.py",
                                    "contract.py", "money.py", "dates.py", "explain.py", "__init__.py",
                                    "late_payment.py"])
def test_no_rule_figure_is_typed_outside_the_rules(module: str) -> None:
    source = (PACKAGE / module).read_text(encoding="utf-8")
    code = re.sub(r'"""[\s\S]*?"""|#.*', "", source)  # docstrings and comments may quote figures
    for figure in ("15000", "15_000", "13500", "13_500", "10000000", "10_000_000", "500", "90", "60"):
        assert not re.search(rf"(?<![\w.]){figure}(?![\w.])", code), f"{module} types the rule figure {figure}"


def test_rules_module_imports_nothing_but_the_standard_library() -> None:
    source = (PACKAGE / "rules.py").read_text(encoding="utf-8")
    imported = re.findall(r"^(?:from|import) ([\w.]+)", source, re.MULTILINE)
    assert imported and all(not name.startswith(".") and name.split(".")[0] in {
        "__future__", "dataclasses", "datetime", "decimal", "typing"} for name in imported), imported
