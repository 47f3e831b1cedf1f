"""Complete mkdocs' output: the engine files, the site-root files, per-language search, no dangling extras."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from .errors import BuildError
from .search import write_language_indexes
from .settings import DEFAULT_LANGUAGE, LANGUAGES, LOCK_FILE, ROOT_DIR, SERVED_RUNTIME_FILES, VENDORED_WHEELS
from .vendored import install
from .wheel import keep_served, register

#: Written by mkdocs but meaningless without ``site_url``: a sitemap needs absolute URLs, and nothing fetches it
#: (material only does with navigation.instant, which is off).
WITHOUT_SITE_URL = ("sitemap.xml", "sitemap.xml.gz")
#: Search languages the site does not use; material ships stemmers for thirty.
LUNR_KEEP = {"lunr.stemmer.support.min.js", "lunr.multi.min.js", *(f"lunr.{lang}.min.js" for lang in LANGUAGES)}


def install_engine(site: Path, runtime: Path, wheel: Path, engine: Mapping[str, str],
                   vendored: Sequence[Path] = ()) -> None:
    """The runtime files, the wheel and the lock file that registers it, where ``engine`` (``extra.engine``) says.

    ``vendored``: pinned wheels (openpyxl) served and registered beside the calculators wheel, loaded on demand.
    """
    runtime_dir = site / engine["runtime"]
    runtime_dir.mkdir(parents=True, exist_ok=True)
    for name in SERVED_RUNTIME_FILES:
        shutil.copy2(runtime / name, runtime_dir / name)
    wheel_target, lock_target = site / engine["wheel"], site / engine["lock"]
    for target in (wheel_target, lock_target):
        target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(wheel, wheel_target)
    shutil.copy2(runtime / LOCK_FILE, lock_target)
    register(lock_target, wheel_target)
    install(wheel_target.parent, lock_target, vendored, VENDORED_WHEELS)
    keep_served(lock_target)


def copy_root(docs: Path, site: Path) -> list[Path]:
    """``docs/root/**`` to the site root (service worker, manifest...); never over a built file."""
    source = docs / ROOT_DIR
    if not source.is_dir():
        return []
    files = [p for p in sorted(source.rglob("*")) if p.is_file()]
    clashes = [p.relative_to(source).as_posix() for p in files if (site / p.relative_to(source)).exists()]
    if clashes:
        raise BuildError("finish", "docs/root/ would overwrite files the build wrote", clashes)
    for path in files:
        target = site / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return files


def drop_unused(site: Path, site_url: str | None) -> None:
    """Files of the theme the site never uses: sitemaps without a site_url, other languages' stemmers, source maps.

    Source maps are a third of the theme's bytes and only read by open developer tools; the comments
    pointing to them are removed with them.
    """
    for source_map in site.rglob("*.map"):
        source_map.unlink()
        built = source_map.with_suffix("")
        if built.is_file():
            text = built.read_text(encoding="utf-8")
            built.write_text(re.sub(r"\n?/[/*]# sourceMappingURL=\S+?(?: \*/)?\s*$", "\n", text), encoding="utf-8")
    if not site_url:
        for name in WITHOUT_SITE_URL:
            (site / name).unlink(missing_ok=True)
    lunr = site / "assets" / "javascripts" / "lunr"
    for path in (lunr / "min").glob("*.js"):
        if path.name not in LUNR_KEEP:
            path.unlink()
    for name in ("tinyseg.js", "wordcut.js"):  # segmenters for Japanese, Thai and Hindi
        (lunr / name).unlink(missing_ok=True)


def write_strings_per_language(site: Path, languages: Sequence[str], fallback: str = "en") -> list[Path]:
    """``assets/calc/strings.<lang>.json``: one language's table of the calculators' strings, for its pages.

    ``strings.json`` (every language) stays the source and is still served (the build's pre-rendering reads it);
    a page fetches only its own language: a third of the bytes (issue 22). A key the language lacks carries the
    ``fallback`` language's text, as the page's ``t()`` would have looked it up in the full table.
    """
    folder = site / "assets" / "calc"
    if not (folder / "strings.json").is_file():
        return []  # a site without calculators
    tables = json.loads((folder / "strings.json").read_text(encoding="utf-8"))
    written = []
    for lang in languages:
        table = {**tables.get(fallback, {}), **tables.get(lang, {})}
        path = folder / f"strings.{lang}.json"
        path.write_text(json.dumps({lang: table}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written.append(path)
    return written


def finish(docs: Path, site: Path, runtime: Path, wheel: Path, engine: Mapping[str, str], site_url: str | None,
           vendored: Sequence[Path] = ()) -> None:
    install_engine(site, runtime, wheel, engine, vendored)
    write_language_indexes(site, LANGUAGES, DEFAULT_LANGUAGE)
    write_strings_per_language(site, LANGUAGES)
    drop_unused(site, site_url)
    copy_root(docs, site)
