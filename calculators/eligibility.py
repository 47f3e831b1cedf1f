"""Whether an all-in-one product for small firms (mkbZeker) fits a business.

The six questions of source 004, each a yes or no, plus the turnover ceiling
of 10 million and the countries where customers must be based.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import rules
from .contract import Reader
from .explain import Explanation
from .messages import country_name

NAME = "eligibility"

#: Each question, the answer it needs, and the code reported when it fails.
QUESTIONS = (
    ("is_entrepreneur", True, "not_entrepreneur"),
    ("customers_are_businesses", True, "customers_not_businesses"),
    ("sells_on_account", True, "not_selling_on_account"),
    ("has_unpaid_invoices", True, "no_unpaid_invoices"),
    ("has_credit_insurance", False, "already_insured"),
)


@dataclass(frozen=True)
class Inputs:
    answers: dict[str, bool]
    annual_turnover: Decimal
    customer_country: str | None


def read(r: Reader, today: object = None) -> Inputs | None:
    answers = {name: r.boolean(name) for name, _, _ in QUESTIONS}
    turnover = r.amount("annual_turnover")
    country = r.country("customer_country")
    if r.errors or turnover is None or any(v is None for v in answers.values()):
        return None
    return Inputs({k: bool(v) for k, v in answers.items()}, turnover, country)


def compute(inputs: Inputs, lang: str) -> dict[str, Any]:
    explain = Explanation(lang, NAME)
    max_turnover = rules.decimal("mkbzeker_max_turnover")
    failed = []
    for name, needed, code in QUESTIONS:
        ok = inputs.answers[name] == needed
        explain.step(("ok_" if ok else "fail_") + name)
        if not ok:
            failed.append(code)
    if inputs.annual_turnover > max_turnover:
        failed.append("turnover_too_high")
        explain.step("fail_turnover", turnover=explain.money(inputs.annual_turnover),
                     max=explain.money(max_turnover))
    else:
        explain.step("ok_turnover", turnover=explain.money(inputs.annual_turnover),
                     max=explain.money(max_turnover))

    countries = rules.names("mkbzeker_countries")
    covered = None
    if inputs.customer_country is not None:
        covered = inputs.customer_country in countries
        explain.step("country_covered" if covered else "country_not_covered",
                     country=country_name(inputs.customer_country, lang),
                     countries=", ".join(country_name(code, lang) for code in countries))
    eligible = not failed
    explain.step("eligible" if eligible else "not_eligible")
    advice = [{"code": code, "text": explain.text("advice." + code)} for code in failed]
    if covered is False:
        advice.append({"code": "country_not_covered",
                       "text": explain.text("advice.country_not_covered")})
    return {
        "eligible": eligible,
        "failed": failed,
        "customer_covered": covered,
        "covered_countries": list(countries),
        "max_turnover": f"{max_turnover:f}",
        "advice": advice,
        "explanation": explain.steps,
    }

