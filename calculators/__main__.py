"""The command line: ``python -m calculators NAME`` reads a JSON object on stdin.

Exit 0 with the result on stdout, exit 2 with ``{"errors": [...]}`` on stdout
for bad input, ``--list`` lists the calculators. Never prints a traceback.
"""

from __future__ import annotations

import json
import os
import sys

from . import CALCULATORS, run_json

USAGE = "usage: python -m calculators NAME < payload.json   |   python -m calculators --list\n"


def main(argv: list[str]) -> int:
    if argv in (["--list"], ["-l"]):
        _write("".join(f"{name}\t{_summary(module.__doc__)}\n" for name, module in CALCULATORS.items()))
        return 0
    if len(argv) != 1 or argv[0].startswith("-"):
        sys.stderr.write(USAGE)
        return 0 if argv in (["-h"], ["--help"]) else 2
    try:
        # Bytes, decoded here: the JSON is UTF-8 whatever the terminal's locale says.
        text = sys.stdin.buffer.read().decode("utf-8-sig")
    except (UnicodeDecodeError, OSError, ValueError, AttributeError):
        text = "\x00"  # unreadable (or closed) input is reported as invalid JSON
    answer = run_json(argv[0], text)
    _write(answer + "\n")
    return 2 if "errors" in json.loads(answer) else 0


def _summary(doc: str | None) -> str:
    lines = (doc or "").strip().splitlines()
    return lines[0] if lines else ""


def _write(text: str) -> None:
    if sys.stdout is None:  # started with stdout closed: no one to answer
        return
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def cli() -> None:
    """Entry point of the ``calculators`` console script."""
    try:
        code = main(sys.argv[1:])
    except BrokenPipeError:
        # The reader went away (``| head``): say nothing, and keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    except KeyboardInterrupt:
        code = 130
    raise SystemExit(code)


if __name__ == "__main__":
    cli()
