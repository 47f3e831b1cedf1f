"""Decimal arithmetic with an explicit context, and rounding to cents.

Nothing here reads or changes the ambient decimal context: divisions use
:data:`CONTEXT`, and amounts are rounded once, at the end, half up to cents.
``run()`` computes inside :data:`CONTEXT` too, so that plain ``+`` and ``-``
on amounts never depend on a context the caller has set.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

#: Enough digits that no division of amounts below a thousand billion loses a cent.
CONTEXT = Context(prec=50)
CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def cents(amount: Decimal) -> Decimal:
    """``amount`` rounded half up to cents."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP, context=CONTEXT)


def share(amount: Decimal, pct: Decimal) -> Decimal:
    """``pct`` percent of ``amount``, unrounded."""
    return CONTEXT.divide(CONTEXT.multiply(amount, pct), HUNDRED)


def without_vat(amount: Decimal, vat_rate_pct: Decimal) -> Decimal:
    """The part of a VAT-inclusive ``amount`` that is not VAT, unrounded."""
    return CONTEXT.divide(CONTEXT.multiply(amount, HUNDRED), CONTEXT.add(HUNDRED, vat_rate_pct))


def text(amount: Decimal) -> str:
    """An amount as the contract writes it: a string with two decimals."""
    return f"{cents(amount):f}"
