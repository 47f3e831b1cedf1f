"""The same sections in every language: a page's ``##`` and ``###`` headings counted per language.

The guides are written in parallel in three languages; when one version gains or loses a section, the
others have drifted. The check compares, page by page, how many section headings of each level the
sources have (outside fenced code blocks) and names the page and the counts when they differ. It reads
the sources, not the rendered pages: a heading inside a jinja loop (the glossary's letters) counts once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

#: The heading levels compared: sections and their subsections (the page title is ``#``).
LEVELS = (2, 3)

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{2,6})\s+\S")


def heading_counts(text: str) -> dict[int, int]:
    """How many ATX headings of each level in ``LEVELS`` a Markdown source has, fenced code left out."""
    counts = dict.fromkeys(LEVELS, 0)
    fence: str | None = None
    for line in text.splitlines():
        if match := _FENCE.match(line):
            marker = match.group(1)
            if fence is None:
                fence = marker
            elif marker == fence:
                fence = None
            continue
        if fence is None and (heading := _HEADING.match(line)) and len(heading.group(1)) in counts:
            counts[len(heading.group(1))] += 1
    return counts


def _describe(counts: dict[int, int]) -> str:
    return ", ".join(f"{'#' * level} {counts[level]}" for level in LEVELS)


def heading_mismatches(docs: Path, pages: Mapping[str, tuple[str, ...]]) -> list[str]:
    """One line per page whose heading counts differ between languages: ``file: en ## 4, ### 2; nl ...``."""
    problems = []
    everywhere = sorted(set.intersection(*(set(files) for files in pages.values()))) if pages else []
    for page in everywhere:
        counts = {lang: heading_counts((docs / lang / page).read_text(encoding="utf-8")) for lang in pages}
        if len({tuple(c.values()) for c in counts.values()}) > 1:
            problems.append(f"{page}: " + "; ".join(f"{lang} {_describe(c)}" for lang, c in counts.items()))
    return problems
