"""The portal in a real browser: languages, search, nothing off the site, any sub-path.

Runs against the built site/ through the shared fixtures of conftest.py: every
test's page is guarded (a request off the local server or a console error fails
the test). The sub-path tests serve site/ as /deep/prefix/ of a temporary folder.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
LANGS = ("en", "nl", "fr")
PREFIX = "deep/prefix/"

# A word per language, as a reader types it, and the word it must find: French with an elision in the
# text (l'assureur, d'assurance) and an accent the reader leaves out (crédit).
SEARCHES = {
    "en": ("insurer", "insurer"),
    "nl": ("verzekeraar", "verzekeraar"),
    "fr": ("assureur", "assureur"),
}
# Accented French words a reader may type without accents (the first one the texts use only with accents).
FRENCH_WITHOUT_ACCENT = (("creance", "créance"), ("echeance", "échéance"), ("credit", "crédit"))


def lang_root(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def guide_pages() -> list[str]:
    """Directory URLs of the built guide pages (not the calculators, not the language folders)."""
    pages = [""]
    for index in sorted(SITE.glob("*/index.html")):
        name = index.parent.name
        if name not in LANGS and name not in ("calculators", "search", "assets", "pyodide"):
            pages.append(f"{name}/")
    return pages


@pytest.fixture
def bad_responses(page: Any) -> list[str]:
    """Responses of 400 and above (a 404 is also a console error, but this names the URL)."""
    found: list[str] = []
    page.on("response", lambda r: r.status >= 400 and found.append(f"{r.status} {r.url}"))
    return found


def open_search(page: Any) -> Any:
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():  # narrow screens: the field hides behind a button
        button.click()
    field = page.locator("input.md-search__input")
    field.click()
    return field


def search(page: Any, query: str) -> list[str]:
    """The result links material shows for ``query``."""
    field = open_search(page)
    field.press_sequentially(query, delay=10)  # material searches on key events, not on fill()
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    results.first.wait_for(state="attached", timeout=15000)
    return [results.nth(i).get_attribute("href") for i in range(results.count())]


def switch_language(page: Any, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select__link[hreflang='{lang}']").click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("path", ["", "payout/", "wording/"])
def test_language_switcher_lands_on_the_same_page(page: Any, site_url: str, path: str,
                                                  bad_responses: list[str]) -> None:
    page.goto(site_url + path)
    switch_language(page, "nl")
    assert page.url == f"{site_url}nl/{path}"
    switch_language(page, "fr")
    assert page.url == f"{site_url}fr/{path}"
    switch_language(page, "en")
    assert page.url == f"{site_url}{path}"
    assert not bad_responses


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_a_word_in_the_page_language_only(page: Any, site_url: str, lang: str,
                                                       bad_responses: list[str]) -> None:
    typed, word = SEARCHES[lang]
    index = json.loads((SITE / lang_root(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    assert any(word in doc["text"].lower() for doc in index["docs"]), f"no {lang} page says {word!r}"
    page.goto(site_url + lang_root(lang) + "payout/")
    links = search(page, typed)
    assert links
    for link in links:
        path = link[len(site_url):] if link.startswith(site_url) else link
        assert link.startswith(site_url), link
        in_lang = path.split("/", 1)[0]
        assert (in_lang == lang) if lang != "en" else (in_lang not in ("nl", "fr")), link
    assert not bad_responses


def test_french_search_splits_elisions(page: Any, site_url: str) -> None:
    index = json.loads((SITE / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    elided = re.compile(r"\b[ldLD]['’]assur\w*")
    assert any(elided.search(doc["text"]) for doc in index["docs"]), "no French page writes l'assur... / d'assur..."
    page.goto(site_url + "fr/")
    assert search(page, "assurance")
    # The elided form as typed finds the same pages.
    page.goto(site_url + "fr/")
    assert search(page, "l’assureur")


def result_count(page: Any) -> int:
    meta = page.locator(".md-search-result__meta").inner_text()
    return int(re.search(r"\d+", meta).group(0)) if re.search(r"\d+", meta) else 1


def test_french_search_ignores_accents(page: Any, site_url: str) -> None:
    index = json.loads((SITE / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [doc["text"].lower() for doc in index["docs"]]
    candidates = [(typed, word) for typed, word in FRENCH_WITHOUT_ACCENT
                  if any(word in t for t in texts) and not any(re.search(rf"\b{typed}", t) for t in texts)]
    assert candidates, f"the French texts use none of {FRENCH_WITHOUT_ACCENT} with accents only"
    typed, word = candidates[0]
    page.goto(site_url + "fr/")
    assert search(page, word)
    with_accent = result_count(page)
    page.goto(site_url + "fr/")
    assert search(page, typed)  # found only through the folded field
    assert result_count(page) >= with_accent


@pytest.mark.parametrize("lang", LANGS)
def test_every_guide_page_loads_cleanly(page: Any, site_url: str, lang: str, bad_responses: list[str]) -> None:
    for path in guide_pages():
        page.goto(site_url + lang_root(lang) + path)
        page.wait_for_load_state("load")
        note = page.locator("[data-portal='disclaimer']")
        assert note.count() == 1, path
        note.scroll_into_view_if_needed()
        assert note.is_visible(), path
    assert not bad_responses
    # The guard fixture fails the test on any console error or request off the local server.


def test_dark_palette_toggle(page: Any, site_url: str) -> None:
    page.goto(site_url)
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{scheme}'")


# -- the same site from a sub-path ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def subpath_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """site/ served as http://127.0.0.1:<port>/deep/prefix/ by python -m http.server."""
    if not (SITE / "index.html").exists():
        pytest.fail("site/ is not built: run `make build`")
    root = tmp_path_factory.mktemp("served")
    (root / PREFIX).parent.mkdir(parents=True)
    (root / PREFIX.rstrip("/")).symlink_to(SITE, target_is_directory=True)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{PREFIX}"
    deadline = time.monotonic() + 15
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline:
                server.terminate()
                raise
            time.sleep(0.1)
    yield url
    server.terminate()
    server.wait(timeout=10)


def test_from_a_sub_path_pages_languages_and_search_work(page: Any, subpath_url: str,
                                                        bad_responses: list[str]) -> None:
    page.goto(subpath_url + "nl/payout/")
    assert page.locator("link[rel=stylesheet]").count() >= 2
    switch_language(page, "fr")
    assert page.url == subpath_url + "fr/payout/"
    links = search(page, SEARCHES["fr"][0])
    assert links and all(link.startswith(subpath_url + "fr/") for link in links)
    page.goto(links[0])
    page.wait_for_load_state("load")
    switch_language(page, "en")
    assert page.url.startswith(subpath_url) and "/fr/" not in page.url and "/nl/" not in page.url
    page.goto(subpath_url)
    page.locator(".md-nav__link").first.wait_for(state="attached")
    assert not bad_responses
