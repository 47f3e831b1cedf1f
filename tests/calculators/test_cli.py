"""The command line, through a real process: JSON in, JSON out, exit 0 or 2, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from calculators import CALCULATORS, run
from calculators.examples import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, stdin: bytes | None = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "calculators", *args], input=stdin, capture_output=True,
                          cwd=ROOT, env=environment, timeout=60,
                          stdin=subprocess.DEVNULL if stdin is None else None)


def answer(process: subprocess.CompletedProcess[bytes]) -> Any:
    assert b"Traceback" not in process.stderr, process.stderr.decode("utf-8", "replace")
    return json.loads(process.stdout.decode("utf-8"))


def test_example_exits_0_with_the_result_of_run() -> None:
    example = EXAMPLES["self_assessment_30_days"]
    process = cli("self_assessment_limit", stdin=json.dumps(example["payload"]).encode())
    assert process.returncode == 0
    assert answer(process) == run("self_assessment_limit", example["payload"])
    assert process.stderr == b""


def test_bad_input_exits_2_with_the_errors_on_stdout() -> None:
    process = cli("payout", stdin=b'{"credit_limit": "25000", "outstandng": "1", "lang": "fr"}')
    assert process.returncode == 2
    errors = answer(process)["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("outstanding", "required"), ("outstandng", "unknown_field")]
    assert errors[0]["message"] == "Ce champ est obligatoire."
    assert process.stderr == b""


@pytest.mark.parametrize("stdin", [b"", b"{", b"not json", b'{"outstanding": NaN', b"\xff\xfe\x00\x01garbage\x80",
                                   bytes(range(256)), b"\xc3\x28"], ids=range(7))
def test_invalid_json_or_binary_garbage_exits_2_without_a_traceback(stdin: bytes) -> None:
    process = cli("payout", stdin=stdin)
    assert process.returncode == 2
    assert answer(process)["errors"][0]["code"] == "invalid_json"
    assert process.stderr == b""


def test_json_constants_nan_and_infinity_are_field_errors() -> None:
    process = cli("payout", stdin=b'{"credit_limit": Infinity, "outstanding": NaN}')
    assert process.returncode == 2
    assert {e["field"]: e["code"] for e in answer(process)["errors"]} == {
        "credit_limit": "not_finite", "outstanding": "not_finite"}


def test_output_is_utf8_whatever_the_locale() -> None:
    process = cli("payout", stdin=b'{"credit_limit": "25000", "outstanding": "25000", "lang": "fr", "x\\ud800": 1}',
                  env={"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"})
    assert process.returncode == 2
    assert answer(process)["errors"][0]["field"] == "x\ud800"
    ok = cli("payout", stdin=b'{"credit_limit": "25000", "outstanding": "25000", "lang": "fr"}',
             env={"PYTHONIOENCODING": "ascii"})
    assert "22\u202f500,00\u00a0€" in answer(ok)["explanation"][-1]["text"]


def test_byte_order_mark_is_accepted() -> None:
    process = cli("payout", stdin=b'\xef\xbb\xbf{"credit_limit": "25000", "outstanding": "25000"}')
    assert process.returncode == 0
    assert answer(process)["payout"] == "22500.00"


def test_closed_stdin_is_invalid_json() -> None:
    process = subprocess.run([sys.executable, "-c", "import os, runpy, sys; os.close(0); sys.stdin = None; "
                              "sys.argv = ['calculators', 'payout']; runpy.run_module('calculators', "
                              "run_name='__main__')"], capture_output=True, cwd=ROOT, timeout=60,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.returncode == 2
    assert answer(process)["errors"][0]["code"] == "invalid_json"


def test_unknown_calculator_exits_2() -> None:
    process = cli("nope", stdin=b"{}")
    assert process.returncode == 2
    assert answer(process)["errors"][0]["code"] == "unknown_calculator"


def test_list_names_every_calculator_with_a_summary() -> None:
    process = cli("--list")
    assert process.returncode == 0 and process.stderr == b""
    lines = process.stdout.decode().splitlines()
    assert [line.split("\t")[0] for line in lines] == list(CALCULATORS)
    assert all(len(line.split("\t")[1]) > 20 for line in lines)


@pytest.mark.parametrize("args", [(), ("payout", "extra"), ("--nope",)])
def test_wrong_arguments_print_the_usage_and_exit_2(args: tuple[str, ...]) -> None:
    process = cli(*args)
    assert process.returncode == 2
    assert process.stdout == b""
    assert process.stderr.startswith(b"usage: python -m calculators")


def test_help_exits_0() -> None:
    process = cli("--help")
    assert process.returncode == 0
    assert b"usage" in process.stderr


def test_reader_that_goes_away_gets_no_traceback() -> None:
    example = EXAMPLES["self_assessment_30_days"]["payload"]
    payload = json.dumps({**example, "experiences": example["experiences"] * 2000}).encode()
    command = f"{sys.executable} -m calculators self_assessment_limit | head -c 1 > /dev/null"
    process = subprocess.run(["/bin/sh", "-c", command], input=payload, capture_output=True, cwd=ROOT, timeout=60,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.stderr == b""
