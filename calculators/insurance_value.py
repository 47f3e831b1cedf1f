"""Is credit insurance worth it: the premium set against the losses it is expected to pay for.

An expectation, not a forecast: the expected loss is the user's own loss rate
applied to this year's turnover on credit; the insurer is expected to pay its
coverage share (usually 90%, source 003) of the part of it that customer limits
cover. The break-even loss rate is the rate at which that expected payout equals
the premium. The largest-customer scenario runs the payout calculator on the
largest open balance: what one failure costs with and without cover, and how
much extra turnover at the user's margin it takes to earn that loss back. The
quote and the policy prevail over any of these figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from . import payout, rules
from .contract import Reader
from .explain import Explanation
from .money import CONTEXT, HUNDRED, cents, share, text

NAME = "insurance_value"

#: Decimals of ``break_even_loss_rate_pct_exact``, and the most a loss rate may be given with: enough that
#: the exact break-even rate, fed back, gives an expected payout within a thousandth of a cent of the premium
#: for any turnover the contract accepts (at most 10^12).
EXACT_PLACES = 16


@dataclass(frozen=True)
class Inputs:
    turnover_on_credit: Decimal
    premium_rate_pct: Decimal | None
    premium: Decimal | None
    insured_share_pct: Decimal
    coverage_pct: Decimal
    expected_loss_rate_pct: Decimal | None
    largest_exposure: Decimal | None
    largest_exposure_limit: Decimal | None
    margin_pct: Decimal | None


def read(r: Reader, today: object = None) -> Inputs | None:
    turnover = r.amount("turnover_on_credit")
    rate = r.amount("premium_rate_pct", required=False, maximum=HUNDRED, places=4)
    premium = r.amount("premium", required=False)
    insured_share = r.percentage("insured_share_pct", default=HUNDRED)
    coverage = r.percentage("coverage_pct", default=rules.decimal("coverage_pct"))
    loss_rate = r.amount("expected_loss_rate_pct", required=False, maximum=HUNDRED, places=EXACT_PLACES)
    largest = r.amount("largest_exposure", required=False)
    largest_limit = r.amount("largest_exposure_limit", required=False)
    margin = r.amount("margin_pct", required=False, maximum=HUNDRED, places=4)
    fields = {e["field"] for e in r.errors.items}
    if "premium" not in fields and "premium_rate_pct" not in fields:
        if rate is not None and premium is not None:
            r.errors.add(r.path("premium"), "premium_and_rate")
        elif rate is None and premium is None:
            r.errors.add(r.path("premium_rate_pct"), "premium_or_rate")
    if margin is not None and margin == 0:
        r.errors.add(r.path("margin_pct"), "zero_margin")
    if largest_limit is not None and largest is None:
        r.errors.add(r.path("largest_exposure"), "required_with", other="largest_exposure_limit")
    if r.errors or turnover is None or insured_share is None or coverage is None:
        return None
    return Inputs(turnover, rate, premium, insured_share, coverage, loss_rate, largest, largest_limit, margin)


def _exact_pct(numerator: Decimal, denominator: Decimal) -> Decimal:
    """``numerator / denominator`` as a percentage, to :data:`EXACT_PLACES` decimals (half up)."""
    quotient = CONTEXT.divide(CONTEXT.multiply(numerator, HUNDRED), denominator)
    return quotient.quantize(Decimal(1).scaleb(-EXACT_PLACES), rounding=ROUND_HALF_UP, context=CONTEXT)


def compute(inputs: Inputs, lang: str) -> dict[str, Any]:
    explain = Explanation(lang, NAME)
    result: dict[str, Any] = {}

    insured_turnover = cents(share(inputs.turnover_on_credit, inputs.insured_share_pct))
    explain.step("insured_turnover", turnover=explain.money(inputs.turnover_on_credit),
                 pct=explain.pct(inputs.insured_share_pct), insured=explain.money(insured_turnover))
    if inputs.premium is not None:
        premium = cents(inputs.premium)
        explain.step("premium_quoted", premium=explain.money(premium))
        rate_paid = _exact_pct(premium, insured_turnover) if insured_turnover else None
        if rate_paid is not None:
            result["premium_rate_pct"] = _pct_text(rate_paid.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP,
                                                                       context=CONTEXT))
            explain.step("premium_quoted_rate", premium=explain.money(premium),
                         insured=explain.money(insured_turnover), pct=explain.pct(_two(rate_paid)))
    else:
        assert inputs.premium_rate_pct is not None  # read() requires one of the two
        # The premium is one yearly amount: rounded once to cents, like an invoice from the insurer.
        premium = cents(share(insured_turnover, inputs.premium_rate_pct))
        result["premium_rate_pct"] = _pct_text(inputs.premium_rate_pct)
        explain.step("premium_rate", insured=explain.money(insured_turnover),
                     pct=explain.pct(inputs.premium_rate_pct), premium=explain.money(premium))
    result["premium"] = text(premium)
    result["insured_turnover"] = text(insured_turnover)

    # The turnover whose loss the insurer shares, times its share: the payout on each euro lost on it.
    payout_base = share(insured_turnover, inputs.coverage_pct)
    if payout_base > 0:
        exact = _exact_pct(premium, payout_base)
        result["break_even_loss_rate_pct"] = f"{_two(exact):f}"
        result["break_even_loss_rate_pct_exact"] = _pct_text(exact)
        explain.step("break_even", premium=explain.money(premium), insured=explain.money(insured_turnover),
                     coverage=explain.pct(inputs.coverage_pct), pct=explain.pct(_two(exact)))
    else:
        result["break_even_loss_rate_pct"] = None
        explain.step("break_even_none", insured=explain.money(insured_turnover),
                     coverage=explain.pct(inputs.coverage_pct))

    if inputs.expected_loss_rate_pct is not None:
        rate = inputs.expected_loss_rate_pct
        expected_loss = cents(share(inputs.turnover_on_credit, rate))
        # From the unrounded payout base: rounding once, at the end, keeps break-even at zero to the cent.
        expected_payout = cents(share(payout_base, rate))
        net = expected_payout - premium
        result.update(expected_loss=text(expected_loss), expected_payout=text(expected_payout),
                      net_expected=text(net))
        explain.step("expected_loss", turnover=explain.money(inputs.turnover_on_credit), pct=explain.pct(rate),
                     loss=explain.money(expected_loss))
        explain.step("expected_payout", insured=explain.money(insured_turnover), pct=explain.pct(rate),
                     coverage=explain.pct(inputs.coverage_pct), payout=explain.money(expected_payout))
        explain.step("net_gain" if net > 0 else "net_cost" if net < 0 else "net_even",
                     payout=explain.money(expected_payout), premium=explain.money(premium),
                     net=explain.money(abs(net)))

    if inputs.largest_exposure is not None:
        largest = inputs.largest_exposure
        limit = largest if inputs.largest_exposure_limit is None else inputs.largest_exposure_limit
        claim = payout.compute(payout.Inputs(
            credit_limit=limit, outstanding=largest, recovered=Decimal(0), coverage_pct=inputs.coverage_pct,
            intervention_threshold=rules.decimal("intervention_threshold"), max_payout=None,
            vat_rate_pct=None, product="generic"), lang)
        insured_loss = largest - Decimal(claim["payout"])
        result.update(largest_loss_uninsured=text(largest), largest_loss_insured=text(insured_loss),
                      largest_payout=claim["payout"])
        explain.step("largest", exposure=explain.money(largest), limit=explain.money(limit),
                     payout=explain.money(Decimal(claim["payout"])), kept=explain.money(insured_loss))
        if inputs.margin_pct is not None:
            sales = cents(CONTEXT.divide(CONTEXT.multiply(largest, HUNDRED), inputs.margin_pct))
            sales_insured = cents(CONTEXT.divide(CONTEXT.multiply(insured_loss, HUNDRED), inputs.margin_pct))
            result.update(sales_to_replace_largest_loss=text(sales),
                          sales_to_replace_insured_loss=text(sales_insured))
            explain.step("sales_to_replace", loss=explain.money(largest), margin=explain.pct(inputs.margin_pct),
                         sales=explain.money(sales), kept=explain.money(insured_loss),
                         sales_insured=explain.money(sales_insured))
    explain.step("caveat")
    result["coverage_pct"] = _pct_text(inputs.coverage_pct)
    result["insured_share_pct"] = _pct_text(inputs.insured_share_pct)
    result["explanation"] = explain.steps
    return result


def _two(pct: Decimal) -> Decimal:
    return cents(pct)  # a percentage to two decimals, half up, as the contract writes rates


def _pct_text(pct: Decimal) -> str:
    """A percentage without trailing zeros, as the other calculators write ``coverage_pct``."""
    return f"{pct.normalize(context=CONTEXT):f}"
