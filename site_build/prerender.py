"""Each calculator page ships the result of its example in its HTML: at first paint, and without JavaScript.

The markup is the page's own: ``prerender.mjs`` runs the site's ``calc.js`` and the calculator's module in Node
on a small DOM, fills in the page's example (front matter ``calc.example``) and asks for the payload the page
would send; the engine answers it here, in CPython (``calculators.run_json``, what the worker calls), and Node
renders that answer as the page would. The HTML goes inside ``<div id="calc">`` (replaced by ``calc.js``, which
shows the same answer again while the form holds that payload, then lets the engine take over), and the answer
itself into ``data-prerender``. A page whose module cannot render in Node (missing, or using what the small DOM
lacks) is listed in the build's output and keeps its "waiting" state: nothing breaks.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import calculators

from .errors import BuildError
from .snapshot import node_command

SCRIPT = Path(__file__).with_name("prerender.mjs")
#: The calculator's element as the template writes it (docs/overrides/calculator.html).
CALC_TAG = re.compile(r'<div id="calc"[^>]*>')
NOSCRIPT_END = "</noscript>"


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = {name: value or "" for name, value in attrs}


def attributes(tag: str) -> dict[str, str]:
    parser = _Attributes()
    parser.feed(tag)
    return parser.attrs


def calculator_pages(site: Path) -> dict[str, dict[str, Any]]:
    """Every built page with a calculator: its path (the key) -> its element's attributes and calculator."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        match = CALC_TAG.search(text)
        if not match:
            continue
        attrs = attributes(match.group(0))
        if attrs.get("data-calculator") and "data-prerender" not in attrs:
            pages[path.relative_to(site).as_posix()] = {"attributes": attrs, "calculator": attrs["data-calculator"]}
    return pages


def run_node(site: Path, mode: str, pages: dict[str, dict[str, Any]], work: Path) -> dict[str, dict[str, Any]]:
    node = node_command()
    work.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".json", dir=work, delete=False) as fh:
        json.dump({"mode": mode, "site": str(site), "pages": pages}, fh)
    try:
        result = subprocess.run([node, str(SCRIPT), fh.name], capture_output=True, text=True, check=False,
                                timeout=300, env={**os.environ, "TZ": "UTC"})
    finally:
        Path(fh.name).unlink(missing_ok=True)
    if result.returncode != 0:
        raise BuildError("prerender", "Node failed to pre-render the calculator pages",
                         result.stderr.strip().splitlines()[-20:] or ["no output"])
    return dict(json.loads(result.stdout)["results"])


def insert(text: str, markup: str, prerender: dict[str, Any]) -> str:
    """The page with ``markup`` inside its calculator element (after the noscript note) and the answer on it."""
    match = CALC_TAG.search(text)
    assert match is not None
    tag = match.group(0)
    value = html.escape(json.dumps(prerender, ensure_ascii=False, separators=(",", ":")), quote=True)
    new_tag = f'{tag[:-1]}\n       data-prerender="{value}">'
    end = text.find(NOSCRIPT_END, match.end())
    at = end + len(NOSCRIPT_END) if end != -1 and text.find("</div>", match.end()) > end else match.end()
    body = f'<div class="calc-prerender">{markup}</div>'
    return text[:match.start()] + new_tag + text[match.end():at] + body + text[at:]


def prerender(site: Path, work: Path) -> dict[str, str]:
    """Pre-render every calculator page of ``site`` in place; what was not pre-rendered, with the reason."""
    pages = calculator_pages(site)
    if not pages:
        return {}
    skipped: dict[str, str] = {}
    payloads = run_node(site, "payload", pages, work)
    for key, spec in pages.items():
        found = payloads.get(key, {})
        if "payload" not in found:
            skipped[key] = found.get("skip", "no payload")
            continue
        text = calculators.run_json(spec["calculator"], json.dumps(found["payload"]))
        answer = json.loads(text)
        if "errors" in answer:
            skipped[key] = "the engine refuses the example: " + "; ".join(e["message"] for e in answer["errors"])
            continue
        spec.update(payload=found["payload"], answer=answer)
    ready = {key: spec for key, spec in pages.items() if key not in skipped}
    rendered = run_node(site, "render", ready, work) if ready else {}
    for key, spec in ready.items():
        found = rendered.get(key, {})
        if "html" not in found:
            skipped[key] = found.get("skip", "no markup")
            continue
        path = site / key
        path.write_text(insert(path.read_text(encoding="utf-8"), found["html"],
                               {"payload": spec["payload"], "answer": spec["answer"]}), encoding="utf-8")
    return skipped
