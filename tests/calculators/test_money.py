"""Amounts: Decimal all the way, rounded once, half up, to cents, whatever the ambient context."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal, localcontext
from pathlib import Path

import pytest

from calculators import money


@pytest.mark.parametrize(("amount", "rounded"), [
    ("0.005", "0.01"),       # half up: banker's rounding would give 0.00
    ("0.015", "0.02"),
    ("0.025", "0.03"),       # half even would give 0.02
    ("2.675", "2.68"),       # the float 2.675 is below half: Decimal is not
    ("0.004999", "0.00"),
    ("450.045", "450.05"),
    ("999999999999.995", "1000000000000.00"),
    ("12", "12.00"),
])
def test_cents_rounds_half_up(amount: str, rounded: str) -> None:
    assert money.cents(Decimal(amount)) == Decimal(rounded)
    assert money.text(Decimal(amount)) == rounded


def test_text_always_writes_two_decimals_without_exponent() -> None:
    assert money.text(Decimal("1E+3")) == "1000.00"
    assert money.text(Decimal("0")) == "0.00"
    assert money.text(Decimal("13500")) == "13500.00"


def test_share_is_exact_and_unrounded() -> None:
    assert money.share(Decimal("25000"), Decimal("90")) == Decimal("22500")
    assert money.share(Decimal("0.05"), Decimal("90")) == Decimal("0.045")


def test_without_vat_removes_the_vat_of_an_inclusive_amount() -> None:
    assert money.without_vat(Decimal("12100"), Decimal("21")) == Decimal("10000")
    assert money.without_vat(Decimal("100"), Decimal("0")) == Decimal("100")


def test_money_functions_ignore_the_ambient_context() -> None:
    expected = (money.cents(Decimal("123456.785")), money.share(Decimal("123456.78"), Decimal("90")),
                money.without_vat(Decimal("12345.67"), Decimal("21")))
    with localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = ROUND_DOWN
        assert (money.cents(Decimal("123456.785")), money.share(Decimal("123456.78"), Decimal("90")),
                money.without_vat(Decimal("12345.67"), Decimal("21"))) == expected
    assert expected[0] == Decimal("123456.79")


def test_engine_never_turns_a_number_into_a_float() -> None:
    for module in Path(money.__file__).parent.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert not re.search(r"\bfloat\(|parse_float=float|import math\b", source), module.name


def test_context_keeps_every_digit_of_the_largest_amounts() -> None:
    largest = Decimal("999999999999.99")
    assert money.share(largest, Decimal("99.9999")) == largest * Decimal("99.9999") / 100
    assert money.CONTEXT.prec >= 30
