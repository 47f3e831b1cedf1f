"""The pinned optional wheels (openpyxl for .xlsx files): fetched once, checked by sha256, served and registered."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path, PurePath

import pytest
from test_check import make_engine

from site_build import check, vendored
from site_build.errors import BuildError
from site_build.settings import VENDORED_WHEELS
from site_build.vendored import PinnedWheel
from site_build.wheel import build_id


def a_wheel(name: str = "demo") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(f"{name}/__init__.py", "X = 1\n")
    return out.getvalue()


def pin_for(data: bytes, file_name: str = "demo-1.0-py3-none-any.whl", name: str = "demo") -> PinnedWheel:
    return PinnedWheel(name, "1.0", file_name, hashlib.sha256(data).hexdigest(), imports=(name,))


def test_the_pins_are_pure_wheels_whose_dependencies_are_pinned_too() -> None:
    names = {pin.name for pin in VENDORED_WHEELS}
    for pin in VENDORED_WHEELS:
        assert vendored.is_pure(pin.file_name), pin
        assert set(pin.depends) <= names, pin
        assert len(pin.sha256) == 64 and int(pin.sha256, 16) >= 0


@pytest.mark.parametrize(("file_name", "pure"), [
    ("openpyxl-3.1.5-py2.py3-none-any.whl", True),
    ("et_xmlfile-2.0.0-py3-none-any.whl", True),
    ("lxml-5.3.0-cp311-cp311-manylinux_2_28_x86_64.whl", False),
    ("demo-1.0-py3-none-win32.whl", False),
    ("demo-1.0.tar.gz", False),
])
def test_only_pure_wheels_count_as_pure(file_name: str, pure: bool) -> None:
    assert vendored.is_pure(file_name) is pure


def test_a_cached_wheel_that_matches_is_used_without_a_download(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    data = a_wheel()
    pin = pin_for(data)
    (tmp_path / "wheels").mkdir()
    (tmp_path / "wheels" / pin.file_name).write_bytes(data)
    monkeypatch.setattr(vendored, "pip_download", lambda *a: pytest.fail("downloaded although cached"))
    assert vendored.fetch_wheels(tmp_path, [pin]) == [tmp_path / "wheels" / pin.file_name]


def test_a_corrupt_cached_wheel_is_fetched_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = a_wheel()
    pin = pin_for(data)
    (tmp_path / "wheels").mkdir()
    (tmp_path / "wheels" / pin.file_name).write_bytes(b"truncated")
    fetched = []

    def download(p: PinnedWheel, folder: Path) -> Path:
        fetched.append(p.name)
        (folder / p.file_name).write_bytes(data)
        return folder / p.file_name

    monkeypatch.setattr(vendored, "pip_download", download)
    [path] = vendored.fetch_wheels(tmp_path, [pin])
    assert fetched == ["demo"] and path.read_bytes() == data


def test_a_download_that_does_not_match_its_pin_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    pin = pin_for(a_wheel())

    def download(p: PinnedWheel, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / p.file_name).write_bytes(a_wheel("other"))
        return folder / p.file_name

    monkeypatch.setattr(vendored, "pip_download", download)
    with pytest.raises(BuildError, match="does not match its pinned sha256"):
        vendored.fetch_wheels(tmp_path, [pin])


def test_installed_wheels_are_registered_so_load_package_finds_them_with_their_dependency(tmp_path: Path) -> None:
    lock = tmp_path / "pyodide-lock.json"
    lock.write_text(json.dumps({"info": {}, "packages": {}}))
    base, dep = a_wheel("base"), a_wheel("dep")
    pins = [PinnedWheel("base", "1.0", "base-1.0-py3-none-any.whl", hashlib.sha256(base).hexdigest(),
                        imports=("base",), depends=("dep",)),
            PinnedWheel("dep", "2.0", "dep-2.0-py3-none-any.whl", hashlib.sha256(dep).hexdigest(), imports=("dep",))]
    cache = tmp_path / "cache"
    cache.mkdir()
    wheels = []
    for pin, data in zip(pins, (base, dep), strict=True):
        (cache / pin.file_name).write_bytes(data)
        wheels.append(cache / pin.file_name)
    site = tmp_path / "site"
    site.mkdir()
    vendored.install(site, lock, wheels, pins)
    packages = json.loads(lock.read_text())["packages"]
    assert packages["base"]["depends"] == ["dep"] and packages["dep"]["imports"] == ["dep"]
    assert packages["base"]["sha256"] == pins[0].sha256 and (site / "base-1.0-py3-none-any.whl").read_bytes() == base


def serve_extra(site: Path, engine: dict[str, str], data: bytes, pin: PinnedWheel) -> None:
    folder = (site / engine["wheel"]).parent
    source = site / "cache" / pin.file_name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(data)
    vendored.install(folder, site / engine["lock"], [source], [pin])


def test_an_extra_wheel_must_be_in_the_build_id_and_the_lock_file(tmp_path: Path) -> None:
    engine = make_engine(tmp_path)
    data = a_wheel()
    pin = pin_for(data)
    serve_extra(tmp_path, engine, data, pin)
    problems = check.check_engine(tmp_path, engine)
    assert any("is not the hash of the wheel's sha256" in p for p in problems)  # a new pin needs a new folder

    # The same engine whose build id counts the extra wheel passes.
    wheel = tmp_path / engine["wheel"]
    rebuilt = make_engine(tmp_path / "b", wheel.read_bytes())
    new_id = build_id(hashlib.sha256(wheel.read_bytes()).hexdigest(), "314.0.7", 16, [pin.sha256])
    moved = {**rebuilt, "build_id": new_id, "wheel": rebuilt["wheel"].replace(rebuilt["build_id"], new_id),
             "lock": rebuilt["lock"].replace(rebuilt["build_id"], new_id)}
    (tmp_path / "b" / "pyodide" / "wheels" / rebuilt["build_id"]).rename(tmp_path / "b" / "pyodide" / "wheels" / new_id)
    serve_extra(tmp_path / "b", moved, data, pin)
    assert check.check_engine(tmp_path / "b", moved) == []
    assert check.check_vendored(tmp_path / "b", moved, [pin]) == []

    # Unregistered, or not the pinned bytes: reported.
    (tmp_path / "b" / PurePath(moved["wheel"]).parent / "stray-1.0-py3-none-any.whl").write_bytes(b"x")
    assert any("stray-1.0-py3-none-any.whl is not registered" in p for p in check.check_engine(tmp_path / "b", moved))
    (tmp_path / "b" / PurePath(moved["wheel"]).parent / pin.file_name).write_bytes(a_wheel("other"))
    assert any("not the pinned file" in p for p in check.check_vendored(tmp_path / "b", moved, [pin]))


def test_a_missing_pinned_wheel_is_reported(tmp_path: Path) -> None:
    engine = make_engine(tmp_path)
    problems = check.check_vendored(tmp_path, engine, VENDORED_WHEELS)
    assert any("openpyxl-3.1.5-py2.py3-none-any.whl (pinned" in p for p in problems)
    assert check.check_vendored(tmp_path, engine, []) == []
