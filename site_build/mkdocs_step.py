"""Run mkdocs (material + static-i18n) on the rendered sources, in this process.

``mkdocs.yml`` stays the single place for theme, languages and navigation; the
build only points it at the rendered folder and the output, leaves pages that
are not written yet out of the nav, and adds ``extra.engine`` (which needs the
wheel's file name). Warnings are errors (``strict: true``) and are reported
with the build error.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import BuildError
from .settings import OVERRIDES_DIR, Paths

# The theme's end-of-life notice (Material for MkDocs -> Zensical, see README): read before material is imported.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.utils.yaml import yaml_load


def prune_nav(nav: list[Any], existing: set[str]) -> tuple[list[Any], list[str]]:
    """``nav`` without the pages not in ``existing`` (and without sections left empty); the pages left out."""
    kept: list[Any] = []
    missing: list[str] = []
    for item in nav:
        if isinstance(item, str):
            (kept if item in existing else missing).append(item)
        elif isinstance(item, dict):
            ((title, value),) = item.items()
            if isinstance(value, list):
                children, gone = prune_nav(value, existing)
                missing += gone
                if children:
                    kept.append({title: children})
            elif isinstance(value, str) and "://" not in value and value not in existing:
                missing.append(value)
            else:
                kept.append(item)
    return kept, missing


class _Collect(logging.Handler):
    """Keeps mkdocs' warnings so the build error can show them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_config(paths: Paths, pages: Iterable[str], engine: dict[str, str]) -> tuple[MkDocsConfig, list[str]]:
    """The validated mkdocs config for this build, and the nav pages that do not exist yet."""
    with paths.mkdocs_yml.open(encoding="utf-8") as fh:
        raw = yaml_load(fh)
    nav, not_written = prune_nav(raw.get("nav") or [], set(pages))
    theme = dict(raw["theme"])
    if (paths.docs / OVERRIDES_DIR).is_dir():
        theme["custom_dir"] = str(paths.docs / OVERRIDES_DIR)
    try:
        config = load_config(
            str(paths.mkdocs_yml),
            docs_dir=str(paths.rendered),
            site_dir=str(paths.site),
            nav=nav,
            theme=theme,
            extra={**(raw.get("extra") or {}), "engine": engine},
        )
    except (Abort, ConfigurationError) as error:
        raise BuildError("mkdocs", f"mkdocs.yml is not valid: {error}") from None
    return config, not_written


def run_mkdocs(config: MkDocsConfig) -> None:
    """``mkdocs build`` with ``config``; warnings (strict mode) and errors become a BuildError."""
    site = Path(config.site_dir)
    if site.exists():
        shutil.rmtree(site)
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    clean_directory = mkdocs_utils.clean_directory  # static-i18n patches it during a build
    try:
        mkdocs_build(config)
    except Abort as error:
        raise BuildError("mkdocs", f"mkdocs stopped: {error}", collect.messages) from None
    except Exception as error:
        raise BuildError("mkdocs", f"mkdocs failed: {type(error).__name__}: {error}", collect.messages) from error
    finally:
        logger.removeHandler(collect)
        mkdocs_utils.clean_directory = clean_directory
    if collect.messages:  # strict mode aborts on warnings, but a plugin may log after the count
        raise BuildError("mkdocs", "mkdocs logged warnings", collect.messages)
