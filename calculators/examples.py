"""The worked examples of the source articles, as calculator payloads with their expected figures.

One vector set serves three readers: the engine tests, the browser tests
(the same payloads typed into the pages must give the same figures) and the
guides, which run these payloads at build time to quote their results.
Only the inputs and the figures the articles state are written here; rule
figures come from ``rules``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

#: The reference date of the self-assessment examples: all payments fall in the 12 months before it.
AS_OF = "2025-12-31"
_FIRST_INVOICE = date(2025, 3, 3)


def _experience(amount: str, term: int, paid_on_day: int, shift: int) -> dict[str, Any]:
    """An invoice of ``amount`` on ``term`` days, paid ``paid_on_day`` days after it was sent."""
    invoiced = _FIRST_INVOICE + timedelta(days=shift)
    return {
        "amount": amount,
        "payment_term_days": term,
        "invoice_date": invoiced.isoformat(),
        "paid_date": (invoiced + timedelta(days=paid_on_day)).isoformat(),
    }


#: Source 004: five invoices of one customer; the 5,000 one was paid 70 days after its due date.
SELF_ASSESSMENT_EXPERIENCES = [
    _experience("2500", 30, 45, 0),
    _experience("1000", 30, 80, 14),
    _experience("5000", 30, 100, 28),
    _experience("7500", 60, 90, 42),
    _experience("3000", 60, 100, 56),
]

#: The same, had the 5,000 invoice been paid within 60 days after its due date (on day 90).
SELF_ASSESSMENT_ON_TIME = [
    dict(e, paid_date=(date.fromisoformat(e["invoice_date"]) + timedelta(days=90)).isoformat())
    if e["amount"] == "5000" else e
    for e in SELF_ASSESSMENT_EXPERIENCES
]

EXAMPLES: dict[str, dict[str, Any]] = {
    "self_assessment_30_days": {
        "calculator": "self_assessment_limit",
        "source": "004",
        "payload": {"new_payment_term_days": 30, "as_of": AS_OF, "experiences": SELF_ASSESSMENT_EXPERIENCES},
        "expect": {"limit": "14000.00", "limit_source": "payment_experiences"},
    },
    "self_assessment_60_days": {
        "calculator": "self_assessment_limit",
        "source": "004",
        "payload": {"new_payment_term_days": 60, "as_of": AS_OF, "experiences": SELF_ASSESSMENT_EXPERIENCES},
        "expect": {"limit": "10500.00", "limit_source": "payment_experiences"},
    },
    "self_assessment_all_on_time": {
        "calculator": "self_assessment_limit",
        "source": "004",
        "payload": {"new_payment_term_days": 30, "as_of": AS_OF, "experiences": SELF_ASSESSMENT_ON_TIME},
        "expect": {"limit": "15000.00", "experiences_total": "19000.00", "capped": True},
    },
    "payout_limit_25000": {
        "calculator": "payout",
        "source": "003",
        "payload": {"credit_limit": "25000", "outstanding": "25000"},
        "expect": {"payout": "22500.00", "own_risk": "2500.00"},
    },
    "payout_limit_50000_france": {
        "calculator": "payout",
        "source": "003",
        "payload": {"credit_limit": "50000", "outstanding": "50000"},
        "expect": {"payout": "45000.00", "own_risk": "5000.00"},
    },
    "payout_partial_payment": {
        "calculator": "payout",
        "source": "003",
        "payload": {"credit_limit": "25000", "outstanding": "25000", "recovered": "10000"},
        "expect": {"payout": "13500.00", "unpaid_balance": "15000.00"},
    },
    "payout_mkbzeker_maximum": {
        "calculator": "payout",
        "source": "004",
        "payload": {"credit_limit": "20000", "outstanding": "20000", "product": "mkbzeker"},
        "expect": {"payout": "13500.00", "effective_limit": "15000.00"},
    },
    "payout_below_threshold": {
        "calculator": "payout",
        "source": "003",
        "payload": {"credit_limit": "25000", "outstanding": "450"},
        "expect": {"payout": "0.00", "below_threshold": True},
    },
    "payout_vat_excluded": {
        "calculator": "payout",
        "source": "000",
        "payload": {"credit_limit": "25000", "outstanding": "12100", "vat_rate_pct": "21"},
        "expect": {"payout": "9000.00", "vat_excluded": "2100.00"},
    },
    "eligibility_fits": {
        "calculator": "eligibility",
        "source": "004",
        "payload": {"is_entrepreneur": True, "customers_are_businesses": True, "sells_on_account": True,
                    "has_unpaid_invoices": True, "has_credit_insurance": False,
                    "annual_turnover": "10000000", "customer_country": "BE"},
        "expect": {"eligible": True, "failed": [], "customer_covered": True},
    },
    "eligibility_already_insured": {
        "calculator": "eligibility",
        "source": "004",
        "payload": {"is_entrepreneur": True, "customers_are_businesses": True, "sells_on_account": True,
                    "has_unpaid_invoices": True, "has_credit_insurance": True,
                    "annual_turnover": "2500000", "customer_country": "US"},
        "expect": {"eligible": False, "failed": ["already_insured"], "customer_covered": False},
    },
    "claim_timeline_30_days": {
        "calculator": "claim_timeline",
        "source": "000",
        "payload": {"invoice_date": "2026-01-15", "payment_term_days": 30},
        "expect": {"milestones": [
            {"code": "invoice", "date": "2026-01-15"},
            {"code": "due", "date": "2026-02-14"},
            {"code": "hand_over", "date": "2026-04-14"},
            {"code": "latest_payout", "date": "2026-09-14"},
        ]},
    },
    "insurance_value_worked": {
        "calculator": "insurance_value",
        "source": "atradius-cost",
        # A firm with 2 million of turnover on credit, 80% of it under customer limits, quoted at 0.3% of the
        # insured turnover (inside the insurer's stated range); its own bad debts ran at 0.5% of turnover;
        # its largest customer owes 120,000 at a net margin of 4%. Our figures, not the article's.
        "payload": {"turnover_on_credit": "2000000", "premium_rate_pct": "0.3", "insured_share_pct": "80",
                    "expected_loss_rate_pct": "0.5", "largest_exposure": "120000", "margin_pct": "4"},
        "expect": {"premium": "4800.00", "insured_turnover": "1600000.00", "expected_loss": "10000.00",
                   "expected_payout": "7200.00", "net_expected": "2400.00", "break_even_loss_rate_pct": "0.33",
                   "largest_loss_uninsured": "120000.00", "largest_loss_insured": "12000.00",
                   "sales_to_replace_largest_loss": "3000000.00"},
    },
    # -- late payment ------------------------------------------------------------------------------------
    "late_payment_fr_felohq": {  # published: 15,000 x (12 % / 365) x 30 = 147.95, plus 40 per invoice
        "calculator": "late_payment",
        "source": "felohq",
        "payload": {"country": "FR", "agreed_rate_pct": "12", "until": "2025-10-30",
                    "invoices": [{"amount": "15000", "due_date": "2025-09-30", "reference": "F-2025-118"}]},
        "expect": {"interest": "147.95", "costs": "40.00", "total": "15187.95"},
    },
    "late_payment_fr_bpifrance_h2_2024": {  # bpifrance: 14.25 % in H2 2024, unpaid x rate x days / 365
        "calculator": "late_payment",
        "source": "bpifrance",
        "payload": {"country": "FR", "until": "2024-12-31",
                    "invoices": [{"amount": "10000", "due_date": "2024-07-31"}]},
        "expect": {"interest": "597.33", "costs": "40.00", "rates_used": [
            {"from": "2024-07-01", "to": "2024-12-31", "rate_pct": "14.25", "source": "table", "published": True}]},
    },
    "late_payment_fr_floor_h1_2026": {  # legifiscal: the floor in H1 2026 is 3 x 2.62 % = 7.86 %
        "calculator": "late_payment",
        "source": "legifiscal",
        "payload": {"country": "FR", "agreed_rate_pct": "7.5", "until": "2026-04-30",
                    "invoices": [{"amount": "3000", "due_date": "2026-01-31"}]},
        "expect": {"interest": "54.86", "warnings": [{"code": "fr_agreed_rate_below_floor"}]},
    },
    "late_payment_be_h2_2024": {  # Belgian rounding: 4.25 + 8 = 12.25, rounded up to 12.5
        "calculator": "late_payment",
        "source": "be-law-2002",
        "payload": {"country": "BE", "until": "2024-12-31", "invoices": [{"amount": "5000", "due_date": "2024-06-30"}]},
        "expect": {"interest": "315.07", "costs": "40.00", "total": "5355.07"},
    },
    "late_payment_nl_h2_2024": {  # the same claim in the Netherlands: 12.25 %, not rounded
        "calculator": "late_payment",
        "source": "rentetool",
        "payload": {"country": "NL", "until": "2024-12-31", "invoices": [{"amount": "5000", "due_date": "2024-06-30"}]},
        # Costs between Dutch businesses: the statutory scale (15 % of 2,500 + 10 % of 2,500), art. 6:96 lid 5 BW
        "expect": {"interest": "308.77", "costs": "625.00", "total": "5933.77"},
    },
    "late_payment_nl_compound": {  # two years of Dutch commercial interest, added to the principal each year
        "calculator": "late_payment",
        "source": "rentetool",
        "payload": {"country": "NL", "until": "2026-03-31",
                    "invoices": [{"amount": "10000", "due_date": "2024-03-15"}]},
        "expect": {"interest": "2435.78", "costs": "875.00", "total": "13310.78"},
    },
    "late_payment_nl_consumer_wik": {  # WIK scale: 15 % of 2,500 = 375, after the 14-day letter went unanswered
        "calculator": "late_payment",
        "source": "nl-stb-2012-141",
        "payload": {"country": "NL", "debtor": "consumer", "until": "2024-12-31", "notice_date": "2024-02-15",
                    "invoices": [{"amount": "2500", "due_date": "2024-01-31"}]},
        "expect": {"costs": "375.00", "costs_after_notice": "375.00", "costs_basis": "nl_wik_scale",
                   "costs_conditions": ["nl_14_day_letter"]},
    },
    # A Dutch consumer pays in full two days late and no 14-day letter was ever sent: no collection costs
    # (art. 6:96 lid 6 BW); the interest of those two days stays owed (art. 6:44 BW: interest before principal).
    "late_payment_nl_consumer_paid_before_notice": {
        "calculator": "late_payment",
        "source": "nl-bw-6-96",
        "payload": {"country": "NL", "debtor": "consumer", "until": "2025-01-02",
                    "invoices": [{"amount": "10000", "due_date": "2024-12-31"}],
                    "payments": [{"amount": "10000", "date": "2025-01-02"}]},
        "expect": {"costs": "0.00", "interest": "0.00", "principal_outstanding": "3.29", "total": "3.29"},
    },
}

#: The receivables report on a small ledger export: three customers, paid and open invoices, one granted limit.
#: Peters Bakery's paid invoices make its self-assessment limit (the one paid 82 days late does not count);
#: Smit Construction owes more than its credit limit; Café De Hoek has no paid history, so no cover.
PORTFOLIO_LEDGER_CSV = (
    "Customer,Invoice number,Invoice date,Due date,Amount,Paid date\n"
    "Peters Bakery,F-101,2025-03-10,2025-04-09,3630.00,2025-04-07\n"
    "Peters Bakery,F-107,2025-06-16,2025-07-16,2420.00,2025-08-04\n"
    "Peters Bakery,F-112,2025-08-11,2025-09-10,4840.00,2025-12-01\n"
    "Peters Bakery,F-118,2025-09-22,2025-10-22,6050.00,\n"
    "Smit Construction,F-115,2025-11-03,2025-12-03,9680.00,\n"
    "Smit Construction,F-121,2025-12-15,2026-01-14,4840.00,\n"
    "Café De Hoek,F-120,2025-12-01,2025-12-31,850.00,\n"
)

EXAMPLES["portfolio_small_ledger"] = {
    "calculator": "portfolio",
    "source": "004",
    "payload": {"as_of": AS_OF, "csv": PORTFOLIO_LEDGER_CSV,
                "limits": [{"customer": "Smit Construction", "credit_limit": "12000"}]},
    "expect": {
        "customers": [
            {"customer": "Smit Construction", "open": "14520.00", "cover": "12000.00", "uninsured": "2520.00",
             "payout_if_default": "10800.00", "flags": ["over_limit", "concentration"]},
            {"customer": "Peters Bakery", "open": "6050.00", "self_assessment_limit": "6050.00",
             "payout_if_default": "5445.00", "hand_over": "2025-12-22",
             "flags": ["hand_over_due", "concentration", "paying_later"]},
            {"customer": "Café De Hoek", "open": "850.00", "cover": "0.00", "flags": ["no_cover"]},
        ],
        "totals": {"open": "21420.00", "uninsured": "3370.00", "payout_if_default": "16245.00"},
    },
}

# -- collections (begin) -----------------------------------------------------------------------------------------
#: The collections run on a small ledger with customers in the Netherlands, Belgium and France, under a policy
#: whose insurer states its deadlines (Atradius: deliveries stop 2 months after the oldest due date, the claim
#: is handed over 30 days later). Bakkerij Peters' oldest invoice fell due on 1 October: both deadlines have
#: come; Boulangerie Dubois' on 14 November: its formal notice is due; Maison Lefèvre (a French consumer) is 11
#: days late: a reminder; Smit Bouw owes nothing due yet; F-106 is disputed and left out.
COLLECTIONS_LEDGER_CSV = (
    "Customer,Invoice number,Invoice date,Due date,Amount,Paid date\n"
    "Bakkerij Peters,F-101,2025-09-01,2025-10-01,3630.00,\n"
    "Bakkerij Peters,F-102,2025-11-01,2025-12-01,1210.00,\n"
    "Bakkerij Peters,F-099,2025-07-01,2025-07-31,2420.00,2025-08-05\n"
    "Boulangerie Dubois,F-103,2025-10-15,2025-11-14,2420.00,\n"
    "Maison Lefèvre,F-104,2025-11-20,2025-12-20,850.00,\n"
    "Smit Bouw,F-105,2025-12-10,2026-01-09,4840.00,\n"
    "Smit Bouw,F-106,2025-10-01,2025-10-31,605.00,\n"
)

EXAMPLES["collections_three_countries"] = {
    "calculator": "collections",
    "source": "003",
    "payload": {
        "as_of": AS_OF, "csv": COLLECTIONS_LEDGER_CSV, "disputed": ["F-106"],
        "creditor": {"name": "Janssen Installaties BV", "address": "Industrieweg 4\n3542 AD Utrecht",
                     "country": "NL", "iban": "NL91ABNA0417164300"},
        "customers": [
            {"customer": "Bakkerij Peters", "country": "NL", "debtor": "business", "language": "nl"},
            {"customer": "Boulangerie Dubois", "country": "BE", "debtor": "business", "language": "fr",
             "address": "Rue Haute 12\n1000 Bruxelles"},
            {"customer": "Maison Lefèvre", "country": "FR", "debtor": "consumer", "language": "fr",
             "name": "Mme Claire Lefèvre", "address": "12 rue de la Paix\n75002 Paris"},
        ],
        "policy": {"insurer": "atradius"},
    },
    "expect": {
        "todo": [
            {"customer": "Bakkerij Peters", "action": "hand_over", "date": "2025-12-31", "urgency": "passed"},
            {"customer": "Boulangerie Dubois", "action": "formal_notice", "date": "2025-11-29", "urgency": "today"},
            {"customer": "Maison Lefèvre", "action": "reminder", "date": "2025-12-21", "urgency": "today"},
        ],
        "totals": {"customers": 3, "disputed_invoices": 1, "letters": 3},
    },
}
# -- collections (end) -------------------------------------------------------------------------------------------
# -- receivables health (DSO, payment behaviour, provision) --------------------------------------------------
#: The same small ledger with a provision matrix typed in: illustrative rates per age of the open invoices (a
#: ledger this small has no write-offs to learn them from). The guide receivables-health.md quotes its figures.
EXAMPLES["portfolio_health"] = {
    "calculator": "portfolio",
    "source": "004",
    "payload": {**EXAMPLES["portfolio_small_ledger"]["payload"],
                "provision_rates_pct": {"not_due": "1", "days_1_30": "3", "days_31_60": "10", "days_61_90": "25",
                                        "days_over_90": "60"}},
    "expect": {
        "dso_days": "242.0", "dso_countback_days": "122.0",
        "customers": [
            {"customer": "Smit Construction", "provision": {"amount": "338.80", "insured": "252.00"}},
            {"customer": "Peters Bakery", "behaviour": {"days_late": "40.7", "score": 56, "trend_days": "74.4"},
             "provision": {"amount": "1512.50", "insured": "1361.25"}},
            {"customer": "Café De Hoek", "provision": {"amount": "8.50", "insured": "0.00"}},
        ],
        "totals": {"provision": "1859.80", "provision_insured": "1613.25", "provision_uninsured": "246.55"},
    },
}
