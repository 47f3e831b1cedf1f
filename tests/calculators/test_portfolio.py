"""The receivables report: per customer balance, ageing, cover, payout and hand-over; flags; bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from engine_support import TODAY, check_answer, codes, errors, ok

from calculators import ledger, rules, run, run_json
from calculators.examples import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2025-12-31"


def invoice(customer: str, amount: str, invoiced: str, term: int = 30, paid: str | None = None,
            **extra: Any) -> dict[str, Any]:
    row = {"customer": customer, "amount": amount, "invoice_date": invoiced, "payment_term_days": term, **extra}
    if paid:
        row["paid_date"] = paid
    return row


def days_before(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def report(invoices: list[dict[str, Any]], **settings: Any) -> dict[str, Any]:
    result = ok("portfolio", {"as_of": AS_OF, "invoices": invoices, **settings})
    check_answer(result)
    return result


def customer(result: dict[str, Any], name: str) -> dict[str, Any]:
    return next(row for row in result["customers"] if row["customer"] == name)


def overdue_by(customer_name: str, amount: str, days: int, term: int = 30) -> dict[str, Any]:
    """An open invoice whose due date was ``days`` days before the reference date."""
    return invoice(customer_name, amount, days_before(days + term), term)


# -- balance and ageing ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("days", "bucket"), [(-5, "not_due"), (0, "not_due"), (1, "days_1_30"), (30, "days_1_30"),
                                              (31, "days_31_60"), (60, "days_31_60"), (61, "days_61_90"),
                                              (90, "days_61_90"), (91, "days_over_90"), (400, "days_over_90")])
def test_an_open_invoice_ages_by_the_days_since_its_due_date(days: int, bucket: str) -> None:
    row = customer(report([overdue_by("Acme", "100", days)]), "Acme")
    assert row["aging"][bucket] == "100.00"
    assert sum(Decimal(v) for v in row["aging"].values()) == Decimal("100")
    assert row["overdue"] == ("0.00" if days <= 0 else "100.00")
    assert row["oldest_overdue_days"] == (None if days <= 0 else days)


def test_paid_invoices_are_not_open_and_open_ones_add_up() -> None:
    row = customer(report([overdue_by("Acme", "100", 10), overdue_by("Acme", "250.50", 40),
                           invoice("Acme", "999", days_before(100), paid=days_before(50))]), "Acme")
    assert (row["open"], row["overdue"], row["oldest_overdue_days"]) == ("350.50", "350.50", 40)
    assert (row["invoice_count"], row["open_invoice_count"]) == (3, 2)


def test_customers_come_largest_open_balance_first() -> None:
    result = report([overdue_by("Small", "10", 1), overdue_by("Big", "900", 1), overdue_by("Mid", "50", 1),
                     overdue_by("Also mid", "50", 1), invoice("Paid only", "5", days_before(90), paid=days_before(60))])
    assert [row["customer"] for row in result["customers"]] == ["Big", "Also mid", "Mid", "Small", "Paid only"]


def test_shares_are_of_all_open_receivables_with_two_decimals() -> None:
    result = report([overdue_by("A", "1", 1), overdue_by("B", "2", 1)])
    assert [row["share_pct"] for row in result["customers"]] == ["66.67", "33.33"]


def test_totals_add_up_the_customers() -> None:
    result = ok(EXAMPLES["portfolio_small_ledger"]["calculator"], EXAMPLES["portfolio_small_ledger"]["payload"])
    for key in ("open", "overdue", "cover", "uninsured", "payout_if_default"):
        assert Decimal(result["totals"][key]) == sum(Decimal(row[key]) for row in result["customers"]), key


# -- cover and payout -------------------------------------------------------------------------------------------------


def test_cover_is_the_self_assessment_limit_from_the_customers_own_paid_invoices() -> None:
    rows = [invoice("Acme", "3000", "2025-06-01", paid="2025-07-10"),       # 9 days late: counts
            invoice("Acme", "2000", "2025-06-01", paid="2025-09-30"),       # 91 days late: does not
            invoice("Beta", "7000", "2025-06-01", paid="2025-07-01"),       # another customer's
            overdue_by("Acme", "4000", 5)]
    row = customer(report(rows), "Acme")
    assert (row["self_assessment_limit"], row["cover"], row["cover_source"]) == ("3000.00", "3000.00",
                                                                                  "self_assessment")
    assert (row["uninsured"], row["payout_if_default"]) == ("1000.00", "2700.00")


def test_a_granted_credit_limit_sets_the_cover_even_below_the_self_assessment() -> None:
    rows = [invoice("Acme", "3000", "2025-06-01", paid="2025-07-10"), overdue_by("Acme", "4000", 5)]
    row = customer(report(rows, limits=[{"customer": "ACME", "credit_limit": "1000"}]), "Acme")
    assert (row["credit_limit"], row["self_assessment_limit"], row["cover"], row["cover_source"]) == (
        "1000.00", "3000.00", "1000.00", "credit_limit")
    assert customer(report(rows), "Acme")["credit_limit"] is None


def test_the_product_caps_the_cover_and_the_payout() -> None:
    cap, most = rules.decimal("mkbzeker_cover_cap"), rules.decimal("mkbzeker_max_payout")
    rows = [overdue_by("Acme", "40000", 5)]
    limits = [{"customer": "Acme", "credit_limit": "30000"}]
    generic = customer(report(rows, limits=limits), "Acme")
    capped = customer(report(rows, limits=limits, product="mkbzeker"), "Acme")
    assert (generic["cover"], generic["payout_if_default"]) == ("30000.00", "27000.00")
    assert (Decimal(capped["cover"]), Decimal(capped["payout_if_default"])) == (cap, most)


def test_policy_settings_reach_the_payout() -> None:
    rows = [overdue_by("Acme", "1000", 5)]
    limits = [{"customer": "Acme", "credit_limit": "5000"}]
    assert customer(report(rows, limits=limits, coverage_pct="80"), "Acme")["payout_if_default"] == "800.00"
    assert customer(report(rows, limits=limits, intervention_threshold="1500"), "Acme")["payout_if_default"] == "0.00"
    assert customer(report(rows, limits=limits, max_payout="100"), "Acme")["payout_if_default"] == "100.00"
    assert customer(report(rows, limits=limits, vat_rate_pct="25"), "Acme")["payout_if_default"] == "720.00"


def test_a_longer_new_payment_term_can_lower_the_self_assessment() -> None:
    rows = [invoice("Acme", "3000", "2025-06-01", term=30, paid="2025-07-01"), overdue_by("Acme", "10", 1)]
    assert customer(report(rows), "Acme")["self_assessment_limit"] == "3000.00"
    assert customer(report(rows, new_payment_term_days=60), "Acme")["self_assessment_limit"] == "0.00"


# -- hand-over ----------------------------------------------------------------------------------------------------


def test_hand_over_is_months_after_the_due_date_of_the_oldest_overdue_invoice() -> None:
    rows = [invoice("Acme", "1", "2025-10-01", term=45), invoice("Acme", "1", "2025-10-10", term=14),
            invoice("Acme", "1", "2025-12-20", term=30)]
    row = customer(report(rows), "Acme")
    assert row["hand_over"] == "2025-12-24"  # due 24 October (the earliest due date, not invoice), plus two months
    assert row["oldest_overdue_days"] == 68
    assert customer(report(rows, handling_months=1), "Acme")["hand_over"] == "2025-11-24"


def test_no_overdue_invoice_no_hand_over() -> None:
    assert customer(report([invoice("Acme", "1", "2025-12-20")]), "Acme")["hand_over"] is None


# -- flags ------------------------------------------------------------------------------------------------------------


def flags(rows: list[dict[str, Any]], name: str = "Acme", **settings: Any) -> list[str]:
    return customer(report(rows, **settings), name)["flags"]


def test_over_limit_when_the_open_balance_exceeds_the_cover() -> None:
    limits = [{"customer": "Acme", "credit_limit": "500"}]
    assert "over_limit" in flags([overdue_by("Acme", "500.01", 1)], limits=limits)
    assert "over_limit" not in flags([overdue_by("Acme", "500", 1)], limits=limits)


def test_no_cover_when_money_is_open_and_there_is_no_cover() -> None:
    assert flags([overdue_by("Acme", "1", 1)]) == ["no_cover", "concentration"]
    assert "no_cover" not in flags([overdue_by("Acme", "1", 1)], limits=[{"customer": "Acme", "credit_limit": "1"}])
    assert "no_cover" not in flags([invoice("Acme", "1", "2025-06-01", paid="2025-06-02")])


def test_hand_over_due_once_the_hand_over_date_has_come() -> None:
    months = rules.integer("handling_months")
    due = date(2025, 12, 31).replace(month=12 - months)  # hand-over exactly on the reference date
    on_the_day = invoice("Acme", "1", (due - timedelta(days=30)).isoformat())
    day_later = invoice("Acme", "1", (due - timedelta(days=29)).isoformat())
    assert "hand_over_due" in flags([on_the_day])
    assert "hand_over_due" not in flags([day_later])


def test_concentration_from_the_rules_share_of_open_receivables() -> None:
    pct = rules.decimal("concentration_pct")
    big = Decimal(100) * pct / (100 - pct)  # exactly the threshold's share of the whole
    rows = [overdue_by("Acme", str(big), 1), overdue_by("Rest", "100", 1)]
    assert "concentration" in flags(rows)
    rows = [overdue_by("Acme", str(big - Decimal("0.50")), 1), overdue_by("Rest", "100", 1)]
    assert "concentration" not in flags(rows)


def test_the_explanation_is_short_and_in_the_requested_language() -> None:
    rows = [overdue_by(f"Customer {i}", "100", i) for i in range(1, 60)]
    for lang, word in (("en", "Invoices"), ("nl", "facturen"), ("fr", "Factures")):
        steps = report(rows, lang=lang)["explanation"]
        assert len(steps) <= 9 + 4 and word in steps[0]["text"]  # + 4: receivables health (DSO, provision)
        assert [s["code"] for s in steps if not s["code"].startswith("health_")][-2:] == ["no_concentration",
                                                                                         "totals"]


# -- the three ways a ledger comes in -----------------------------------------------------------------------------


def test_csv_rows_and_json_invoices_give_the_same_report() -> None:
    payload = EXAMPLES["portfolio_small_ledger"]["payload"]
    from_csv = ok("portfolio", payload)
    lines = [line.split(",") for line in payload["csv"].splitlines()]
    from_rows = ok("portfolio", {**{k: v for k, v in payload.items() if k != "csv"}, "rows": lines})
    invoices = [{"customer": c, "reference": r, "invoice_date": d, "due_date": due, "amount": a,
                 **({"paid_date": p} if p else {})} for c, r, d, due, a, p in lines[1:]]
    from_json = ok("portfolio", {**{k: v for k, v in payload.items() if k != "csv"}, "invoices": invoices})
    for other in (from_rows, from_json):
        assert other["customers"] == from_csv["customers"]
        assert other["totals"] == from_csv["totals"]
    assert from_csv["columns"]["customer"] == "Customer" and from_json["columns"] is None


def test_a_column_mapping_reaches_the_reader() -> None:
    text = "Wie;Factuurdatum;Hoeveel;Vervaldatum\nAcme;01-06-2025;1.000,00;01-07-2025\n"
    assert errors("portfolio", {"csv": text})[0]["code"] == "unmapped_column"
    result = ok("portfolio", {"csv": text, "columns": {"customer": "Wie", "amount": "Hoeveel"}})
    assert result["customers"][0]["open"] == "1000.00"


# -- rows set aside -------------------------------------------------------------------------------------------------


def test_a_bad_row_is_set_aside_named_by_row_and_column_and_the_rest_is_computed() -> None:
    lines = ["Klant;Factuurdatum;Bedrag;Vervaldatum"] + ["Acme;01-06-2025;100,00;01-07-2025"] * 45
    lines[42] = "Acme;32-06-2025;100,00;01-07-2025"
    result = ok("portfolio", {"csv": "\n".join(lines), "lang": "fr"})
    assert result["rejected_count"] == 1
    [entry] = result["rejected"]
    assert (entry["field"], entry["code"], entry["row"], entry["line"], entry["column"]) == (
        "invoices[41].invoice_date", "invalid_date", 41, 43, "Factuurdatum")
    assert "31-12-2025" in entry["message"] and "date" in entry["message"]
    assert result["customers"][0]["open"] == "4400.00"
    assert result["explanation"][1]["code"] == "rejected"


@pytest.mark.parametrize(("row", "field", "code"), [
    (invoice("Acme", "1", "2025-06-01", paid="2025-05-31"), "invoices[1].paid_date", "paid_before_invoice"),
    (invoice("Acme", "1", "2025-06-01", paid="2026-01-01"), "invoices[1].paid_date", "after_as_of"),
    ({"customer": "Acme", "amount": "1", "invoice_date": "2025-06-01", "due_date": "2025-05-01"},
     "invoices[1].due_date", "due_before_invoice"),
    (invoice("Acme", "-1", "2025-06-01"), "invoices[1].amount", "negative"),
    (invoice("Acme", "1", "2025-02-30"), "invoices[1].invoice_date", "invalid_date"),
    (invoice("", "1", "2025-06-01"), "invoices[1].customer", "required"),
    ({"customer": "Acme", "amount": "1", "invoice_date": "2025-06-01"}, "invoices[1].due_date", "required"),
    (invoice("Acme", "1", "2025-06-01", amout="1"), "invoices[1].amout", "unknown_field"),
    (invoice("Acme", "1", "2025-06-01", currency="euro!"), "invoices[1].currency", "invalid_currency"),
    (5, "invoices[1]", "invalid_object"),
])
def test_a_row_that_cannot_be_used_is_set_aside_with_its_reason(row: Any, field: str, code: str) -> None:
    result = report([overdue_by("Acme", "100", 1), row])
    assert [(e["field"], e["code"]) for e in result["rejected"]] == [(field, code)]
    assert result["customers"][0]["open"] == "100.00"
    assert all(e["message"] and "{" not in e["message"] for e in result["rejected"])


def test_when_no_row_is_usable_the_answer_is_the_errors() -> None:
    assert codes("portfolio", {"invoices": [invoice("Acme", "x", "2025-06-01")]}) == {
        "invoices[0].amount": "invalid_number"}
    assert codes("portfolio", {"invoices": []}) == {"invoices": "no_rows"}


def test_very_many_bad_rows_are_listed_up_to_a_limit_and_counted() -> None:
    rows = [invoice("Acme", "1", "2025-13-01")] * 1500
    found = errors("portfolio", {"invoices": rows})
    assert len(found) == 1001 and found[-1]["code"] == "more_errors" and "500" in found[-1]["message"]
    result = report([*rows, overdue_by("Acme", "1", 1)])
    assert (len(result["rejected"]), result["rejected_count"]) == (1000, 1500)


# -- the request as a whole -----------------------------------------------------------------------------------------


def test_two_currencies_in_one_file_is_an_error() -> None:
    rows = [invoice("Acme", "1", "2025-06-01", currency="EUR"), invoice("Beta", "1", "2025-06-01", currency="USD")]
    assert codes("portfolio", {"invoices": rows}) == {"invoices[1].currency": "mixed_currencies"}
    text = "Klant;Factuurdatum;Bedrag;Vervaldatum;Valuta\nA;01-06-2025;1;01-07-2025;€\nB;01-06-2025;1;01-07-2025;GBP\n"
    assert codes("portfolio", {"csv": text}) == {"invoices[1].currency": "mixed_currencies"}


def test_a_ledger_in_another_currency_than_euro_is_an_error() -> None:
    rows = [invoice("Acme", "1", "2025-06-01", currency="USD")]
    assert codes("portfolio", {"invoices": rows}) == {"invoices": "not_euro"}


@pytest.mark.parametrize(("payload", "expected"), [
    ({}, {"invoices": "required"}),
    ({"invoices": [], "csv": "x"}, {"csv": "exclusive_fields"}),
    ({"csv": 5}, {"csv": "invalid_text"}),
    ({"rows": "x"}, {"rows": "invalid_list"}),
    ({"invoices": {}}, {"invoices": "invalid_list"}),
    ({"csv": "", "columns": []}, {"columns": "invalid_object"}),
    ({"csv": "a;b\n", "columns": {"customr": "a"}}, {"columns.customr": "unknown_field"}),
    ({"csv": "a;b\n", "columns": {"customer": 5}}, {"columns.customer": "invalid_text"}),
    ({"csv": "Wie;Wat\nA;B\n"}, {"columns.customer": "unmapped_column", "columns.invoice_date": "unmapped_column",
                                 "columns.amount": "unmapped_column", "columns.due_date": "unmapped_column"}),
    ({"csv": "PK\x03\x04"}, {"csv": "not_csv"}),
    ({"csv": ""}, {"csv": "empty_file"}),
    ({"rows": []}, {"rows": "empty_file"}),
    ({"invoices": [], "limits": [{"customer": "A", "credit_limit": "1"}, {"customer": "a", "credit_limit": "2"}]},
     {"limits[1].customer": "duplicate_customer"}),
    ({"invoices": [], "limits": [{"customer": "A"}]}, {"limits[0].credit_limit": "required"}),
    ({"invoices": [], "as_of": "2025-02-30", "product": "gold"},
     {"as_of": "invalid_date", "product": "invalid_choice"}),
    ({"invoices": [], "handling_months": -1}, {"handling_months": "negative"}),
])
def test_request_errors(payload: dict[str, Any], expected: dict[str, str]) -> None:
    found = codes("portfolio", payload)
    assert {k: v for k, v in found.items() if k in expected} == expected


def test_unmapped_columns_tell_the_page_the_headers_and_what_was_matched() -> None:
    found = errors("portfolio", {"csv": "Wie;Factuurdatum;Wat\nA;01-06-2025;1\n", "lang": "nl"})
    assert found[0]["headers"] == ["Wie", "Factuurdatum", "Wat"]
    assert found[0]["matched"] == {"invoice_date": "Factuurdatum"}
    assert "Wie, Factuurdatum, Wat" in found[0]["message"]


def test_a_file_over_the_row_cap_names_the_cap() -> None:
    text = "Klant;Factuurdatum;Bedrag;Vervaldatum\n" + "A;01-06-2025;1;01-07-2025\n" * 200_000
    for lang, written in (("en", f"{ledger.MAX_ROWS:,}"), ("nl", f"{ledger.MAX_ROWS:,}".replace(",", ".")),
                          ("fr", f"{ledger.MAX_ROWS:,}".replace(",", "\u202f"))):
        [error] = errors("portfolio", {"csv": text, "lang": lang})
        assert error["code"] == "too_many_rows" and written in error["message"]


# -- the command line ---------------------------------------------------------------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "calculators", *args], capture_output=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60, stdin=subprocess.DEVNULL)


def test_cli_reads_a_ledger_file_with_its_settings(tmp_path: Path) -> None:
    payload = EXAMPLES["portfolio_small_ledger"]["payload"]
    ledger_file = tmp_path / "ledger.csv"
    ledger_file.write_bytes(payload["csv"].encode("cp1252"))  # an older spreadsheet's encoding: Café
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({k: v for k, v in payload.items() if k != "csv"}))
    process = cli("portfolio", "--csv", str(ledger_file), "--settings", str(settings))
    assert process.returncode == 0 and process.stderr == b""
    assert json.loads(process.stdout) == run("portfolio", payload)


def test_cli_with_a_ledger_alone_and_a_bad_one(tmp_path: Path) -> None:
    good = tmp_path / "ledger.csv"
    good.write_text(EXAMPLES["portfolio_small_ledger"]["payload"]["csv"], encoding="utf-8-sig")
    process = cli("portfolio", "--csv", str(good))
    assert process.returncode == 0 and json.loads(process.stdout)["customers"]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"PK\x03\x04\x00\x00")
    process = cli("portfolio", "--csv", str(bad))
    assert process.returncode == 2 and json.loads(process.stdout)["errors"][0]["code"] == "not_csv"


def test_cli_without_the_file_says_so_without_a_traceback(tmp_path: Path) -> None:
    process = cli("portfolio", "--csv", str(tmp_path / "missing.csv"))
    assert process.returncode == 2 and process.stdout == b""
    assert b"missing.csv" in process.stderr and b"Traceback" not in process.stderr
    process = cli("portfolio", "--csv", str(tmp_path / "missing.csv"), "--other", "x")
    assert process.returncode == 2 and process.stderr.startswith(b"usage")


def test_a_customer_is_one_whatever_the_case_of_its_name_and_keeps_its_first_spelling() -> None:
    result = report([overdue_by("ACME BV", "100", 1), overdue_by("Acme  bv", "50", 1)],
                    limits=[{"customer": "acme bv", "credit_limit": "120"}])
    [row] = result["customers"]
    assert (row["customer"], row["open"], row["credit_limit"], row["invoice_count"]) == (
        "ACME BV", "150.00", "120.00", 2)


def test_sheet_numbers_sent_as_json_are_read_like_the_sheets_floats() -> None:
    text = ('{"as_of": "2025-12-31", "rows": [["Customer", "Invoice date", "Amount", "Due date"], '
            '["Acme", "2025-06-01", 1234.5600000000002, "2025-07-01"], ["Acme", "2025-06-01", 0.125, "2025-07-01"]]}')
    answer = json.loads(run_json("portfolio", text))
    assert answer["customers"][0]["open"] == "1234.56"
    assert [(e["field"], e["code"], e["line"]) for e in answer["rejected"]] == [
        ("invoices[1].amount", "too_many_decimals", 3)]
