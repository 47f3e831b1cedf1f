"""The real site, built once: pages, links, loads, languages, search, engine files, disclaimer."""

from __future__ import annotations

import hashlib
import html as html_module
import json
import re
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from calculators.messages import format_date
from calculators.rules import LAST_CHECKED
from site_build import check
from site_build.settings import DEFAULT_LANGUAGE, LANGUAGES, PYODIDE_VERSION, SERVED_RUNTIME_FILES, VENDORED_WHEELS
from site_build.snapshot import SNAPSHOT_CALCULATORS, heap_size
from site_build.strings import STRINGS

NAV_ORDER = ["index.md", "credit-insurance.md", "prevention.md", "non-payment.md", "payout.md", "deadlines.md",
             "cost.md", "drawbacks.md", "business-relations.md", "self-assessment.md", "small-business-product.md",
             "calculators/index.md", "calculators/self-assessment-limit.md", "calculators/payout.md",
             "calculators/eligibility.md", "calculators/claim-timeline.md", "glossary.md", "wording.md"]


def pages_of(built: Any) -> list[str]:
    return list(built.report.sources.all_pages)


def html(built: Any, page: str, lang: str) -> str:
    return (built.site / check.output_of(page, lang)).read_text(encoding="utf-8")


def test_build_takes_less_than_a_minute(real_site: Any) -> None:
    assert real_site.seconds < 60, real_site.report.timings


def test_every_page_exists_in_every_language(real_site: Any) -> None:
    assert pages_of(real_site)
    assert not check.check_pages(real_site.site, pages_of(real_site))
    for lang in LANGUAGES:
        assert real_site.report.sources.pages[lang] == real_site.report.sources.pages[DEFAULT_LANGUAGE]


def test_no_page_links_to_a_missing_page_or_anchor(real_site: Any) -> None:
    assert check.check_links(check.Site(real_site.site)) == []


def test_nothing_is_loaded_from_outside_the_site(real_site: Any) -> None:
    assert check.check_loads(check.Site(real_site.site)) == []
    for path in real_site.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path


def test_runtime_and_wheel_are_under_their_relative_urls(real_site: Any) -> None:
    assert check.check_engine(real_site.site, real_site.report.engine) == []
    engine_dir = real_site.site / "pyodide"
    served = {p.relative_to(engine_dir).as_posix() for p in engine_dir.rglob("*")
              if p.is_file() and p.suffix not in (".br", ".gz")}
    build_id = real_site.report.engine["build_id"]
    snapshot = {real_site.report.engine[key].removeprefix("pyodide/") for key in ("snapshot", "stdlib")}
    assert served == {*(f"{PYODIDE_VERSION}/{name}" for name in SERVED_RUNTIME_FILES),
                      f"wheels/{build_id}/{real_site.report.wheel.name}", f"wheels/{build_id}/pyodide-lock.json",
                      *(f"wheels/{build_id}/{pin.file_name}" for pin in VENDORED_WHEELS),
                      *snapshot}
    assert re.fullmatch(r"calculators-[\w.]+-py3-none-any\.whl", real_site.report.wheel.name)


def snapshot_length(path: Path) -> int:
    """The length of the snapshot the compact delta at ``path`` stands for: Pyodide's header + the heap."""
    data = path.read_bytes()
    return int.from_bytes(data[4:8], "little") + heap_size(data)


def test_calculator_template_gets_the_engine_config(real_site: Any) -> None:
    """The contract with docs/overrides/calculator.html and the worker: versioned, content-named paths."""
    engine = real_site.report.engine
    wheel = real_site.report.wheel
    wheel_sha = hashlib.sha256(wheel.read_bytes()).hexdigest()
    pinned = "".join(f":{sha}" for sha in sorted(pin.sha256 for pin in VENDORED_WHEELS))
    build_id = hashlib.sha256(f"{PYODIDE_VERSION}:{wheel_sha}{pinned}".encode()).hexdigest()[:16]
    assert engine == {"runtime": f"pyodide/{PYODIDE_VERSION}/",
                      "wheel": f"pyodide/wheels/{build_id}/{wheel.name}",
                      "lock": f"pyodide/wheels/{build_id}/pyodide-lock.json",
                      "pyodide_version": PYODIDE_VERSION, "build_id": build_id,
                      "snapshot": f"pyodide/snapshots/{real_site.report.snapshot['id']}/snapshot.bin",
                      "stdlib": f"pyodide/snapshots/{real_site.report.snapshot['id']}/python_stdlib.zip",
                      # the snapshot's full length (the file is a compact delta of it): the worker hands Pyodide
                      # a buffer of it before the file arrives
                      "snapshot_bytes": str(snapshot_length(real_site.site / engine["snapshot"])),
                      # their pages start without the stdlib zip (docs/assets/calc/lazy-stdlib.mjs)
                      "snapshot_calculators": ",".join(SNAPSHOT_CALCULATORS)}
    assert (real_site.site / engine["wheel"]).read_bytes() == wheel.read_bytes()
    lock = json.loads((real_site.site / engine["lock"]).read_text())
    entry = lock["packages"]["calculators"]
    assert entry["file_name"] == wheel.name and entry["sha256"] == wheel_sha
    for pin in VENDORED_WHEELS:  # the .xlsx reader: registered beside the engine, loaded only on demand
        assert lock["packages"][pin.name]["sha256"] == pin.sha256
        served = real_site.site / PurePosixPath(engine["lock"]).parent / pin.file_name
        assert hashlib.sha256(served.read_bytes()).hexdigest() == pin.sha256


def test_large_text_files_and_the_wasm_get_precompressed_copies(real_site: Any) -> None:
    compressed = real_site.report.compressed
    assert compressed["brotli"], compressed["message"]
    runtime = real_site.site / real_site.report.engine["runtime"]
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs"):
        assert (runtime / f"{name}.br").is_file() and (runtime / f"{name}.gz").is_file(), name
    # The lock file holds only the three packages served beside it (about 1 KB): too small for a copy.
    lock = real_site.site / real_site.report.engine["lock"]
    assert lock.stat().st_size < 4096 and not lock.with_suffix(".json.br").exists()
    assert (real_site.site / "search" / "search_index.json.br").is_file()
    assert (real_site.site / "index.html.br").is_file() and (real_site.site / "nl" / "index.html.gz").is_file()
    # Deflated inside already: no copy that gains too little to be worth a second file.
    assert not list(runtime.glob("python_stdlib.zip.*"))
    assert not list((real_site.site / real_site.report.engine["wheel"]).parent.glob("*.whl.*"))
    assert check.check_copies(real_site.site) == []


def test_the_output_checks_pass_with_the_precompressed_copies_in_place(real_site: Any) -> None:
    """The check step runs before compress in the build; run again afterwards it still finds nothing."""
    assert list(real_site.site.rglob("*.br"))
    check.check(real_site.site, real_site.paths.rendered, real_site.report.sources.pages, real_site.report.engine)


def test_guide_pages_load_no_engine_byte(real_site: Any) -> None:
    calculators = check.calculator_pages(real_site.paths.rendered)
    site = check.Site(real_site.site)
    assert check.check_guides_load_no_engine(site, real_site.report.sources.pages, calculators) == []
    guides = [p for p in pages_of(real_site) if not p.startswith("calculators/")]
    for page in guides:
        assert "pyodide" not in html(real_site, page, "en").lower(), page


def test_language_switcher_links_are_relative_and_go_to_the_same_page(real_site: Any) -> None:
    for page in pages_of(real_site):
        for lang in LANGUAGES:
            text = html(real_site, page, lang)
            links = dict((m.group(2), m.group(1)) for m in re.finditer(
                r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link"', text))
            assert set(links) == set(LANGUAGES), (page, lang)
            here = check.output_of(page, lang)
            for other, href in links.items():
                assert not href.startswith(("/", "http")), (page, lang, href)
                resolved, _ = check.resolve(real_site.site, here, href)
                assert resolved == real_site.site / check.output_of(page, other), (page, lang, other, href)


def test_no_hreflang_head_links_so_material_fetches_no_sitemap(real_site: Any) -> None:
    for path in real_site.site.rglob("*.html"):
        assert '<link rel="alternate"' not in path.read_text(encoding="utf-8"), path
    assert not (real_site.site / "sitemap.xml").exists()  # site_url is unknown: no absolute URLs to list


def test_every_page_carries_the_disclaimer_with_the_last_checked_date(real_site: Any) -> None:
    for page in pages_of(real_site):
        for lang in LANGUAGES:
            text = html(real_site, page, lang)
            note = re.search(r'<aside class="portal-disclaimer".*?</aside>', text, re.DOTALL)
            assert note, (page, lang)
            assert format_date(LAST_CHECKED, lang) in note.group(0), (page, lang)
            assert STRINGS[lang]["disclaimer.label"] in note.group(0), (page, lang)


def test_each_language_has_its_own_search_index(real_site: Any) -> None:
    for lang in LANGUAGES:
        folder = real_site.site if lang == DEFAULT_LANGUAGE else real_site.site / lang
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        assert "folded" in index["config"]["fields"]
        assert "'" in index["config"]["separator"] and "’" in index["config"]["separator"]
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert not any(loc.startswith(tuple(f"{other}/" for other in LANGUAGES)) for loc in locations)
        assert {check.page_url(p) for p in pages_of(real_site)} <= locations
    fr = (real_site.site / "fr" / "payout" / "index.html").read_text(encoding="utf-8")
    assert '"base": "../../fr/"' in fr  # the French pages search the French index


def test_nav_follows_the_agreed_order_with_translated_titles(real_site: Any) -> None:
    order = [p for p in NAV_ORDER if p in pages_of(real_site)]
    for lang in LANGUAGES:
        text = html(real_site, "index.md", lang)
        nav = text[text.index("md-nav--primary"):]
        built_order: list[str] = []
        for href in re.findall(r'<a href="([^"#]*)" class="md-nav__link', nav):
            resolved, _ = check.resolve(real_site.site, check.output_of("index.md", lang), href)
            rel = resolved.relative_to(real_site.site).as_posix()
            page = next((p for p in order if check.output_of(p, lang) == rel), None)
            if page and page not in built_order:
                built_order.append(page)
        assert built_order == order, lang
        if any(p.startswith("calculators/") for p in order):
            assert STRINGS[lang]["nav.calculators"] in nav, lang


def text_of(fragment: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_nav_titles_are_the_pages_h1(real_site: Any) -> None:
    for lang in LANGUAGES:
        home = check.output_of("index.md", lang)
        text = html(real_site, "index.md", lang)
        nav = text[text.index("md-nav--primary"):]
        for href, label in re.findall(r'<a href="([^"#]+)" class="md-nav__link[^"]*">(.*?)</a>', nav, re.DOTALL):
            target, _ = check.resolve(real_site.site, home, href)
            if target.parent.name == "calculators":
                continue  # the section's page is labelled with the section title
            h1 = re.search(r"<h1[^>]*>(.*?)</h1>", target.read_text(encoding="utf-8"), re.DOTALL)
            assert h1 and text_of(label) == text_of(h1.group(1)), (lang, href)


def test_site_name_and_html_lang_follow_the_language(real_site: Any) -> None:
    for lang in LANGUAGES:
        text = html(real_site, "index.md", lang)
        assert f'<html lang="{lang}"' in text
        assert STRINGS[lang]["site.name"] in text


def test_the_404_page_loads_nothing(real_site: Any) -> None:
    page = check.parse(real_site.site / "404.html")
    assert page.loads == [] and page.links == []
    text = (real_site.site / "404.html").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        assert STRINGS[lang]["notfound.title"] in text


@pytest.mark.parametrize("asset", ["assets/site/portal.css"])
def test_shared_assets_are_copied_once(real_site: Any, asset: str) -> None:
    assert (real_site.site / asset).is_file()
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE:
            assert not (real_site.site / lang / "assets").exists()


def test_docs_root_goes_to_the_site_root(real_site: Any) -> None:
    root = Path(real_site.paths.docs) / "root"
    for path in root.rglob("*") if root.is_dir() else []:
        if path.is_file():
            assert (real_site.site / path.relative_to(root)).read_bytes() == path.read_bytes()
