"""deploy/nginx.conf as shipped, with only its two ADAPT lines changed, serving site/ under /portal/."""

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


@pytest.fixture(scope="module")
def portal(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """nginx on a free loopback port with a private prefix; the URL of the site under /portal/."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: `make setup` installs Debian's nginx-light")
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    text = CONFIG.read_text(encoding="utf-8")
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


def head(url: str) -> Any:
    request = urllib.request.Request(url, method="HEAD", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers


def test_nginx_serves_the_runtime_with_the_types_browsers_require(portal: str) -> None:
    wheel = next((ROOT / "site" / "pyodide").glob("calculators-*.whl")).name
    expected = {
        "pyodide/pyodide.asm.wasm": "application/wasm",
        "pyodide/pyodide.mjs": "text/javascript",
        "pyodide/pyodide.asm.mjs": "text/javascript",
        "assets/calc/worker.mjs": "text/javascript",
        "pyodide/pyodide-lock.json": "application/json",
        f"pyodide/{wheel}": "application/zip",
        "sw.js": "text/javascript",
        "nl/calculators/payout/": "text/html",
    }
    for path, mime in expected.items():
        headers = head(portal + path)
        assert headers.get_content_type() == mime, path
    assert "max-age" in head(portal + "pyodide/pyodide.asm.wasm")["Cache-Control"]
    assert head(portal + "sw.js")["Cache-Control"] == "no-cache"
    with urllib.request.urlopen(portal[:-1], timeout=10) as response:  # /portal -> /portal/
        assert response.url == portal


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
