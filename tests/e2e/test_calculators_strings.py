"""The calculator pages' UI strings (docs/assets/calc/strings.json): one table per locale, complete and in use.

No browser needed: these read the files the pages load.
"""

from __future__ import annotations

import json
import re
import string

from conftest import ROOT

from calculators import late_payment, ledger, payout, portfolio, run, self_assessment_limit

CALC = ROOT / "docs" / "assets" / "calc"
STRINGS: dict[str, dict[str, str]] = json.loads((CALC / "strings.json").read_text(encoding="utf-8"))
SOURCES = {path.name: path.read_text(encoding="utf-8") for path in CALC.glob("*.js")}

#: Keys built at run time from a prefix and a code; every code the pages can meet.
DYNAMIC = {
    "payout.slice.": ["insurer_pays", "own_risk", "above_max", "below_threshold", "above_limit", "vat"],
    "reason.": ["counted", *self_assessment_limit.REASONS],
    "self.summary.": ["payment_experiences", "credit_report", "none"],
    "self.source.": ["payment_experiences", "credit_report", "none"],
    "self.report.": ["used", "too_old"],
    "eligibility.mark.": ["ok", "fail"],
    "timeline.segment.": ["term", "handling", "payout"],
    "table.col.": ["amount", "payment_term_days", "invoice_date", "paid_date", "due_date", "days_late", "status",
                   "actions"],
    "eligibility.verdict.": ["yes", "no"],
    "figure.": ["payout", "unpaid_balance", "vat_excluded", "effective_limit", "insured_part", "own_risk",
                "uninsured_part", "above_max", "limit", "limit_source", "counted", "experiences_total",
                "experiences_limit", "credit_report_status", "credit_report_limit", "oldest_paid_date", "as_of",
                # insurance_value
                "premium", "insured_turnover", "premium_rate_pct", "break_even_loss_rate_pct", "expected_loss",
                "expected_payout", "net_expected", "largest_loss_uninsured", "largest_loss_insured",
                "sales_to_replace_largest_loss", "sales_to_replace_insured_loss"],
    "field.": [],  # the field names are read from the .field("name", ...) calls below
    "late.country.": list(late_payment.COUNTRIES),
    "late.debtor.": list(late_payment.DEBTORS),
    "late.letter.kind.": list(late_payment.LETTERS),
    "late.letter_lang.": ["nl", "fr", "en"],
    "late.half.": ["1", "2"],
    "late.period.": ["invoice", "from", "to", "days", "rate_pct", "principal", "interest"],
    "late.figure.": ["total", "principal", "paid", "principal_outstanding", "interest", "costs", "costs_basis",
                     "costs_conditions", "interest_conditions", "until"],
    "late.costs_basis.": ["nl_b2b_minimum", "be_b2b_flat", "fr_b2b_flat", "nl_wik_scale", "be_consumer_cap",
                          "fr_consumer_none", "nl_b2b_scale", "nl_b2b_agreed"],  # issue 17: the scale by default
    "late.status.": ["not_due", "paid_on_time", "late", "paid_late"],
    "late.condition.": ["nl_14_day_letter", "be_free_first_reminder", "be_clause_in_contract", "nl_default",
                        "fr_formal_notice"],
    "portfolio.flag.": ["over_limit", "no_cover", "hand_over_due", "concentration",
                        "paying_later"],  # receivables health
    "portfolio.column.": list(ledger.FIELDS),
    "portfolio.total.": ["open", "overdue", "cover", "uninsured", "payout_if_default"],
    "portfolio.col.": ["customer", "open", "overdue", "oldest_overdue_days", "credit_limit", "self_assessment_limit",
                       "cover", "uninsured", "payout_if_default", "share_pct", "hand_over", "flags",
                       "provision", "score"],  # receivables health
    "portfolio.bucket.": ["not_due", *(code for code, _, _ in portfolio.AGING)],
    # issue 18: the formats the engine names per file ("camt.053" written camt_053)
    "portfolio.format.": ["csv", "xlsx", "fec", "ubl", "camt_053", "zip", "xml"],
    # issue 17's fields and figures, and the collections run's codes: the codes the engine and the pages use
    "late.figure.costs_after_notice.": ["BE", "NL"],
    "late.hint.notice_date.": ["BE", "FR", "NL"],
    "late.letter.costs_after_notice.": ["BE", "NL"],
    "late.nl_business_costs.": ["agreed", "flat", "scale"],
    "late.notice_by.": ["email", "post"],
    "collections.col.": ["action", "amount", "customer", "date", "next", "urgency"],
    "collections.country.": ["BE", "FR", "NL"],
    "collections.deadline.": ["formal_notice", "hand_over", "notify_insurer", "reminder", "stop_deliveries"],
    "collections.insurer.": ["atradius", "coface_easyliner", "other"],
    "collections.lang.": ["en", "fr", "nl"],
    "collections.stage.": ["formal_notice", "fourteen_day_letter", "hand_over", "notify_insurer", "reminder",
                           "stop_deliveries"],
    "collections.csv.": ["urgency", "customer", "amount", "action", "date"],  # todoCsv
    "collections.field.creditor_": ["name", "enterprise_number", "vat_number", "email", "phone", "iban", "country",
                                    "address"],
    "collections.statement.": ["amount", "due_date", "interest", "reference", "status"],
    "collections.status.": ["credit_note", "disputed", "not_due", "overdue"],
    "collections.total.": ["costs", "interest", "principal", "total"],
    "collections.unit.": ["days", "months"],
    "collections.urgency.": ["later", "passed", "today", "week"],
    # collections: the text areas of its form (collections.js, area())
    "collections.field.": ["customers", "disputed", "rates", "ecb_rates", "creditor_address"],
    "collections.hint.": ["customers", "disputed", "rates", "ecb_rates", "creditor_address"],
}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_exists_in_every_locale_with_the_same_placeholders() -> None:
    assert sorted(STRINGS) == ["en", "fr", "nl"]
    keys = set(STRINGS["en"])
    for lang, table in STRINGS.items():
        assert set(table) == keys, (lang, sorted(set(table) ^ keys))
        for key, text in table.items():
            assert text.strip(), (lang, key)
            assert placeholders(text) == placeholders(STRINGS["en"][key]), (lang, key)


def test_every_key_the_pages_use_exists() -> None:
    used = set()
    for source in SOURCES.values():
        used |= set(re.findall(r"\bt\(\s*\"([\w.]+)\"", source))
        used |= {k for k in re.findall(r"\"([a-z_]+\.[\w.]+)\"", source) if k in STRINGS["en"]}  # t(a ? "x" : "y")
        # A field with a page's own label (``late.field.notice_date``, passed as ``label:``) needs no ``field.`` key.
        own_labels = {key.rsplit(".", 1)[1] for key in STRINGS["en"] if ".field." in key}
        used |= {f"field.{name}" for name in re.findall(r"\.(?:field|yesNo|radios|select)\(\s*\"(\w+)\"", source)
                 if name not in own_labels}
        for prefix in re.findall(r"\bt\(\s*`([\w.]+)\$\{", source):
            assert prefix in DYNAMIC, f"a key built from {prefix!r}: list its codes in DYNAMIC"
    used |= {prefix + code for prefix, codes in DYNAMIC.items() for code in codes}
    used |= {f"field.{name}" for name in ("is_entrepreneur", "customers_are_businesses", "sells_on_account",
                                          "has_unpaid_invoices", "has_credit_insurance")}
    missing = sorted(key for key in used if key not in STRINGS["en"])
    assert missing == []
    unused = sorted(key for key in STRINGS["en"] if key not in used)
    assert unused == [], "strings no page uses: remove them"


def test_every_payout_product_and_slice_has_a_label() -> None:
    for product in payout.PRODUCTS:
        assert f"payout.product.{product}" in STRINGS["en"]


def test_every_late_payment_costs_basis_and_condition_has_a_label() -> None:
    """Whatever the engine answers for each country and debtor, the page has words for it."""
    for country in late_payment.COUNTRIES:
        for debtor in late_payment.DEBTORS:
            answer = run("late_payment", {"country": country, "debtor": debtor, "until": "2024-12-31",
                                          "invoices": [{"amount": "1000", "due_date": "2024-03-31"}]})
            assert answer["costs_basis"] in DYNAMIC["late.costs_basis."], (country, debtor)
            for code in answer["costs_conditions"] + answer["interest_conditions"]:
                assert code in DYNAMIC["late.condition."], (country, debtor, code)
            assert {i["status"] for i in answer["invoices"]} <= set(DYNAMIC["late.status."])
def test_every_flag_the_portfolio_report_raises_has_a_label() -> None:
    import inspect

    raised = set(re.findall(r"""flags\.append\(["'](\w+)["']\)""", inspect.getsource(portfolio)))
    assert raised and raised <= set(DYNAMIC["portfolio.flag."]), raised
