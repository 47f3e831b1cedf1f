"""The engine's build-time snapshot: what it imports, the trimmed stdlib, the size limit, and the built files."""

from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from site_build import snapshot as snap
from site_build.check import check_snapshot
from site_build.errors import BuildError
from site_build.settings import RUNTIME_DIR

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def fake_snapshot(heap: int, offset: int = 128) -> bytes:
    header = struct.pack("<IIII", snap.SNAPSHOT_MAGIC, offset, 20, 0) + bytes(32)
    return header + bytes(offset - len(header)) + bytes(heap)


def test_a_snapshot_whose_heap_fits_the_initial_memory_is_accepted() -> None:
    data = fake_snapshot(snap.INITIAL_MEMORY)
    assert snap.heap_size(data) == snap.INITIAL_MEMORY
    snap.check_size(data)


def test_a_snapshot_whose_heap_grew_past_the_initial_memory_is_refused() -> None:
    with pytest.raises(BuildError, match="could not restore it"):
        snap.check_size(fake_snapshot(snap.INITIAL_MEMORY + 65536))


def test_bytes_that_are_not_a_snapshot_are_refused() -> None:
    with pytest.raises(BuildError, match="not a Pyodide snapshot"):
        snap.check_size(b"\0" * 256)


def test_imports_inside_functions_are_found() -> None:
    source = ("import json\nfrom decimal import Decimal\n"
              "def f():\n    import csv\n    from xml.etree import ElementTree\n")
    assert snap.imported_names(source) == {"json", "decimal", "csv", "xml.etree"}


def test_the_engine_imports_its_own_modules_and_every_stdlib_module_it_names(tmp_path: Path) -> None:
    package = tmp_path / "calculators"
    package.mkdir()
    (package / "__init__.py").write_text("from . import late\nimport json\n")
    (package / "late.py").write_text("def read():\n    import csv\n    return csv\n")
    (package / "__main__.py").write_text("import argparse\n")  # the CLI: not part of the browser's engine
    modules = snap.modules_to_import(package)
    assert {"calculators", "calculators.late", "json", "csv"} <= set(modules)
    assert "argparse" not in modules and "calculators.__main__" not in modules
    assert modules.index("csv") < modules.index("calculators")  # the stdlib first


def test_an_unknown_third_party_import_fails_the_build(tmp_path: Path) -> None:
    package = tmp_path / "calculators"
    package.mkdir()
    (package / "__init__.py").write_text("def read():\n    import pandas\n")
    with pytest.raises(BuildError, match="pandas"):
        snap.modules_to_import(package)


def test_an_optional_package_brings_its_stdlib_needs(tmp_path: Path) -> None:
    package = tmp_path / "calculators"
    package.mkdir()
    (package / "__init__.py").write_text("def read():\n    import openpyxl\n")
    modules = snap.modules_to_import(package)
    assert set(snap.OPTIONAL_PACKAGES["openpyxl"]) <= set(modules)
    assert "openpyxl" not in modules  # the worker installs it; the snapshot only readies its stdlib


def test_a_lazy_import_the_trimmed_zip_cannot_serve_is_reported() -> None:
    zipped = ["json/__init__.py", "json/decoder.py", "decimal.py", "xml/__init__.py", "xml/etree/__init__.py",
              "xml/etree/ElementTree.py"]
    assert snap.check_imports(["json", "decimal", "xml.etree.ElementTree", "_decimal"], zipped, ["_decimal"]) == []
    assert snap.check_imports(["json", "csv", "calculators.payout"], zipped, []) == ["csv"]


def test_the_trimmed_stdlib_is_stored_and_the_same_bytes_every_time(tmp_path: Path) -> None:
    full = tmp_path / "full.zip"
    with zipfile.ZipFile(full, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for name in ("a.py", "b/__init__.py", "c.py"):
            out.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 2, 3, 4, 6)), f"x = {name!r}\n" * 50)
    first, second = tmp_path / "one.zip", tmp_path / "two.zip"
    assert snap.trim_stdlib(full, ["c.py", "a.py"], first) == ["a.py", "c.py"]  # the runtime's order
    snap.trim_stdlib(full, ["a.py", "c.py"], second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as trimmed:
        assert {i.compress_type for i in trimmed.infolist()} == {zipfile.ZIP_STORED}
        assert trimmed.read("a.py") == zipfile.ZipFile(full).read("a.py")
    with pytest.raises(BuildError, match="not in the runtime's stdlib zip"):
        snap.trim_stdlib(full, ["missing.py"], tmp_path / "three.zip")


def test_the_engine_sources_ride_in_the_trimmed_zip_and_imported_entries_can_be_blanked(tmp_path: Path) -> None:
    full = tmp_path / "full.zip"
    with zipfile.ZipFile(full, "w") as out:
        out.writestr(zipfile.ZipInfo("a.py", date_time=(2026, 1, 2, 3, 4, 6)), "x = 1\n" * 40)
        out.writestr(zipfile.ZipInfo("b.py", date_time=(2026, 1, 2, 3, 4, 6)), "y = 2\n" * 40)
    engine = tmp_path / "wheel"
    (engine / "calculators").mkdir(parents=True)
    (engine / "calculators" / "__init__.py").write_text("z = 3\n")
    (engine / "calculators-0.1.0.dist-info").mkdir()
    (engine / "calculators-0.1.0.dist-info" / "METADATA").write_text("Name: calculators\n")
    target = tmp_path / "trimmed.zip"
    assert snap.trim_stdlib(full, ["a.py", "b.py"], target, engine) == ["a.py", "b.py", "calculators/__init__.py"]
    size = target.stat().st_size
    assert snap.blank_entries(target, ["a.py", "calculators/__init__.py"]) == 240 + 6
    assert target.stat().st_size == size
    raw = target.read_bytes()
    assert b"x = 1" not in raw and b"z = 3" not in raw and b"y = 2\n" * 40 in raw
    with zipfile.ZipFile(target) as blanked:
        assert blanked.namelist() == ["a.py", "b.py", "calculators/__init__.py"]  # the directory is untouched
        assert blanked.read("b.py") == b"y = 2\n" * 40


def test_an_engine_source_with_a_compiled_copy_rides_as_that_pyc(tmp_path: Path) -> None:
    full = tmp_path / "full.zip"
    with zipfile.ZipFile(full, "w") as out:
        out.writestr(zipfile.ZipInfo("a.py", date_time=(2026, 1, 2, 3, 4, 6)), "x = 1\n")
    engine = tmp_path / "wheel"
    (engine / "calculators").mkdir(parents=True)
    (engine / "calculators" / "__init__.py").write_text("z = 3\n")
    (engine / "calculators" / "data.txt").write_text("kept as it is\n")
    (engine / "calculators" / "examples.py").write_text("EXAMPLES = {}\n")  # the build's: not served
    target = tmp_path / "trimmed.zip"
    names = snap.trim_stdlib(full, ["a.py"], target, engine, {"calculators/__init__.py": b"PYC!"})
    assert names == ["a.py", "calculators/__init__.pyc", "calculators/data.txt"]
    with zipfile.ZipFile(target) as trimmed:
        assert trimmed.read("calculators/__init__.pyc") == b"PYC!"
        assert trimmed.read("calculators/data.txt") == b"kept as it is\n"


def test_the_engine_imports_a_calculator_only_when_it_is_first_looked_up() -> None:
    # The snapshot holds only SNAPSHOT_CALCULATORS: importing the engine must not import the others.
    code = """
import sys, calculators
from calculators import letter_sheet
lazy = [n for n in calculators.CALCULATORS if f"calculators.{n}" in sys.modules]
calculators.CALCULATORS["late_payment"]
print(lazy, "calculators.late_payment" in sys.modules, "calculators.ledgers" in sys.modules,
      sorted(calculators._LETTER_CALCULATORS) == sorted(letter_sheet.LETTER_CALCULATORS))
"""
    sheet = """
import json, sys, calculators
from calculators import examples
payload = next(e["payload"] for e in examples.EXAMPLES.values() if e["calculator"] == "late_payment")
calculators.run("late_payment", payload)
plain = "calculators.letter_sheet" in sys.modules
asked = calculators.run("late_payment", {**payload, "letter_window": "left", "letter_format": "sheet"})
print(plain, "calculators.letter_sheet" in sys.modules, "errors" not in asked)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(snap.__file__).resolve().parents[1])
    assert done.stdout.split() == ["[]", "True", "False", "True"]
    # The letter sheet's module only for a request that asks for the sheet.
    done = subprocess.run([sys.executable, "-c", sheet], capture_output=True, text=True, check=True,
                          cwd=Path(snap.__file__).resolve().parents[1])
    assert done.stdout.split() == ["False", "True", "True"]
    assert set(snap.SNAPSHOT_CALCULATORS) <= set(calculators.CALCULATORS)
    assert {name for name, _ in snap.warmup_requests(snap.SNAPSHOT_CALCULATORS)} == set(snap.SNAPSHOT_CALCULATORS)


def test_the_delta_against_the_wasm_initial_memory_gives_the_snapshot_back() -> None:
    # A module with two active data segments (offsets 4 and 10), as emscripten writes them.
    segments = [(4, b"abcd"), (10, b"XY")]
    body = bytes([len(segments)])
    for offset, data in segments:
        body += bytes([0, 0x41, offset, 0x0B, len(data)]) + data
    wasm = b"\0asm\x01\0\0\0" + bytes([11, len(body)]) + body
    memory = snap.initial_memory(wasm)
    assert memory == b"\0\0\0\0abcd\0\0XY"
    heap = bytearray(64)
    heap[4:8] = b"abcd"  # unchanged since the start: zeros in the delta
    heap[10:12] = b"XZ"
    heap[40] = 7
    snapshot = fake_snapshot(0) + bytes(heap)
    delta = snap.xor_heap(snapshot, memory)
    assert delta[:128] == snapshot[:128]
    assert delta[128 + 4:128 + 8] == bytes(4) and delta[128 + 11] == ord("Y") ^ ord("Z") and delta[128 + 40] == 7
    assert snap.xor_heap(delta, memory) == snapshot
    with pytest.raises(BuildError, match="data segment"):
        snap.initial_memory(b"\0asm\x01\0\0\0" + bytes([11, 3, 1, 1, 0]))  # a passive segment
    # The file the site serves leaves the zero stretches out: two runs here, the header as it was.
    compact = snap.compact_delta(snapshot, memory, gap=8)
    assert compact[:128] == snapshot[:128]
    assert struct.unpack_from("<IIII", compact, 128) == (snap.DELTA_MAGIC, 64, 2, len(memory))
    assert struct.unpack_from("<IIII", compact, 144) == (8, 4, 40, 4)
    assert len(compact) == 128 + 16 + 16 + 8 and snap.heap_size(compact) == 64
    assert snap.expand_delta(compact, memory) == snapshot


def test_zero_stretches_shorter_than_the_gap_stay_inside_a_run_aligned_to_words() -> None:
    heap = bytes(10) + b"\1" + bytes(5) + b"\2" + bytes(20) + b"\3\3" + bytes(3)
    assert snap.delta_runs(heap, gap=6, align=1) == [(10, 17), (37, 39)]
    assert snap.delta_runs(heap, gap=5, align=1) == [(10, 11), (16, 17), (37, 39)]
    assert snap.delta_runs(heap, gap=5, align=4) == [(8, 12), (16, 20), (36, 40)]
    assert snap.delta_runs(heap, gap=5, align=8) == [(8, 24), (32, 40)]  # widened until they touch: merged
    assert snap.delta_runs(bytes(64)) == []


@st.composite
def sparse_snapshots(draw: st.DrawFn) -> tuple[bytes, bytes, int]:
    """A snapshot whose heap is mostly zeros or the initial memory's bytes, that memory, and a run gap."""
    length = draw(st.integers(1, 400)) * 4
    memory = bytearray(draw(st.integers(0, 2 * length)))
    heap = bytearray(length)
    for target in (memory, heap):
        for at, data in draw(st.lists(st.tuples(st.integers(0, length), st.binary(min_size=1, max_size=40)),
                                      max_size=8)):
            target[at:at + len(data)] = data[:max(0, len(target) - at)]
    for at in draw(st.lists(st.integers(0, length - 1), max_size=8)):  # stretches equal to the initial memory
        heap[at:at + 16] = memory[at:at + 16].ljust(len(heap[at:at + 16]), b"\0")
    return fake_snapshot(0) + bytes(heap), bytes(memory), draw(st.integers(1, 80))


@settings(max_examples=150, deadline=None)
@given(sparse_snapshots())
def test_random_sparse_snapshots_make_the_round_trip_through_the_compact_delta(case) -> None:
    snapshot, memory, gap = case
    compact = snap.compact_delta(snapshot, memory, gap=gap)
    assert snap.expand_delta(compact, memory) == snapshot
    assert snap.heap_size(compact) == snap.heap_size(snapshot)
    # Never more than the header, the table and the heap's bytes that differ from the memory (up to 3 alignment
    # bytes a side per run, plus the shorter zero stretches kept inside runs).
    xored = snap.xor_heap(snapshot, memory)[128:]
    runs = snap.delta_runs(xored, gap)
    assert all(any(a <= i < b for a, b in runs) for i, byte in enumerate(xored) if byte)
    assert len(compact) == 128 + 16 + 8 * len(runs) + sum(b - a for a, b in runs)


def test_a_cut_or_padded_compact_delta_is_refused() -> None:
    memory = bytes(range(1, 41))
    snapshot = fake_snapshot(0) + b"\5" * 16 + bytes(100) + b"\7" * 12
    compact = snap.compact_delta(snapshot, memory, gap=8)
    assert snap.expand_delta(compact, memory) == snapshot
    for bad in (compact[:-1], compact[:150], compact[:140], compact[:6], compact + b"\0"):
        with pytest.raises(BuildError, match=r"cut|runs end|does not fit"):
            snap.expand_delta(bad, memory)
    with pytest.raises(BuildError, match="not a compact snapshot delta"):
        snap.expand_delta(snap.xor_heap(snapshot, memory), memory)


def test_a_machine_without_node_is_told_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snap.shutil, "which", lambda name: None)
    with pytest.raises(BuildError, match="apt-get install nodejs"):
        snap.node_command()


def test_the_snapshot_calculators_must_not_read_the_stdlib_zip_after_a_restore() -> None:
    requests = [["payout", '{"lang": "en"}'], ["claim_timeline", '{"lang": "nl"}'], ["late_payment", "{}"]]
    assert snap.stdlib_read_early(requests, None) is None  # never read
    assert snap.stdlib_read_early(requests, 2) is None  # first read by a calculator outside the snapshot
    assert "claim_timeline" in snap.stdlib_read_early(requests, 1)
    assert "restore" in snap.stdlib_read_early(requests, -1)


# -- the real build -------------------------------------------------------------------------------------------


def test_the_build_ships_a_checked_snapshot_beside_the_runtime(real_site) -> None:
    engine = real_site.report.engine
    report = real_site.report.snapshot
    snapshot, stdlib = real_site.site / engine["snapshot"], real_site.site / engine["stdlib"]
    assert snapshot.parent == stdlib.parent and snapshot.parent.parent.name == "snapshots"
    assert check_snapshot(real_site.site, [engine["snapshot"], engine["stdlib"]]) == []
    assert snap.heap_size(snapshot.read_bytes()) <= snap.INITIAL_MEMORY
    # Every worked example in every language and each calculator's error answer were compared with CPython.
    assert report["checked"] == len(snap.check_requests())
    # ... the snapshot's calculators first, on an empty placeholder of the zip: the first request that opened it
    # was one of another calculator (its pages fetch the zip at start).
    assert report["stdlib_first_read"] not in (None, *snap.SNAPSHOT_CALCULATORS)
    # The trimmed stdlib: much smaller than the runtime's, stored, with everything the engine names and the
    # engine's own sources; what the snapshot imported is blank, the rest as in the runtime's zip and the wheel.
    full = real_site.site / RUNTIME_DIR / snap.STDLIB_FILE
    raw = stdlib.read_bytes()
    with zipfile.ZipFile(stdlib) as trimmed, zipfile.ZipFile(full) as whole, \
            zipfile.ZipFile(real_site.site / engine["wheel"]) as wheel:
        names = trimmed.namelist()
        assert len(names) < len(whole.namelist()) / 2
        assert {i.compress_type for i in trimmed.infolist()} == {zipfile.ZIP_STORED}
        blank = intact = 0
        sources = set(wheel.namelist())
        for info in trimmed.infolist():
            start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
            data = raw[start:start + info.compress_size]
            if data == bytes(len(data)):  # blank (or an empty file, blank either way)
                blank += 1
            elif info.filename.endswith(".pyc"):  # the engine, compiled by the runtime: an unchecked hash-based pyc
                assert info.filename[:-1] in sources and struct.unpack_from("<I", data, 4)[0] == 0b01, info.filename
                intact += 1
            else:
                assert data == (whole if info.filename in whole.namelist() else wheel).read(info.filename)
                intact += 1
        # The engine rides compiled, never as source.
        assert "calculators/__init__.pyc" in names and "calculators/payout.pyc" in names
        assert not [name for name in names if name.startswith("calculators/") and name.endswith(".py")]
        assert "calculators/examples.pyc" not in names and "calculators/__main__.pyc" not in names
        assert blank >= report["imported_files"] and intact > 0  # imported ones blank; lazy ones intact
    served = snap.zip_modules(names)
    # ... and Pyodide's package loader, for a package the worker installs after a restore (openpyxl).
    for module in ("decimal", "datetime", "json", "csv", "zipfile", "xml.etree.ElementTree",
                   "pyodide._package_loader", "importlib.metadata"):
        assert module in served
    # Served brotli-compressed, the snapshot with its zip.
    assert (snapshot.parent / (snapshot.name + ".br")).is_file()
    assert (stdlib.parent / (stdlib.name + ".br")).is_file()
    page = (real_site.site / "calculators" / "payout" / "index.html").read_text(encoding="utf-8")
    assert engine["snapshot"] in page and engine["stdlib"] in page


def test_the_snapshot_folder_must_be_named_by_its_content(real_site, tmp_path: Path) -> None:
    engine = real_site.report.engine
    moved = tmp_path / "pyodide" / "snapshots" / ("0" * snap.SNAPSHOT_ID_LENGTH)
    moved.mkdir(parents=True)
    for key in ("snapshot", "stdlib"):
        (moved / Path(engine[key]).name).write_bytes((real_site.site / engine[key]).read_bytes())
    rel = [f"pyodide/snapshots/{moved.name}/{snap.SNAPSHOT_FILE}", f"pyodide/snapshots/{moved.name}/{snap.STDLIB_FILE}"]
    problems = check_snapshot(tmp_path, rel)
    assert problems and "not named by the hash" in problems[0]
