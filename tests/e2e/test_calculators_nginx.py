"""deploy/nginx.conf as shipped, with only its two ADAPT lines changed, serving site/ under /portal/:
types, precompressed copies, cache headers, and a calculator computing under the sub-path."""

from __future__ import annotations

import re
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from calc_support import cli, figures, open_calculator, settle, typed_amount
from conftest import ROOT, free_port, wait_for

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONFIG = ROOT / "deploy" / "nginx.conf"
IMMUTABLE = "public, max-age=31536000, immutable"


def engine_files(site: Path) -> dict[str, str]:
    """The engine's paths in the built site (layout: pyodide/<version>/, pyodide/wheels/<hash>/)."""
    (wheel,) = site.glob("pyodide/wheels/*/calculators-*.whl")
    (wasm,) = site.glob("pyodide/*/pyodide.asm.wasm")
    return {"runtime": wasm.parent.relative_to(site).as_posix() + "/",
            "wheels": wheel.parent.relative_to(site).as_posix() + "/", "wheel": wheel.name}


@pytest.fixture(scope="module")
def portal(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """nginx on a free loopback port with a private prefix; the URL of the site under /portal/."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: `make setup` installs Debian's nginx-light")
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    text = CONFIG.read_text(encoding="utf-8")
    for module in re.findall(r"^\s*load_module\s+([^;]+);", text, re.MULTILINE):
        if not Path(module).is_file():
            pytest.fail(f"deploy/nginx.conf loads {module}, which is not installed: `make nginx` installs "
                        "Debian's libnginx-mod-http-brotli-static (the site is served with its .br copies)")
    text, listens = re.subn(r"listen\s+[^;]+;\s*# ADAPT[^\n]*", f"listen 127.0.0.1:{port};", text)
    text, aliases = re.subn(r"alias\s+[^;]+;\s*# ADAPT[^\n]*", f"alias {built_site.resolve()}/;", text)
    assert (listens, aliases) == (1, 1), "deploy/nginx.conf must keep exactly one ADAPT listen and alias line"
    config = prefix / "nginx.conf"
    config.write_text(text, encoding="utf-8")
    process = subprocess.Popen([NGINX, "-p", f"{prefix}/", "-c", str(config), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/portal/"
    try:
        wait_for(url)
    except OSError:
        process.kill()
        raise AssertionError(f"nginx did not start: {process.communicate()[1].decode()[-2000:]}") from None
    yield url
    process.terminate()
    process.wait(timeout=10)


def head(url: str, accept_encoding: str = "gzip") -> Any:
    request = urllib.request.Request(url, method="HEAD", headers={"Accept-Encoding": accept_encoding})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers


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
