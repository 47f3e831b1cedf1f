"""The collections run: claims equal late_payment's, stages by date, disputed invoices, customer details."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from engine_support import TODAY, check_answer, codes, ok
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import claim_timeline, collections, late_payment, rules, run
from calculators.contract import Errors, Reader
from calculators.dates import add_months
from calculators.examples import EXAMPLES
from calculators.ledgers.model import CREDIT_NOTE, Document

AS_OF = "2025-12-31"
CREDITOR = {"name": "Janssen Installaties BV", "country": "NL"}


def invoice(customer: str, amount: str, due: str, reference: str = "", paid: str | None = None,
            term: int = 30) -> dict[str, Any]:
    due_day = date.fromisoformat(due)
    row = {"customer": customer, "amount": amount, "invoice_date": (due_day - timedelta(days=term)).isoformat(),
           "due_date": due, "reference": reference}
    if paid:
        row["paid_date"] = paid
    return row


def collect(invoices: list[dict[str, Any]], **settings_: Any) -> dict[str, Any]:
    payload = {"as_of": AS_OF, "invoices": invoices, "creditor": CREDITOR, **settings_}
    result = ok("collections", payload)
    check_answer(result)
    return result


def by_customer(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["customer"]: row for row in result["customers"]}


def stage_dates(row: dict[str, Any]) -> dict[str, str | None]:
    return {stage["code"]: stage["date"] for stage in row["stages"]}


def alone(country: str, debtor: str, invoices: list[tuple[str, str, str]], until: str = AS_OF,
          payments: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The late-payment calculator run alone on the same invoices (amount, due date, reference)."""
    payload: dict[str, Any] = {"country": country, "debtor": debtor, "until": until,
                               "invoices": [{"amount": a, "due_date": d, "reference": r} for a, d, r in invoices]}
    if payments:
        payload["payments"] = payments
    return ok("late_payment", payload)


def claim_of(result: dict[str, Any]) -> dict[str, str]:
    return {"principal": result["principal_outstanding"], "interest": result["interest"], "costs": result["costs"],
            "total": result["total"]}


# -- the claims are the late-payment calculator's ----------------------------------------------------------------


def test_each_claim_equals_late_payment_run_alone_on_that_customers_overdue_invoices() -> None:
    result = collect(
        [invoice("Peters", "3630.00", "2025-10-01", "F-1"), invoice("Peters", "1210.00", "2025-12-01", "F-2"),
         invoice("Peters", "500.00", "2026-01-15", "F-3"), invoice("Dubois", "2420.00", "2025-11-14", "F-4"),
         invoice("Lefèvre", "850.00", "2025-06-20", "F-5")],
        customers=[{"customer": "Dubois", "country": "BE", "debtor": "business", "language": "fr"},
                   {"customer": "Lefèvre", "country": "FR", "debtor": "consumer", "language": "fr"}])
    rows = by_customer(result)
    assert rows["Peters"]["claim"] == claim_of(alone("NL", "business", [("3630.00", "2025-10-01", "F-1"),
                                                                        ("1210.00", "2025-12-01", "F-2")]))
    assert rows["Dubois"]["claim"] == claim_of(alone("BE", "business", [("2420.00", "2025-11-14", "F-4")]))
    assert rows["Lefèvre"]["claim"] == claim_of(alone("FR", "consumer", [("850.00", "2025-06-20", "F-5")]))
    total = sum(Decimal(row["claim"]["total"]) for row in rows.values())
    assert result["totals"]["claims"]["total"] == f"{total:.2f}"


NAMES = ("Acme", "Beta BV", "Café Gamma", "Delta")
RANDOM = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def ledgers(draw: st.DrawFn) -> dict[str, Any]:
    # The statutory rate tables cover these dates: no rate has to be asked for.
    as_of = draw(st.dates(min_value=date(2021, 1, 1), max_value=date(2026, 6, 30)))
    rows = []
    for _ in range(draw(st.integers(min_value=1, max_value=12))):
        due = as_of - timedelta(days=draw(st.integers(min_value=-30, max_value=700)))
        paid = None
        if due <= as_of and draw(st.booleans()):
            paid = (due + timedelta(days=draw(st.integers(min_value=0, max_value=(as_of - due).days)))).isoformat()
        rows.append(invoice(draw(st.sampled_from(NAMES)), str(draw(st.decimals(min_value=1, max_value=30000,
                                                                                places=2))),
                            due.isoformat(), f"F-{len(rows)}", paid, draw(st.sampled_from([0, 14, 30, 60]))))
    customers = [{"customer": name, "country": draw(st.sampled_from(late_payment.COUNTRIES)),
                  "debtor": draw(st.sampled_from(late_payment.DEBTORS)), "language": "en"}
                 for name in NAMES if draw(st.booleans())]
    return {"as_of": as_of.isoformat(), "invoices": rows, "customers": customers, "creditor": CREDITOR}


@RANDOM
@given(ledgers())
def test_on_random_ledgers_every_claim_is_what_late_payment_answers_alone(payload: dict[str, Any]) -> None:
    result = run("collections", payload, today=lambda: TODAY)
    assert "errors" not in result, result["errors"]
    details = {c["customer"]: c for c in payload["customers"]}
    as_of = payload["as_of"]
    expected: dict[str, list[tuple[str, str, str]]] = {}
    for row in payload["invoices"]:
        if "paid_date" not in row and row["due_date"] < as_of:
            expected.setdefault(row["customer"], []).append((row["amount"], row["due_date"], row["reference"]))
    assert {row["customer"] for row in result["customers"]} == set(expected)
    for row in result["customers"]:
        given_ = details.get(row["customer"], {"country": "NL", "debtor": "business"})
        invoices = sorted(expected[row["customer"]], key=lambda i: (i[1], int(i[2][2:])))
        assert row["claim"] == claim_of(alone(given_["country"], given_["debtor"], invoices, as_of))


# -- the ledger's documents: open amounts, credit notes, disputed invoices, details --------------------------------


def document(customer: str, amount: str, due: str, reference: str, index: int, **extra: Any) -> Document:
    due_day = date.fromisoformat(due)
    return Document(customer, Decimal(amount), due_day - timedelta(days=30), 30, due_day, None, reference, "EUR",
                    index, None, **extra)


def compute_on(documents: list[Document], **payload: Any) -> dict[str, Any]:
    """The run on documents built here (as the ledgers package builds them), through ``read`` for the rest."""
    errors = Errors("en")
    base = {"as_of": AS_OF, "creditor": CREDITOR,
            "invoices": [invoice(d.customer, "1.00", d.due_date.isoformat()) for d in documents], **payload}
    inputs = collections.read(Reader(base, errors), TODAY)
    assert inputs is not None and not errors, errors.items
    given_ = collections._read_customers(Reader(base, Errors("en")))
    assert given_ is not None
    customers = {d.customer.casefold(): collections._details(given_.get(d.customer.casefold()), d, "NL", "en")
                 for d in documents}
    result = collections.compute(dataclasses.replace(inputs, documents=documents, customers=customers), "en")
    check_answer(result)
    return result


def test_the_open_amount_is_claimed_not_the_invoiced_amount() -> None:
    result = compute_on([document("Acme", "1000.00", "2025-10-01", "F-1", 0, open_amount=Decimal("400.00"))])
    assert result["customers"][0]["claim"] == claim_of(alone("NL", "business", [("400.00", "2025-10-01", "F-1")]))


def test_an_open_credit_note_reduces_the_claim_as_a_payment() -> None:
    result = compute_on([document("Acme", "1000.00", "2025-10-01", "F-1", 0),
                         document("Acme", "-200.00", "2025-11-15", "C-1", 1, kind=CREDIT_NOTE)])
    expected = alone("NL", "business", [("1000.00", "2025-10-01", "F-1")],
                     payments=[{"amount": "200.00", "date": "2025-10-16"}])
    assert result["customers"][0]["claim"] == claim_of(expected)
    assert [r["status"] for r in result["customers"][0]["statement"]["rows"]] == ["overdue", "credit_note"]


def test_disputed_invoices_are_left_out_of_claims_and_letters_and_listed() -> None:
    result = compute_on([document("Acme", "1000.00", "2025-10-01", "F-1", 0, disputed=True),
                         document("Acme", "300.00", "2025-11-01", "F-2", 1),
                         document("Beta", "700.00", "2025-09-01", "F-3", 2, disputed=True)])
    assert [row["customer"] for row in result["customers"]] == ["Acme"]
    acme = result["customers"][0]
    assert acme["claim"]["principal"] == "300.00"
    assert [row["reference"] for row in acme["letter"]["invoices"]] == ["F-2"]
    assert "disputed" in acme["flags"]
    assert {d["reference"] for d in result["disputed"]} == {"F-1", "F-3"}
    assert result["totals"]["disputed_invoices"] == 2


def test_invoices_marked_disputed_on_the_page_are_left_out() -> None:
    result = collect([invoice("Acme", "1000.00", "2025-10-01", "F-1"), invoice("Acme", "300.00", "2025-11-01", "F-2")],
                     disputed=["f-1"])
    assert result["customers"][0]["claim"]["principal"] == "300.00"
    assert [d["reference"] for d in result["disputed"]] == ["F-1"]


def test_the_ledgers_own_country_language_and_kind_columns_are_used_and_flagged() -> None:
    details = (("country", "BE"), ("language", "fr"), ("debtor", "consumer"))
    result = compute_on([document("Acme", "1000.00", "2025-10-01", "F-1", 0, details=details)])
    row = result["customers"][0]
    assert (row["country"], row["debtor"], row["language"], row["letter_lang"]) == ("BE", "consumer", "fr", "fr")
    assert row["letter"]["lang"] == "fr"
    assert "details_from_ledger" in row["flags"]


def test_given_details_take_precedence_over_the_ledgers_columns() -> None:
    result = compute_on([document("Acme", "1000.00", "2025-10-01", "F-1", 0, details=(("country", "BE"),))],
                        customers=[{"customer": "ACME", "country": "FR", "debtor": "business", "language": "nl"}])
    row = result["customers"][0]
    assert (row["country"], row["language"], row["details"]) == ("FR", "nl", "given")
    assert not {"no_details", "details_from_ledger"} & set(row["flags"])


def test_a_customer_without_details_gets_the_creditors_country_a_business_and_the_page_language() -> None:
    result = collect([invoice("Acme", "1000.00", "2025-10-01", "F-1")],
                     creditor={"name": "X", "country": "BE"}, lang="fr")
    row = result["customers"][0]
    assert (row["country"], row["debtor"], row["language"]) == ("BE", "business", "fr")
    assert "no_details" in row["flags"]


# -- stages and deadlines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("country", "debtor", "second"), [
    ("NL", "business", "formal_notice"), ("NL", "consumer", "fourteen_day_letter"),
    ("BE", "business", "formal_notice"), ("BE", "consumer", "formal_notice"),
    ("FR", "business", "formal_notice"), ("FR", "consumer", "formal_notice")])
def test_letters_come_the_day_after_the_due_date_then_when_the_reminders_term_has_run(
        country: str, debtor: str, second: str) -> None:
    due = date(2025, 11, 20)
    result = collect([invoice("Acme", "1000.00", due.isoformat(), "F-1")],
                     customers=[{"customer": "Acme", "country": country, "debtor": debtor, "language": "en"}])
    row = result["customers"][0]
    days = rules.integer("nl_consumer_letter_days")
    dates = stage_dates(row)
    assert dates["reminder"] == (due + timedelta(days=1)).isoformat()
    assert dates[second] == (due + timedelta(days=1 + days)).isoformat()
    assert set(dates) & set(collections.LETTER_STAGES) == {"reminder", second}
    assert row["stage"] == second and row["action"]["code"] == second and row["letter"]["kind"] == second


def test_before_the_reminders_term_has_run_the_reminder_is_the_letter() -> None:
    result = collect([invoice("Acme", "1000.00", "2025-12-25", "F-1")])
    row = result["customers"][0]
    assert (row["stage"], row["action"]["code"], row["letter_kind"]) == ("reminder", "reminder", "reminder")
    assert row["upcoming"] == {"code": "formal_notice", "date": "2026-01-09"}


def test_a_deadline_no_source_gives_is_unset_and_the_hand_over_follows_the_receivables_report() -> None:
    row = collect([invoice("Acme", "1000.00", "2025-09-15", "F-1", term=45)])["customers"][0]
    statuses = {stage["code"]: stage["status"] for stage in row["stages"]}
    assert statuses["notify_insurer"] == statuses["stop_deliveries"] == "unset"
    invoiced = date(2025, 9, 15) - timedelta(days=45)
    hand_over = claim_timeline.deadlines(invoiced, 45, rules.integer("handling_months"), 0)[1]
    assert stage_dates(row)["hand_over"] == hand_over.isoformat()


def test_the_policys_own_deadlines_count_from_the_oldest_overdue_due_date() -> None:
    policy = {"notify_insurer": {"days": 30}, "stop_deliveries": {"months": 2}, "hand_over": {"months": 3, "days": 5},
              "reminder": {"days": 7}, "formal_notice": {"days": 21}}
    row = collect([invoice("Acme", "1000.00", "2025-10-31", "F-1"), invoice("Acme", "5.00", "2025-12-01", "F-2")],
                  policy=policy)["customers"][0]
    due = date(2025, 10, 31)
    assert stage_dates(row) == {
        "reminder": (due + timedelta(days=7)).isoformat(), "formal_notice": (due + timedelta(days=21)).isoformat(),
        "notify_insurer": (due + timedelta(days=30)).isoformat(), "stop_deliveries": add_months(due, 2).isoformat(),
        "hand_over": (add_months(due, 3) + timedelta(days=5)).isoformat()}
    assert row["deadlines_passed"] == ["notify_insurer"]
    assert row["action"] == {"code": "stop_deliveries", "date": AS_OF, "urgency": "passed"}
    assert row["upcoming"] == {"code": "hand_over", "date": "2026-02-05"}


def test_an_insurers_published_deadlines_fill_what_the_policy_does_not_say() -> None:
    due = date(2025, 10, 1)
    atradius = collect([invoice("Acme", "1000.00", due.isoformat(), "F-1")],
                       policy={"insurer": "atradius"})["customers"][0]
    stop = add_months(due, rules.integer("atradius_stop_deliveries_months"))
    assert stage_dates(atradius)["stop_deliveries"] == stop.isoformat()
    assert stage_dates(atradius)["hand_over"] == (
        stop + timedelta(days=rules.integer("atradius_hand_over_days_after_stop"))).isoformat()
    assert stage_dates(atradius)["notify_insurer"] is None
    coface = collect([invoice("Acme", "1000.00", due.isoformat(), "F-1")],
                     policy={"insurer": "coface_easyliner", "stop_deliveries": {"days": 45}})["customers"][0]
    assert stage_dates(coface)["notify_insurer"] == (
        due + timedelta(days=rules.integer("coface_easyliner_notify_days"))).isoformat()
    assert stage_dates(coface)["stop_deliveries"] == (due + timedelta(days=45)).isoformat()


def test_the_to_do_list_puts_passed_deadlines_first_then_today_then_this_week() -> None:
    policy = {"reminder": {"days": 3}, "stop_deliveries": {"days": 40}}
    result = collect([invoice("Later", "100.00", "2025-12-29", "F-1"),  # reminder on 1 January: this week
                      invoice("Small", "100.00", "2025-12-10", "F-2"),  # reminder due: today
                      invoice("Big", "900.00", "2025-12-10", "F-3"),  # the same, larger amount first
                      invoice("Old", "50.00", "2025-10-01", "F-4")],  # stop deliveries passed
                     policy=policy)
    assert [(t["customer"], t["urgency"]) for t in result["todo"]] == [
        ("Old", "passed"), ("Big", "today"), ("Small", "today"), ("Later", "week")]
    assert result["totals"]["per_urgency"] == {"passed": 1, "today": 2, "week": 1, "later": 0}
    assert result["todo"][0]["action"] == "hand_over"


def test_customers_with_nothing_overdue_have_no_line() -> None:
    result = collect([invoice("Paid", "100.00", "2025-10-01", "F-1", paid="2025-10-01"),
                      invoice("Early", "100.00", "2026-01-10", "F-2"), invoice("Due today", "100.00", AS_OF, "F-3")])
    assert result["customers"] == [] and result["todo"] == []


def test_without_letters_the_run_gives_the_same_list_and_no_letter() -> None:
    rows = [invoice("Acme", "1000.00", "2025-10-01", "F-1"), invoice("Beta", "10.00", "2025-11-01", "F-2")]
    with_letters, without = collect(rows), collect(rows, letters=False)
    assert without["todo"] == with_letters["todo"]
    assert all(row["letter"] is None for row in without["customers"])
    assert all(row["letter"]["text"] for row in with_letters["customers"])


def test_the_letter_is_addressed_from_the_creditor_to_the_customers_details() -> None:
    row = collect([invoice("Acme", "1000.00", "2025-10-01", "F-1")],
                  creditor={"name": "Janssen BV", "country": "NL", "iban": "NL91ABNA0417164300",
                            "address": "Industrieweg 4\n3542 AD Utrecht"},
                  customers=[{"customer": "Acme", "country": "NL", "debtor": "consumer", "language": "nl",
                              "name": "J. de Vries", "address": "Dorpsstraat 1\n1234 AB Ergens"}])["customers"][0]
    letter = row["letter"]
    assert letter["sender"]["address"] == ["Industrieweg 4", "3542 AD Utrecht"]
    assert letter["sender"]["iban"] == "NL91ABNA0417164300"
    assert letter["recipient"] == {"name": "J. de Vries", "address": ["Dorpsstraat 1", "1234 AB Ergens"],
                                   "kind": "person", "reference": None}
    assert letter["lang"] == "nl" and "J. de Vries" in letter["text"]


def test_the_example_has_letters_in_three_languages() -> None:
    result = ok("collections", EXAMPLES["collections_three_countries"]["payload"])
    assert [row["letter"]["lang"] for row in result["customers"]] == ["nl", "fr", "fr"]
    assert {row["country"] for row in result["customers"]} == {"NL", "BE", "FR"}


def test_customers_named_in_the_details_but_not_in_the_ledger_are_listed() -> None:
    result = collect([invoice("Acme", "1000.00", "2025-10-01", "F-1")],
                     customers=[{"customer": "Acne", "country": "NL", "debtor": "business", "language": "nl"}])
    assert result["unknown_customers"] == ["Acne"]


# -- bad input ----------------------------------------------------------------------------------------------------


def test_bad_customer_details_are_answered_per_field() -> None:
    found = codes("collections", {
        "as_of": AS_OF, "invoices": [invoice("Acme", "1.00", "2025-10-01")], "creditor": CREDITOR,
        "customers": [{"customer": "Acme", "country": "DE", "debtor": "business", "language": "nl"},
                      {"customer": "Beta", "debtor": "person", "language": "de", "notice_date": "2025-02-30"},
                      {"customer": "acme", "country": "NL"}, {"country": "NL"}]})
    assert found == {"customers[0].country": "invalid_choice", "customers[1].debtor": "invalid_choice",
                     "customers[1].language": "invalid_choice", "customers[1].notice_date": "invalid_date",
                     "customers[2].customer": "duplicate_details", "customers[3].customer": "required"}


def test_a_customer_without_details_needs_the_creditors_country() -> None:
    assert codes("collections", {"as_of": AS_OF, "invoices": [invoice("Acme", "1.00", "2025-10-01")]}) == {
        "creditor.country": "required"}


def test_bad_policy_deadlines_are_named() -> None:
    assert codes("collections", {
        "as_of": AS_OF, "invoices": [invoice("Acme", "1.00", "2025-10-01")], "creditor": CREDITOR,
        "policy": {"insurer": "lloyds", "hand_over": {"months": -1}, "stop_deliveries": 5, "typo": 1}}) == {
        "policy.insurer": "invalid_choice", "policy.hand_over.months": "negative",
        "policy.stop_deliveries": "invalid_object", "policy.typo": "unknown_field"}


def test_a_missing_statutory_rate_is_asked_for_once() -> None:
    found = run("collections", {"as_of": "2026-12-01", "creditor": CREDITOR,
                                "invoices": [invoice("Acme", "1.00", "2026-10-01"),
                                             invoice("Beta", "1.00", "2026-10-01")]}, today=lambda: TODAY)
    # Both claims start in a half-year no table holds: the ECB rate is asked for, once (late_payment, item 9).
    assert [(e["field"], e["code"]) for e in found["errors"]] == [("ecb_rates", "ecb_rate_missing")]
    given = run("collections", {"as_of": "2026-12-01", "creditor": CREDITOR,
                                "ecb_rates": [{"from": "2026-07-01", "rate_pct": "2.15"}],
                                "invoices": [invoice("Acme", "1000.00", "2026-10-01")]}, today=lambda: TODAY)
    assert "errors" not in given
    alone = run("late_payment", {"country": given["customers"][0]["country"], "until": "2026-12-01",
                                 "ecb_rates": [{"from": "2026-07-01", "rate_pct": "2.15"}],
                                 "invoices": [{"amount": "1000.00", "due_date": "2026-10-01"}]}, today=lambda: TODAY)
    assert given["customers"][0]["claim"]["interest"] == alone["interest"] != "0.00"
    given_rate = run("collections", {"as_of": "2026-12-01", "creditor": CREDITOR,
                                     "rates": [{"from": "2026-07-01", "rate_pct": "10.15"}],
                                     "invoices": [invoice("Acme", "1.00", "2026-10-01")]}, today=lambda: TODAY)
    assert "errors" not in given_rate


# -- the rate schedule cache of late_payment ----------------------------------------------------------------------


@pytest.mark.parametrize(("country", "debtor", "agreed", "user", "ecb"), [
    ("NL", "business", None, {}, {}), ("FR", "consumer", None, {}, {}), ("BE", "business", Decimal("9.5"), {}, {}),
    ("NL", "consumer", None, {date(2026, 7, 1): Decimal("7")}, {}),
    ("FR", "business", None, {}, {date(2026, 7, 1): Decimal("2.15")})])
def test_a_shared_rate_schedule_gives_the_claim_a_fresh_schedule_gives(
        country: str, debtor: str, agreed: Decimal | None, user: dict[date, Decimal], ecb: dict[date, Decimal]) -> None:
    """A run shares one schedule per basis (late_payment.compute's ``schedules``): the same answer as alone."""
    payload: dict[str, Any] = {"country": country, "debtor": debtor, "until": "2026-11-30",
                               "invoices": [{"amount": "1000", "due_date": "2026-01-31"}]}
    if agreed is not None:
        payload["agreed_rate_pct"] = str(agreed)
    if user:
        payload["rates"] = [{"from": day.isoformat(), "rate_pct": str(rate)} for day, rate in user.items()]
    if ecb:
        payload["ecb_rates"] = [{"from": day.isoformat(), "rate_pct": str(rate)} for day, rate in ecb.items()]
    alone = run("late_payment", payload, today=lambda: TODAY)
    schedules: dict[Any, Any] = {}
    for _ in range(2):
        inputs = late_payment.read(Reader(payload, Errors("en")), TODAY)
        assert inputs is not None
        assert late_payment.compute(inputs, "en", schedules) == alone
    assert len(schedules) == 1
    other = late_payment.read(Reader({**payload, "country": "NL" if country != "NL" else "BE"}, Errors("en")), TODAY)
    assert other is not None and late_payment.schedule_key(other) not in schedules


def test_the_late_payment_request_carries_the_customers_notice_date_and_the_open_amounts() -> None:
    errors = Errors("en")
    inputs = collections.read(Reader({"as_of": AS_OF, "creditor": {**CREDITOR, "iban": "NL91ABNA0417164300"},
                                      "invoices": [invoice("Acme", "1.00", "2025-10-01")]}, errors), TODAY)
    assert inputs is not None and not errors.items
    details = collections.Customer("NL", "consumer", "nl", "J. de Vries", ["Dorpsstraat 1"], date(2025, 11, 3))
    documents = [document("Acme", "500.00", "2025-10-01", "F-1", 0, open_amount=Decimal("120.50"))]
    payload = collections.claim_payload(inputs, details, documents, [], "fourteen_day_letter")
    assert payload["notice_date"] == "2025-11-03"
    assert payload["invoices"] == [{"amount": "120.50", "due_date": "2025-10-01", "reference": "F-1"}]
    assert (payload["country"], payload["debtor"], payload["until"], payload["letter_lang"]) == (
        "NL", "consumer", AS_OF, "nl")
    assert payload["sender"] == {"name": CREDITOR["name"], "iban": "NL91ABNA0417164300"}
    assert payload["recipient"] == {"name": "J. de Vries", "address": "Dorpsstraat 1", "kind": "person"}
