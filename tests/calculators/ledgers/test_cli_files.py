"""``python -m calculators portfolio --file … --file …``: the files' bytes to the engine, in a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).parent / "fixtures"


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "calculators", *args], capture_output=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60, check=False)


def test_repeated_file_options_read_e_invoices_and_a_statement(tmp_path: Path) -> None:
    settings = tmp_path / "s.json"
    settings.write_text('{"as_of": "2026-03-31", "lang": "nl"}')
    done = cli("portfolio", "--file", str(FIXTURES / "peppol_invoices.zip"), "--file",
               str(FIXTURES / "statement_camt053.xml"), "--settings", str(settings))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["totals"]["open"] == "1420.00"
    assert [(f["name"], f["format"]) for f in result["files"]] == [("peppol_invoices.zip", "zip"),
                                                                   ("statement_camt053.xml", "camt.053")]


def test_a_windows_1252_file_reads_the_same_through_file_and_csv() -> None:
    by_file = json.loads(cli("portfolio", "--file", str(FIXTURES / "exact_open_items.csv")).stdout)
    by_csv = json.loads(cli("portfolio", "--csv", str(FIXTURES / "exact_open_items.csv")).stdout)
    assert by_file["customers"] == by_csv["customers"]
    assert "Café De Hoek" in {c["customer"] for c in by_file["customers"]}


def test_a_missing_file_or_a_dangling_option_exits_2_without_a_traceback() -> None:
    for args in (("portfolio", "--file", "/no/such/file.xml"), ("portfolio", "--file", "a", "--file")):
        done = cli(*args)
        assert done.returncode == 2 and b"Traceback" not in done.stderr
