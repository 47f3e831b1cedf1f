"""Precompressed ``.br`` and ``.gz`` copies next to the site's large compressible files.

nginx's ``gzip_static`` and ``brotli_static`` then send the copy a browser
accepts, with no compression work per request (the Pyodide wasm is 9.6 MB;
brotli at quality 11 takes about 25 s on one core, so it is done once, here,
and kept in a cache keyed by content; the engine's 30 MiB memory snapshot
travels as about 4 MB of brotli). A copy is kept only when it is at
least ``MIN_SAVING`` smaller than the original: ``python_stdlib.zip`` and
the wheel are already deflated and gain about 2-5 %, so they stay single; the
trimmed stdlib zip beside the snapshot is stored, and brotli shrinks it by ~80 %.
Output is deterministic (gzip without name or time), so two builds of the
same site give the same bytes. ``make serve`` (Python's http.server, which never
sends a copy) builds without them: ``SITE_BUILD_NO_COMPRESS=1``.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

#: What may gain from compression: text, wasm, and the two archives (measured, kept only if they gain).
CANDIDATES = frozenset({
    ".html", ".htm", ".css", ".js", ".mjs", ".json", ".map", ".webmanifest", ".svg", ".xml", ".txt", ".csv",
    ".wasm", ".zip", ".whl", ".ico", ".bin",  # .bin: the engine's memory snapshot (site_build/snapshot.py)
})
#: Never worth a copy: formats that are compressed already.
ALREADY_COMPRESSED = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff", ".woff2", ".gz", ".br",
                                ".zst", ".tgz"})
MIN_SIZE = 1024  # below this, the headers outweigh the gain
MIN_SAVING = 0.10  # keep a copy only when it is at least 10 % smaller
BROTLI_QUALITY = 11
GZIP_LEVEL = 9
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def _brotli() -> ModuleType | None:
    try:
        import brotli
    except ImportError:
        return None
    return brotli


def _compress(data: bytes, encoding: str, brotli: ModuleType | None) -> bytes:
    if encoding == "gzip":
        return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
    assert brotli is not None
    return bytes(brotli.compress(data, quality=BROTLI_QUALITY))


def _cached(data: bytes, encoding: str, brotli: ModuleType | None, cache_dir: Path | None) -> bytes:
    """The compressed bytes, from ``cache_dir`` when this content was compressed before."""
    if cache_dir is None:
        return _compress(data, encoding, brotli)
    level = BROTLI_QUALITY if encoding == "br" else GZIP_LEVEL
    key = cache_dir / f"{hashlib.sha256(data).hexdigest()}.{encoding}{level}"
    if key.is_file():
        return key.read_bytes()
    out = _compress(data, encoding, brotli)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = key.with_name(key.name + f".{os.getpid()}.tmp")
    tmp.write_bytes(out)
    tmp.replace(key)
    return out


def copies(site_dir: Path) -> Iterator[tuple[Path, Path, str]]:
    """The precompressed copies in ``site_dir``: (copy, original, encoding). A ``.gz`` without its original, or
    beside a file of a type this module never compresses, is content, not a copy."""
    for encoding, ext in ENCODINGS:
        for copy in sorted(site_dir.rglob(f"*{ext}")):
            original = copy.with_name(copy.name[: -len(ext)])
            if original.is_file() and original.suffix.lower() in CANDIDATES:
                yield copy, original, encoding


def decompress(data: bytes, encoding: str) -> bytes:
    """The bytes a browser gets back from a copy (raises ImportError for brotli without the package)."""
    if encoding == "gzip":
        return gzip.decompress(data)
    import brotli

    return bytes(brotli.decompress(data))


def _remove_stale(site_dir: Path) -> None:
    """Copies an earlier run left next to an original are removed: they are written again, or not if they
    no longer gain enough."""
    for copy, _, _ in list(copies(site_dir)):
        copy.unlink()


def precompress(site_dir: Path, *, cache_dir: Path | None = None) -> dict[str, Any]:
    """Write ``<file>.br`` and ``<file>.gz`` next to every large compressible file of ``site_dir``.

    Returns what was done: ``written`` (relative path -> {"size", "br", "gzip"} in bytes, an encoding
    absent when its copy did not save ``MIN_SAVING``), ``skipped`` (relative path -> reason),
    ``brotli`` (False when the package is missing: only .gz copies then) and ``message``.
    ``cache_dir`` keeps compressed outputs by content hash between builds.
    """
    brotli = _brotli()
    message = None if brotli else (
        "the `brotli` package is not installed: only .gz copies were written "
        "(pip install brotli, or add it to the site dependency group)")
    _remove_stale(site_dir)
    written: dict[str, dict[str, int]] = {}
    skipped: dict[str, str] = {}
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        suffix = path.suffix.lower()
        if suffix in ALREADY_COMPRESSED:
            continue
        if suffix not in CANDIDATES:
            skipped[rel] = "type"
            continue
        size = path.stat().st_size
        if size < MIN_SIZE:
            skipped[rel] = "small"
            continue
        data = path.read_bytes()
        stat = path.stat()
        entry: dict[str, int] = {"size": size}
        for encoding, ext in ENCODINGS:
            if encoding == "br" and brotli is None:
                continue
            out = _cached(data, encoding, brotli, cache_dir)
            if len(out) <= size * (1 - MIN_SAVING):
                copy = path.with_name(path.name + ext)
                copy.write_bytes(out)
                os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same Last-Modified as the original
                entry[encoding] = len(out)
        if len(entry) == 1:
            skipped[rel] = f"gains < {MIN_SAVING:.0%}"
        else:
            written[rel] = entry
    return {
        "written": written,
        "skipped": skipped,
        "brotli": brotli is not None,
        "message": message,
        "bytes": sum(e["size"] for e in written.values()),
        "bytes_br": sum(e.get("br", e["size"]) for e in written.values()),
        "bytes_gzip": sum(e.get("gzip", e["size"]) for e in written.values()),
    }


def summary(result: dict[str, Any]) -> str:
    """One line for the build's output."""
    line = (f"precompressed {len(result['written'])} files: {result['bytes'] / 1e6:.1f} MB -> "
            f"br {result['bytes_br'] / 1e6:.1f} MB, gzip {result['bytes_gzip'] / 1e6:.1f} MB")
    return line + (f" ({result['message']})" if result["message"] else "")
