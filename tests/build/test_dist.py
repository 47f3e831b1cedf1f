"""The release bundle: what it holds, the same bytes from the same inputs, a checksum that verifies."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from site_build import dist
from site_build.errors import BuildError

ROOT = Path(__file__).resolve().parents[2]
EPOCH = 1_790_000_000


def small_site(root: Path) -> Path:
    site = root / "site"
    for name, data in {
        "index.html": b"<!doctype html><title>x</title>" * 100,
        "index.html.br": b"\x0b\x01\x80x",
        "nl/index.html": b"<p>nl</p>",
        "fr/index.html": b"<p>fr</p>",
        "pyodide/314.0.7/pyodide.asm.wasm": bytes(range(256)) * 64,
        "pyodide/wheels/0123456789abcdef/calculators-0.1.0-py3-none-any.whl": b"PK\x03\x04wheel",
        ".htaccess": b"AddType application/wasm .wasm\n",
    }.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return site


def test_the_bundle_holds_the_site_the_hosting_notes_and_the_configurations(tmp_path: Path) -> None:
    target, checksum = dist.bundle(small_site(tmp_path), tmp_path / "dist", epoch=EPOCH)
    top = f"unpaid-invoices-site-{dist.version()}"
    assert target.name == f"{top}.zip"
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        infos = archive.infolist()
        assert names == sorted(names)
        assert {f"{top}/site/index.html", f"{top}/site/.htaccess", f"{top}/site/index.html.br", f"{top}/HOSTING.md",
                f"{top}/deploy/nginx.conf", f"{top}/deploy/apache.conf", f"{top}/deploy/Caddyfile",
                f"{top}/deploy/lighttpd.conf", f"{top}/deploy/lighttpd-precompressed.lua"} <= set(names)
        assert all(name.startswith(f"{top}/") for name in names)
        for info in infos:
            mode = info.external_attr >> 16
            assert mode == (0o40755 if info.is_dir() else 0o100644), info.filename
            assert info.date_time == infos[0].date_time
        stored = {i.filename for i in infos if i.compress_type == zipfile.ZIP_STORED and not i.is_dir()}
        assert stored == {f"{top}/site/index.html.br",
                          f"{top}/site/pyodide/wheels/0123456789abcdef/calculators-0.1.0-py3-none-any.whl"}
        assert archive.read(f"{top}/site/pyodide/314.0.7/pyodide.asm.wasm") == bytes(range(256)) * 64
        notes = archive.read(f"{top}/HOSTING.md").decode()
    digest, name = checksum.read_text().split()
    assert name == target.name and digest == hashlib.sha256(target.read_bytes()).hexdigest()
    for section in ("## English", "## Nederlands", "## Français"):
        assert section in notes
    # The same servers and topics in each language.
    for word in ("Apache 2.4", "nginx", "Caddy", "lighttpd", "HTTPS", "/portal", "http.server"):
        assert all(word in part for part in re.split(r"^## ", notes, flags=re.MULTILINE)[1:]), word


def test_two_builds_of_the_same_inputs_give_the_same_bytes(tmp_path: Path) -> None:
    site = small_site(tmp_path / "a")
    first, _ = dist.bundle(site, tmp_path / "one", epoch=EPOCH)
    # The same content copied elsewhere, with other file times and a umask that differs.
    other = tmp_path / "b" / "site"
    shutil.copytree(site, other)
    for path in other.rglob("*"):
        os.utime(path, (EPOCH + 12345, EPOCH + 12345))
        if path.is_file():
            path.chmod(0o600)
    second, _ = dist.bundle(other, tmp_path / "two", epoch=EPOCH)
    assert first.read_bytes() == second.read_bytes()
    (other / "index.html").write_bytes(b"changed")
    third, _ = dist.bundle(other, tmp_path / "three", epoch=EPOCH)
    assert third.read_bytes() != first.read_bytes()
    later, _ = dist.bundle(site, tmp_path / "later", epoch=EPOCH + 86400)
    assert later.read_bytes() != first.read_bytes()  # a new release date: new file dates (and ETags)


def test_the_date_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    assert dist.source_date() == EPOCH
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert dist.source_date() == dist.EARLIEST  # a zip cannot hold dates before 1980


def test_a_site_that_is_not_built_or_lacks_its_htaccess_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="not built"):
        dist.bundle(tmp_path / "nothing", tmp_path / "dist", epoch=EPOCH)
    site = small_site(tmp_path)
    (site / ".htaccess").unlink()
    with pytest.raises(BuildError, match="missing") as error:
        dist.bundle(site, tmp_path / "dist", epoch=EPOCH)
    assert "site/.htaccess" in str(error.value)
