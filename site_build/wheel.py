"""Build the ``calculators`` package as a pure-Python wheel with the standard tools, and register it with Pyodide.

The wheel is built from a clean copy of ``pyproject.toml`` and ``calculators/``
so the project tree gets no ``build/`` or ``*.egg-info`` debris, with
``SOURCE_DATE_EPOCH`` fixed so the same code gives the same bytes. When the
virtualenv has setuptools the build uses it as it is (no isolation: it runs
offline); otherwise ``build`` fetches the backend pyproject.toml asks for.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from .errors import BuildError

PURE_WHEEL = re.compile(r"^(?P<name>calculators)-(?P<version>[^-]+)-py3-none-any\.whl$")
#: 2026-01-01: a fixed timestamp for the files inside the wheel.
SOURCE_DATE_EPOCH = "1767225600"


def build_wheel(project: Path, work: Path) -> Path:
    """``calculators-<version>-py3-none-any.whl`` built from ``project``, in ``work/dist``."""
    source, dist = work / "wheel-src", work / "dist"
    for folder in (source, dist):
        if folder.exists():
            shutil.rmtree(folder)
    source.mkdir(parents=True)
    shutil.copy2(project / "pyproject.toml", source / "pyproject.toml")
    shutil.copytree(project / "calculators", source / "calculators",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    offline = ["--no-isolation", "--skip-dependency-check"] if importlib.util.find_spec("setuptools") else []
    result = subprocess.run(
        # -P, cwd and no PYTHONPATH: never let the project's own build.py shadow the `build` package.
        [sys.executable, "-P", "-m", "build", "--wheel", *offline, "--outdir", str(dist), str(source)],
        capture_output=True, text=True, check=False, cwd=str(work),
        env={**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
    )
    wheels = sorted(dist.glob("*.whl")) if dist.exists() else []
    if result.returncode != 0 or len(wheels) != 1:
        raise BuildError("wheel", "`python -m build --wheel` failed", [(result.stderr or result.stdout)[-3000:]])
    if not PURE_WHEEL.match(wheels[0].name):
        raise BuildError("wheel", f"{wheels[0].name} is not a pure py3-none-any wheel: "
                         "the engine must stay stdlib-only Python to run in Pyodide")
    return wheels[0]


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_id(wheel_sha256: str, pyodide_version: str, length: int, others: Iterable[str] = ()) -> str:
    """The name of the wheel's folder: changes with the wheel AND with the runtime its lock file belongs to.

    The wheel is reproducible, so a Pyodide upgrade alone would keep its hash; the lock file beside it
    changes then, and browsers that keep the folder for good must see a new one. ``others``: the sha256 of
    the other wheels served in the same folder (the vendored ones), so a new pin gets a new folder too.
    """
    extra = "".join(f":{sha}" for sha in sorted(others))
    return hashlib.sha256(f"{pyodide_version}:{wheel_sha256}{extra}".encode()).hexdigest()[:length]


def register(lock_file: Path, wheel: Path) -> None:
    """Add the wheel to Pyodide's lock file, so ``loadPackage("calculators")`` finds it in the lock file's folder."""
    match = PURE_WHEEL.match(wheel.name)
    assert match, wheel.name
    lock = json.loads(lock_file.read_text(encoding="utf-8"))
    lock["packages"][match["name"]] = {
        "name": match["name"],
        "version": match["version"],
        "file_name": wheel.name,
        "install_dir": "site",
        "sha256": sha256_of(wheel),
        "package_type": "package",
        "imports": [match["name"]],
        "depends": [],
        "unvendored_tests": False,
        "tool": {},
    }
    lock_file.write_text(json.dumps(lock, separators=(",", ":"), sort_keys=False), encoding="utf-8")


def keep_served(lock_file: Path) -> list[str]:
    """Drop from the lock file every package whose file is not served beside it; return the names dropped.

    Pyodide's own lock lists some 360 packages, of which the site serves three (the calculators wheel and the
    pinned openpyxl and et_xmlfile): an entry without its file could only fail to load, and the rest cost a
    cold calculator visit about 20 KiB of the lock's brotli (issue 22).
    """
    lock = json.loads(lock_file.read_text(encoding="utf-8"))
    folder = lock_file.parent
    dropped = [name for name, entry in lock["packages"].items()
               if not (folder / str(entry.get("file_name", ""))).is_file()]
    for name in dropped:
        del lock["packages"][name]
    lock_file.write_text(json.dumps(lock, separators=(",", ":"), sort_keys=False), encoding="utf-8")
    return dropped
