"""The runtime step: only a tarball with the pinned integrity is used, and only the runtime files are kept."""

from __future__ import annotations

import gzip
import io
import tarfile
from pathlib import Path

import pytest

from site_build import runtime
from site_build.errors import BuildError
from site_build.settings import PYODIDE_INTEGRITY, RUNTIME_FILES


def fake_tarball(path: Path, names: tuple[str, ...] = (*RUNTIME_FILES, "console.html", "pyodide.js.map")) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tar:
        for name in names:
            data = f"fake {name}".encode()
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    path.write_bytes(gzip.compress(raw.getvalue(), mtime=0))  # the same bytes every time
    return path


def test_a_tarball_with_the_wrong_integrity_is_rejected(tmp_path: Path) -> None:
    tarball = fake_tarball(tmp_path / "pyodide.tgz")
    with pytest.raises(BuildError, match="does not match the pinned integrity hash"):
        runtime.verify(tarball, PYODIDE_INTEGRITY)


def test_fetch_refuses_a_download_with_the_wrong_integrity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def npm_pack(package: str, destination: Path) -> Path:
        return fake_tarball(destination / "pyodide-314.0.7.tgz")

    monkeypatch.setattr(runtime, "npm_pack", npm_pack)
    with pytest.raises(BuildError) as error:
        runtime.fetch_runtime(tmp_path / "cache")
    assert PYODIDE_INTEGRITY in str(error.value)
    assert not (tmp_path / "cache" / "pyodide-314.0.7").exists()  # nothing extracted


def test_a_verified_tarball_yields_only_the_runtime_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def npm_pack(package: str, destination: Path) -> Path:
        return fake_tarball(destination / "pyodide-314.0.7.tgz")

    monkeypatch.setattr(runtime, "npm_pack", npm_pack)
    expected = runtime.integrity_of(fake_tarball(tmp_path / "probe.tgz"))
    out = runtime.fetch_runtime(tmp_path / "cache", integrity=expected)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(RUNTIME_FILES)
    # A second call uses the cache: no download.
    monkeypatch.setattr(runtime, "npm_pack", lambda *a: pytest.fail("downloaded again"))
    assert runtime.fetch_runtime(tmp_path / "cache", integrity=expected) == out


def test_integrity_is_the_npm_sri_string(tmp_path: Path) -> None:
    path = tmp_path / "x"
    path.write_bytes(b"")
    assert runtime.integrity_of(path) == (
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==")


def test_the_cached_real_tarball_matches_the_pin() -> None:
    tarball = Path(__file__).resolve().parents[2] / ".cache" / "npm" / "pyodide-314.0.7.tgz"
    if not tarball.exists():
        pytest.skip("the runtime has not been fetched yet (the session build fetches it)")
    runtime.verify(tarball)
