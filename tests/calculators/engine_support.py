"""What the engine tests share: calling the engine, the stable error codes, the output fields."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from calculators import run

#: "Today" for every test that does not say otherwise.
TODAY = date(2025, 12, 31)

#: The error codes the engine may answer with. They are a contract: the browser and the
#: guides key on them, so renaming one must fail a test.
ERROR_CODES = frozenset({
    "required", "required_with", "unknown_field", "invalid_payload", "invalid_json",
    "unknown_calculator", "invalid_number", "float_not_allowed", "not_finite", "negative",
    "too_large", "too_many_decimals", "invalid_integer", "invalid_boolean", "invalid_date",
    "date_out_of_range", "invalid_choice", "invalid_country", "invalid_list", "invalid_object",
    "too_many_items", "paid_before_invoice", "after_as_of", "exceeds_outstanding", "internal_error",
    "premium_and_rate", "premium_or_rate", "zero_margin",
    # late_payment
    "invalid_text", "text_too_long", "too_many_lines", "no_invoices", "payment_before_first_due", "after_until",
    "not_half_year_start", "duplicate_half_year", "letter_not_available", "payment_exceeds_owed", "rate_missing",
    "ecb_rate_missing", "rate_missing_more", "ecb_rate_before_rule", "term_too_short", "notice_before_due",
    "claim_too_long", "claim_too_large",
    # the portfolio report and its ledger reader
    "not_csv", "empty_file", "no_rows", "unmapped_column", "unknown_column", "too_many_rows", "mixed_currencies",
    "not_euro", "invalid_currency", "due_before_invoice", "duplicate_customer", "exclusive_fields",
    "more_errors",
    # the ledger readers: files, zips, XML (issue 18)
    "invalid_file", "xml_doctype", "invalid_xml", "unknown_xml", "invalid_zip", "nested_zip", "zip_too_many_entries",
    "zip_too_large", "not_fec", "invalid_line",
    # collections
    "duplicate_details",
})

#: Error codes whose message repeats what the user typed (a field name, a calculator name).
ECHOING_CODES = frozenset({"unknown_field", "unknown_calculator", "unmapped_column", "unknown_column"})
#: Extra keys an error may carry for the page, by code (the file's headers, to ask the user to map them).
ERROR_EXTRAS = {"unmapped_column": {"headers", "matched"}}
#: Any error about one of several files read may name that file (the page shows the error beside it).
FILE_EXTRA = {"file"}

#: The output fields other code builds on, per calculator (more may be added, none removed).
OUTPUT_FIELDS = {
    "self_assessment_limit": {
        "limit", "limit_source", "capped", "cap", "experiences_total", "experiences_limit",
        "credit_report_limit", "credit_report_status", "counted_count", "as_of", "oldest_paid_date",
        "new_payment_term_days", "experiences", "explanation",
    },
    "payout": {
        "payout", "unpaid_balance", "vat_excluded", "covered_basis", "effective_limit", "insured_part",
        "own_risk", "uninsured_part", "above_max", "below_threshold", "coverage_pct",
        "intervention_threshold", "max_payout", "product", "breakdown", "explanation",
    },
    "eligibility": {
        "eligible", "failed", "customer_covered", "covered_countries", "max_turnover", "advice", "explanation",
    },
    "claim_timeline": {"milestones", "total_days", "handling_months", "payout_months", "explanation"},
    "insurance_value": {"premium", "insured_turnover", "break_even_loss_rate_pct", "coverage_pct", "explanation"},
    "late_payment": {
        "country", "debtor", "until", "rate_basis", "compounding", "principal", "paid", "principal_paid",
        "principal_outstanding", "interest_accrued", "interest_paid", "interest", "costs_total", "costs_paid",
        "costs", "costs_basis", "costs_conditions", "interest_conditions", "wik_scale_costs", "total",
        "late_invoices", "period_count", "periods", "invoices", "payments", "rates_used", "table", "warnings",
        "letters_available", "letter", "explanation",
        "costs_after_notice", "notice", "periods_truncated", "partial", "partial_until", "missing_rates",
        "missing_rates_more", "payments_left_out",
    },
    "portfolio": {"customers", "totals", "rejected", "rejected_count", "explanation", "ignored_columns", "files",
                  "payments", "credit_note_count"},
    "collections": {"as_of", "customers", "todo", "disputed", "totals", "deadlines", "insurer", "rejected",
                    "rejected_count", "unknown_customers", "explanation"},
}

#: The input fields of each calculator (``lang`` is accepted by all of them).
INPUT_FIELDS = {
    "self_assessment_limit": ("new_payment_term_days", "as_of", "experiences", "credit_report_amount",
                              "credit_report_date"),
    "payout": ("credit_limit", "outstanding", "recovered", "coverage_pct", "intervention_threshold",
               "max_payout", "vat_rate_pct", "product"),
    "eligibility": ("is_entrepreneur", "customers_are_businesses", "sells_on_account", "has_unpaid_invoices",
                    "has_credit_insurance", "annual_turnover", "customer_country"),
    "claim_timeline": ("invoice_date", "payment_term_days", "handling_months", "payout_months"),
    "insurance_value": ("turnover_on_credit", "premium_rate_pct", "premium", "insured_share_pct", "coverage_pct",
                        "expected_loss_rate_pct", "largest_exposure", "largest_exposure_limit", "margin_pct"),
    "late_payment": ("country", "debtor", "invoices", "payments", "until", "agreed_rate_pct", "rates", "letter",
                     "letter_lang", "creditor", "debtor_name", "pay_within_days", "include_periods",
                     "notice_date", "notice_by", "nl_business_costs", "agreed_costs", "agreed_rate_compound",
                     "ecb_rates", "debt_description"),
    "portfolio": ("as_of", "invoices", "csv", "rows", "files", "default_term_days", "columns", "limits",
                  "coverage_pct", "intervention_threshold",
                  "max_payout", "vat_rate_pct", "product", "handling_months", "payout_months",
                  "new_payment_term_days",
                  "provision_rates_pct"),  # receivables health
    "collections": ("as_of", "invoices", "csv", "rows", "columns", "customers", "creditor", "policy",
                    "pay_within_days", "letters", "rates", "ecb_rates", "disputed", "files", "default_term_days"),
}
EXPERIENCE_FIELDS = ("amount", "payment_term_days", "invoice_date", "paid_date")

FITS = {
    "is_entrepreneur": True, "customers_are_businesses": True, "sells_on_account": True,
    "has_unpaid_invoices": True, "has_credit_insurance": False, "annual_turnover": "2500000",
}


def ok(name: str, payload: Any, **kwargs: Any) -> dict[str, Any]:
    """The result of a request that must succeed."""
    result = run(name, payload, today=lambda: TODAY, **kwargs)
    assert "errors" not in result, result["errors"]
    return result


def errors(name: str, payload: Any) -> list[dict[str, str]]:
    """The errors of a request that must fail."""
    result = run(name, payload, today=lambda: TODAY)
    assert set(result) == {"errors"}, f"expected errors, got a result: {result}"
    assert result["errors"], "an error answer must list at least one error"
    return result["errors"]


def error_at(name: str, payload: Any, field: str) -> dict[str, str]:
    """The one error reported for ``field``."""
    found = [e for e in errors(name, payload) if e["field"] == field]
    assert len(found) == 1, f"expected one error at {field!r}, got {errors(name, payload)}"
    return found[0]


def codes(name: str, payload: Any) -> dict[str, str]:
    """``{field: code}`` of a failing request."""
    return {e["field"]: e["code"] for e in errors(name, payload)}


def check_answer(result: Any) -> None:
    """The shape every answer must have: a result, or a non-empty list of well-formed errors."""
    assert isinstance(result, dict)
    json.dumps(result, allow_nan=False)  # plain JSON types only
    assert not any(isinstance(value, float) for value in walk(result)), "amounts are strings, never floats"
    if "errors" in result:
        assert set(result) == {"errors"}
        assert isinstance(result["errors"], list) and result["errors"]
        for error in result["errors"]:
            extras = ERROR_EXTRAS.get(error["code"], set()) | FILE_EXTRA
            assert set(error) - extras == {"field", "code", "message"}, error
            assert isinstance(error.get("file", ""), str), error
            assert all(isinstance(error[k], str) for k in ("field", "code", "message")), error
            assert error["code"] in ERROR_CODES, error
            assert error["code"] != "internal_error", f"the engine crashed: {error}"
            assert error["message"], error
            if error["code"] not in ECHOING_CODES:  # the others have no text of the user's in them
                assert "{" not in error["message"], error
    else:
        steps = result["explanation"]
        assert steps and all(set(s) == {"code", "text"} and s["text"] for s in steps), steps
        assert not any("{" in s["text"] for s in steps), steps


def walk(value: Any) -> Iterator[Any]:
    """Every value inside a JSON-like ``value``, itself included."""
    yield value
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for child in children:
        yield from walk(child)


def money(text: str) -> Decimal:
    """An amount as the contract writes it, checked to be a string with two decimals."""
    assert isinstance(text, str) and text.count(".") == 1 and len(text.split(".")[1]) == 2, text
    assert not text.startswith(("-", "+")) and text.replace(".", "").isdigit(), text
    return Decimal(text)
