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


def nginx_csp(path: str) -> str | None:
    """The Content-Security-Policy nginx.conf sends for a URL path: its `map $uri $portal_csp`, if any."""
    found = re.search(r"map\s+\$uri\s+\$portal_csp\s*\{(.*?)\n\s*\}", NGINX, re.DOTALL)
    if not found:
        return None
    entries = re.findall(r'^\s*(default|"~[^"]*")\s+"([^"]*)";', found.group(1), re.MULTILINE)
    default = next((policy for key, policy in entries if key == "default"), None)
    return next((policy for key, policy in entries if key != "default" and re.search(key[2:-1], path)), default)


def test_nginx_sends_the_tables_content_security_policy_on_every_path(real_site: Any) -> None:
    site: Path = real_site.site
    paths = {"/portal/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    paths |= {"/portal/" + p.relative_to(site).as_posix() + "/" for p in site.rglob("*") if p.is_dir()}
    differ = sorted(path for path in paths if nginx_csp(path) != hosting.csp_for(path))
    assert differ == [], ("deploy/nginx.conf's `map $uri $portal_csp` and site_build/hosting.py CSP_BY_PATH "
                          f"disagree (set CSP_BY_PATH, then `python -m site_build.hosting`), e.g. on {differ[:3]}")


def test_nginx_uses_the_tables_cache_values_and_types() -> None:
    assert f'"{hosting.IMMUTABLE}"' in NGINX and f'"{hosting.REVALIDATE}"' in NGINX
    types = dict((ext, mime) for mime, ext in re.findall(r"^\s*([a-z]+/[a-z0-9.+-]+)\s+([a-z0-9]+);", NGINX,
                                                          re.MULTILINE))
    for ext in hosting.ADDED_TYPES:
        assert types.get(ext.lstrip(".")) == hosting.TYPES[ext].split(";")[0], ext


def test_the_versioned_rule_keeps_only_paths_named_by_their_content(real_site: Any) -> None:
    site: Path = real_site.site
    rule = re.compile(hosting.VERSIONED)
    rewritten = re.compile(hosting._with_copies(hosting.VERSIONED))  # Apache sees the .br/.gz name
    copies = tuple(suffix for _, suffix in ENCODINGS)
    files = [p for p in site.rglob("*") if p.is_file()]
    engine = sorted(p.relative_to(site).as_posix() for p in files if p.relative_to(site).parts[0] == "pyodide")
    bundles = sorted(p.relative_to(site).as_posix() for p in files
                     if re.search(r"\.[0-9a-f]{8,}\.min\.(js|css)$", p.name))
    assert engine and bundles
    for path in engine + bundles:
        if not path.endswith(copies):  # browsers ask for the original name
            assert rule.search("/portal/" + path), path
        assert rewritten.search("/portal/" + path), path
    for path in ("", "index.html", "nl/calculators/payout/index.html", "sw.js", "assets/calc/worker.mjs",
                 "assets/calc/strings.json", "search/search_index.json", "404.html", "index.html.br"):
        assert not rule.search("/portal/" + path), path
        assert not rewritten.search("/portal/" + path), path


def test_a_csp_by_path_picks_the_first_matching_policy(monkeypatch: Any) -> None:
    assert hosting.csp_for("/portal/") is None or hosting.CSP_BY_PATH
    monkeypatch.setattr(hosting, "CSP_BY_PATH", ((r"/calculators/[^/]+/$", "engine"), ("", "site")))
    assert hosting.csp_for("/portal/fr/calculators/payout/") == "engine"
    assert hosting.csp_for("/portal/fr/payout/") == "site"
    assert re.search(hosting._with_copies(r"/calculators/[^/]+/(index\.html)?$|/x\.mjs$"),
                     "/p/calculators/payout/index.html.br")


def test_every_kind_of_file_in_the_site_has_a_type(real_site: Any) -> None:
    site: Path = real_site.site
    copies = {suffix for _, suffix in ENCODINGS}
    kinds = {p.suffix.lower() for p in site.rglob("*") if p.is_file() and p.suffix and p.suffix not in copies}
    assert kinds - set(hosting.TYPES) == set()
    assert (site / ".htaccess").read_text(encoding="utf-8") == hosting.htaccess()
