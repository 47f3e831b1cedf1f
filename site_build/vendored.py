"""Optional pure-Python wheels from PyPI, pinned by sha256, served beside the engine and loaded only on demand.

The receivables report opens ``.xlsx`` files with ``openpyxl`` (and its dependency
``et_xmlfile``). The worker loads them with ``pyodide.loadPackage`` from the site's own
lock file the first time a reader opens such a file, never at start-up. The build fetches
each wheel once with ``pip download`` into ``<cache>/wheels/`` (like the runtime with
``npm pack``), checks it against the pinned sha256 before anything else reads it, and
registers it in the lock file; a cached wheel is checked the same way, so a corrupt copy
is fetched again, and a download that still does not match stops the build.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError

WHEELS_CACHE = "wheels"


@dataclass(frozen=True)
class PinnedWheel:
    """One wheel of PyPI, as the lock file registers it: ``name`` is the lock's key (PEP 503 normalised)."""

    name: str
    version: str
    file_name: str
    sha256: str
    imports: tuple[str, ...]
    depends: tuple[str, ...] = ()

    @property
    def requirement(self) -> str:
        return f"{self.name}=={self.version}"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def is_pure(file_name: str) -> bool:
    """A wheel that runs anywhere Python runs: tags ``py3-none-any`` (or ``py2.py3-none-any``)."""
    parts = file_name.removesuffix(".whl").split("-")
    return file_name.endswith(".whl") and len(parts) >= 5 and parts[-2:] == ["none", "any"] and "py3" in parts[-3]


def pip_download(pin: PinnedWheel, destination: Path) -> Path:
    """``pip download --no-deps --only-binary=:all: name==version`` into ``destination``; the wheel's path."""
    destination.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=destination) as scratch:
        result = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
             "--disable-pip-version-check", "--dest", scratch, pin.requirement],
            capture_output=True, text=True, check=False,
        )
        got = Path(scratch) / pin.file_name
        if result.returncode != 0 or not got.is_file():
            raise BuildError("wheel", f"`pip download {pin.requirement}` failed: the .xlsx reader's wheels come "
                             "from PyPI once per machine (then from .cache/wheels/)",
                             [(result.stderr or result.stdout or "no output").strip()[-2000:],
                              f"expected {pin.file_name}; found {sorted(p.name for p in Path(scratch).iterdir())}"])
        target = destination / pin.file_name
        got.replace(target)
    return target


def verify(path: Path, pin: PinnedWheel) -> None:
    """Raise unless ``path`` is the pinned, pure, readable wheel."""
    actual = sha256_of(path)
    if actual != pin.sha256:
        raise BuildError("wheel", f"{path.name} does not match its pinned sha256", [
            f"expected {pin.sha256}", f"got      {actual}",
            "the download is corrupt or the index served another file: delete it and build again; "
            "do not update the pin without checking why"])
    if not is_pure(path.name):
        raise BuildError("wheel", f"{path.name} is not a pure-Python wheel: Pyodide could not install it")
    try:
        zipfile.ZipFile(path).testzip()
    except zipfile.BadZipFile as error:
        raise BuildError("wheel", f"{path.name} is not a zip file: {error}") from error


def fetch_wheels(cache: Path, pins: Iterable[PinnedWheel]) -> list[Path]:
    """The verified wheels of ``pins`` in ``<cache>/wheels/``; downloads only what is missing or corrupt."""
    folder = cache / WHEELS_CACHE
    found = []
    for pin in pins:
        path = folder / pin.file_name
        if path.is_file():
            try:
                verify(path, pin)
                found.append(path)
                continue
            except BuildError:
                path.unlink()  # a corrupt cache: fetch again, then the check below is final
        path = pip_download(pin, folder)
        verify(path, pin)
        found.append(path)
    return found


def install(folder: Path, lock_file: Path, wheels: Iterable[Path], pins: Iterable[PinnedWheel]) -> None:
    """Copy each wheel into ``folder`` (the engine's build folder) and register it in ``lock_file``."""
    by_name = {pin.file_name: pin for pin in pins}
    lock = json.loads(lock_file.read_text(encoding="utf-8"))
    for wheel in wheels:
        pin = by_name[wheel.name]
        shutil.copy2(wheel, folder / wheel.name)
        lock["packages"][pin.name] = {
            "name": pin.name,
            "version": pin.version,
            "file_name": pin.file_name,
            "install_dir": "site",
            "sha256": pin.sha256,
            "package_type": "package",
            "imports": list(pin.imports),
            "depends": list(pin.depends),
            "unvendored_tests": False,
            "tool": {},
        }
    lock_file.write_text(json.dumps(lock, separators=(",", ":"), sort_keys=False), encoding="utf-8")
