"""The server configurations say what site_build/hosting.py says, and the table covers the built site.

The generated files (the site's .htaccess, the Caddyfile, the lighttpd configuration and its Lua
script) must be what the module writes today; nginx.conf, written by hand, must send the same
headers; the versioned-path rule must tell the site's own paths apart. tests/e2e/test_hosting.py
then runs each configuration on its real server.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from site_build import hosting
from site_build.compress import ENCODINGS

ROOT = Path(__file__).resolve().parents[2]
NGINX = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")


def test_the_generated_configurations_are_up_to_date() -> None:
    assert hosting.stale(ROOT) == [], "run `.venv/bin/python -m site_build.hosting` and commit what it writes"


def test_a_changed_table_makes_the_generated_files_stale(tmp_path: Path, monkeypatch: Any) -> None:
    for name, render in hosting.FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(render(), encoding="utf-8")
    assert hosting.stale(tmp_path) == []
    monkeypatch.setattr(hosting, "SECURITY_HEADERS", (*hosting.SECURITY_HEADERS, ("X-Frame-Options", "DENY")))
    # Every file that sends headers (the Lua script only picks the compressed copy).
    assert set(hosting.stale(tmp_path)) == set(hosting.FILES) - {"deploy/lighttpd-precompressed.lua"}


def test_nginx_sends_the_same_security_headers_as_the_table() -> None:
    sent = dict(re.findall(r'^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;', NGINX, re.MULTILINE))
    sent.pop("Cache-Control", None)  # set from the map below
    assert sent == dict(hosting.SECURITY_HEADERS), (
        "deploy/nginx.conf and site_build/hosting.py SECURITY_HEADERS disagree: a header belongs in both")


def test_nginx_uses_the_tables_cache_values_and_types() -> None:
    assert f'"{hosting.IMMUTABLE}"' in NGINX and f'"{hosting.REVALIDATE}"' in NGINX
    types = dict((ext, mime) for mime, ext in re.findall(r"^\s*([a-z]+/[a-z0-9.+-]+)\s+([a-z0-9]+);", NGINX,
                                                          re.MULTILINE))
    for ext in hosting.ADDED_TYPES:
        assert types.get(ext.lstrip(".")) == hosting.TYPES[ext].split(";")[0], ext


def test_the_versioned_rule_keeps_only_paths_named_by_their_content(real_site: Any) -> None:
    site: Path = real_site.site
    rule = re.compile(hosting.VERSIONED)
    engine = sorted(p.relative_to(site).as_posix() for p in site.glob("pyodide/**/*") if p.is_file())
    bundles = sorted(p.relative_to(site).as_posix() for p in site.glob("assets/**/*.min.*") if p.is_file()
                     and re.search(r"\.[0-9a-f]{8,}\.min\.", p.name))
    assert engine and bundles
    for path in engine + bundles:
        assert rule.search("/portal/" + path), path
    for path in ("", "index.html", "nl/calculators/payout/index.html", "sw.js", "assets/calc/worker.mjs",
                 "assets/calc/strings.json", "search/search_index.json", "404.html"):
        assert not rule.search("/portal/" + path), path


def test_every_kind_of_file_in_the_site_has_a_type(real_site: Any) -> None:
    site: Path = real_site.site
    copies = {suffix for _, suffix in ENCODINGS}
    kinds = {p.suffix.lower() for p in site.rglob("*") if p.is_file() and p.suffix and p.suffix not in copies}
    assert kinds - set(hosting.TYPES) == set()
    assert (site / ".htaccess").read_text(encoding="utf-8") == hosting.htaccess()
