"""The articles' jinja filters: figures written the way each language writes them.

They reuse the engine's formatters (``calculators.messages``) so a figure reads
the same in a guide as in a calculator's explanation. Floats are refused, as in
the engine: a figure is a Decimal, an int or a decimal string.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from calculators import messages

from .strings import COUNTRIES, STRINGS


def to_decimal(value: Any) -> Decimal:
    """``value`` as a Decimal; floats and non-numbers are errors, never guesses."""
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"a figure must be a Decimal, an int or a decimal string, not {value!r}")
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).strip())
    except InvalidOperation:
        raise TypeError(f"not a number: {value!r}") from None


def money(value: Any, lang: str) -> str:
    """An amount in euro, with cents only when it has some: en ``€15,000``, nl ``€ 15.000``, fr ``15 000 €``."""
    amount = to_decimal(value)
    text = messages.format_money(amount, lang)
    if amount == amount.to_integral_value():
        text = text.replace(messages.format_number(amount, lang, 2), messages.format_number(amount, lang, 0))
    return text


def money_cents(value: Any, lang: str) -> str:
    """An amount in euro with cents: en ``€14,000.00``, nl ``€ 14.000,00``, fr ``14 000,00 €``."""
    return messages.format_money(to_decimal(value), lang)


def pct(value: Any, lang: str) -> str:
    return messages.format_pct(to_decimal(value), lang)


def number(value: Any, lang: str) -> str:
    return messages.format_number(to_decimal(value), lang)


def day(value: Any, lang: str) -> str:
    """A date (or an ISO ``YYYY-MM-DD`` string) written out: ``22 November 2026``."""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if not isinstance(value, date):
        raise TypeError(f"not a date: {value!r}")
    return messages.format_date(value, lang)


def countries(codes: Iterable[str], lang: str) -> str:
    """ISO country codes as names in a sentence: ``the Netherlands, Belgium and France``."""
    names = [COUNTRIES[lang][code] for code in codes]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {STRINGS[lang]['list.and']} {names[-1]}"


FILTERS: dict[str, Callable[[Any, str], str]] = {
    "money": money,
    "money_cents": money_cents,
    "pct": pct,
    "number": number,
    "date": day,
    "countries": countries,
}


def filters_for(lang: str) -> dict[str, Callable[[Any], str]]:
    """The filters bound to one language, as jinja wants them."""
    return {name: (lambda value, _f=fn: _f(value, lang)) for name, fn in FILTERS.items()}
