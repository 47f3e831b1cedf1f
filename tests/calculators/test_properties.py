"""Properties over many generated requests: the engine always answers, and its figures obey the rules.

Figures are checked against independent oracles written with ``fractions.Fraction`` (exact, no
decimal context at all), not against the engine's own helpers.
"""

from __future__ import annotations

import base64
import copy
import json
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal, localcontext
from fractions import Fraction
from typing import Any

from engine_support import EXPERIENCE_FIELDS, INPUT_FIELDS, OUTPUT_FIELDS, check_answer, money
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS, rules, run, run_json

# Sized so that the whole engine suite stays well under a minute on a busy two-core machine.
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
THOROUGH = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = date(2025, 12, 31)
CAP = Fraction(rules.decimal("mkbzeker_cover_cap"))

# -- any JSON value at all ----------------------------------------------------------------------------------

# Huge, but printable: ints past 4300 digits cannot even be shown in a failure report (test_run and
# test_contract give them to every field explicitly).
HUGE_INTS = st.tuples(st.sampled_from([19, 63, 400, 4000]), st.sampled_from([1, -1])).map(lambda t: t[1] * 10 ** t[0])
JSON_SCALARS = (st.none() | st.booleans() | st.integers() | HUGE_INTS
                | st.floats(allow_nan=True, allow_infinity=True)
                | st.decimals(allow_nan=True, allow_infinity=True)  # what run_json makes of JSON numbers
                | st.text(max_size=30)
                | st.sampled_from(["NaN", "-Infinity", "inf", "1e999", "-0", "2025-02-30", "0001-01-01", "", " "]))
JSON = st.recursive(JSON_SCALARS, lambda children: st.lists(children, max_size=4)
                    | st.dictionaries(st.text(max_size=10), children, max_size=4), max_leaves=15)
NAMES = st.sampled_from(list(CALCULATORS)) | st.text(max_size=30)
MONEY_FIELDS = {
    "payout": ("payout", "unpaid_balance", "vat_excluded", "covered_basis", "effective_limit", "insured_part",
               "own_risk", "uninsured_part", "above_max", "intervention_threshold"),
    "self_assessment_limit": ("limit", "cap", "experiences_total", "experiences_limit"),
    "insurance_value": ("premium", "insured_turnover"),
    "late_payment": ("principal", "paid", "principal_outstanding", "interest", "costs", "total"),
}

# -- requests that are nearly right: mostly valid fields, now and then a wrong, odd or missing one ----------

KINDS: dict[str, st.SearchStrategy[Any]] = {  # valid values of each kind
    "amount": (st.decimals(min_value=0, max_value=10**7, places=2).map(str) | st.integers(min_value=0, max_value=10**7)
               | st.decimals(min_value=0, max_value=10**7, places=2)),
    "date": st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31)).map(date.isoformat),
    "int": st.integers(min_value=0, max_value=120) | st.integers(min_value=0, max_value=120).map(str),
    "bool": st.booleans(),
    "pct": st.decimals(min_value=0, max_value=100, places=4).map(str),
    "product": st.sampled_from(["generic", "mkbzeker"]),
    "country": st.sampled_from(["NL", "be", "US", "JP"]),
    "lang": st.sampled_from(["en", "nl", "fr"]),
    "debtor": st.sampled_from(["business", "consumer"]),
    "letter": st.sampled_from(["none", "reminder", "formal_notice", "fourteen_day_letter"]),
    "text": st.text(max_size=20),
    "notice_by": st.sampled_from(["post", "email"]),
    "nl_business_costs": st.sampled_from(["scale", "flat", "agreed"]),
}
ODD = (st.decimals(min_value=-1, max_value=10**13, allow_nan=False, allow_infinity=False)
       | st.dates(min_value=date(1890, 1, 1), max_value=date(2210, 12, 31)).map(date.isoformat)
       | st.integers(min_value=-5, max_value=4000).map(str)
       | st.sampled_from(["other", "ß", "XYZ", "de", "-1", "1.001", "2025-02-29", "2024-02-29"]))
FIELD_KINDS = {
    "new_payment_term_days": "int", "as_of": "date", "credit_report_amount": "amount", "credit_report_date": "date",
    "credit_limit": "amount", "outstanding": "amount", "recovered": "amount", "coverage_pct": "pct",
    "intervention_threshold": "amount", "max_payout": "amount", "vat_rate_pct": "pct", "product": "product",
    "is_entrepreneur": "bool", "customers_are_businesses": "bool", "sells_on_account": "bool",
    "has_unpaid_invoices": "bool", "has_credit_insurance": "bool", "annual_turnover": "amount",
    "customer_country": "country", "invoice_date": "date", "payment_term_days": "int", "handling_months": "int",
    "payout_months": "int", "amount": "amount", "paid_date": "date", "lang": "lang",
    "turnover_on_credit": "amount", "premium_rate_pct": "pct", "premium": "amount", "insured_share_pct": "pct",
    "expected_loss_rate_pct": "pct", "largest_exposure": "amount", "largest_exposure_limit": "amount",
    "margin_pct": "pct",
    # late_payment (its lists are filled by nearly_valid)
    "country": "country", "debtor": "debtor", "until": "date", "agreed_rate_pct": "pct", "letter": "letter",
    "letter_lang": "lang", "creditor": "text", "debtor_name": "text", "pay_within_days": "int",
    "include_periods": "bool", "due_date": "date",
    "notice_date": "date", "notice_by": "notice_by", "nl_business_costs": "nl_business_costs",
    "agreed_costs": "amount", "agreed_rate_compound": "bool", "debt_description": "text",
}


def fill(draw: st.DrawFn, fields: tuple[str, ...], values: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """Each field: usually valid; now and then absent, odd (out of range, misspelt) or anything at all."""
    request: dict[str, Any] = {}
    for field in fields:
        roll = draw(st.integers(min_value=0, max_value=29))
        if roll == 1:
            request[field] = draw(JSON_SCALARS)
        elif roll == 2:
            request[field] = draw(ODD)
        elif roll > 2:
            request[field] = draw(values[field] if field in values else KINDS[FIELD_KINDS[field]])
    if draw(st.integers(min_value=0, max_value=29)) == 0:
        request["outstandng"] = draw(JSON_SCALARS)  # a typo
    return request


@st.composite
def nearly_valid_experience(draw: st.DrawFn) -> Any:
    invoiced = draw(st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31)))
    paid = min(invoiced + timedelta(days=draw(st.integers(min_value=0, max_value=150))), TODAY)
    return fill(draw, EXPERIENCE_FIELDS, {"invoice_date": st.just(invoiced.isoformat()),
                                          "paid_date": st.just(paid.isoformat())})


@st.composite
def nearly_valid_invoice(draw: st.DrawFn) -> Any:
    invoiced = draw(st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31)))
    paid = min(invoiced + timedelta(days=draw(st.integers(min_value=0, max_value=150))), TODAY)
    values = {"invoice_date": st.just(invoiced.isoformat()), "customer": st.sampled_from(["Acme", "Beta", " beta "]),
              "due_date": st.just((invoiced + timedelta(days=30)).isoformat()),
              "paid_date": st.just(paid.isoformat()) | st.none(), "reference": st.text(max_size=5),
              "currency": st.sampled_from(["EUR", "eur", "€", "USD", "x"])}
    return fill(draw, PORTFOLIO_INVOICE_FIELDS, values)


CSV_TEXTS = st.sampled_from([
    "Klant;Factuurdatum;Bedrag;Vervaldatum;Betaaldatum\nAcme;01-06-2025;1.234,56;01-07-2025;\n",
    "Customer,Invoice date,Amount,Payment term\nAcme,2025-06-01,\"1,234.56\",30\nBeta,2025-06-01,x,30\n",
    "Client\tDate de facture\tMontant\tÉchéance\nAcme\t01/06/2025\t1 234,56\t31/12/2025\n",
    "", "a", "a;b\n1;2\n", "PK\x03\x04",
]) | st.text(max_size=60)
CELLS = st.none() | st.text(max_size=10) | st.integers() | st.decimals(allow_nan=True, allow_infinity=True) | st.dates()
PORTFOLIO_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "invoices": st.lists(nearly_valid_invoice() | JSON_SCALARS, max_size=4),
    "csv": CSV_TEXTS,
    "rows": st.just([["Customer", "Invoice date", "Amount", "Due date"]]).flatmap(
        lambda head: st.lists(st.lists(CELLS, max_size=5), max_size=4).map(lambda rows: head + rows)) | JSON,
    "columns": st.dictionaries(st.sampled_from(["customer", "amount", "due_date", "nope"]),
                               st.sampled_from(["Customer", "Amount", "Klant", ""]) | JSON_SCALARS, max_size=2),
    # issue 18: files (text or base64 bytes, anything now and then) and the default term
    "files": st.lists(st.fixed_dictionaries({"name": st.sampled_from(["a.csv", "b.xml", "c.zip"]),
                                             "text": CSV_TEXTS}) | st.fixed_dictionaries(
        {"name": st.text(max_size=5), "base64": st.binary(max_size=40).map(
            lambda b: base64.b64encode(b).decode())}) | JSON_SCALARS, max_size=3) | JSON_SCALARS,
    "default_term_days": KINDS["int"],
    "limits": st.lists(st.fixed_dictionaries({"customer": st.sampled_from(["Acme", "ACME", ""]),
                                              "credit_limit": KINDS["amount"]}) | JSON_SCALARS, max_size=3),
    # receivables health
    "provision_rates_pct": st.dictionaries(st.sampled_from(["not_due", "days_1_30", "days_31_60", "days_61_90",
                                                            "days_over_90", "later"]), KINDS["pct"] | ODD,
                                           max_size=5) | JSON_SCALARS,
}
# collections: the customers' details, the creditor, the policy (its deadlines), invoices marked disputed
_DEADLINE = st.fixed_dictionaries({}, optional={"months": KINDS["int"], "days": KINDS["int"]}) | JSON_SCALARS
COLLECTIONS_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "customers": st.lists(st.fixed_dictionaries({"customer": st.sampled_from(["Acme", "ACME", ""])}, optional={
        "country": st.sampled_from(["NL", "BE", "FR", "DE"]), "debtor": KINDS["debtor"],
        "language": KINDS["lang"], "name": KINDS["text"], "address": KINDS["text"],
        "notice_date": KINDS["date"]}) | JSON_SCALARS, max_size=3),
    "creditor": st.fixed_dictionaries({}, optional={"name": KINDS["text"], "country": KINDS["country"],
                                                    "iban": KINDS["text"]}) | JSON_SCALARS,
    "policy": st.fixed_dictionaries({}, optional={
        "insurer": st.sampled_from(["other", "atradius", "coface_easyliner", "x"]), "notify_insurer": _DEADLINE,
        "stop_deliveries": _DEADLINE, "hand_over": _DEADLINE, "reminder": _DEADLINE}) | JSON_SCALARS,
    "letters": KINDS["bool"],
    "rates": st.lists(st.fixed_dictionaries({"from": st.sampled_from(["2026-07-01", "2026-03-01"]),
                                             "rate_pct": KINDS["pct"]}), max_size=2) | JSON_SCALARS,
    "disputed": st.lists(st.sampled_from(["F-1", "", "f-2"]) | JSON_SCALARS, max_size=2) | JSON_SCALARS,
    "ecb_rates": st.lists(st.fixed_dictionaries({"from": st.sampled_from(["2026-07-01", "2012-01-01"]),
                                                 "rate_pct": KINDS["pct"]}), max_size=2) | JSON_SCALARS,
}
PORTFOLIO_INVOICE_FIELDS = ("customer", "amount", "invoice_date", "payment_term_days", "due_date", "paid_date",
                            "reference", "currency")


@st.composite
def nearly_valid(draw: st.DrawFn, name: str) -> dict[str, Any]:
    experiences = st.lists(nearly_valid_experience() | JSON_SCALARS, max_size=4)
    late = {  # late_payment's lists: mostly valid rows, now and then anything
        "country": st.sampled_from(["NL", "BE", "FR"]) | KINDS["country"],
        "invoices": st.lists(st.fixed_dictionaries({"amount": KINDS["amount"], "due_date": KINDS["date"]})
                             | JSON_SCALARS, max_size=4),
        "payments": st.lists(st.fixed_dictionaries({"amount": KINDS["amount"], "date": KINDS["date"]})
                             | JSON_SCALARS, max_size=3),
        "rates": st.lists(st.fixed_dictionaries({"from": st.sampled_from(["2026-07-01", "2026-01-01", "2026-03-01"]),
                                                 "rate_pct": KINDS["pct"]}), max_size=2),
        "ecb_rates": st.lists(st.fixed_dictionaries({"from": st.sampled_from(["2026-07-01", "2012-01-01",
                                                                             "2027-01-01"]),
                                                     "rate_pct": KINDS["pct"]}), max_size=2),
    }
    values = {"experiences": experiences, "as_of": st.just("2025-12-31")}
    if name == "late_payment":
        values |= late
    if name == "collections":
        values |= PORTFOLIO_VALUES | COLLECTIONS_VALUES
        fields = [f for f in INPUT_FIELDS[name] if f not in ("invoices", "csv", "rows", "files")]
        fields.append(draw(st.sampled_from(["invoices", "csv", "rows", "files"])))
        return fill(draw, (*fields, "lang"), values)
    if name == "portfolio":
        values |= PORTFOLIO_VALUES
        # One ledger source, usually: all three given at once is one error among others.
        fields = [f for f in INPUT_FIELDS[name] if f not in ("invoices", "csv", "rows", "files")]
        fields.append(draw(st.sampled_from(["invoices", "csv", "rows", "files"])))
        if draw(st.integers(min_value=0, max_value=9)) == 0:
            fields.append("invoices")
        return fill(draw, (*fields, "lang"), values)
    return fill(draw, (*INPUT_FIELDS[name], "lang"), values)


# -- the engine always answers ----------------------------------------------------------------------------------


@THOROUGH
@given(name=NAMES, payload=JSON)
def test_any_json_value_gets_an_answer_never_an_exception(name: str, payload: Any) -> None:
    check_answer(run(name, payload))


@THOROUGH
@given(data=st.data(), name=st.sampled_from(list(CALCULATORS)))
def test_nearly_valid_request_gets_a_well_formed_answer(data: st.DataObject, name: str) -> None:
    payload = data.draw(nearly_valid(name))
    before = copy.deepcopy(payload)
    result = run(name, payload, today=lambda: TODAY)
    check_answer(result)
    assert payload == before  # the request is never changed
    if "errors" not in result:
        assert OUTPUT_FIELDS[name] <= set(result)
        for field in MONEY_FIELDS.get(name, ()):
            money(result[field])  # a string with two decimals, never negative


@FAST
@given(text=st.text(max_size=200) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")), name=NAMES)
def test_any_text_gets_a_json_answer(text: str, name: str) -> None:
    answer = run_json(name, text)
    answer.encode("utf-8")
    check_answer(json.loads(answer))


@FAST
@given(data=st.data(), name=st.sampled_from(list(CALCULATORS)))
def test_any_json_text_gets_a_json_answer(data: st.DataObject, name: str) -> None:
    payload = data.draw(nearly_valid(name) | JSON)
    # Floats, NaN and infinities become JSON text (NaN, Infinity) as a careless client would write them.
    text = json.dumps(payload, default=str, allow_nan=True)
    answer = run_json(name, text)
    check_answer(json.loads(answer))


# -- payout ---------------------------------------------------------------------------------------------------------


def cents(amount: Fraction) -> Fraction:
    """Half up to cents, exactly."""
    return Fraction(int(amount * 100 + Fraction(1, 2)), 100)


def fraction(text: str | None) -> Fraction | None:
    return None if text is None else Fraction(text)


CENT_AMOUNTS = st.decimals(min_value=0, max_value=10**9, places=2).map(str)


@st.composite
def payout_requests(draw: st.DrawFn) -> dict[str, Any]:
    outstanding = draw(CENT_AMOUNTS)
    request: dict[str, Any] = {
        "credit_limit": draw(CENT_AMOUNTS | st.sampled_from(["0", "15000", "25000"])),
        "outstanding": outstanding,
        "recovered": draw(st.decimals(min_value=0, max_value=Decimal(outstanding), places=2).map(str)),
        "coverage_pct": draw(st.decimals(min_value=0, max_value=100, places=4).map(str)),
        "intervention_threshold": draw(st.sampled_from(["0", "500", "0.01"]) | CENT_AMOUNTS),
        "product": draw(st.sampled_from(["generic", "mkbzeker"])),
    }
    if draw(st.booleans()):
        request["max_payout"] = draw(CENT_AMOUNTS)
    if draw(st.booleans()):
        request["vat_rate_pct"] = draw(st.sampled_from(["21", "20", "6", "5.5", "0"])
                                       | st.decimals(min_value=0, max_value=100, places=4).map(str))
    return request


def expected_payout(request: dict[str, Any]) -> tuple[Fraction, Fraction, Fraction | None]:
    """The oracle: (payout, the insured share rounded, the maximum payout)."""
    unpaid = Fraction(request["outstanding"]) - Fraction(request["recovered"])
    vat = Fraction(request.get("vat_rate_pct", "0"))
    limit = Fraction(request["credit_limit"])
    maximum = fraction(request.get("max_payout"))
    if request["product"] == "mkbzeker":
        limit = min(limit, CAP)
        product_max = Fraction(rules.decimal("mkbzeker_max_payout"))
        maximum = product_max if maximum is None else min(maximum, product_max)
    insured_share = cents(min(unpaid * 100 / (100 + vat), limit) * Fraction(request["coverage_pct"]) / 100)
    if unpaid < Fraction(request["intervention_threshold"]):
        return Fraction(0), insured_share, maximum
    return (insured_share if maximum is None else min(insured_share, maximum)), insured_share, maximum


@THOROUGH
@given(request=payout_requests())
def test_payout_never_exceeds_the_balance_the_insured_share_or_the_maximum(request: dict[str, Any]) -> None:
    result = run("payout", request)
    paid = Fraction(money(result["payout"]))
    expected, insured_share, maximum = expected_payout(request)
    assert paid <= Fraction(money(result["unpaid_balance"]))
    assert paid <= insured_share
    assert maximum is None or paid <= maximum
    assert paid == expected


@THOROUGH
@given(request=payout_requests())
def test_breakdown_slices_add_up_exactly_to_the_unpaid_balance(request: dict[str, Any]) -> None:
    result = run("payout", request)
    amounts = [money(item["amount"]) for item in result["breakdown"]]
    assert [item["code"] for item in result["breakdown"]] == [
        "insurer_pays", "own_risk", "above_max", "below_threshold", "above_limit", "vat"]
    assert sum(amounts) == money(result["unpaid_balance"])
    assert money(result["unpaid_balance"]) == Decimal(request["outstanding"]) - Decimal(request["recovered"])
    assert money(result["insured_part"]) + money(result["uninsured_part"]) == money(result["covered_basis"])


@FAST
@given(request=payout_requests())
def test_payout_does_not_depend_on_the_callers_decimal_context(request: dict[str, Any]) -> None:
    expected = run("payout", request)
    with localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = ROUND_DOWN
        assert run("payout", request) == expected


# -- self-assessment limit ------------------------------------------------------------------------------------------


@st.composite
def assessments(draw: st.DrawFn) -> dict[str, Any]:
    as_of = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2150, 12, 31)))
    experiences = []
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        invoiced = as_of - timedelta(days=draw(st.integers(min_value=0, max_value=800)))
        paid = invoiced + timedelta(days=draw(st.integers(min_value=0, max_value=(as_of - invoiced).days)))
        experiences.append({
            "amount": draw(st.decimals(min_value=0, max_value=20000, places=2).map(str)),
            "payment_term_days": draw(st.sampled_from([0, 14, 30, 45, 60, 90]) | st.integers(0, 3650)),
            "invoice_date": invoiced.isoformat(), "paid_date": paid.isoformat()})
    return {"new_payment_term_days": draw(st.sampled_from([14, 30, 60]) | st.integers(0, 3650)),
            "as_of": as_of.isoformat(), "experiences": experiences}


def a_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def counts(experience: dict[str, Any], new_term: int, as_of: date) -> bool:
    """The oracle for one experience: source 004's three conditions."""
    paid = date.fromisoformat(experience["paid_date"])
    due = date.fromisoformat(experience["invoice_date"]) + timedelta(days=experience["payment_term_days"])
    return (paid >= a_year_before(as_of) and experience["payment_term_days"] >= new_term
            and (paid - due).days <= rules.integer("self_assessment_max_days_late"))


def limit_of(request: dict[str, Any]) -> Decimal:
    result = run("self_assessment_limit", request)
    assert "errors" not in result, result
    return money(result["limit"])


@THOROUGH
@given(request=assessments())
def test_limit_is_the_capped_sum_of_the_payments_that_count(request: dict[str, Any]) -> None:
    result = run("self_assessment_limit", request)
    as_of = date.fromisoformat(request["as_of"])
    flags = [counts(e, request["new_payment_term_days"], as_of) for e in request["experiences"]]
    assert [row["counted"] for row in result["experiences"]] == flags
    total = sum((Fraction(e["amount"]) for e, f in zip(request["experiences"], flags, strict=True) if f),
                Fraction(0))
    assert Fraction(money(result["experiences_total"])) == total
    assert Fraction(money(result["limit"])) == min(total, CAP)
    assert money(result["limit"]) <= rules.decimal("mkbzeker_cover_cap")
    assert result["counted_count"] == sum(flags)


@THOROUGH
@given(request=assessments(), data=st.data())
def test_paying_later_never_raises_the_limit(request: dict[str, Any], data: st.DataObject) -> None:
    assume(request["experiences"])
    index = data.draw(st.integers(min_value=0, max_value=len(request["experiences"]) - 1))
    delay = data.draw(st.integers(min_value=1, max_value=200))
    later = copy.deepcopy(request)
    chosen = later["experiences"][index]
    if data.draw(st.booleans()):
        # Same payment date, earlier invoice: the payment comes later after its due date.
        chosen["invoice_date"] = (date.fromisoformat(chosen["invoice_date"]) - timedelta(days=delay)).isoformat()
    else:
        # A later payment date; it stays within the period looked at, so only its lateness can change.
        paid = date.fromisoformat(chosen["paid_date"])
        assume(paid >= a_year_before(date.fromisoformat(request["as_of"])))
        chosen["paid_date"] = min(paid + timedelta(days=delay), date.fromisoformat(request["as_of"])).isoformat()
    assert limit_of(later) <= limit_of(request)


@FAST
@given(request=assessments(), data=st.data())
def test_shorter_agreed_term_on_an_old_invoice_never_raises_the_limit(
        request: dict[str, Any], data: st.DataObject) -> None:
    assume(request["experiences"])
    index = data.draw(st.integers(min_value=0, max_value=len(request["experiences"]) - 1))
    shorter = copy.deepcopy(request)
    chosen = shorter["experiences"][index]
    chosen["payment_term_days"] = data.draw(st.integers(min_value=0, max_value=chosen["payment_term_days"]))
    assert limit_of(shorter) <= limit_of(request)


@FAST
@given(request=assessments(), extra=st.integers(min_value=1, max_value=400))
def test_longer_new_payment_term_never_raises_the_limit(request: dict[str, Any], extra: int) -> None:
    longer = dict(request, new_payment_term_days=min(request["new_payment_term_days"] + extra, 3650))
    assert limit_of(longer) <= limit_of(request)


@FAST
@given(request=assessments(), other=assessments())
def test_another_payment_experience_never_lowers_the_limit(request: dict[str, Any], other: dict[str, Any]) -> None:
    as_of = date.fromisoformat(request["as_of"])
    extra = [e for e in other["experiences"] if date.fromisoformat(e["paid_date"]) <= as_of]
    more = dict(request, experiences=request["experiences"] + extra)
    assert limit_of(more) >= limit_of(request)


@FAST
@given(request=assessments(), report=st.decimals(min_value=0, max_value=10**6, places=2).map(str),
       age=st.integers(min_value=0, max_value=800))
def test_limit_with_a_credit_report_never_exceeds_the_cap(request: dict[str, Any], report: str, age: int) -> None:
    as_of = date.fromisoformat(request["as_of"])
    with_report = dict(request, credit_report_amount=report,
                       credit_report_date=(as_of - timedelta(days=age)).isoformat())
    result = run("self_assessment_limit", with_report)
    assert money(result["limit"]) <= rules.decimal("mkbzeker_cover_cap")
    assert money(result["limit"]) >= limit_of(request)  # a report can only add a source
    assert result["limit_source"] in {"payment_experiences", "credit_report", "none"}
