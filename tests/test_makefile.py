"""The Makefile's promises, read from its dry run on a fresh clone (``make -n -B``: every step, none run).

``make serve`` sets up only what serving needs: no browser, no web server, no test tools;
``make test`` installs what its tests use, so the same probe finds them there (the check can fail).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: What a reader who only wants to look at the site should never wait for.
TEST_ONLY = ("chromium", "nginx", "apache2", "caddy", "lighttpd", "--group dev", "--group test", "playwright")


def dry_run(target: str) -> str:
    make = shutil.which("make")
    if make is None:
        pytest.fail("make is missing")
    # As if typed in a shell, also when the tests run under `make test` (no parent make's flags or level).
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    result = subprocess.run([make, "-n", "-B", target, "PYTHON=python3"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=False, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_serve_on_a_fresh_clone_installs_no_browser_no_server_and_no_test_tools() -> None:
    commands = dry_run("serve")
    found = [word for word in TEST_ONLY if word in commands]
    assert found == [], f"`make serve` would install or run {found}:\n{commands}"
    assert "--group site" in commands and "build.py" in commands
    assert re.search(r"-m http\.server \d+ --bind 127\.0\.0\.1 --directory site", commands)


def test_make_test_installs_the_browser_and_every_server_it_tests() -> None:
    commands = dry_run("test")
    for word in ("chromium", "nginx-light", "apache2", "caddy", "lighttpd", "--group dev"):
        assert word in commands, word


def test_make_serve_prints_the_entry_page_of_every_language() -> None:
    commands = dry_run("serve")
    start = commands.index(".venv/bin/python -c ")
    printer = commands[start:commands.index(".venv/bin/python -m http.server")]
    shown = subprocess.run(["sh", "-c", printer.replace(".venv/bin/python", sys.executable, 1)], cwd=ROOT,
                           capture_output=True, text=True, timeout=30, check=True).stdout
    assert "http://127.0.0.1:8000/ " in shown
    for lang, path in (("en", ""), ("nl", "nl/"), ("fr", "fr/")):
        assert f"  {lang}: http://127.0.0.1:8000/{path}\n" in shown
