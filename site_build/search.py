"""One search index per language, and accents that do not matter when searching.

mkdocs-static-i18n stacks every language into one index at ``site/search/``, so a
search on a French page also returns English and Dutch pages. This step splits it:
``site/search/`` keeps the default language, ``site/<lang>/search/`` each other
language (the theme override points a page's search at its language's folder),
each with the lunr language of its texts.

Material's search (lunr) matches words exactly, so ``credit`` would not find
``crédit``. Each entry gets a field ``folded`` holding its words that carry
accents, written without them (``credit assurance-credit`` -> ``credit``); the field
is indexed but never shown. A query typed with accents matches the text, one
typed without matches the folded field.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

#: Weight of the folded field: between text (1) and title (1000), like a text match.
FOLDED_FIELD = {"folded": {"boost": 1.0}}
_TAGS = re.compile(r"<[^>]+>")


def fold(text: str) -> str:
    """``text`` without diacritics: ``assurance-crédit`` -> ``assurance-credit``, ``België`` -> ``Belgie``."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def folded_words(entry: dict[str, Any], separator: str) -> str:
    """The words of an entry's title and text that change when folded, folded, once each."""
    text = html.unescape(_TAGS.sub(" ", f"{entry.get('title', '')} {entry.get('text', '')}"))
    words = dict.fromkeys(w for w in re.split(separator, text) if w and fold(w) != w)
    return " ".join(fold(w) for w in words)


def language_of(location: str, languages: tuple[str, ...], default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def split_index(index: dict[str, Any], languages: tuple[str, ...], default: str) -> dict[str, dict[str, Any]]:
    """The combined index as one index per language, locations relative to that language's root."""
    separator = index["config"]["separator"]
    result: dict[str, dict[str, Any]] = {}
    for lang in languages:
        config = {**index["config"], "lang": [lang], "fields": {**index["config"]["fields"], **FOLDED_FIELD}}
        result[lang] = {"config": config, "docs": []}
    for entry in index["docs"]:
        lang = language_of(entry["location"], languages, default)
        location = entry["location"] if lang == default else entry["location"][len(lang) + 1:]
        result[lang]["docs"].append({**entry, "location": location, "folded": folded_words(entry, separator)})
    return result


def write_language_indexes(site: Path, languages: tuple[str, ...], default: str) -> dict[str, Path]:
    """Replace ``site/search/search_index.json`` by one index per language; their paths."""
    combined = site / "search" / "search_index.json"
    index = json.loads(combined.read_text(encoding="utf-8"))
    written = {}
    for lang, part in split_index(index, languages, default).items():
        target = combined if lang == default else site / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written[lang] = target
    return written
