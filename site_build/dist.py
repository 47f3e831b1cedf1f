"""The release bundle: ``dist/unpaid-invoices-site-<version>.zip`` and its ``.sha256``; same inputs, same bytes.

    python -m site_build.dist          (make dist, after make build)

The zip holds one folder, ``unpaid-invoices-site-<version>/``, with ``site/`` (the built site, its
``.htaccess`` and the .br/.gz copies), ``HOSTING.md`` (how to serve it, in en/nl/fr) and ``deploy/``
(the tested server configurations). Reproducible: entries sorted, every entry dated the same
(``SOURCE_DATE_EPOCH``, else the last commit's time: a new release gets new dates, so servers' ETags
change with it), permissions fixed (0644 files, 0755 folders), deflate level 9 except for files that
are compressed already, which are stored.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

from .compress import ALREADY_COMPRESSED
from .errors import BuildError
from .settings import ROOT

NAME = "unpaid-invoices-site"
#: The tested configurations shipped beside the site (HOSTING.md explains each).
DEPLOY_FILES = ("nginx.conf", "apache.conf", "Caddyfile", "lighttpd.conf", "lighttpd-precompressed.lua")
HOSTING = "HOSTING.md"
STORED = ALREADY_COMPRESSED | {".zip", ".whl"}
EARLIEST = 315532800  # 1980-01-01T00:00:00Z, the first date a zip can hold
FILE_MODE = 0o100644
DIR_MODE = 0o40755


def version(project: Path = ROOT) -> str:
    with (project / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def source_date(project: Path = ROOT) -> int:
    """``SOURCE_DATE_EPOCH`` if set, else the time of the last commit, else 1980-01-01."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return max(EARLIEST, int(os.environ["SOURCE_DATE_EPOCH"]))
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True,
                             timeout=30, check=True).stdout.strip()
        return max(EARLIEST, int(out))
    except (OSError, subprocess.SubprocessError, ValueError):
        return EARLIEST


def contents(site: Path, deploy: Path) -> dict[str, Path]:
    """Archive name (below the top folder) -> file on disk."""
    files = {f"site/{p.relative_to(site).as_posix()}": p for p in site.rglob("*") if p.is_file()}
    files[HOSTING] = deploy / HOSTING
    files.update({f"deploy/{name}": deploy / name for name in DEPLOY_FILES})
    return files


def _info(name: str, date: tuple[int, int, int, int, int, int], mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=date)
    info.create_system = 3  # Unix: the permissions below are read by unzip
    info.external_attr = mode << 16
    if mode == DIR_MODE:
        info.external_attr |= 0x10  # MS-DOS directory flag
    return info


def write_zip(target: Path, top: str, files: dict[str, Path], epoch: int) -> None:
    date = time.gmtime(epoch)[:6]
    folders = {f"{top}/"} | {f"{top}/{'/'.join(name.split('/')[:i])}/" for name in files
                             for i in range(1, name.count("/") + 1)}
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w") as archive:
        for name in sorted(folders | {f"{top}/{name}" for name in files}):  # a folder sorts before its content
            if name.endswith("/"):
                archive.writestr(_info(name, date, DIR_MODE), b"")
                continue
            info = _info(name, date, FILE_MODE)
            stored = Path(name).suffix.lower() in STORED
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name.removeprefix(f"{top}/")].read_bytes(), compresslevel=9)
    partial.replace(target)


def bundle(site: Path, out: Path, *, project: Path = ROOT, deploy: Path | None = None,
           epoch: int | None = None) -> tuple[Path, Path]:
    """Write the zip and its ``.sha256`` (``sha256sum -c`` format) into ``out``; their paths."""
    deploy = deploy or project / "deploy"
    if not (site / "index.html").is_file():
        raise BuildError("dist", f"{site} is not built: run `make build` first")
    missing = [name for name, path in contents(site, deploy).items() if not path.is_file()]
    if not (site / ".htaccess").is_file():
        missing.append("site/.htaccess")
    if missing:
        raise BuildError("dist", "files the bundle needs are missing", missing)
    top = f"{NAME}-{version(project)}"
    target = out / f"{top}.zip"
    write_zip(target, top, contents(site, deploy), source_date(project) if epoch is None else epoch)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    checksum = target.with_name(target.name + ".sha256")
    checksum.write_text(f"{digest}  {target.name}\n", encoding="utf-8")
    return target, checksum


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_build.dist", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    try:
        target, checksum = bundle(args.site, args.out)
    except BuildError as error:
        print(f"dist failed\n{error}", file=sys.stderr)
        return 1
    size = target.stat().st_size
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target} "
          f"({size / 2**20:.1f} MiB) and {checksum.name}: {checksum.read_text().split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
