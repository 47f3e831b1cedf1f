"""The engine's memory snapshot, made at build time in Node, and the trimmed stdlib it was made with.

A first visit to a calculator then restores Python with the engine already imported (about a quarter of a
bare Pyodide start) instead of booting it. Pyodide's snapshot API is private; what it requires
(``/work/shared/research/pyodide-snapshot.md``, checked against Pyodide 314.0.7):

- the browser restores the heap into the runtime's compiled initial memory (30 MiB); a snapshot whose heap
  grew past it fails there ("offset is out of bounds"), so the build refuses it (``check_size``);
- the file system is not in the snapshot, and zipimport keeps the stdlib zip's directory in the heap: the
  browser must load the very zip the snapshot was made with. The discovery run imports every module the engine
  can import at run time (its own modules, and every stdlib module any of them names, at top level or inside a
  function: ``engine_imports``), and the zip holds exactly the stdlib files that import touched (stored: the
  server's brotli compresses it far better than deflate) plus the engine's own modules (compiled, below; not
  the CLI nor the worked examples: ``NOT_SERVED``); the build fails on an
  import the zip cannot serve (``check_imports``). The snapshot itself imports only what the first answers need
  (``import calculators`` and a warm-up run of each calculator of ``SNAPSHOT_CALCULATORS``): the rest imports
  lazily from the zip after a
  restore, so the heap does not grow with every module the engine gains. The files the snapshot did import are
  served blank (``blank_entries``: same offsets, zeroed data; zipimport reads an entry only to import it);
- the zip only when needed: the pages of ``SNAPSHOT_CALCULATORS`` start on an empty placeholder of it, and the
  worker fetches the real bytes only when something opens the file (``docs/assets/calc/lazy-stdlib.mjs``); the
  verify run does the same, with those calculators' checks first, and fails the build if one of them opens it
  (``stdlib_read_early``);
- ``OPTIONAL_PACKAGES``: third-party packages the worker installs later (openpyxl for ``.xlsx``) bring
  their stdlib needs, derived from their sources (every stdlib ``import`` in openpyxl 3.1.5 and et_xmlfile
  2.0.0), so they import after a restore too; and the discovery run installs a wheel with
  ``pyodide.loadPackage`` (as the worker would install them), so Pyodide's package loader finds its own
  modules in the zip; the verify run imports every module the engine names and installs one after the restore;
- fewer bytes: Python runs at ``-OO`` (no docstrings in the heap) and without column ranges in its code objects
  (``PYTHONNODEBUGRANGES``: tracebacks lose their ``^^^`` marks, ~9 % off the compressed snapshot), only the
  calculators of ``SNAPSHOT_CALCULATORS`` are imported (the engine's ``CALCULATORS`` imports a calculator when it
  is first looked up), the type cache and ``re``'s cache are emptied, the memory nobody uses is zeroed before the
  snapshot is taken (free malloc chunks, the unused stack, above the break), the engine rides in the zip compiled
  (``.pyc`` made by the runtime in the discovery run: a lazy import unmarshals instead of compiling, ~1 ms
  against ~0.1 s for the biggest module; the sources compress ~25 % better, but cost that time on the first
  answer of every page whose calculator the snapshot did not import), and the file the site serves is a
  compact delta: the heap XOR'ed with the wasm's initial memory (``initial_memory``: its data segments, which
  the ``.wasm`` already carries), of which only the runs that are not zero are kept (``compact_delta``: 7.5 MB
  instead of 31 MB to decode, keep in Cache Storage and read back on a later visit; brotli slightly smaller),
  undone in the worker when the wasm is instantiated (``docs/assets/calc/snapshot-delta.mjs``, the same code in
  the verify run);
- Node and the browser share the snapshot's time-zone constants and random state: built with ``TZ=UTC``;
  the engine never reads ``time.timezone`` and the worker reseeds ``random`` after a restore.

Steps: discover (boot on the full zip, import everything, warm up, list the stdlib files used, compile the
engine) -> trim (+ the engine's .pyc) -> make (boot on the trimmed zip, import the engine, warm up, zero,
snapshot) -> check size -> delta -> blank -> verify (restore the delta in a fresh Node process, as the worker does, on a
placeholder of the zip that becomes the blanked zip when first opened, compare every worked example in every
language with CPython's ``calculators.run_json``, import the rest).
The result is cached in ``<cache>/snapshot/<hash of the inputs>/``; its folder on the site is named by the
hash of its two files, so it can be served as immutable.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import calculators
from calculators import examples as examples_module

from .errors import BuildError
from .settings import ENGINE_DIR, LANGUAGES, PYODIDE_INTEGRITY

SCRIPT = Path(__file__).with_name("snapshot.mjs")
#: The browser's (and the verify step's) code that undoes the delta: part of the snapshot's inputs.
DELTA_SCRIPT = Path(__file__).resolve().parents[1] / "docs" / "assets" / "calc" / "snapshot-delta.mjs"
#: The worker's deferred stdlib file (the verify run uses it as the worker does on the snapshot's calculators' pages).
LAZY_SCRIPT = DELTA_SCRIPT.with_name("lazy-stdlib.mjs")
WASM_FILE = "pyodide.asm.wasm"
#: The heap Pyodide 314.0.7 is compiled with (INITIAL_MEMORY, 30 MiB): a larger snapshot cannot be restored.
INITIAL_MEMORY = 31_457_280
SNAPSHOT_MAGIC = 0x706E7300  # "\0snp", little-endian uint32 at offset 0 (src/js/snapshot.ts)
SNAPSHOTS_DIR = f"{ENGINE_DIR}snapshots/"
SNAPSHOT_FILE = "snapshot.bin"
STDLIB_FILE = "python_stdlib.zip"
#: Hex digits of the content hash that names a snapshot's folder.
SNAPSHOT_ID_LENGTH = 16
#: Packages the worker may install after start-up, with the stdlib modules they import (from their sources).
OPTIONAL_PACKAGES: Mapping[str, tuple[str, ...]] = {
    "openpyxl": ("abc", "array", "atexit", "collections", "contextlib", "copy", "datetime", "decimal",
                 "functools", "hashlib", "inspect", "io", "itertools", "keyword", "math", "mimetypes",
                 "operator", "os", "posixpath", "re", "string", "tempfile", "warnings", "weakref",
                 "xml.etree.ElementTree", "zipfile"),
}
#: Stdlib modules for reading what people bring (CSV exports, spreadsheets), ready even before the engine
#: names them: cheap (the heap stays within its 30 MiB) and it spares a rebuild-time surprise.
READING_MODULES = ("csv", "io", "zipfile", "xml.etree.ElementTree", "codecs", "unicodedata")
#: The calculators the snapshot has imported and warmed up (issue 22): the four whose first answers the bench
#: measures. The others (and the ledger readers, the letter sheet, the collections run they bring) are imported
#: lazily from the trimmed zip the first time a page asks for them: each costs ~0.1 MiB of the compressed snapshot
#: (late_payment ~0.2), which every cold calculator visit would pay. ``insurance_value`` would cost ~9 KB.
SNAPSHOT_CALCULATORS = ("self_assessment_limit", "payout", "eligibility", "claim_timeline")
#: The engine's modules the browser never imports, left out of the trimmed zip: the CLI and the worked examples
#: (the build pre-renders those; the worker never asks for them).
NOT_SERVED = ("__main__", "examples")


def not_served(relative: Path) -> bool:
    """``relative`` (a path under the folder that holds the ``calculators`` package) is one of ``NOT_SERVED``."""
    return len(relative.parts) == 2 and relative.suffix == ".py" and relative.stem in NOT_SERVED


NODE_HELP = ("Node.js is needed to build the engine's start-up snapshot: install it (Debian/Ubuntu: "
             "`sudo apt-get install nodejs`, or `make node`), then build again")


@dataclass(frozen=True)
class Snapshot:
    """A snapshot and its stdlib zip, as cached, with where they go on the site."""

    folder: Path  # the cache folder holding SNAPSHOT_FILE and STDLIB_FILE
    site_dir: str  # relative to the site root: pyodide/snapshots/<id>/
    report: Mapping[str, Any]

    @property
    def paths(self) -> dict[str, str]:
        """The snapshot and its zip, relative to the site root."""
        return {"snapshot": f"{self.site_dir}{SNAPSHOT_FILE}", "stdlib": f"{self.site_dir}{STDLIB_FILE}"}

    @property
    def files(self) -> dict[str, str]:
        """``extra.engine`` keys: ``paths``, ``snapshot_bytes``, the snapshot's length (the worker gives Pyodide
        a buffer of that size before the file has arrived, see docs/assets/calc/snapshot-delta.mjs), and
        ``snapshot_calculators`` (comma-separated): their pages start without the stdlib zip
        (docs/assets/calc/lazy-stdlib.mjs)."""
        return {**self.paths, "snapshot_bytes": str(self.report["snapshot_bytes"]),
                "snapshot_calculators": ",".join(SNAPSHOT_CALCULATORS)}


# -- what the engine can import ---------------------------------------------------------------------------------


def imported_names(source: str) -> set[str]:
    """Every absolute module name an ``import`` statement of ``source`` names, wherever it is (functions too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def engine_imports(package: Path) -> tuple[list[str], list[str], list[str]]:
    """The engine's own modules, the stdlib modules it names, and the third-party packages it names."""
    own, named = [], set()
    for path in sorted(package.rglob("*.py")):
        if not_served(path.relative_to(package.parent)):
            continue  # the CLI and the worked examples: never imported by the worker
        parts = path.relative_to(package.parent).with_suffix("").parts
        own.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
        named |= imported_names(path.read_text(encoding="utf-8"))
    top = package.name
    stdlib = sorted(n for n in named if n.split(".")[0] in sys.stdlib_module_names and n != "__future__")
    others = sorted({n.split(".")[0] for n in named if n.split(".")[0] not in sys.stdlib_module_names} - {top})
    return own, stdlib, others


def modules_to_import(package: Path) -> list[str]:
    """What the snapshot imports: the engine's stdlib needs, reading modules, optional packages' needs, the engine."""
    own, stdlib, others = engine_imports(package)
    unknown = [name for name in others if name not in OPTIONAL_PACKAGES]
    if unknown:
        raise BuildError("snapshot", "the engine imports packages the snapshot does not know", [
            f"{name}: add it to site_build.snapshot.OPTIONAL_PACKAGES with the stdlib modules it imports, so "
            "they are in the trimmed stdlib (the worker installs the package itself)" for name in unknown])
    extra = [m for name in others for m in OPTIONAL_PACKAGES[name]]
    return list(dict.fromkeys([*stdlib, *READING_MODULES, *extra, *own]))


def zip_modules(names: Iterable[str]) -> set[str]:
    """Module names served by zip entries (``json/__init__.py`` -> ``json``, ``csv.py`` -> ``csv``)."""
    modules = set()
    for name in names:
        if name.endswith("/__init__.py"):
            modules.add(name[: -len("/__init__.py")].replace("/", "."))
        elif name.endswith(".py"):
            modules.add(name[:-3].replace("/", "."))
    return modules


def check_imports(wanted: Iterable[str], zipped: Iterable[str], builtins: Iterable[str]) -> list[str]:
    """The stdlib modules in ``wanted`` that neither the trimmed zip nor the runtime itself can serve."""
    served = zip_modules(zipped) | set(builtins)
    missing = []
    for name in wanted:
        if name.split(".")[0] not in sys.stdlib_module_names:
            continue
        parts = name.split(".")
        # "from xml.etree import ElementTree" names a package; a C submodule may be built in.
        if not any(".".join(parts[:i]) in served for i in range(len(parts), 0, -1)):
            missing.append(name)
    return missing


# -- the trimmed stdlib ----------------------------------------------------------------------------------------


def trim_stdlib(full: Path, keep: Iterable[str], target: Path, engine: Path | None = None,
                compiled: Mapping[str, bytes] | None = None) -> list[str]:
    """``target``: the entries ``keep`` of the runtime's stdlib zip, stored (uncompressed), in the zip's order,
    with their original dates, then the engine package's files from ``engine`` (an unpacked wheel), so that what
    the snapshot did not import is imported from here later: the same inputs give the same bytes. A source with
    an entry in ``compiled`` (its path -> .pyc bytes, made by the runtime) goes in as that ``.pyc`` instead."""
    compiled = compiled or {}
    wanted = set(keep)
    with zipfile.ZipFile(full) as source:
        infos = [info for info in source.infolist() if info.filename in wanted]
        missing = wanted - {info.filename for info in infos}
        if missing:
            raise BuildError("snapshot", "files the engine imported are not in the runtime's stdlib zip",
                             sorted(missing))
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as out:
            for info in infos:
                entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                entry.external_attr = info.external_attr
                out.writestr(entry, source.read(info), compress_type=zipfile.ZIP_STORED)
            date_time = infos[0].date_time if infos else (1980, 1, 1, 0, 0, 0)
            own = sorted(p for p in (engine.rglob("*") if engine else ()) if p.is_file()
                         and not p.relative_to(engine).parts[0].endswith(".dist-info")
                         and not not_served(p.relative_to(engine)))
            for path in own:
                rel = path.relative_to(engine).as_posix()
                name, data = (f"{rel}c", compiled[rel]) if rel in compiled else (rel, path.read_bytes())
                entry = zipfile.ZipInfo(name, date_time=date_time)
                entry.external_attr = 0o644 << 16
                out.writestr(entry, data, compress_type=zipfile.ZIP_STORED)
    with zipfile.ZipFile(target) as made:
        return made.namelist()


def blank_entries(zip_path: Path, names: Iterable[str]) -> int:
    """Zero the data of the stored entries ``names`` in place (headers, offsets and sizes untouched): the modules
    the snapshot imported are in its heap already, and zipimport only reads an entry's data when it imports it.
    Returns the bytes zeroed."""
    blank = set(names)
    data = bytearray(zip_path.read_bytes())
    zeroed = 0
    with zipfile.ZipFile(zip_path) as archive:
        for info in archive.infolist():
            if info.filename not in blank:
                continue
            if info.compress_type != zipfile.ZIP_STORED:
                raise BuildError("snapshot", f"{info.filename} is compressed in the trimmed zip: cannot blank it")
            name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
            start = info.header_offset + 30 + name_length + extra_length
            data[start:start + info.compress_size] = bytes(info.compress_size)
            zeroed += info.compress_size
    zip_path.write_bytes(bytes(data))
    return zeroed


# -- the snapshot file ------------------------------------------------------------------------------------------


def heap_size(snapshot: bytes) -> int:
    """The heap bytes a snapshot restores: its length after the header (magic, offset to the heap, ...); for a
    compact delta (``compact_delta``), the heap length it declares."""
    if len(snapshot) < 8:
        raise BuildError("snapshot", "the snapshot is truncated")
    magic, offset = struct.unpack_from("<II", snapshot, 0)
    if magic != SNAPSHOT_MAGIC:
        raise BuildError("snapshot", f"not a Pyodide snapshot (magic {magic:#x}, expected {SNAPSHOT_MAGIC:#x})")
    if len(snapshot) >= offset + 8 and struct.unpack_from("<I", snapshot, offset)[0] == DELTA_MAGIC:
        return int(struct.unpack_from("<I", snapshot, offset + 4)[0])
    return len(snapshot) - offset


def check_size(snapshot: bytes, limit: int = INITIAL_MEMORY) -> None:
    """Refuse a snapshot the browser cannot restore: its heap grew past the runtime's initial memory."""
    heap = heap_size(snapshot)
    if heap > limit:
        raise BuildError("snapshot", f"the snapshot's heap is {heap:,} bytes, more than the {limit:,} bytes the "
                         "runtime starts with: the browser could not restore it (Pyodide issue #6254)", [
                             "keep the warm-up small (run each calculator on a small input) and import less"])


# -- the delta the site serves ----------------------------------------------------------------------------------


def _leb128(data: bytes, at: int, signed: bool = False) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            if signed and byte & 0x40:
                value -= 1 << shift
            return value, at


def initial_memory(wasm: bytes) -> bytes:
    """The memory a wasm module starts with: its active data segments at their offsets (zeros elsewhere, up to the
    last segment's end). Passive segments and offsets that are not constants are refused."""
    if wasm[:4] != b"\0asm":
        raise BuildError("snapshot", "not a wasm module")
    image = bytearray()
    at = 8
    while at < len(wasm):
        section = wasm[at]
        size, at = _leb128(wasm, at + 1)
        end = at + size
        if section == 11:  # data
            count, cursor = _leb128(wasm, at)
            for _ in range(count):
                flag, cursor = _leb128(wasm, cursor)
                if flag != 0 or wasm[cursor] != 0x41:  # active, memory 0, offset = i32.const
                    raise BuildError("snapshot", f"a data segment the delta cannot follow (flag {flag})")
                offset, cursor = _leb128(wasm, cursor + 1, signed=True)
                if wasm[cursor] != 0x0B:
                    raise BuildError("snapshot", "a data segment's offset is not a constant")
                length, cursor = _leb128(wasm, cursor + 1)
                if len(image) < offset + length:
                    image.extend(bytes(offset + length - len(image)))
                image[offset:offset + length] = wasm[cursor:cursor + length]
                cursor += length
        at = end
    return bytes(image)


def xor_heap(snapshot: bytes, memory: bytes) -> bytes:
    """The snapshot with its heap XOR'ed with ``memory`` (the module's initial memory): the delta the site serves,
    and back (``docs/assets/calc/snapshot-delta.mjs`` does the same in the browser)."""
    offset = struct.unpack_from("<I", snapshot, 4)[0]
    length = min(len(snapshot) - offset, len(memory))
    heap = int.from_bytes(snapshot[offset:offset + length], "little")
    mixed = (heap ^ int.from_bytes(memory[:length], "little")).to_bytes(length, "little")
    return snapshot[:offset] + mixed + snapshot[offset + length:]


#: "SPR1": the compact delta's magic number, right after Pyodide's header (docs/assets/calc/snapshot-delta.mjs).
DELTA_MAGIC = 0x31525053
#: Zero stretches of the XOR'ed heap at least this long are left out of the compact delta; shorter ones stay
#: inside a run. Measured on the 22:05 snapshot of 4 Dec 2026 (30 MiB heap, 4.1 MB of it non-zero after the XOR;
#: brotli 11 of the full delta 2,091,521 B): gap 16 -> 32,705 runs, 7.18 MB, brotli 2,127,372; 64 -> 3,561 runs,
#: 7.52 MB, brotli 2,077,564; 256 -> 917 runs, 7.87 MB, brotli 2,079,304.
RUN_GAP = 64


def delta_runs(heap: bytes, gap: int = RUN_GAP, align: int = 4) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``heap`` to keep: everything but zero runs of ``gap`` bytes or more, each
    stretch widened to multiples of ``align`` (then merged where they touch)."""
    runs: list[tuple[int, int]] = []
    position = 0
    for zeros in re.finditer(rb"\x00{%d,}|^\x00+|\x00+\Z" % gap, heap):  # and the zeros at either end
        if zeros.start() > position:
            runs.append((position, zeros.start()))
        position = zeros.end()
    if position < len(heap):
        runs.append((position, len(heap)))
    aligned: list[tuple[int, int]] = []
    for start, end in runs:
        start, end = start - start % align, min(len(heap), end + (-end) % align)
        if aligned and start <= aligned[-1][1]:
            aligned[-1] = (aligned[-1][0], end)
        else:
            aligned.append((start, end))
    return aligned


def compact_delta(snapshot: bytes, memory: bytes, gap: int = RUN_GAP) -> bytes:
    """The file the site serves: Pyodide's header as is, then the heap XOR'ed with ``memory`` (the module's initial
    memory) as a table of (offset, length) runs and their bytes, the zero stretches left out (the layout is in
    docs/assets/calc/snapshot-delta.mjs, which undoes it)."""
    offset = struct.unpack_from("<I", snapshot, 4)[0]
    heap = xor_heap(snapshot, memory)[offset:]
    runs = delta_runs(heap, gap)
    table = b"".join(struct.pack("<II", start, end - start) for start, end in runs)
    return b"".join([snapshot[:offset], struct.pack("<IIII", DELTA_MAGIC, len(heap), len(runs), len(memory)),
                     table, *(heap[start:end] for start, end in runs)])


def expand_delta(delta: bytes, memory: bytes) -> bytes:
    """The snapshot a compact delta stands for (the build's tests; the browser has its own in snapshot-delta.mjs).
    A cut or inconsistent file is refused."""
    offset = struct.unpack_from("<I", delta, 4)[0] if len(delta) >= 8 else 0
    if offset < 8 or len(delta) < offset + 16:
        raise BuildError("snapshot", "the compact delta is cut")
    magic, length, count, extent = struct.unpack_from("<IIII", delta, offset)
    if magic != DELTA_MAGIC:
        raise BuildError("snapshot", "not a compact snapshot delta")
    data = offset + 16 + 8 * count
    if data > len(delta):
        raise BuildError("snapshot", "the compact delta is cut (in its table)")
    heap = bytearray(length)
    end = 0
    for i in range(count):
        start, size = struct.unpack_from("<II", delta, offset + 16 + 8 * i)
        if start < end or size == 0 or start + size > length or data + size > len(delta):
            raise BuildError("snapshot", f"the compact delta's run {i} does not fit")
        heap[start:start + size] = delta[data:data + size]
        data += size
        end = start + size
    if data != len(delta):
        raise BuildError("snapshot", f"the compact delta is {len(delta)} bytes, its runs end at {data}")
    base = min(extent, length, len(memory))
    mixed = int.from_bytes(heap[:base], "little") ^ int.from_bytes(memory[:base], "little")
    heap[:base] = mixed.to_bytes(base, "little")
    return delta[:offset] + bytes(heap)


# -- running Node ------------------------------------------------------------------------------------------------


def node_command() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise BuildError("snapshot", NODE_HELP)
    return node


def run_node(job: Mapping[str, Any], work: Path) -> dict[str, Any]:
    """One ``snapshot.mjs`` job in a fresh Node process (a snapshot is never used by the process that made it)."""
    node = node_command()
    work.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".json", dir=work, delete=False) as fh:
        json.dump(job, fh)
    try:
        result = subprocess.run([node, str(SCRIPT), fh.name], capture_output=True, text=True, check=False,
                                env={**os.environ, "TZ": "UTC"}, timeout=600)
    finally:
        Path(fh.name).unlink(missing_ok=True)
    if result.returncode != 0:
        raise BuildError("snapshot", f"Node failed in the {job['mode']} step of the engine snapshot",
                         [line for line in result.stderr.strip().splitlines()[-25:]] or ["no output"])
    try:
        return dict(json.loads(result.stdout))
    except ValueError:
        raise BuildError("snapshot", f"Node's {job['mode']} step printed no result",
                         [result.stdout[-2000:], result.stderr[-2000:]]) from None


def warmup_requests(names: Iterable[str] | None = None) -> list[list[str]]:
    """Each calculator of ``names`` (all by default) once on its first worked example, and once on an empty payload
    (the error path)."""
    wanted = list(calculators.CALCULATORS if names is None else names)
    first: dict[str, dict[str, Any]] = {}
    for example in examples_module.EXAMPLES.values():
        if example["calculator"] in wanted:
            first.setdefault(example["calculator"], example["payload"])
    requests = [[name, json.dumps({**payload, "lang": "en"})] for name, payload in first.items()]
    return requests + [[name, json.dumps({"lang": "fr"})] for name in wanted]


def check_requests() -> list[list[str]]:
    """Every worked example in every language, and each calculator's error answer, as the worker sends them."""
    requests = [[example["calculator"], json.dumps({**example["payload"], "lang": lang})]
                for lang in LANGUAGES for example in examples_module.EXAMPLES.values()]
    return requests + [[name, json.dumps({"lang": lang})] for lang in LANGUAGES for name in calculators.CALCULATORS]


def stdlib_read_early(requests: list[list[str]], opened_at: int | None) -> str | None:
    """Why the verify run read the stdlib zip too early, if it did: during the restore (``opened_at`` -1), or
    while answering a request of ``SNAPSHOT_CALCULATORS`` (its index in ``requests``); None when it did not."""
    if opened_at is None:
        return None
    if opened_at < 0:
        return "the restore itself opened the stdlib zip"
    name, payload = requests[opened_at]
    return f"{name} {payload[:200]} opened the stdlib zip" if name in SNAPSHOT_CALCULATORS else None


def input_key(runtime: Path, wheel: Path, modules: list[str]) -> str:
    digest = hashlib.sha256()
    for part in (PYODIDE_INTEGRITY, hashlib.sha256(wheel.read_bytes()).hexdigest(), SCRIPT.read_bytes(),
                 DELTA_SCRIPT.read_bytes(), LAZY_SCRIPT.read_bytes(), Path(__file__).read_bytes(),
                 json.dumps([modules, warmup_requests(), warmup_requests(SNAPSHOT_CALCULATORS),
                             check_requests()])):
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def unpack(wheel: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)


def make(runtime: Path, wheel: Path, out: Path, work: Path, modules: list[str]) -> dict[str, Any]:
    """Discover, trim, make, check and verify into ``out`` (``snapshot.bin``, ``python_stdlib.zip``)."""
    engine = work / "engine"
    unpack(wheel, engine)
    base = {"runtime": f"{runtime}/", "engine": str(engine), "modules": modules, "warmup": warmup_requests(),
            "wheel": str(wheel)}
    found = run_node({**base, "mode": "discover", "stdlib": str(runtime / STDLIB_FILE)}, work)
    out.mkdir(parents=True, exist_ok=True)
    stdlib = out / STDLIB_FILE
    compiled = {rel: base64.b64decode(pyc) for rel, pyc in found["compiled"].items()}
    kept = trim_stdlib(runtime / STDLIB_FILE, found["files"], stdlib, engine, compiled)
    missing = check_imports(modules, kept, found["builtins"])
    if missing:
        raise BuildError("snapshot", "modules the engine can import at run time are not in the trimmed stdlib "
                         "(a lazy import would fail after a restore)", missing)
    made = run_node({**base, "mode": "make", "stdlib": str(stdlib), "out": str(out / SNAPSHOT_FILE),
                     "warmup": warmup_requests(SNAPSHOT_CALCULATORS)}, work)
    snapshot = (out / SNAPSHOT_FILE).read_bytes()
    check_size(snapshot)
    # Served as a compact delta against the wasm's initial memory (its ~3 MB of data segments are in the .wasm
    # already; the long zero stretches left out); the verify step restores it exactly as the worker does.
    delta = compact_delta(snapshot, initial_memory((runtime / WASM_FILE).read_bytes()))
    (out / SNAPSHOT_FILE).write_bytes(delta)
    # What the snapshot imported is in its heap: those files of the zip are served blank.
    blanked = blank_entries(stdlib, made["imported"])
    # The snapshot's calculators first: on their pages the worker fetches the zip only when something opens it.
    requests = sorted(check_requests(), key=lambda request: request[0] not in SNAPSHOT_CALCULATORS)
    placeholder = work / "placeholder.zip"
    placeholder.write_bytes(b"")
    restored = run_node({**base, "mode": "verify", "stdlib": str(stdlib), "snapshot": str(out / SNAPSHOT_FILE),
                         "length": len(snapshot), "placeholder": str(placeholder),
                         "checks": requests}, work)
    lazy_problem = stdlib_read_early(requests, restored.get("stdlibOpenedAt"))
    if lazy_problem:
        raise BuildError("snapshot", "the snapshot's calculators read the stdlib zip after a restore: their pages "
                         "would fetch it, or fail without it", [lazy_problem, "import what it needs while the "
                         "snapshot is made (the warm-up), or take the calculator out of SNAPSHOT_CALCULATORS"])
    differences = [f"{name} {payload}: restored {got[:200]} != CPython {want[:200]}"
                   for (name, payload), got in zip(requests, restored["answers"], strict=True)
                   if got != (want := calculators.run_json(name, payload))]
    if differences:
        raise BuildError("snapshot", "the restored engine answers differently from CPython", differences[:10])
    if restored.get("reseeded") is not True:
        raise BuildError("snapshot", "random still draws zeros after the restore reseeded it")
    if restored.get("optimize") != 2:
        raise BuildError("snapshot", f"the restored Python runs with optimize={restored.get('optimize')}, not 2 (-OO)")
    if restored.get("no_debug_ranges") is not True:
        raise BuildError("snapshot", "the restored Python keeps column ranges in its code objects (-X no_debug_ranges)")
    return {"stdlib_files": len(kept), "stdlib_bytes": stdlib.stat().st_size, "snapshot_bytes": len(snapshot),
            "delta_bytes": len(delta), "heap": heap_size(snapshot), "checked": len(requests),
            "zeroed": made.get("zeroed"),
            "imported_files": len(made["imported"]), "blanked_bytes": blanked,
            "stdlib_first_read": requests[at][0] if (at := restored.get("stdlibOpenedAt")) is not None else None,
            "node_ms": {"discover": found["ms"], "make": made["ms"], "verify": restored["ms"]}}


def build_snapshot(runtime: Path, wheel: Path, project: Path, cache: Path, work: Path) -> Snapshot:
    """The snapshot of ``wheel``'s engine on ``runtime``: from the cache when made before from the same inputs."""
    modules = modules_to_import(project / "calculators")
    folder = cache / "snapshot" / input_key(runtime, wheel, modules)
    report_file = folder / "report.json"
    if not report_file.exists():
        scratch = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
        if scratch.exists():
            shutil.rmtree(scratch)
        report = make(runtime, wheel, scratch, work / "snapshot", modules)
        digest = hashlib.sha256()
        for name in (SNAPSHOT_FILE, STDLIB_FILE):
            digest.update(hashlib.sha256((scratch / name).read_bytes()).digest())
        report["id"] = digest.hexdigest()[:SNAPSHOT_ID_LENGTH]
        (scratch / "report.json").write_text(json.dumps(report, indent=1))
        if folder.exists():
            shutil.rmtree(folder)
        scratch.replace(folder)
    report = json.loads(report_file.read_text())
    return Snapshot(folder, f"{SNAPSHOTS_DIR}{report['id']}/", report)


def install(site: Path, snapshot: Snapshot) -> None:
    """The snapshot and its zip into ``site``, where ``snapshot.paths`` says."""
    for rel in snapshot.paths.values():
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(snapshot.folder / Path(rel).name, target)
