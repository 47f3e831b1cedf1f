"""Every server configuration in deploy/ (and the site's .htaccess) against the real Debian server, under /portal/.

For each server: the headers of a page, of a versioned engine file and of its compressed copies
(the bytes are the build's copy, and decompress to the original); then, in the browser, one result
computed and the same page working again with the server stopped (the service worker).
The header values come from site_build/hosting.py, the one table every configuration is written from.
"""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import brotli
import pytest
from calc_support import cli, figures, open_calculator, page_url, settle, typed_amount, wait
from conftest import Guard, guard_context
from servers import SPECS, RealServer, engine_files, head, serve

from site_build.hosting import IMMUTABLE, REVALIDATE, SECURITY_HEADERS

SERVERS = tuple(SPECS)


@pytest.fixture(params=SERVERS)
def hosted(request: pytest.FixtureRequest, built_site: Path) -> Iterator[RealServer]:
    server = serve(request.param, built_site)
    try:
        yield server
    finally:
        server.stop()


def get(url: str, accept_encoding: str) -> tuple[Any, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept_encoding})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers, response.read()


def assert_security_headers(headers: Any, what: str) -> None:
    for name, value in SECURITY_HEADERS:
        assert headers[name] == value, f"{what}: {name}"


def test_pages_and_engine_files_carry_their_types_caching_and_compressed_copies(
        hosted: RealServer, built_site: Path) -> None:
    portal, name = hosted.url, hosted.spec.name
    engine = engine_files(built_site)
    runtime, wheels = engine["runtime"], engine["wheels"]

    # A page: HTML, revalidated, security headers, its brotli copy.
    page = "nl/calculators/payout/"
    headers, body = get(portal + page, "br")
    assert headers.get_content_type() == "text/html", name
    assert headers["Cache-Control"] == REVALIDATE, name
    assert headers["Content-Encoding"] == "br" and "Accept-Encoding" in headers["Vary"], name
    assert brotli.decompress(body) == (built_site / page / "index.html").read_bytes(), name
    assert_security_headers(headers, f"{name} page")

    # A versioned engine file: kept for good, sent as the build's .br / .gz copy or as it is.
    wasm = built_site / runtime / "pyodide.asm.wasm"
    for encoding, suffix, decompress in (("br", ".br", brotli.decompress), ("gzip", ".gz", gzip.decompress)):
        headers, body = get(f"{portal}{runtime}pyodide.asm.wasm", f"{encoding}, identity")
        assert headers["Content-Encoding"] == encoding, (name, encoding)
        assert headers.get_content_type() == "application/wasm", (name, encoding)
        assert headers["Cache-Control"] == IMMUTABLE, (name, encoding)
        assert "Accept-Encoding" in headers["Vary"], (name, encoding)
        assert body == wasm.with_name(wasm.name + suffix).read_bytes(), (name, encoding)
        assert decompress(body) == wasm.read_bytes(), (name, encoding)
        assert_security_headers(headers, f"{name} wasm")
    plain = head(f"{portal}{runtime}pyodide.asm.wasm", "identity")
    assert plain["Content-Encoding"] in (None, "identity") and int(plain["Content-Length"]) == wasm.stat().st_size

    # Types browsers insist on, and the cache rule of each kind of path.
    javascript = {"text/javascript", "application/javascript"}
    (bundle,) = built_site.glob("assets/javascripts/bundle.*.min.js")
    expected = {
        f"{runtime}pyodide.mjs": ({"text/javascript"}, IMMUTABLE),
        f"{runtime}python_stdlib.zip": ({"application/zip"}, IMMUTABLE),
        f"{wheels}{engine['wheel']}": ({"application/zip"}, IMMUTABLE),
        f"{wheels}pyodide-lock.json": ({"application/json"}, IMMUTABLE),
        bundle.relative_to(built_site).as_posix(): (javascript, IMMUTABLE),
        "assets/calc/worker.mjs": ({"text/javascript"}, REVALIDATE),
        "sw.js": (javascript, REVALIDATE),
        "": ({"text/html"}, REVALIDATE),
    }
    for path, (types, cache) in expected.items():
        for accept in ("br, gzip", "identity"):
            headers = head(portal + path, accept)
            assert headers.get_content_type() in types, (name, path, accept)
            assert headers["Cache-Control"] == cache, (name, path, accept)

    # The sub-path without its slash leads to it; a missing page is a 404 with the headers.
    with urllib.request.urlopen(portal[:-1], timeout=10) as response:
        assert response.url == portal, name
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(portal + "no-such-page/", timeout=10)
    assert missing.value.code == 404, name
    assert_security_headers(missing.value.headers, f"{name} 404")
    if name == "apache":  # its configuration file is not content
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(portal + ".htaccess", timeout=10)
        assert refused.value.code == 403


def test_a_calculator_computes_under_the_sub_path_and_again_offline(browser: Any, hosted: RealServer) -> None:
    context = browser.new_context()
    guard = Guard()
    guard_context(context, guard)
    try:
        page = context.new_page()
        url = page_url(hosted.url, "fr", "payout")
        open_calculator(page, url)
        payload = {"credit_limit": "40000", "outstanding": "30000", "recovered": "2500"}
        for field, value in payload.items():
            page.fill(f"#calc-f-{field}", typed_amount(value, "fr"))
        settle(page)
        answer = cli("payout", payload, "fr")
        assert figures(page)["payout"]["value"] == answer["payout"]
        wait(page, "c.dataset.offline === 'ready'", 60_000)

        hosted.stop()
        guard.allow_console("ERR_CONNECTION_REFUSED")
        response = page.goto(url)
        assert response is not None and response.from_service_worker
        page.wait_for_selector("#calc[data-form='ready']")
        settle(page, timeout=60_000)
        payload["outstanding"] = "31000"
        for field, value in payload.items():
            page.fill(f"#calc-f-{field}", typed_amount(value, "fr", variant=1))
        settle(page)
        assert figures(page)["payout"]["value"] == cli("payout", payload, "fr")["payout"]
        assert page.evaluate("location.pathname").startswith("/portal/fr/calculators/payout/")
    finally:
        context.close()
    assert not guard.problems(), guard.problems()
