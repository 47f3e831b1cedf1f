"""The first ``make serve`` on a fresh clone: from ``git clone`` to the first page answered (opt-in, slow).

    python -m benchmarks.first_serve [--repo .] [--keep]      (make bench-first-serve)

Clones the repository's committed HEAD into a temporary folder and runs ``make serve`` there on a free
port: a new virtualenv, the Pyodide runtime fetched with ``npm pack``, a first build without the .br/.gz
copies (http.server never sends them; the snapshot in Node is most of it, since the clone has no ``.cache``),
then Python's http.server. The clock stops at the
first answer of the site root. What is warm is stated, not hidden: pip's and npm's download caches
(``~/.cache/pip``, ``~/.npm``) are the machine's own, so no package is downloaded again when they hold it;
Debian packages are not installed by ``make serve`` at all. Writes benchmarks/results/first-serve.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from .common import RESULTS, ROOT, free_port


def warm_caches() -> dict[str, Any]:
    """What may spare ``make serve`` a download: pip's cache or a local wheelhouse, npm's cache."""
    def pip(*args: str) -> str:
        done = subprocess.run(["python3", "-m", "pip", *args], capture_output=True, text=True, timeout=60,
                              check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    pip_cache = Path(pip("cache", "dir") or Path.home() / ".cache" / "pip")
    find_links = os.environ.get("PIP_FIND_LINKS") or pip("config", "get", "global.find-links")
    npm_cache = Path(os.environ.get("npm_config_cache", Path.home() / ".npm")) / "_cacache"
    return {"pip_cache": pip_cache.is_dir() and any(pip_cache.iterdir()), "pip_find_links": find_links,
            "npm_cache": npm_cache.is_dir() and any(npm_cache.iterdir())}


def describe(caches: dict[str, Any]) -> str:
    pip = "pip cache warm" if caches["pip_cache"] else "pip cache empty"
    if caches["pip_find_links"]:
        pip += f", local wheels ({caches['pip_find_links']})"
    return f"{pip}; npm cache {'warm' if caches['npm_cache'] else 'cold'}"


def first_serve(repo: Path = ROOT, keep: bool = False, timeout: float = 900.0) -> dict[str, Any]:
    """Seconds from a clean clone to the first page answered by ``make serve``, with each phase's end."""
    work = Path(tempfile.mkdtemp(prefix="bench-first-serve-"))
    clone = work / "clone"
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = work / "make-serve.log"
    load_before = " ".join(f"{x:.1f}" for x in os.getloadavg())
    started = time.monotonic()
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(repo), str(clone)], check=True)
    cloned = time.monotonic() - started
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    with log.open("wb") as out:
        # A process group of its own, so that stopping it stops make, the build and http.server together.
        process = subprocess.Popen(["make", "serve", f"PORT={port}"], cwd=clone, stdout=out, stderr=subprocess.STDOUT,
                                   env=env, start_new_session=True)
    answered = None
    try:
        while time.monotonic() - started < timeout and process.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        answered = time.monotonic() - started
                        break
            except OSError:
                time.sleep(0.25)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    output = log.read_text(errors="replace")
    lines = output.strip().splitlines()
    built = next((line for line in lines if line.startswith("built site/ in")), "")
    build_seconds = re.search(r"built site/ in ([0-9.]+) s", built)
    result = {
        "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "seconds": round(answered, 1) if answered is not None else None,
        "ok": answered is not None,
        "clone_seconds": round(cloned, 1),
        "build_seconds": float(build_seconds.group(1)) if build_seconds else None,
        "build_line": built,
        # The rest: the virtualenv and its packages, the Pyodide runtime's npm pack, http.server's start.
        "setup_seconds": (round(answered - cloned - float(build_seconds.group(1)), 1)
                          if answered is not None and build_seconds else None),
        "warm_caches": warm_caches(),
        "cpus": os.cpu_count(),
        "load_before": load_before,
        "load_after": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "apt_get_run": "apt-get" in output,
        "tail": lines[-12:],
    }
    if keep:
        result["work"] = str(work)
    else:
        shutil.rmtree(work, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.first_serve", description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=ROOT, help="the repository to clone (its committed HEAD)")
    parser.add_argument("--keep", action="store_true", help="keep the clone and its log")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    print(f"cloning {args.repo} and running `make serve` in the clone (several minutes)...", flush=True)
    result = first_serve(args.repo, args.keep)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "first-serve.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    warm = describe(result["warm_caches"])
    if result["ok"]:
        print(f"first `make serve` on a fresh clone: {result['seconds']:.0f} s to the first page answered "
              f"({warm}; {result['build_line'] or 'build line not found'})")
    else:
        print("`make serve` did not answer:\n" + "\n".join(result["tail"]), file=sys.stderr)
    print(f"written {path}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
