"""The bench's wait for a newly launched browser's own start-up (benchmarks/browser.py)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.browser import browser_cpu_ms, is_settled, process_tree


def test_the_browser_tree_is_the_process_with_the_profile_and_all_its_descendants():
    procs = {
        10: (1, 500, "/usr/lib/chromium/chromium --user-data-dir=/tmp/p1 --headless"),
        11: (10, 40, "/usr/lib/chromium/chromium --type=zygote"),
        12: (11, 300, "/usr/lib/chromium/chromium --type=renderer --top-chrome-webui"),
        13: (12, 5, "/usr/lib/chromium/chromium --type=renderer"),
        20: (1, 900, "/usr/lib/chromium/chromium --user-data-dir=/tmp/p2"),  # another profile's browser
        21: (20, 70, "/usr/lib/chromium/chromium --type=renderer"),
        30: (1, 50, "/usr/lib/chromium/chromium --type=renderer --user-data-dir=/tmp/p1"),  # not the browser
    }
    assert process_tree(procs, "--user-data-dir=/tmp/p1") == {10, 11, 12, 13}
    assert process_tree(procs, "--user-data-dir=/tmp/none") == set()


def test_settled_needs_the_last_three_windows_quiet():
    assert not is_settled([])
    assert not is_settled([0, 0])
    assert not is_settled([180, 170, 110, 40, 0, 0])
    assert is_settled([180, 170, 110, 40, 0, 10, 20])
    assert not is_settled([0, 0, 0, 30])


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_the_cpu_of_a_busy_process_tree_is_counted(tmp_path):
    marker = tmp_path / "profile"
    spin = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass\ntime.sleep(5)"
    child = subprocess.Popen([sys.executable, "-c", spin, f"--user-data-dir={marker}"])
    try:
        deadline = time.monotonic() + 10
        used = None
        while time.monotonic() < deadline:
            used = browser_cpu_ms(marker)
            if used is not None and used >= 250:
                break
            time.sleep(0.05)
        assert used is not None and used >= 250
        assert browser_cpu_ms(tmp_path / "other") is None
    finally:
        child.kill()
        child.wait()
