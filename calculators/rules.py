"""Every product figure the guides and calculators use, each with its source.

This is the lowest layer of the package: it imports nothing but the stdlib,
and nothing else in the project may type a rule figure by hand. Guides read
these values at build time (jinja2), calculators read them at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

#: The day the figures below were last compared with their sources.
LAST_CHECKED = date(2026, 11, 22)

#: The source articles (files in ``shared/seeds/``), by their number.
SOURCES: dict[str, str] = {
    "000": "Quatre points pour comprendre l'assurance crédit (Banqueo)",
    "001": "Voorkom problemen met een kredietverzekering (blog)",
    "002": "Tout savoir sur le recouvrement des créances clients (aide juridique)",
    "003": "Echte vragen van ondernemers (Atradius blog, 2 July 2025)",
    "004": "Wat is mkbZeker? and its FAQ (Atradius)",
}

RuleValue = Decimal | int | tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """One product figure: its value, its unit and where it comes from."""

    key: str
    value: RuleValue
    unit: str  # "pct", "eur", "days", "months", "countries"
    sources: tuple[str, ...]
    note: str


def _rule(key: str, value: RuleValue, unit: str, sources: str, note: str) -> Rule:
    return Rule(key, value, unit, tuple(sources.split()), note)


_TABLE = (
    _rule("coverage_pct", Decimal("90"), "pct", "003 004 000",
          "Usual share of the insured amount the insurer pays (the rest is own risk)."),
    _rule("intervention_threshold", Decimal("500"), "eur", "003",
          "Often written into the policy: below this unpaid amount the insurer does not intervene."),
    _rule("handling_months", 2, "months", "000",
          "About two months after the due date the company chases the debt itself, then hands it over."),
    _rule("payout_months", 5, "months", "000",
          "The payout comes at the latest five months after the file is handed over."),
    _rule("mkbzeker_cover_cap", Decimal("15000"), "eur", "004",
          "mkbZeker cover per customer; a request above it is assessed as this amount. "
          "Also caps the self-assessment and a credit report."),
    _rule("mkbzeker_max_payout", Decimal("13500"), "eur", "004",
          "Most mkbZeker pays on a claim, with the standard 10% own risk."),
    _rule("self_assessment_max_days_late", 60, "days", "004",
          "A payment counts for the self-assessment when it came at most this many days after the due date."),
    _rule("self_assessment_lookback_months", 12, "months", "004",
          "Only payment experiences of the last twelve months count."),
    _rule("credit_report_max_age_months", 12, "months", "004",
          "A credit report not older than this may set the cover."),
    _rule("mkbzeker_max_turnover", Decimal("10000000"), "eur", "004",
          "mkbZeker is for firms with an annual turnover of at most 10 million."),
    _rule("mkbzeker_countries", ("NL", "BE", "DE", "LU", "FR", "GB"), "countries", "004",
          "Countries where the customer must be based for mkbZeker cover."),
    _rule("same_day_decision_pct", Decimal("95"), "pct", "003",
          "Share of credit-limit decisions taken the same day in the Benelux."),
    _rule("concentration_pct", Decimal("20"), "pct", "001",
          "Share of all open receivables from which one customer is flagged as a concentration risk. Source 001 "
          "warns that a customer who makes up a large part of the turnover can drag the seller down with him; it "
          "gives no figure: 20% is this portal's own warning level (one customer in five of the money owed), "
          "a setting of the portfolio report, not a term of any policy."),
)

RULES: dict[str, Rule] = {rule.key: rule for rule in _TABLE}


def value(key: str) -> RuleValue:
    """The value of the rule ``key``."""
    return RULES[key].value


def decimal(key: str) -> Decimal:
    """The value of the amount or percentage rule ``key``."""
    figure = value(key)
    if not isinstance(figure, Decimal):
        raise TypeError(f"rule {key} is not an amount or a percentage")
    return figure


def integer(key: str) -> int:
    """The value of the rule ``key`` counted in days or months."""
    figure = value(key)
    if not isinstance(figure, int):
        raise TypeError(f"rule {key} is not a number of days or months")
    return figure


def names(key: str) -> tuple[str, ...]:
    """The value of the rule ``key`` that lists names (country codes)."""
    figure = value(key)
    if not isinstance(figure, tuple):
        raise TypeError(f"rule {key} is not a list of names")
    return figure


def own_risk_pct() -> Decimal:
    """The own-risk share, derived from the coverage share (100 - coverage)."""
    return Decimal(100) - decimal("coverage_pct")
