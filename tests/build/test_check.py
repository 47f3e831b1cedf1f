"""The output checks catch what they promise, on a small hand-made site."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from site_build import check
from site_build.errors import BuildError
from site_build.settings import SERVED_RUNTIME_FILES
from site_build.wheel import register


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


def make_engine(site: Path, wheel_bytes: bytes = b"wheel") -> dict[str, str]:
    """A small engine in the versioned layout, and its ``extra.engine``."""
    build_id = hashlib.sha256(f"314.0.7:{hashlib.sha256(wheel_bytes).hexdigest()}".encode()).hexdigest()[:16]
    engine = {"runtime": "pyodide/314.0.7/", "wheel": f"pyodide/wheels/{build_id}/calculators-0.1.0-py3-none-any.whl",
              "lock": f"pyodide/wheels/{build_id}/pyodide-lock.json", "pyodide_version": "314.0.7",
              "build_id": build_id}
    (site / engine["runtime"]).mkdir(parents=True)
    for name in SERVED_RUNTIME_FILES:
        (site / engine["runtime"] / name).write_text(f"fake {name}", encoding="utf-8")
    wheel = site / engine["wheel"]
    wheel.parent.mkdir(parents=True)
    wheel.write_bytes(wheel_bytes)
    (site / engine["lock"]).write_text(json.dumps({"packages": {}}), encoding="utf-8")
    register(site / engine["lock"], wheel)
    return engine


def test_missing_engine_files_are_reported(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "full")
    problems = check.check_engine(tmp_path, engine)
    assert any("pyodide/314.0.7/pyodide.asm.wasm is missing" in p for p in problems)
    assert any("calculators-0.1.0-py3-none-any.whl is missing" in p for p in problems)
    assert any("pyodide-lock.json is missing" in p for p in problems)
    assert check.check_engine(tmp_path, {"runtime": "pyodide/", "wheel": "pyodide/c.whl"}) == [
        "extra.engine lacks lock, pyodide_version, build_id"]


def test_the_versioned_engine_layout_passes(tmp_path: Path) -> None:
    engine = make_engine(tmp_path)
    assert check.check_engine(tmp_path, engine) == []
    (tmp_path / engine["runtime"] / "pyodide.asm.wasm.br").write_bytes(b"copy")  # a copy is not a stray file
    (tmp_path / engine["runtime"] / "pyodide.asm.wasm").with_suffix(".wasm.gz").write_bytes(b"copy")
    assert check.check_engine(tmp_path, engine) == []


def test_a_runtime_folder_not_named_by_its_version_is_reported(tmp_path: Path) -> None:
    engine = make_engine(tmp_path)
    (tmp_path / engine["runtime"]).rename(tmp_path / "pyodide" / "current")
    problems = check.check_engine(tmp_path, {**engine, "runtime": "pyodide/current/"})
    assert any("not named by its version 314.0.7/" in p for p in problems)


def test_a_build_id_that_is_not_the_wheels_hash_is_reported(tmp_path: Path) -> None:
    engine = make_engine(tmp_path)
    (tmp_path / engine["wheel"]).write_bytes(b"another wheel")  # rebuilt in place: the old path would stay cached
    problems = check.check_engine(tmp_path, engine)
    assert any("is not the hash of the wheel's sha256" in p for p in problems)
    assert any("wrong sha256" in p for p in problems)


def test_a_runtime_upgrade_with_the_same_wheel_needs_a_new_build_id(tmp_path: Path) -> None:
    engine = make_engine(tmp_path)  # the wheel is reproducible: a Pyodide upgrade alone keeps its hash
    upgraded = {**engine, "pyodide_version": "314.0.8", "runtime": "pyodide/314.0.8/"}
    (tmp_path / engine["runtime"]).rename(tmp_path / upgraded["runtime"])
    problems = check.check_engine(tmp_path, upgraded)
    assert any("is not the hash of the wheel's sha256" in p for p in problems)


def test_a_wheel_outside_its_build_folder_is_reported(tmp_path: Path) -> None:
    engine = make_engine(tmp_path)
    moved = {**engine, "wheel": "pyodide/calculators-0.1.0-py3-none-any.whl"}
    (tmp_path / engine["wheel"]).rename(tmp_path / moved["wheel"])
    problems = check.check_engine(tmp_path, moved)
    assert any("not in the build's folder" in p for p in problems)


def test_files_left_in_the_engine_folder_are_reported(tmp_path: Path) -> None:
    engine = make_engine(tmp_path)
    (tmp_path / "pyodide" / "pyodide.mjs").write_text("the unversioned layout", encoding="utf-8")
    (tmp_path / "pyodide" / "wheels" / "0123456789abcdef").mkdir()
    (tmp_path / "pyodide" / "wheels" / "0123456789abcdef" / "pyodide-lock.json").write_text("{}", encoding="utf-8")
    problems = check.check_engine(tmp_path, engine)
    assert any(p.startswith("pyodide/pyodide.mjs: not an engine file") for p in problems)
    assert any(p.startswith("pyodide/wheels/0123456789abcdef/pyodide-lock.json: not an engine") for p in problems)


def test_precompressed_copies_must_give_back_their_original(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    original = (site / "assets" / "app.js").read_bytes()
    (site / "assets" / "app.js.gz").write_bytes(gzip.compress(original))
    (site / "assets" / "site.css.gz").write_bytes(gzip.compress(b"stale"))
    (site / "assets" / "icon.png.gz").write_bytes(b"not a copy: png is never compressed")
    (site / "data.csv.gz").write_bytes(b"content without an original")
    assert check.check_copies(site) == ["assets/site.css.gz: does not give back site.css (stale or corrupt copy)"]
    (site / "assets" / "app.js.gz").write_bytes(b"garbage")
    assert any(p.startswith("assets/app.js.gz: does not decompress") for p in check.check_copies(site))


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
                    {"runtime": "pyodide/314.0.7/", "wheel": "pyodide/wheels/0/c.whl",
                     "lock": "pyodide/wheels/0/l.json", "pyodide_version": "314.0.7", "build_id": "0"})
    message = str(error.value)
    assert "cost.md in en" in message and "broken links" in message and "engine files" in message
