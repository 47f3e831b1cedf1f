"""The command line: ``python -m calculators NAME`` reads a JSON object on stdin.

Exit 0 with the result on stdout, exit 2 with ``{"errors": [...]}`` on stdout
for bad input, ``--list`` lists the calculators. Never prints a traceback.
"""

from __future__ import annotations

import json
import sys

from . import CALCULATORS, run_json

USAGE = "usage: python -m calculators NAME < payload.json   |   python -m calculators --list\n"


def main(argv: list[str]) -> int:
    if argv in (["--list"], ["-l"]):
        for name, module in CALCULATORS.items():
            summary = (module.__doc__ or "").strip().splitlines()[0]
            print(f"{name}\t{summary}")
        return 0
    if len(argv) != 1 or argv[0].startswith("-"):
        sys.stderr.write(USAGE)
        return 0 if argv in (["-h"], ["--help"]) else 2
    try:
        text = sys.stdin.read()
    except (UnicodeDecodeError, OSError):
        text = "\x00"  # unreadable input is reported as invalid JSON
    answer = run_json(argv[0], text)
    print(answer)
    return 2 if "errors" in json.loads(answer) else 0


def cli() -> None:
    """Entry point of the ``calculators`` console script."""
    raise SystemExit(main(sys.argv[1:]))


if __name__ == "__main__":
    cli()
