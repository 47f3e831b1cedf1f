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


def read_policy(r: Reader) -> tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None, str | None]:
    """The policy's settings, with their defaults: coverage, threshold, maximum payout, VAT rate, product.

    Shared with the calculators that apply a policy to many balances (the portfolio report).
    """
    coverage = r.percentage("coverage_pct", default=rules.decimal("coverage_pct"))
    threshold = r.amount("intervention_threshold", required=False,
                         default=rules.decimal("intervention_threshold"))
    max_payout = r.amount("max_payout", required=False)
    vat = r.amount("vat_rate_pct", required=False, maximum=Decimal(100), places=4)
    product = r.choice("product", PRODUCTS, default="generic")
    return coverage, threshold, max_payout, vat, product


def read(r: Reader, today: object = None) -> Inputs | None:
    credit_limit = r.amount("credit_limit")
    outstanding = r.amount("outstanding")
    recovered = r.amount("recovered", required=False, default=Decimal(0))
    coverage, threshold, max_payout, vat, product = read_policy(r)
    if outstanding is not None and recovered is not None and recovered > outstanding:
        r.errors.add(r.path("recovered"), "exceeds_outstanding")
        return None
    if (r.errors or credit_limit is None or outstanding is None or recovered is None
            or coverage is None or threshold is None or product is None):
        return None
    return Inputs(credit_limit, outstanding, recovered, coverage, threshold, max_payout, vat, product)


@dataclass(frozen=True)
class Figures:
    """Every amount of one payout, unrounded where the rule rounds later (``exact_net``, ``basis``)."""

    unpaid: Decimal
    exact_net: Decimal
    net: Decimal
    vat: Decimal
    requested_limit: Decimal
    limit: Decimal  # after the product's cap
    max_payout: Decimal | None  # after the product's maximum
    insured: Decimal
    uninsured: Decimal
    below_threshold: bool
    basis: Decimal
    gross: Decimal
    own_risk: Decimal
    lost_to_threshold: Decimal
    payout: Decimal
    above_max: Decimal


def figures(inputs: Inputs) -> Figures:
    """The payout rule, without an explanation: what :func:`compute` explains, for callers with many balances."""
    unpaid = inputs.outstanding - inputs.recovered
    if inputs.vat_rate_pct:
        exact_net = without_vat(unpaid, inputs.vat_rate_pct)
        net = cents(exact_net)
    else:
        exact_net = net = unpaid
    limit = inputs.credit_limit
    max_payout = inputs.max_payout
    if inputs.product == "mkbzeker":
        limit = min(limit, rules.decimal("mkbzeker_cover_cap"))
        product_max = rules.decimal("mkbzeker_max_payout")
        max_payout = product_max if max_payout is None else min(max_payout, product_max)
    insured = min(net, limit)
    below_threshold = unpaid < inputs.intervention_threshold
    # From the unrounded amount excluding VAT: rounding happens once, at the end. The
    # rounded one could be half a cent higher and add a cent to the payout.
    basis = min(exact_net, limit)
    if below_threshold:
        gross = own_risk = Decimal(0)
        lost_to_threshold = insured
    else:
        gross = cents(share(basis, inputs.coverage_pct))
        own_risk = insured - gross
        lost_to_threshold = Decimal(0)
    payout = gross if max_payout is None else min(gross, max_payout)
    return Figures(unpaid, exact_net, net, unpaid - net, inputs.credit_limit, limit, max_payout, insured,
                   net - insured, below_threshold, basis, gross, own_risk, lost_to_threshold, payout, gross - payout)


def compute(inputs: Inputs, lang: str) -> dict[str, Any]:
    f = figures(inputs)
    explain = Explanation(lang, NAME)
    explain.step("unpaid", outstanding=explain.money(inputs.outstanding),
                 recovered=explain.money(inputs.recovered), unpaid=explain.money(f.unpaid))
    if inputs.vat_rate_pct:
        explain.step("vat", rate=explain.pct(inputs.vat_rate_pct), net=explain.money(f.net),
                     vat=explain.money(f.vat))
    if f.limit != f.requested_limit:
        explain.step("mkbzeker_cap", limit=explain.money(f.requested_limit), cap=explain.money(f.limit))
    explain.step("insured", net=explain.money(f.net), limit=explain.money(f.limit),
                 insured=explain.money(f.insured), uninsured=explain.money(f.uninsured))
    if f.below_threshold:
        explain.step("below_threshold", unpaid=explain.money(f.unpaid),
                     threshold=explain.money(inputs.intervention_threshold))
    else:
        explain.step("coverage", insured=explain.money_exact(f.basis), pct=explain.pct(inputs.coverage_pct),
                     gross=explain.money(f.gross), own_risk=explain.money(f.own_risk),
                     own_pct=explain.pct(Decimal(100) - inputs.coverage_pct))
    if f.above_max:
        explain.step("max_payout", gross=explain.money(f.gross), max=explain.money(f.max_payout or Decimal(0)))
    explain.step("result", payout=explain.money(f.payout), unpaid=explain.money(f.unpaid))

    breakdown = [
        ("insurer_pays", f.payout),
        ("own_risk", f.own_risk),
        ("above_max", f.above_max),
        ("below_threshold", f.lost_to_threshold),
        ("above_limit", f.uninsured),
        ("vat", f.vat),
    ]
    return {
        "payout": text(f.payout),
        "unpaid_balance": text(f.unpaid),
        "vat_excluded": text(f.vat),
        "covered_basis": text(f.net),
        "effective_limit": text(f.limit),
        "insured_part": text(f.insured),
        "own_risk": text(f.own_risk),
        "uninsured_part": text(f.uninsured),
        "above_max": text(f.above_max),
        "below_threshold": f.below_threshold,
        "coverage_pct": f"{inputs.coverage_pct.normalize():f}",
        "intervention_threshold": text(inputs.intervention_threshold),
        "max_payout": None if f.max_payout is None else text(f.max_payout),
        "product": inputs.product,
        "breakdown": [{"code": code, "amount": text(amount)} for code, amount in breakdown],
        "explanation": explain.steps,
    }
