"""The output checks catch what they promise, on a small hand-made site."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_build import check
from site_build.errors import BuildError


def page(prefix: str, body: str = "") -> str:
    """A page at depth ``prefix`` ("", "../") loading the site's CSS, icon and script."""
    return (f'<!doctype html><html><head><link rel="stylesheet" href="{prefix}assets/site.css">'
            f'<link rel="icon" href="{prefix}assets/icon.png"></head><body><h1 id="top">T</h1>{body}'
            f'<script src="{prefix}assets/app.js"></script></body></html>')


def make_site(root: Path, body: str = "") -> Path:
    site = root / "site"
    for rel in ("index.html", "payout/index.html", "nl/index.html", "nl/payout/index.html"):
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page("../" * rel.count("/"), body), encoding="utf-8")
    (site / "assets").mkdir()
    for name in ("site.css", "icon.png", "app.js"):
        (site / "assets" / name).write_text("/* ok */", encoding="utf-8")
    return site


def write_home(site: Path, body: str) -> None:
    (site / "index.html").write_text(page("", body), encoding="utf-8")


def test_a_clean_site_passes(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    write_home(site, '<a href="payout/#top">p</a><a href="nl/payout/">nl</a><a href="#top">top</a>')
    assert check.check_links(check.Site(site)) == []
    assert check.check_loads(check.Site(site)) == []


def test_a_link_to_a_missing_page_or_anchor_is_reported(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    write_home(site, '<a href="payout/#top">ok</a><a href="cost/">missing</a><a href="payout/#nope">anchor</a>'
                     '<a href="#top">self</a><a href="/payout/">absolute</a><a href="https://example.org/">source</a>')
    problems = check.check_links(check.Site(site))
    assert any("cost/ points to a missing page" in p for p in problems)
    assert any("missing anchor #nope" in p for p in problems)
    assert any("/payout/ is root-absolute" in p for p in problems)
    assert not any("example.org" in p or "payout/#top" in p or "#top points" in p for p in problems)


@pytest.mark.parametrize("snippet", [
    '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
    '<link rel="preconnect" href="https://fonts.gstatic.com">',
    '<script src="//cdn.example.org/x.js"></script>',
    '<img src="http://example.org/logo.png">',
    '<link rel="icon" href="/favicon.ico">',
    '<style>@import "https://example.org/a.css";</style>',
    '<div style="background:url(https://example.org/bg.png)"></div>',
    '<script>fetch("https://example.org/font.woff2")</script>',
    '<svg><use href="https://example.org/sprite.svg#i"></use></svg>',
    '<pre class="mermaid">graph</pre>',
])
def test_a_load_from_outside_is_reported(tmp_path: Path, snippet: str) -> None:
    site = make_site(tmp_path)
    write_home(site, snippet)
    assert check.check_loads(check.Site(site)), snippet


def test_css_and_scripts_are_checked_too(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    (site / "assets" / "site.css").write_text(
        '@font-face{src:url("https://fonts.gstatic.com/x.woff2")} .a{background:url(missing.png)}', encoding="utf-8")
    (site / "assets" / "app.js").write_text(
        '/* see https://example.org/licence */ const u = "https://cdn.example.org/lib.js";', encoding="utf-8")
    problems = check.check_loads(check.Site(site))
    assert any("fonts.gstatic.com" in p for p in problems)
    assert any("missing.png does not exist" in p for p in problems)
    assert any("cdn.example.org" in p for p in problems)
    assert not any("licence" in p for p in problems)


def test_known_vendor_urls_are_allowed_only_in_their_file() -> None:
    mermaid = 'x("https://unpkg.com/mermaid@11/dist/mermaid.min.js")'
    assert check.js_problems("assets/javascripts/bundle.a5f9d56c.min.js", mermaid) == []
    assert check.js_problems("assets/calc/engine.js", mermaid)


def test_missing_engine_files_are_reported(tmp_path: Path) -> None:
    engine = {"runtime": "pyodide/", "wheel": "pyodide/calculators-0.1.0-py3-none-any.whl"}
    problems = check.check_engine(tmp_path, engine)
    assert any("pyodide.asm.wasm" in p for p in problems)
    assert any("calculators-0.1.0-py3-none-any.whl" in p for p in problems)


def test_a_guide_loading_the_engine_is_reported(tmp_path: Path) -> None:
    site = make_site(tmp_path, body='<script type="module" src="../assets/app.js?pyodide"></script>')
    (site / "pyodide").mkdir()
    problems = check.check_guides_load_no_engine(check.Site(site), {"en": ["payout.md"]}, set())
    assert problems and "payout/index.html" in problems[0]
    assert check.check_guides_load_no_engine(check.Site(site), {"en": ["payout.md"]}, {"en/payout.md"}) == []


def test_check_raises_one_error_with_everything(tmp_path: Path) -> None:
    site = make_site(tmp_path, body='<a href="cost/">x</a>')
    with pytest.raises(BuildError) as error:
        check.check(site, tmp_path / "rendered", {"en": ["index.md", "cost.md"]},
                    {"runtime": "pyodide/", "wheel": "pyodide/c.whl"})
    message = str(error.value)
    assert "cost.md in en" in message and "broken links" in message and "engine files" in message
