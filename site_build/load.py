"""Read everything the articles need before anything is written: rules, worked examples, glossary, page list.

The examples are run through the engine here, once per language, so a guide
quotes exactly what the calculator answers. Nothing in this module writes files.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import calculators
from calculators import examples as examples_module
from calculators import rules as rules_module

from .errors import BuildError
from .settings import GLOSSARY_FILE, LANGUAGES


@dataclass(frozen=True)
class Sources:
    """What the render step needs, read and validated."""

    docs: Path
    pages: Mapping[str, tuple[str, ...]]  # lang -> page paths relative to docs/<lang>/, posix, sorted
    rules: Mapping[str, rules_module.Rule]
    own_risk_pct: Decimal
    last_checked: date
    examples: Mapping[str, dict[str, Any]]
    results: Mapping[str, Mapping[str, dict[str, Any]]]  # lang -> example name -> the engine's answer
    glossary: Any

    @property
    def all_pages(self) -> tuple[str, ...]:
        return tuple(sorted({page for pages in self.pages.values() for page in pages}))


def list_pages(docs: Path, languages: tuple[str, ...] = LANGUAGES) -> dict[str, tuple[str, ...]]:
    """The Markdown pages of each language folder."""
    return {
        lang: tuple(sorted(p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")))
        for lang in languages
    }


def run_examples(lang: str) -> dict[str, dict[str, Any]]:
    """Every worked example through the engine, answering in ``lang``."""
    results = {}
    for name, example in examples_module.EXAMPLES.items():
        result = calculators.run(example["calculator"], {**example["payload"], "lang": lang})
        if "errors" in result:
            raise BuildError("load", f"the worked example {name!r} is refused by the engine", [
                f"{e['field'] or '(payload)'}: {e['message']}" for e in result["errors"]])
        results[name] = result
    return results


def read_glossary(docs: Path) -> Any:
    path = docs / GLOSSARY_FILE
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise BuildError("load", f"{path} is not valid JSON: {error}") from None


def load(docs: Path) -> Sources:
    """Rules, examples (run in every language), glossary and the page list of ``docs``."""
    pages = list_pages(docs)
    if not any(pages.values()):
        raise BuildError("load", f"no pages found: expected Markdown files in {docs}/<lang>/ for {LANGUAGES}")
    return Sources(
        docs=docs,
        pages=pages,
        rules=dict(rules_module.RULES),
        own_risk_pct=rules_module.own_risk_pct(),
        last_checked=rules_module.LAST_CHECKED,
        examples=examples_module.EXAMPLES,
        results={lang: run_examples(lang) for lang in LANGUAGES},
        glossary=read_glossary(docs),
    )


def check_translations(pages: Mapping[str, tuple[str, ...]]) -> None:
    """Every page exists in every language: the same file set in each language folder."""
    everything = sorted({page for files in pages.values() for page in files})
    problems = []
    for page in everything:
        missing = [lang for lang, files in pages.items() if page not in files]
        if missing:
            present = [lang for lang in pages if lang not in missing]
            problems.append(f"{page}: missing in {', '.join(missing)} (present in {', '.join(present)})")
    if problems:
        raise BuildError(
            "sources", "a translation is missing: every page needs a file of the same name in each language "
            f"folder ({', '.join(f'docs/{lang}/' for lang in pages)})", problems)
