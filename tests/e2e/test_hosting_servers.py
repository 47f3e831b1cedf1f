"""Every server configuration in deploy/ (and the site's .htaccess) against the real Debian server, under /portal/.

For each server: the headers of a page, of a versioned engine file and of its compressed copies
(the bytes are the build's copy, and decompress to the original); then, in the browser, one result
computed and the same page working again with the server stopped (the service worker).
The header values come from site_build/hosting.py, the one table every configuration is written from.
"""

from __future__ import annotations

import gzip
import shutil
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import brotli
import pytest
from calc_support import cli, figures, open_calculator, page_url, settle, typed_amount, wait
from conftest import ROOT, Guard, guard_context
from servers import SPECS, RealServer, engine_files, head, serve

from site_build import hosting
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


def assert_security_headers(headers: Any, what: str, path: str = "") -> None:
    for name, value in SECURITY_HEADERS:
        assert headers[name] == value, f"{what}: {name}"
    assert headers[hosting.CSP] == hosting.csp_for("/portal/" + path), f"{what}: {hosting.CSP}"


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
    assert_security_headers(headers, f"{name} page", page)

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
        assert_security_headers(headers, f"{name} wasm", f"{runtime}pyodide.asm.wasm")
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
    assert_security_headers(missing.value.headers, f"{name} 404", "no-such-page/")
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


#: A policy by path of the shape the site's CSP takes (stricter on guide pages than where Pyodide runs).
SAMPLE_CSP = ((r"/calculators/[^/]+/(index\.html)?$|/assets/calc/worker\.mjs$",
               "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; frame-ancestors 'none'"),
              ("", "default-src 'self'; script-src 'self'; frame-ancestors 'none'"))


@pytest.mark.parametrize("name", [name for name in SERVERS if name != "nginx"])  # nginx.conf is not generated
def test_a_content_security_policy_by_path_reaches_every_generated_configuration(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hosting, "CSP_BY_PATH", SAMPLE_CSP)
    work = Path(tempfile.mkdtemp(prefix="portal-csp-"))
    work.chmod(0o755)  # the server runs as nobody when the tests run as root
    try:
        site, deploy = work / "site", work / "deploy"
        pages = {"index.html": b"<p>home</p>" * 200, "calculators/payout/index.html": b"<p>payout</p>" * 200,
                 "assets/calc/worker.mjs": b"// worker\n" * 200, "pyodide/314.0.7/pyodide.mjs": b"// rt\n" * 200,
                 "404.html": b"<p>404</p>"}
        for rel, data in pages.items():
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_bytes(data)
            (site / rel).with_name(Path(rel).name + ".br").write_bytes(brotli.compress(data))
        deploy.mkdir()
        shutil.copy(ROOT / "deploy" / "apache.conf", deploy)  # written by hand: the .htaccess carries the headers
        for rel, render in hosting.FILES.items():
            target = site / ".htaccess" if rel.endswith(".htaccess") else deploy / Path(rel).name
            target.write_text(render(), encoding="utf-8")
        for path in work.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        server = serve(name, site, deploy)
        try:
            for path, policy in (("", SAMPLE_CSP[1][1]), ("calculators/payout/", SAMPLE_CSP[0][1]),
                                 ("calculators/payout/index.html", SAMPLE_CSP[0][1]),
                                 ("assets/calc/worker.mjs", SAMPLE_CSP[0][1]),
                                 ("pyodide/314.0.7/pyodide.mjs", SAMPLE_CSP[1][1])):
                for accept in ("br", "identity"):
                    headers = head(server.url + path, accept)
                    assert headers[hosting.CSP] == policy, (name, path, accept)
                    assert headers["X-Content-Type-Options"] == "nosniff", (name, path, accept)
            assert head(server.url + "pyodide/314.0.7/pyodide.mjs")["Cache-Control"] == IMMUTABLE
            assert head(server.url + "calculators/payout/")["Cache-Control"] == REVALIDATE
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
