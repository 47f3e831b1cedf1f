"""Calculators for entrepreneurs who sell on credit: one JSON contract for CLI, browser and tests.

``run(name, payload)`` validates a JSON-like payload, computes with
``Decimal`` and returns either the result with its ``explanation`` or
``{"errors": [...]}``. It never raises on bad input. ``run_json`` does the
same from and to JSON text, parsing numbers straight to ``Decimal``; the CLI
and the browser worker use it.

A calculation runs inside :data:`money.CONTEXT`, so ``+`` and ``-`` on amounts
give the same answer whatever decimal context the caller has set.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterator, MutableMapping
from datetime import date
from decimal import Decimal, localcontext
from types import ModuleType
from typing import Any

from .contract import Errors, read_lang, reader
from .money import CONTEXT

__all__ = ["CALCULATORS", "run", "run_json"]


class _Calculators(MutableMapping[str, ModuleType]):
    """Calculator name -> its module, each imported the first time it is looked up (issue 22: the browser's start-up
    snapshot holds only the calculators its first answers need; the rest, and the ledger readers they bring, are
    imported from the served zip when a page first asks for them). A name is its module's ``NAME``, the module
    ``calculators.<name>``; ``CALCULATORS[name] = module`` registers a module as before."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self._modules: dict[str, ModuleType | None] = dict.fromkeys(names)

    def __getitem__(self, name: str) -> ModuleType:
        module = self._modules[name]
        if module is None:
            module = self._modules[name] = importlib.import_module(f"{__name__}.{name}")
        return module

    def __setitem__(self, name: str, module: ModuleType) -> None:
        self._modules[name] = module

    def __delitem__(self, name: str) -> None:
        del self._modules[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)

    def __contains__(self, name: object) -> bool:
        return name in self._modules


CALCULATORS: MutableMapping[str, ModuleType] = _Calculators((
    "self_assessment_limit", "payout", "eligibility", "claim_timeline", "insurance_value", "late_payment",
    "portfolio",
    # collections: the run over the whole ledger (it composes late_payment and the receivables report)
    "collections",
))
#: The calculators that write letters, the only ones that may ask for the letter sheet (issue 23; the same
#: names as ``letter_sheet.LETTER_CALCULATORS``), and the fields that ask for it (``letter_sheet.read_format``):
#: the sheet's module is imported only for a request that has one of them.
_LETTER_CALCULATORS = frozenset(("late_payment", "collections"))
_SHEET_FIELDS = frozenset(("letter_format", "letter_window"))


def run(name: str, payload: Any, *, today: Callable[[], date] = date.today) -> dict[str, Any]:
    """Run the calculator ``name`` on ``payload``; the result, or field errors."""
    with localcontext(CONTEXT):
        try:
            return _run(name, payload, today)
        except Exception:
            # A bug, not bad input (the tests hunt for this code): still an answer, never a traceback.
            errors = Errors(read_lang(payload)[0] if isinstance(payload, dict) else "en")
            errors.add("", "internal_error")
            return errors.as_result()


def _run(name: str, payload: Any, today: Callable[[], date]) -> dict[str, Any]:
    lang, lang_error = read_lang(payload)
    errors = Errors(lang)
    if lang_error:
        errors.items.append(lang_error)
    module = CALCULATORS.get(name) if isinstance(name, str) else None
    if module is None:
        shown = name[:80] if isinstance(name, str) else type(name).__name__
        errors.add("", "unknown_calculator", name=shown, names=", ".join(CALCULATORS))
        return errors.as_result()
    fields = reader(payload, errors)
    if fields is None:
        return errors.as_result()
    inputs = module.read(fields, today())
    # The letter sheet: a calculator that writes letters may be asked for them laid out as one printable HTML
    # document too (``letter_format: "sheet"``, ``letter_window`` -> ``letter.sheet_html``; letter_sheet.py).
    sheet = None
    if name in _LETTER_CALCULATORS and not _SHEET_FIELDS.isdisjoint(fields.obj):
        from .letter_sheet import read_format  # the letter sheet (issue 23): letters as one A4 HTML document

        sheet = read_format(name, fields)
    fields.finish(allowed_extra=("lang",))
    if errors or inputs is None:
        return errors.as_result()
    result: dict[str, Any] = module.compute(inputs, lang)
    if sheet:
        from .letter_sheet import attach

        attach(result, lang, sheet)
    return result


def run_json(name: str, text: str) -> str:
    """``run`` from JSON text to JSON text; numbers never pass through float."""
    try:
        payload = json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    except (ValueError, TypeError, RecursionError):
        errors = Errors("en")
        errors.add("", "invalid_json")
        return _dumps(errors.as_result())
    return _dumps(run(name, payload))


def _dumps(result: dict[str, Any]) -> str:
    text = json.dumps(result, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate echoed from the input (a field name) cannot be UTF-8: escape it.
        text = json.dumps(result)
    return text


def _refuse_constant(token: str) -> Any:
    # NaN and Infinity are not JSON; keep them as text so the field check names them.
    return token
