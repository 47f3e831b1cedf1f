"""The engine's input contract: reading a JSON payload into checked values.

A :class:`Reader` walks one JSON object, converts each field to the type the
calculator needs and collects every problem as a field error instead of
raising, so one answer can list all of them. Amounts become ``Decimal``
straight from their text; floats are refused because they have already lost
the user's digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from .messages import message
from .money import CONTEXT as _CONTEXT

#: Larger amounts are typing mistakes, not invoices (a thousand billion euro).
MAX_AMOUNT = Decimal("1000000000000")
#: Longest payment term, handling or payout period we accept.
MAX_TERM_DAYS = 3650
MAX_MONTHS = 120
MAX_LIST_ITEMS = 100_000
LANGS = ("en", "nl", "fr")
#: Dates outside these years are typing mistakes; the bound keeps date arithmetic safe.
MIN_YEAR = 1900
MAX_YEAR = 2200

# ASCII digits only: "３０" or "٣٠" are not what a form sends, and \Z refuses a trailing newline.
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z", re.ASCII)
_AMOUNT_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)\Z", re.ASCII)
_INT_RE = re.compile(r"[+-]?\d+\Z", re.ASCII)
_COUNTRY_RE = re.compile(r"[A-Za-z]{2}\Z", re.ASCII)
#: Longest text read as a number: longer ones are typing mistakes, and slow to convert.
_MAX_NUMBER_TEXT = 100
#: Integers beyond this are clamped before ``int()`` spells out their digits (think 1E+999999999).
_BIG = 10**18


class _Missing:
    """Marks a field that is absent, as distinct from JSON null."""


MISSING = _Missing()


@dataclass
class Errors:
    """The field errors of one request, in the order they were found."""

    lang: str
    items: list[dict[str, str]] = field(default_factory=list)

    def add(self, path: str, code: str, **params: Any) -> None:
        self.items.append(
            {"field": path, "code": code, "message": message(self.lang, "error." + code, **params)}
        )

    def __bool__(self) -> bool:
        return bool(self.items)

    def as_result(self) -> dict[str, Any]:
        return {"errors": list(self.items)}


def read_lang(payload: Any) -> tuple[str, dict[str, str] | None]:
    """The request's language, and an error entry when it is not one we speak."""
    lang = payload.get("lang") if isinstance(payload, dict) else None
    if lang is None:  # absent or null: the default, as for every optional field
        return "en", None
    if isinstance(lang, str) and lang in LANGS:
        return lang, None
    return "en", {
        "field": "lang",
        "code": "invalid_choice",
        "message": message("en", "error.invalid_choice", choices=", ".join(LANGS)),
    }


class Reader:
    """Reads the fields of one JSON object, recording errors under ``prefix``."""

    def __init__(self, obj: dict[str, Any], errors: Errors, prefix: str = "") -> None:
        self.obj = obj
        self.errors = errors
        self.prefix = prefix
        self.seen: set[str] = set()

    def path(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def _get(self, name: str, required: bool) -> Any:
        self.seen.add(name)
        raw = self.obj.get(name, MISSING)
        if raw is None:
            raw = MISSING  # null means "not given", as in a cleared form field
        if raw is MISSING and required:
            self.fail(name, "required")
        return raw

    def fail(self, name: str, code: str, /, **params: Any) -> None:
        """Record the error ``code`` for the field ``name``."""
        self.errors.add(self.path(name), code, **params)

    def finish(self, allowed_extra: tuple[str, ...] = ()) -> None:
        """Report every field that no one asked for (a typo is an error)."""
        for name in self.obj:
            if name not in self.seen and name not in allowed_extra:
                self.fail(name, "unknown_field", name=str(name)[:80])

    # -- typed fields -------------------------------------------------------

    def amount(self, name: str, *, required: bool = True, default: Decimal | None = None,
               maximum: Decimal = MAX_AMOUNT, places: int = 2) -> Decimal | None:
        raw = self._get(name, required)
        if raw is MISSING:
            return default
        number = self._decimal(name, raw)
        if number is None:
            return None
        if number < 0:
            self.fail(name, "negative")
            return None
        if number > maximum:
            self.fail(name, "too_large", maximum=_plain(maximum))
            return None
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > places and number != number.quantize(
                Decimal(1).scaleb(-places, context=_CONTEXT), context=_CONTEXT):
            self.fail(name, "too_many_decimals", places=places)
            return None
        return number.copy_abs()  # -0 is zero, not "-0.00"

    def percentage(self, name: str, *, default: Decimal) -> Decimal | None:
        return self.amount(name, required=False, default=default, maximum=Decimal(100), places=4)

    def integer(self, name: str, *, required: bool = True, default: int | None = None,
                maximum: int = MAX_TERM_DAYS) -> int | None:
        raw = self._get(name, required)
        if raw is MISSING:
            return default
        value: int | None = None
        if isinstance(raw, bool):
            value = None
        elif isinstance(raw, int):
            value = raw
        elif isinstance(raw, Decimal) and raw.is_finite() and raw == raw.to_integral_value(context=_CONTEXT):
            value = int(max(min(raw, Decimal(_BIG)), Decimal(-_BIG)))
        elif isinstance(raw, str) and _INT_RE.match(raw.strip()):
            text = raw.strip()
            if len(text.lstrip("+-").lstrip("0")) > 18:
                value = -_BIG if text.startswith("-") else _BIG
            else:
                value = int(text)
        if value is None:
            self.fail(name, "invalid_integer")
            return None
        if value < 0:
            self.fail(name, "negative")
            return None
        if value > maximum:
            self.fail(name, "too_large", maximum=str(maximum))
            return None
        return value

    def boolean(self, name: str, *, required: bool = True, default: bool | None = None) -> bool | None:
        raw = self._get(name, required)
        if raw is MISSING:
            return default
        if not isinstance(raw, bool):
            self.fail(name, "invalid_boolean")
            return None
        return raw

    def day(self, name: str, *, required: bool = True, default: date | None = None) -> date | None:
        raw = self._get(name, required)
        if raw is MISSING:
            return default
        if isinstance(raw, str) and _DATE_RE.match(raw):
            try:
                day = date.fromisoformat(raw)
            except ValueError:
                pass
            else:
                if MIN_YEAR <= day.year <= MAX_YEAR:
                    return day
                self.fail(name, "date_out_of_range", first=str(MIN_YEAR), last=str(MAX_YEAR))
                return None
        self.fail(name, "invalid_date")
        return None

    def text(self, name: str, *, required: bool = False, maximum: int | None = None,
             numbers: bool = False) -> str | None:
        """A short text (a name, a reference): spaces collapsed; ``None`` when absent or blank.

        ``numbers``: a JSON number is taken as its digits (a customer number typed in a spreadsheet).
        """
        raw = self._get(name, False)
        if raw is MISSING or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.fail(name, "required")
            return None
        if isinstance(raw, bool) or not (isinstance(raw, str) or (numbers and isinstance(raw, int))):
            self.fail(name, "invalid_text")
            return None
        if maximum is not None and isinstance(raw, str) and len(raw) > maximum:
            self.fail(name, "text_too_long", maximum=str(maximum))
            return None
        return " ".join(str(raw).split())

    def lines(self, name: str, *, max_lines: int, maximum: int) -> list[str] | None:
        """A text of several lines (a postal address): each line's spaces collapsed, blank lines dropped.

        ``None`` when absent or blank, or (with an error) when it is no text, has more than ``max_lines``
        lines or more than ``maximum`` characters.
        """
        raw = self._get(name, False)
        if raw is MISSING or (isinstance(raw, str) and not raw.strip()):
            return None
        if not isinstance(raw, str):
            self.fail(name, "invalid_text")
            return None
        if len(raw) > maximum:
            self.fail(name, "text_too_long", maximum=str(maximum))
            return None
        found = [" ".join(line.split()) for line in raw.splitlines()]
        found = [line for line in found if line]
        if len(found) > max_lines:
            self.fail(name, "too_many_lines", maximum=str(max_lines))
            return None
        return found

    def child(self, name: str) -> Reader | None:
        """A reader for the optional object ``name`` (its errors named ``name.field``); ``None`` when absent."""
        raw = self._get(name, False)
        if raw is MISSING:
            return None
        if not isinstance(raw, dict):
            self.fail(name, "invalid_object")
            return None
        return Reader(raw, self.errors, self.path(name))

    def choice(self, name: str, choices: tuple[str, ...], *, default: str) -> str | None:
        raw = self._get(name, False)
        if raw is MISSING:
            return default
        if isinstance(raw, str) and raw in choices:
            return raw
        self.fail(name, "invalid_choice", choices=", ".join(choices))
        return None

    def country(self, name: str) -> str | None:
        raw = self._get(name, False)
        if raw is MISSING:
            return None
        if isinstance(raw, str) and _COUNTRY_RE.match(raw.strip()):
            return raw.strip().upper()
        self.fail(name, "invalid_country")
        return None

    def objects(self, name: str, *, max_items: int = MAX_LIST_ITEMS) -> list[tuple[str, dict[str, Any]]] | None:
        """The list ``name`` of JSON objects, each with its own field path."""
        raw = self._get(name, True)
        if raw is MISSING:
            return None
        path = self.path(name)
        if not isinstance(raw, list):
            self.errors.add(path, "invalid_list")
            return None
        if len(raw) > max_items:
            self.errors.add(path, "too_many_items", maximum=str(max_items))
            return None
        items = []
        for index, item in enumerate(raw):
            item_path = f"{path}[{index}]"
            if isinstance(item, dict):
                items.append((item_path, item))
            else:
                self.errors.add(item_path, "invalid_object")
        return items

    def optional_objects(self, name: str, *, max_items: int = MAX_LIST_ITEMS) -> list[tuple[str, dict[str, Any]]]:
        """The list ``name`` of JSON objects when it is given; none when it is absent or ``null`` (a bad list is
        reported by :meth:`objects` and reads as none too)."""
        if self.obj.get(name) is None:
            self.seen.add(name)
            return []
        return self.objects(name, max_items=max_items) or []

    def _decimal(self, name: str, raw: Any) -> Decimal | None:
        if isinstance(raw, bool):
            self.fail(name, "invalid_number")
            return None
        if isinstance(raw, int):
            # Clamped: the caller reports "negative" or "too large" on a number of manageable size.
            return Decimal(max(min(raw, _BIG), -_BIG))
        if isinstance(raw, float):
            # A float has already lost the digits the user typed: refuse it.
            self.fail(name, "float_not_allowed")
            return None
        if isinstance(raw, Decimal):
            number = raw
        elif isinstance(raw, str):
            text = raw.strip()
            if text.lower().lstrip("+-") in ("nan", "snan", "inf", "infinity"):
                self.fail(name, "not_finite")
                return None
            if len(text) > _MAX_NUMBER_TEXT or not _AMOUNT_RE.match(text):
                self.fail(name, "invalid_number")
                return None
            number = Decimal(text)
        else:
            self.fail(name, "invalid_number")
            return None
        if not number.is_finite():
            self.fail(name, "not_finite")
            return None
        return number


def reader(payload: Any, errors: Errors) -> Reader | None:
    """A reader for the request object, or ``None`` (with an error) if it is no object."""
    if not isinstance(payload, dict):
        errors.add("", "invalid_payload")
        return None
    return Reader(payload, errors)


def _plain(number: Decimal) -> str:
    return f"{number:f}"
