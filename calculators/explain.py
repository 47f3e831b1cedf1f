"""Explanations: the ordered, translated steps that let a user check an answer by hand."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from . import messages
from .messages import NBSP
from .money import CONTEXT, cents


class Explanation:
    """Collects the steps of one calculation in the request's language."""

    def __init__(self, lang: str, calculator: str) -> None:
        self.lang = lang
        self.calculator = calculator
        self.steps: list[dict[str, str]] = []

    def text(self, code: str, **params: Any) -> str:
        """The calculator's message ``code`` in the request's language."""
        return messages.message(self.lang, f"{self.calculator}.{code}", **params)

    def step(self, code: str, **params: Any) -> None:
        self.steps.append({"code": code, "text": self.text(code, **params)})

    def money(self, amount: Decimal) -> str:
        return messages.format_money(cents(amount), self.lang)

    def money_exact(self, amount: Decimal) -> str:
        """An intermediate amount: in cents when it is whole cents, else to four decimals with a ≈."""
        if amount == cents(amount):
            return self.money(amount)
        four = amount.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP, context=CONTEXT)
        return "≈" + NBSP + messages.format_money(four, self.lang, 4)

    def pct(self, value: Decimal) -> str:
        return messages.format_pct(value, self.lang)

    def date(self, day: date) -> str:
        return messages.format_date(day, self.lang)
