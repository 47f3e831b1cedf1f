"""The calculators wheel: pure Python, reproducible, registered with Pyodide next to the runtime."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from site_build.wheel import build_wheel, keep_served, register

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_is_pure_reproducible_and_holds_the_engine(tmp_path: Path) -> None:
    first = build_wheel(ROOT, tmp_path / "a")
    second = build_wheel(ROOT, tmp_path / "b")
    assert first.name.endswith("-py3-none-any.whl")
    assert first.read_bytes() == second.read_bytes()
    names = zipfile.ZipFile(first).namelist()
    assert "calculators/__init__.py" in names and "calculators/rules.py" in names
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)


def test_register_adds_the_wheel_to_the_lock_file(tmp_path: Path) -> None:
    wheel = tmp_path / "calculators-1.2.3-py3-none-any.whl"
    wheel.write_bytes(b"wheel")
    lock = tmp_path / "pyodide-lock.json"
    lock.write_text(json.dumps({"info": {}, "packages": {"micropip": {"name": "micropip"}}}))
    register(lock, wheel)
    entry = json.loads(lock.read_text())["packages"]["calculators"]
    assert entry["file_name"] == wheel.name and entry["version"] == "1.2.3"
    assert entry["sha256"] == hashlib.sha256(b"wheel").hexdigest()
    assert entry["imports"] == ["calculators"] and entry["depends"] == []


def test_the_lock_keeps_only_the_packages_served_beside_it(tmp_path: Path) -> None:
    wheel = tmp_path / "calculators-1.2.3-py3-none-any.whl"
    wheel.write_bytes(b"wheel")
    lock = tmp_path / "pyodide-lock.json"
    lock.write_text(json.dumps({"info": {"python": "3.14"}, "packages": {
        "numpy": {"name": "numpy", "file_name": "numpy-2.0-cp314-cp314-pyodide_2026_0_wasm32.whl"},
        "ssl": {"name": "ssl", "file_name": "ssl-1.0.0.zip"}}}))
    register(lock, wheel)
    assert keep_served(lock) == ["numpy", "ssl"]
    kept = json.loads(lock.read_text())
    assert list(kept["packages"]) == ["calculators"] and kept["info"] == {"python": "3.14"}
