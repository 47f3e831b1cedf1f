"""The frame's translated strings: every key in every locale, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from site_build.settings import LANGUAGES
from site_build.strings import COUNTRIES, NAV_SECTIONS, STRINGS


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_locale_is_there() -> None:
    assert set(STRINGS) == set(LANGUAGES) == set(COUNTRIES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_exists_with_the_same_placeholders(lang: str) -> None:
    english = STRINGS["en"]
    assert set(STRINGS[lang]) == set(english)
    for key, text in english.items():
        assert text.strip() and STRINGS[lang][key].strip(), (lang, key)
        assert placeholders(STRINGS[lang][key]) == placeholders(text), (lang, key)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_country_has_a_name(lang: str) -> None:
    assert set(COUNTRIES[lang]) == set(COUNTRIES["en"])


def test_nav_sections_point_to_strings() -> None:
    for key in NAV_SECTIONS.values():
        assert all(key in STRINGS[lang] for lang in LANGUAGES)


def test_the_rules_countries_have_names() -> None:
    from calculators.rules import RULES

    assert set(RULES["mkbzeker_countries"].value) <= set(COUNTRIES["en"])
