"""Properties of the receivables report over generated ledgers.

Each customer's ``self_assessment_limit``, ``payout_if_default`` (and cover) and ``hand_over`` must be
what the single calculators answer, run through ``calculators.run`` on that customer's own invoices;
balances and ageing are checked against sums written here with ``fractions.Fraction``; and a ledger
gives the same report whether it comes as JSON rows or as a CSV export written the nl, fr or en way.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from engine_support import check_answer, money
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import rules, run

LEDGERS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = ("Acme", "Beta BV", "Café Gamma", "Delta")


@st.composite
def ledgers(draw: st.DrawFn) -> dict[str, Any]:
    as_of = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
    invoices = []
    for _ in range(draw(st.integers(min_value=1, max_value=14))):
        invoiced = as_of - timedelta(days=draw(st.integers(min_value=-20, max_value=800)))
        row: dict[str, Any] = {
            "customer": draw(st.sampled_from(NAMES)),
            "amount": str(draw(st.decimals(min_value=0, max_value=30000, places=2))),
            "invoice_date": invoiced.isoformat(),
            "payment_term_days": draw(st.sampled_from([0, 14, 30, 45, 60, 90])),
        }
        if invoiced <= as_of and draw(st.booleans()):
            row["paid_date"] = (invoiced + timedelta(
                days=draw(st.integers(min_value=0, max_value=(as_of - invoiced).days)))).isoformat()
        invoices.append(row)
    request: dict[str, Any] = {
        "as_of": as_of.isoformat(),
        "invoices": invoices,
        "new_payment_term_days": draw(st.sampled_from([14, 30, 60])),
        "coverage_pct": str(draw(st.decimals(min_value=0, max_value=100, places=2))),
        "intervention_threshold": draw(st.sampled_from(["0", "500", "2500.50"])),
        "product": draw(st.sampled_from(["generic", "mkbzeker"])),
        "handling_months": draw(st.integers(min_value=0, max_value=6)),
        "payout_months": draw(st.integers(min_value=0, max_value=8)),
    }
    limited = draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=2))
    if limited:
        request["limits"] = [{"customer": name, "credit_limit": str(draw(st.decimals(
            min_value=0, max_value=40000, places=2)))} for name in limited]
    if draw(st.booleans()):
        request["max_payout"] = draw(st.sampled_from(["1000", "20000"]))
    if draw(st.booleans()):
        request["vat_rate_pct"] = draw(st.sampled_from(["21", "6"]))
    return request


def single(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    result = run(name, payload)
    assert "errors" not in result, result
    return result


def due(row: dict[str, Any]) -> date:
    return date.fromisoformat(row["invoice_date"]) + timedelta(days=row["payment_term_days"])


@LEDGERS
@given(request=ledgers())
def test_each_customer_agrees_with_the_single_calculators(request: dict[str, Any]) -> None:
    result = single("portfolio", request)
    check_answer(result)
    as_of = date.fromisoformat(request["as_of"])
    limits = {item["customer"]: item["credit_limit"] for item in request.get("limits", [])}
    policy = {key: request[key] for key in ("coverage_pct", "intervention_threshold", "product", "max_payout",
                                            "vat_rate_pct") if key in request}
    names = sorted({r["customer"] for r in request["invoices"]})
    assert sorted(row["customer"] for row in result["customers"]) == names
    for row in result["customers"]:
        mine = [r for r in request["invoices"] if r["customer"] == row["customer"]]
        paid = [r for r in mine if "paid_date" in r]
        open_rows = [r for r in mine if "paid_date" not in r]
        # the self-assessment calculator on this customer's paid invoices
        own = single("self_assessment_limit", {"new_payment_term_days": request["new_payment_term_days"],
                                                 "as_of": request["as_of"],
                                                 "experiences": [{k: v for k, v in r.items() if k != "customer"}
                                                                 for r in paid]})
        assert row["self_assessment_limit"] == own["limit"]
        # the payout calculator on the open balance, with the granted limit or else the self-assessment as limit
        open_total = sum((Fraction(r["amount"]) for r in open_rows), Fraction(0))
        assert Fraction(money(row["open"])) == open_total
        claim = single("payout", {"credit_limit": limits.get(row["customer"], own["limit"]), "outstanding": row["open"],
                                  **policy})
        assert (row["payout_if_default"], row["cover"]) == (claim["payout"], claim["effective_limit"])
        granted = limits.get(row["customer"])
        assert row["credit_limit"] == (None if granted is None else f"{Decimal(granted):.2f}")
        assert Fraction(money(row["uninsured"])) == max(open_total - Fraction(money(row["cover"])), Fraction(0))
        # the claim timeline on the oldest overdue invoice
        overdue = [r for r in open_rows if due(r) < as_of]
        if overdue:
            oldest = min(overdue, key=due)
            timeline = single("claim_timeline", {key: oldest[key] for key in ("invoice_date", "payment_term_days")}
                              | {"handling_months": request["handling_months"],
                                 "payout_months": request["payout_months"]})
            hand_over = next(m["date"] for m in timeline["milestones"] if m["code"] == "hand_over")
            assert row["hand_over"] == hand_over
            assert row["oldest_overdue_days"] == (as_of - due(oldest)).days
            assert ("hand_over_due" in row["flags"]) == (date.fromisoformat(hand_over) <= as_of)
        else:
            assert row["hand_over"] is None and row["oldest_overdue_days"] is None
            assert "hand_over_due" not in row["flags"]
        # ageing: every open euro in one bucket, the overdue ones in the buckets after "not due"
        aging = {key: Fraction(money(value)) for key, value in row["aging"].items()}
        assert sum(aging.values()) == open_total
        assert Fraction(money(row["overdue"])) == open_total - aging["not_due"] == sum(
            (Fraction(r["amount"]) for r in overdue), Fraction(0))
        cover = money(row["cover"])
        assert ("no_cover" in row["flags"]) == (open_total > 0 and cover == 0)
        assert ("over_limit" in row["flags"]) == (cover > 0 and open_total > cover)
        assert ("concentration" in row["flags"]) == (
            open_total > 0 and money(row["share_pct"]) >= rules.decimal("concentration_pct"))


@LEDGERS
@given(request=ledgers())
def test_totals_and_shares_add_up_and_customers_come_largest_first(request: dict[str, Any]) -> None:
    result = single("portfolio", request)
    rows = result["customers"]
    for key in ("open", "overdue", "cover", "uninsured", "payout_if_default"):
        assert money(result["totals"][key]) == sum((money(row[key]) for row in rows), Decimal(0))
    opens = [money(row["open"]) for row in rows]
    assert opens == sorted(opens, reverse=True)
    total = money(result["totals"]["open"])
    shares = sum((money(row["share_pct"]) for row in rows), Decimal(0))
    assert shares == 0 if total == 0 else abs(shares - 100) <= Decimal("0.01") * len(rows)


def as_csv(request: dict[str, Any], lang: str) -> str:
    """The ledger written as ``lang``'s accounting packages write it."""
    def amount(text: str) -> str:
        whole, _, cents = f"{Decimal(text):.2f}".partition(".")
        grouped = f"{int(whole):,}"
        if lang == "nl":
            return grouped.replace(",", ".") + "," + cents
        if lang == "fr":
            return grouped.replace(",", "\u202f") + "," + cents
        return f'"{grouped}.{cents}"'

    def day(text: str | None) -> str:
        if not text:
            return ""
        value = date.fromisoformat(text)
        return {"nl": f"{value:%d-%m-%Y}", "fr": f"{value:%d/%m/%Y}", "en": text}[lang]

    headers = {"nl": "Klant;Factuurdatum;Betalingstermijn;Bedrag;Betaaldatum",
               "fr": "Client;Date de facture;Délai de paiement;Montant;Date de paiement",
               "en": "Customer,Invoice date,Payment term,Amount,Paid date"}[lang]
    sep = "," if lang == "en" else ";"
    lines = [headers] + [sep.join([r["customer"], day(r["invoice_date"]), f"{r['payment_term_days']} days",
                                   amount(r["amount"]), day(r.get("paid_date"))]) for r in request["invoices"]]
    return "\n".join(lines) + "\n"


@LEDGERS
@given(request=ledgers(), lang=st.sampled_from(["nl", "fr", "en"]))
def test_a_csv_export_gives_the_same_report_as_json_rows(request: dict[str, Any], lang: str) -> None:
    expected = single("portfolio", request)
    from_file = single("portfolio", {**{k: v for k, v in request.items() if k != "invoices"},
                                     "csv": as_csv(request, lang)})
    assert from_file["rejected"] == []
    assert from_file["customers"] == expected["customers"]
    assert from_file["totals"] == expected["totals"]


CELL_TEXT = st.sampled_from(["Klant", "Factuurdatum", "Bedrag", "Vervaldatum", "Betaaldatum", "Valuta", "Termijn",
                             "Acme", "01-06-2025", "2025-06-31", "06/25/2025", "1.234,56", "1,234.56", "-5", "(3)",
                             "€ 12", "EUR", "USD", "30 dagen", "", " ", '"', "x\ny", "0,001", "1e5", "NaN", "9" * 30])
CSV_LIKE = st.lists(st.lists(CELL_TEXT, min_size=1, max_size=7), min_size=1, max_size=8).flatmap(
    lambda rows: st.sampled_from([";", ",", "\t", "|"]).map(
        lambda sep: "\n".join(sep.join(row) for row in rows)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=CSV_LIKE | st.text(alphabet=';,\t|"\n\r0123456789.-/€ abcKlantBedrag', max_size=200),
       lang=st.sampled_from(["en", "nl", "fr"]))
def test_any_csv_like_text_gets_a_well_formed_answer(text: str, lang: str) -> None:
    result = run("portfolio", {"csv": text, "as_of": "2025-12-31", "lang": lang})
    check_answer(result)
    if "errors" not in result:
        rows = result["customers"]
        assert sum(money(row["open"]) for row in rows) == money(result["totals"]["open"])
        assert all(set(e) <= {"field", "code", "message", "row", "line", "column"} for e in result["rejected"])
