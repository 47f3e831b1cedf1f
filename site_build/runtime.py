"""Fetch the pinned Pyodide runtime with ``npm pack``, verify it, and keep only the files the browser loads.

The tarball is checked against the registry's integrity hash pinned in
``settings.PYODIDE_INTEGRITY`` before anything is extracted; a cached tarball
is checked the same way, so a corrupted cache is fetched again, and a tarball
that still does not match stops the build.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import tarfile
from pathlib import Path

from .errors import BuildError
from .settings import PYODIDE_INTEGRITY, PYODIDE_VERSION, RUNTIME_FILES


def integrity_of(path: Path, algorithm: str = "sha512") -> str:
    """The npm/SRI integrity string of a file: ``sha512-<base64 digest>``."""
    digest = hashlib.new(algorithm)
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return f"{algorithm}-{base64.b64encode(digest.digest()).decode()}"


def verify(tarball: Path, expected: str = PYODIDE_INTEGRITY) -> None:
    """Raise unless ``tarball`` has the pinned integrity hash."""
    algorithm = expected.split("-", 1)[0]
    actual = integrity_of(tarball, algorithm)
    if actual != expected:
        raise BuildError("runtime", f"{tarball.name} does not match the pinned integrity hash", [
            f"expected {expected}", f"got      {actual}",
            "the download is corrupt or the registry served another file: delete it and build again; "
            "if it persists, do not update the pin without checking why"])


def npm_pack(package: str, destination: Path) -> Path:
    """``npm pack <package>`` into ``destination``; the path of the tarball."""
    destination.mkdir(parents=True, exist_ok=True)
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError("runtime", "npm is not installed: it is needed once to fetch the Pyodide runtime")
    result = subprocess.run(
        [npm, "pack", package, "--pack-destination", str(destination), "--silent"],
        capture_output=True, text=True, check=False,
    )
    names = [line.strip() for line in result.stdout.splitlines() if line.strip().endswith(".tgz")]
    if result.returncode != 0 or not names:
        raise BuildError("runtime", f"`npm pack {package}` failed", [result.stderr.strip()[-2000:] or "no output"])
    return destination / names[-1]


def extract(tarball: Path, target: Path, files: tuple[str, ...] = RUNTIME_FILES) -> Path:
    """Only ``files`` from the package's tarball into ``target`` (emptied first)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with tarfile.open(tarball, "r:gz") as tar:
        members = {m.name: m for m in tar.getmembers() if m.isfile()}
        missing = [name for name in files if f"package/{name}" not in members]
        if missing:
            raise BuildError("runtime", f"{tarball.name} lacks runtime files", missing)
        for name in files:
            source = tar.extractfile(members[f"package/{name}"])
            assert source is not None
            with source, (target / name).open("wb") as out:
                shutil.copyfileobj(source, out)
    return target


def fetch_runtime(cache: Path, version: str = PYODIDE_VERSION, integrity: str = PYODIDE_INTEGRITY) -> Path:
    """The verified runtime files of Pyodide ``version`` in the cache; downloads only when needed."""
    tarball = cache / "npm" / f"pyodide-{version}.tgz"
    runtime = cache / f"pyodide-{version}"
    stamp = runtime / ".integrity"
    if stamp.exists() and stamp.read_text() == integrity and all((runtime / f).exists() for f in RUNTIME_FILES):
        return runtime
    if tarball.exists():
        try:
            verify(tarball, integrity)
        except BuildError:
            tarball.unlink()  # a corrupt cache: fetch again, then the check below is final
    if not tarball.exists():
        fetched = npm_pack(f"pyodide@{version}", tarball.parent)
        if fetched != tarball:
            fetched.replace(tarball)
    verify(tarball, integrity)
    extract(tarball, runtime)
    stamp.write_text(integrity)
    return runtime
