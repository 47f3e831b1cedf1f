"""What a credit insurer pays on a claim, and where the rest of the unpaid balance goes.

The insurer pays its coverage share (usually 90%) of the unpaid balance up to
the credit limit (source 003), excluding VAT (source 000), nothing when the
balance is below the intervention threshold (003), and never more than the
policy's maximum (mkbZeker: cover capped at 15,000, payout at most 13,500,
source 004). Every euro of the unpaid balance ends in exactly one slice of
the breakdown, so the slices add up to the balance.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import rules
from .contract import Reader
from .explain import Explanation
from .money import cents, share, text, without_vat

NAME = "payout"
PRODUCTS = ("generic", "mkbzeker")


@dataclass(frozen=True)
class Inputs:
    credit_limit: Decimal
    outstanding: Decimal
    recovered: Decimal
    coverage_pct: Decimal
    intervention_threshold: Decimal
    max_payout: Decimal | None
    vat_rate_pct: Decimal | None
    product: str


def read(r: Reader, today: object = None) -> Inputs | None:
    credit_limit = r.amount("credit_limit")
    outstanding = r.amount("outstanding")
    recovered = r.amount("recovered", required=False, default=Decimal(0))
    coverage = r.percentage("coverage_pct", default=rules.decimal("coverage_pct"))
    threshold = r.amount("intervention_threshold", required=False,
                         default=rules.decimal("intervention_threshold"))
    max_payout = r.amount("max_payout", required=False)
    vat = r.amount("vat_rate_pct", required=False, maximum=Decimal(100), places=4)
    product = r.choice("product", PRODUCTS, default="generic")
    if outstanding is not None and recovered is not None and recovered > outstanding:
        r.errors.add(r.path("recovered"), "exceeds_outstanding")
        return None
    if (r.errors or credit_limit is None or outstanding is None or recovered is None
            or coverage is None or threshold is None or product is None):
        return None
    return Inputs(credit_limit, outstanding, recovered, coverage, threshold, max_payout, vat, product)


def compute(inputs: Inputs, lang: str) -> dict[str, Any]:
    explain = Explanation(lang, NAME)
    unpaid = inputs.outstanding - inputs.recovered
    explain.step("unpaid", outstanding=explain.money(inputs.outstanding),
                 recovered=explain.money(inputs.recovered), unpaid=explain.money(unpaid))

    if inputs.vat_rate_pct:
        exact_net = without_vat(unpaid, inputs.vat_rate_pct)
        net = cents(exact_net)
        explain.step("vat", rate=explain.pct(inputs.vat_rate_pct), net=explain.money(net),
                     vat=explain.money(unpaid - net))
    else:
        exact_net = net = unpaid
    vat = unpaid - net

    limit = inputs.credit_limit
    max_payout = inputs.max_payout
    if inputs.product == "mkbzeker":
        cap = rules.decimal("mkbzeker_cover_cap")
        product_max = rules.decimal("mkbzeker_max_payout")
        if limit > cap:
            explain.step("mkbzeker_cap", limit=explain.money(limit), cap=explain.money(cap))
            limit = cap
        max_payout = product_max if max_payout is None else min(max_payout, product_max)

    insured = min(net, limit)
    uninsured = net - insured
    explain.step("insured", net=explain.money(net), limit=explain.money(limit),
                 insured=explain.money(insured), uninsured=explain.money(uninsured))

    below_threshold = unpaid < inputs.intervention_threshold
    if below_threshold:
        explain.step("below_threshold", unpaid=explain.money(unpaid),
                     threshold=explain.money(inputs.intervention_threshold))
        gross = Decimal(0)
        own_risk = Decimal(0)
        lost_to_threshold = insured
    else:
        # From the unrounded amount excluding VAT: rounding happens once, at the end. The
        # rounded one could be half a cent higher and add a cent to the payout.
        basis = min(exact_net, limit)
        gross = cents(share(basis, inputs.coverage_pct))
        own_risk = insured - gross
        lost_to_threshold = Decimal(0)
        explain.step("coverage", insured=explain.money_exact(basis), pct=explain.pct(inputs.coverage_pct),
                     gross=explain.money(gross), own_risk=explain.money(own_risk),
                     own_pct=explain.pct(Decimal(100) - inputs.coverage_pct))
    payout = gross if max_payout is None else min(gross, max_payout)
    above_max = gross - payout
    if above_max:
        explain.step("max_payout", gross=explain.money(gross), max=explain.money(max_payout or Decimal(0)))
    explain.step("result", payout=explain.money(payout), unpaid=explain.money(unpaid))

    breakdown = [
        ("insurer_pays", payout),
        ("own_risk", own_risk),
        ("above_max", above_max),
        ("below_threshold", lost_to_threshold),
        ("above_limit", uninsured),
        ("vat", vat),
    ]
    return {
        "payout": text(payout),
        "unpaid_balance": text(unpaid),
        "vat_excluded": text(vat),
        "covered_basis": text(net),
        "effective_limit": text(limit),
        "insured_part": text(insured),
        "own_risk": text(own_risk),
        "uninsured_part": text(uninsured),
        "above_max": text(above_max),
        "below_threshold": below_threshold,
        "coverage_pct": f"{inputs.coverage_pct.normalize():f}",
        "intervention_threshold": text(inputs.intervention_threshold),
        "max_payout": None if max_payout is None else text(max_payout),
        "product": inputs.product,
        "breakdown": [{"code": code, "amount": text(amount)} for code, amount in breakdown],
        "explanation": explain.steps,
    }
