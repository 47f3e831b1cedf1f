"""Precompressed copies: the same bytes back, only where they gain, deterministic, cached by content."""

from __future__ import annotations

import gzip
import os
import random
from pathlib import Path

import pytest

from site_build import compress
from site_build.compress import precompress

brotli = pytest.importorskip("brotli")


def text(size: int) -> bytes:
    words = [b"credit", b"limit", b"payout", b"insurer", b"invoice", b"debtor", b"<p>", b"</p>\n"]
    rng = random.Random(size)
    out = bytearray()
    while len(out) < size:
        out += rng.choice(words) + b" "
    return bytes(out[:size])


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "pyodide").mkdir(parents=True)
    (root / "assets").mkdir()
    (root / "index.html").write_bytes(text(20_000))
    (root / "pyodide" / "pyodide.asm.wasm").write_bytes(b"\0asm\1\0\0\0" + text(50_000))
    (root / "pyodide" / "pyodide.mjs").write_bytes(text(4_000))
    (root / "assets" / "small.css").write_bytes(text(500))
    (root / "assets" / "logo.png").write_bytes(os.urandom(5_000))
    (root / "pyodide" / "random.whl").write_bytes(os.urandom(8_000))  # incompressible, like a deflated archive
    return root


def test_copies_decompress_to_the_original(site: Path) -> None:
    result = precompress(site)
    for rel in ("index.html", "pyodide/pyodide.asm.wasm", "pyodide/pyodide.mjs"):
        original = (site / rel).read_bytes()
        assert brotli.decompress((site / f"{rel}.br").read_bytes()) == original
        assert gzip.decompress((site / f"{rel}.gz").read_bytes()) == original
        assert set(result["written"][rel]) == {"size", "br", "gzip"}


def test_small_files_are_skipped(site: Path) -> None:
    result = precompress(site)
    assert not (site / "assets" / "small.css.br").exists()
    assert not (site / "assets" / "small.css.gz").exists()
    assert result["skipped"]["assets/small.css"] == "small"


def test_copies_that_do_not_gain_ten_percent_are_not_kept(site: Path) -> None:
    result = precompress(site)
    assert not list(site.rglob("random.whl.*"))
    assert result["skipped"]["pyodide/random.whl"].startswith("gains <")


def test_already_compressed_images_are_left_alone(site: Path) -> None:
    precompress(site)
    assert not list(site.rglob("logo.png.*"))


def test_output_is_deterministic(site: Path, tmp_path: Path) -> None:
    precompress(site)
    first = {p: p.read_bytes() for p in site.rglob("*.gz")} | {p: p.read_bytes() for p in site.rglob("*.br")}
    for copy in first:
        copy.unlink()
    os.utime(site / "index.html", (1, 1))  # another mtime must not change a byte
    precompress(site)
    assert {p: p.read_bytes() for p in first} == first


def test_copies_carry_the_original_modification_time(site: Path) -> None:
    precompress(site)
    original = site / "index.html"
    assert (site / "index.html.gz").stat().st_mtime_ns == original.stat().st_mtime_ns


def test_a_second_run_replaces_its_copies(site: Path) -> None:
    precompress(site)
    (site / "index.html").write_bytes(text(30_000))
    precompress(site)
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == (site / "index.html").read_bytes()


def test_the_cache_gives_the_same_bytes(site: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    precompress(site, cache_dir=cache)
    first = (site / "index.html.br").read_bytes()
    assert any(cache.iterdir())
    (site / "index.html.br").unlink()
    precompress(site, cache_dir=cache)
    assert (site / "index.html.br").read_bytes() == first


def test_without_brotli_only_gzip_copies_and_a_message(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compress, "_brotli", lambda: None)
    result = precompress(site)
    assert not list(site.rglob("*.br"))
    assert (site / "index.html.gz").exists()
    assert result["brotli"] is False
    assert "brotli" in result["message"]
