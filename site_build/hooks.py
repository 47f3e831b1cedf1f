"""MkDocs hooks (``mkdocs.yml`` ``hooks:``): what the site's frame needs per language.

mkdocs-static-i18n builds the site once per language on the same config. These
hooks run in each of those builds and, for the language being built:

- give the frame its translated strings (site name, palette toggle, section titles)
  from ``site_build.strings``, so no translated string lives in ``mkdocs.yml``;
- keep the language switcher's links relative (``nl/`` rather than ``/nl/``), so
  the site works from any sub-path;
- expose the disclaimer and its last-checked date to the theme override.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

try:
    from site_build.formatting import day
    from site_build.strings import NAV_SECTIONS, STRINGS, t
except ImportError:  # mkdocs loads hooks by path; make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from site_build.formatting import day
    from site_build.strings import NAV_SECTIONS, STRINGS, t

from calculators.rules import LAST_CHECKED


def _i18n(config: Any) -> Any:
    return config.plugins["i18n"]


def current_language(config: Any) -> str:
    plugin = _i18n(config)
    return str(plugin.current_language or plugin.default_language)


@event_priority(-50)  # before mkdocs-static-i18n (-100) reads extra.alternate
def on_config(config: Any) -> Any:
    lang = current_language(config)
    config.site_name = t(lang, "site.name")
    config.site_description = t(lang, "site.description")
    for palette in config.theme.get("palette") or []:
        toggle = palette.get("toggle")
        if toggle:
            toggle["name"] = t(lang, "palette.to_light" if palette.get("scheme") == "slate" else "palette.to_dark")
    # The switcher's links for the home pages, relative to the site root (static-i18n's defaults start
    # with "/", which breaks under a sub-path); on other pages static-i18n points them at the same page.
    languages = [language for language in _i18n(config).config.languages if language.build]
    config.extra["alternate"] = [
        {"name": language.name, "lang": language.locale,
         "link": "./" if language.default else f"{language.locale}/"}
        for language in languages
    ]
    return config


@event_priority(-110)  # after mkdocs-static-i18n's own nav translations
def on_nav(nav: Any, config: Any, files: Any) -> Any:
    lang = current_language(config)

    def translate(items: list[Any]) -> None:
        for item in items:
            if getattr(item, "is_section", False):
                if item.title in NAV_SECTIONS:
                    item.title = t(lang, NAV_SECTIONS[item.title])
                translate(item.children)

    translate(nav.items)
    return nav


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.globals["portal"] = {
        "strings": STRINGS,
        "disclaimer": {lang: t(lang, "disclaimer.text", date=day(LAST_CHECKED, lang)) for lang in STRINGS},
        "default_language": _i18n(config).default_language,
    }
    return env
