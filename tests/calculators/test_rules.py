"""The rules table: every figure the articles give, once, with its source."""

from __future__ import annotations

import re
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
    "concentration_pct": Decimal("20"),  # the portal's own warning level (source 001 warns, gives no figure)
}


def test_rules_hold_exactly_the_figures_of_the_articles() -> None:
    assert {key: rule.value for key, rule in rules.RULES.items()} == EXPECTED


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_value_reads_the_rule(key: str) -> None:
    assert rules.value(key) == EXPECTED[key]
    assert rules.RULES[key].key == key


@pytest.mark.parametrize("rule", rules.RULES.values(), ids=lambda r: r.key)
def test_every_rule_names_a_known_source_and_explains_itself(rule: rules.Rule) -> None:
    assert rule.sources, rule
    assert set(rule.sources) <= set(rules.SOURCES), rule
    assert rule.unit in {"pct", "eur", "days", "months", "countries"}
    assert len(rule.note) > 20


@pytest.mark.parametrize("rule", rules.RULES.values(), ids=lambda r: r.key)
def test_amounts_are_decimals_and_periods_whole_numbers(rule: rules.Rule) -> None:
    expected_type = {"pct": Decimal, "eur": Decimal, "days": int, "months": int, "countries": tuple}[rule.unit]
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
                                    "contract.py", "money.py", "dates.py", "explain.py", "__init__.py"])
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
