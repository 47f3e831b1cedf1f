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

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal, localcontext
from types import ModuleType
from typing import Any

from . import claim_timeline, eligibility, insurance_value, late_payment, payout, portfolio, self_assessment_limit
from .contract import Errors, read_lang, reader
from .letter_sheet import attach as attach_sheet  # the letter sheet (issue 23): letters as one A4 HTML document
from .letter_sheet import read_format as read_sheet_format
from .money import CONTEXT

__all__ = ["CALCULATORS", "run", "run_json"]

CALCULATORS: dict[str, ModuleType] = {
    module.NAME: module
    for module in (self_assessment_limit, payout, eligibility, claim_timeline, insurance_value, late_payment,
                   portfolio)
}
# collections: the run over the whole ledger (it composes late_payment and the receivables report)
from . import collections as _collections  # noqa: E402

CALCULATORS[_collections.NAME] = _collections


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
    sheet = read_sheet_format(name, fields)
    fields.finish(allowed_extra=("lang",))
    if errors or inputs is None:
        return errors.as_result()
    result: dict[str, Any] = module.compute(inputs, lang)
    if sheet:
        attach_sheet(result, lang, sheet)
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
