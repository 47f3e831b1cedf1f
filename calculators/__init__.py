"""Calculators for entrepreneurs who sell on credit: one JSON contract for CLI, browser and tests.

``run(name, payload)`` validates a JSON-like payload, computes with
``Decimal`` and returns either the result with its ``explanation`` or
``{"errors": [...]}``. It never raises on bad input. ``run_json`` does the
same from and to JSON text, parsing numbers straight to ``Decimal``; the CLI
and the browser worker use it.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from types import ModuleType
from typing import Any, Callable

from . import claim_timeline, eligibility, payout, self_assessment_limit
from .contract import Errors, read_lang, reader

__all__ = ["CALCULATORS", "run", "run_json"]

CALCULATORS: dict[str, ModuleType] = {
    module.NAME: module
    for module in (self_assessment_limit, payout, eligibility, claim_timeline)
}


def run(name: str, payload: Any, *, today: Callable[[], date] = date.today) -> dict[str, Any]:
    """Run the calculator ``name`` on ``payload``; the result, or field errors."""
    lang, lang_error = read_lang(payload)
    errors = Errors(lang)
    if lang_error:
        errors.items.append(lang_error)
    module = CALCULATORS.get(name) if isinstance(name, str) else None
    if module is None:
        errors.add("", "unknown_calculator", name=str(name)[:80], names=", ".join(CALCULATORS))
        return errors.as_result()
    fields = reader(payload, errors)
    if fields is None:
        return errors.as_result()
    inputs = module.read(fields, today())
    fields.finish(allowed_extra=("lang",))
    if errors or inputs is None:
        return errors.as_result()
    result: dict[str, Any] = module.compute(inputs, lang)
    return result


def run_json(name: str, text: str) -> str:
    """``run`` from JSON text to JSON text; numbers never pass through float."""
    try:
        payload = json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        errors = Errors("en")
        errors.add("", "invalid_json")
        return json.dumps(errors.as_result(), ensure_ascii=False)
    return json.dumps(run(name, payload), ensure_ascii=False)


def _refuse_constant(token: str) -> Any:
    # NaN and Infinity are not JSON; keep them as text so the field check names them.
    return token
