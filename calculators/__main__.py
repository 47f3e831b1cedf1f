"""The command line: ``python -m calculators NAME`` reads a JSON object on stdin.

Exit 0 with the result on stdout, exit 2 with ``{"errors": [...]}`` on stdout
for bad input, ``--list`` lists the calculators. Never prints a traceback.

``python -m calculators portfolio --csv ledger.csv [--settings settings.json]``
reads a ledger file instead (UTF-8, or Windows-1252 as older spreadsheets save
it) and passes its text as the ``csv`` field, with the settings' JSON object
(``as_of``, ``lang``, ``limits``...) if given.

``python -m calculators portfolio --file A.xml --file statement.xml --file ledger.csv [--settings S.json]``
(``--file`` repeatable: CSV exports, FEC, Peppol UBL invoices, CAMT.053 statements, zips of them) passes
each file's bytes as the ``files`` field; the engine decodes and recognises them, as in the browser.
The files are only read here.

``python -m calculators late_payment --letter-html LETTER.html < payload.json`` also writes the result's letter
laid out as a printable A4 sheet (``letter_sheet.document``) to LETTER.html; exit 2 when the result has no letter.
"""

from __future__ import annotations

import base64
import json
import os
import sys
from decimal import Decimal
from pathlib import Path

from . import CALCULATORS, _dumps, letter_sheet, run, run_json

USAGE = ("usage: python -m calculators NAME < payload.json   |   python -m calculators --list\n"
         "       python -m calculators NAME --csv LEDGER.csv [--settings SETTINGS.json]\n"
         "       python -m calculators NAME --file FILE [--file FILE ...] [--settings SETTINGS.json]\n"
         "       python -m calculators NAME --letter-html LETTER.html < payload.json\n")


def main(argv: list[str]) -> int:
    if argv in (["--list"], ["-l"]):
        _write("".join(f"{name}\t{_summary(module.__doc__)}\n" for name, module in CALCULATORS.items()))
        return 0
    if len(argv) in (3, 5) and argv[1] == "--csv" and not argv[0].startswith("-"):
        return _main_csv(argv)
    if len(argv) == 3 and argv[1] == "--letter-html" and not argv[0].startswith("-"):
        return _main_letter_html(argv[0], Path(argv[2]))
    if len(argv) >= 3 and argv[1] == "--file" and not argv[0].startswith("-"):
        return _main_files(argv)
    if len(argv) != 1 or argv[0].startswith("-"):
        sys.stderr.write(USAGE)
        return 0 if argv in (["-h"], ["--help"]) else 2
    answer = run_json(argv[0], _read_stdin())
    _write(answer + "\n")
    return 2 if "errors" in json.loads(answer) else 0


def _read_stdin() -> str:
    try:
        # Bytes, decoded here: the JSON is UTF-8 whatever the terminal's locale says.
        return sys.stdin.buffer.read().decode("utf-8-sig")
    except (UnicodeDecodeError, OSError, ValueError, AttributeError):
        return "\x00"  # unreadable (or closed) input is reported as invalid JSON


def _main_letter_html(name: str, target: Path) -> int:
    """The result on stdout, as without the option; its letters, laid out on A4 sheets, into ``target``."""
    text = run_json(name, _read_stdin())
    _write(text + "\n")
    answer = json.loads(text)
    if "errors" in answer:
        return 2
    letters = letter_sheet.letters_of(answer)
    if not letters:
        sys.stderr.write("this result has no letter: choose one (for late_payment: \"letter\": \"reminder\")\n")
        return 2
    try:
        target.write_text(letter_sheet.document(letters, letters[0].get("lang") or "en"), encoding="utf-8")
    except OSError as error:
        sys.stderr.write(f"cannot write {error}\n")
        return 2
    return 0


def _main_csv(argv: list[str]) -> int:
    if len(argv) == 5 and argv[3] != "--settings":
        sys.stderr.write(USAGE)
        return 2
    try:
        data = Path(argv[2]).read_bytes()
        settings = json.loads(Path(argv[4]).read_bytes().decode("utf-8-sig"), parse_float=Decimal,
                              parse_constant=str) if len(argv) == 5 else {}
    except (OSError, ValueError) as error:
        sys.stderr.write(f"cannot read {error}\n")
        return 2
    text = _decode(data)
    payload = dict(settings, csv=text) if isinstance(settings, dict) else settings
    answer = _dumps(run(argv[0], payload))
    _write(answer + "\n")
    return 2 if answer.startswith('{"errors"') else 0


def _main_files(argv: list[str]) -> int:
    """``NAME --file A --file B ... [--settings S]``: the files' bytes as the ``files`` field."""
    paths: list[str] = []
    settings_path = None
    rest = argv[1:]
    while rest:
        if len(rest) < 2 or rest[0] not in ("--file", "--settings") or (rest[0] == "--settings" and settings_path):
            sys.stderr.write(USAGE)
            return 2
        if rest[0] == "--file":
            paths.append(rest[1])
        else:
            settings_path = rest[1]
        rest = rest[2:]
    try:
        files = [{"name": Path(path).name, "base64": base64.b64encode(Path(path).read_bytes()).decode("ascii")}
                 for path in paths]
        settings = json.loads(Path(settings_path).read_bytes().decode("utf-8-sig"), parse_float=Decimal,
                              parse_constant=str) if settings_path else {}
    except (OSError, ValueError) as error:
        sys.stderr.write(f"cannot read {error}\n")
        return 2
    payload = dict(settings, files=files) if isinstance(settings, dict) else settings
    answer = _dumps(run(argv[0], payload))
    _write(answer + "\n")
    return 2 if answer.startswith('{"errors"') else 0


def _decode(data: bytes) -> str:
    """A file's text, decoded as the engine decodes files (:mod:`calculators.ledgers.decode`)."""
    from .ledgers.decode import text

    return text(data)


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
