"""Render every docs/<lang>/**/*.md as a jinja2 template into the folder mkdocs reads.

The context and the filters are the authors' contract (docs/README.md). Undefined
names are errors (StrictUndefined), reported with the file and line to fix.
"""

from __future__ import annotations

import shutil
import traceback
from pathlib import Path
from typing import Any

import jinja2

from calculators import late_payment_rates

from .errors import BuildError
from .formatting import filters_for
from .load import Sources
from .settings import ASSETS_DIR


def context(sources: Sources, lang: str) -> dict[str, Any]:
    """The names an article may use (docs/README.md), for one language."""
    results = sources.results[lang]

    def example(name: str) -> dict[str, Any]:
        if name not in results:
            raise KeyError(f"no worked example {name!r}; known: {', '.join(results)}")
        return results[name]

    names: dict[str, Any] = {
        "lang": lang,
        "rules": sources.rules,
        "own_risk_pct": sources.own_risk_pct,
        "example": example,
        "examples": sources.examples,
        "last_checked": sources.last_checked,
        "late_payment_rates": late_payment_rates,
    }
    if sources.glossary is not None:
        names["glossary"] = sources.glossary
    return names


def environment(docs: Path, lang: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(docs)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown, not HTML
        keep_trailing_newline=True,
    )
    env.filters.update(filters_for(lang))
    return env


def _template_line(error: BaseException, filename: str) -> int | None:
    """The line of ``filename`` where a runtime error happened (jinja maps its frames to template lines)."""
    line = None
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == filename:
            line = lineno
    return line


def render_page(env: jinja2.Environment, names: dict[str, Any], name: str, docs: Path) -> str:
    """One page rendered; any template problem becomes a BuildError naming the file and line."""
    source_path = docs / name
    try:
        return env.get_template(name).render(names)
    except jinja2.TemplateSyntaxError as error:
        where = f"docs/{name}:{error.lineno}"
        raise BuildError("render", f"{where}: template syntax error: {error.message}", [
            "in Markdown, '{#' starts a jinja comment: write {{ '{#' }} or use {% raw %}...{% endraw %}"
            if "comment" in (error.message or "") else "see docs/README.md for the template contract"]) from None
    except Exception as error:  # undefined names, bad filter input, unknown examples
        line = _template_line(error, str(source_path))
        where = f"docs/{name}" + (f":{line}" if line else "")
        hint = "the names and filters an article may use are listed in docs/README.md"
        if isinstance(error, jinja2.UndefinedError) and "glossary" in str(error):
            hint = "glossary comes from docs/data/glossary.json, which is missing"
        raise BuildError("render", f"{where}: {type(error).__name__}: {error}", [hint]) from None


def render(sources: Sources, out: Path) -> list[Path]:
    """Render all pages of all languages into ``out`` (emptied first); copy assets and other files as they are."""
    if out.exists():
        shutil.rmtree(out)
    written = []
    for lang, pages in sources.pages.items():
        env = environment(sources.docs, lang)
        names = context(sources, lang)
        for page in pages:
            target = out / lang / page
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_page(env, names, f"{lang}/{page}", sources.docs), encoding="utf-8")
            written.append(target)
        for other in (sources.docs / lang).rglob("*"):
            if other.is_file() and other.suffix != ".md":
                target = out / lang / other.relative_to(sources.docs / lang)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(other, target)
    assets = sources.docs / ASSETS_DIR
    if assets.is_dir():
        shutil.copytree(assets, out / ASSETS_DIR)
    return written
