"""deploy/nginx.conf as shipped, with only its two ADAPT lines changed, serving site/ under /portal/:
types, precompressed copies, cache headers, and a calculator computing under the sub-path."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from calc_support import cli, figures, open_calculator, settle, typed_amount
from servers import engine_files, head, serve

IMMUTABLE = "public, max-age=31536000, immutable"


@pytest.fixture(scope="module")
def portal(built_site: Path) -> Iterator[str]:
    """nginx on a free loopback port, with a private prefix (servers.py); the URL of the site under /portal/."""
    server = serve("nginx", built_site)
    try:
        yield server.url
    finally:
        server.stop()


def test_nginx_serves_the_runtime_with_the_types_browsers_require(portal: str, built_site: Path) -> None:
    engine = engine_files(built_site)
    runtime, wheels = engine["runtime"], engine["wheels"]
    javascript = {"text/javascript", "application/javascript"}
    expected = {
        f"{runtime}pyodide.asm.wasm": {"application/wasm"},
        f"{runtime}pyodide.mjs": {"text/javascript"},  # module scripts: a JavaScript type is required
        f"{runtime}pyodide.asm.mjs": {"text/javascript"},
        "assets/calc/worker.mjs": {"text/javascript"},
        f"{wheels}pyodide-lock.json": {"application/json"},
        f"{wheels}{engine['wheel']}": {"application/zip"},
        "sw.js": javascript,
        "nl/calculators/payout/": {"text/html"},
    }
    for path, mimes in expected.items():
        headers = head(portal + path)
        assert headers.get_content_type() in mimes, path
    with urllib.request.urlopen(portal[:-1], timeout=10) as response:  # /portal -> /portal/
        assert response.url == portal


def test_nginx_sends_the_precompressed_copies_and_versioned_paths_for_good(portal: str, built_site: Path) -> None:
    engine = engine_files(built_site)
    runtime, wheels = engine["runtime"], engine["wheels"]
    wasm = built_site / runtime / "pyodide.asm.wasm"
    for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
        headers = head(f"{portal}{runtime}pyodide.asm.wasm", f"{encoding}, identity")
        assert headers["Content-Encoding"] == encoding
        assert int(headers["Content-Length"]) == wasm.with_name(wasm.name + suffix).stat().st_size
        assert headers.get_content_type() == "application/wasm"
        assert "Accept-Encoding" in headers["Vary"]
    plain = head(f"{portal}{runtime}pyodide.asm.wasm", "identity")
    assert plain["Content-Encoding"] is None and int(plain["Content-Length"]) == wasm.stat().st_size
    (bundle,) = built_site.glob("assets/javascripts/bundle.*.min.js")
    for path in (f"{runtime}pyodide.asm.wasm", f"{runtime}python_stdlib.zip", f"{wheels}{engine['wheel']}",
                 f"{wheels}pyodide-lock.json", bundle.relative_to(built_site).as_posix()):
        assert head(portal + path)["Cache-Control"] == IMMUTABLE, path
    for path in ("", "nl/calculators/payout/", "sw.js", "assets/calc/worker.mjs", "assets/calc/strings.json",
                 "search/search_index.json"):
        assert head(portal + path)["Cache-Control"] == "no-cache", path


def test_a_calculator_computes_under_the_sub_path(page: Any, portal: str) -> None:
    name, lang = "payout_vat_excluded", "nl"
    from calculators.examples import EXAMPLES
    payload = EXAMPLES[name]["payload"]
    open_calculator(page, f"{portal}{lang}/calculators/payout/")
    for field in ("credit_limit", "outstanding"):
        page.fill(f"#calc-f-{field}", typed_amount(payload[field], lang))
    page.fill("#calc-f-vat_rate_pct", payload["vat_rate_pct"])
    settle(page)
    answer = cli("payout", payload, lang)
    shown = figures(page)
    assert shown["payout"]["value"] == answer["payout"] == EXAMPLES[name]["expect"]["payout"]
    assert shown["vat_excluded"]["value"] == answer["vat_excluded"]
    assert page.evaluate("location.pathname").startswith("/portal/nl/calculators/payout/")
