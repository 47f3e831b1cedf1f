"""The Content-Security-Policy: written into every built page, and checked.

The policy (``settings.CSP_DIRECTIVES``) lets a page load and send nothing off the site's origin. Inline
scripts (the theme's ``__md_scope``/palette scripts, the calculator's boot script) and inline ``<style>``
blocks are allowed one by one, by the sha256 of their exact text in the built file: so this step runs on the
final HTML, after mkdocs and the finish step, and hashes whatever inline code a page holds then (no hash is
ever written by hand). Calculator pages add ``'wasm-unsafe-eval'`` for Pyodide; no other page does. They also
allow the letter sheet's stylesheet (``calculators.letter_sheet.CSS``, hashed from the engine's own constant): the
sheet is printed from a ``srcdoc`` frame, which inherits the page's policy.

A ``<meta http-equiv>`` cannot carry ``frame-ancestors`` and a server header is one text for all pages:
``header_policy`` is the line for the server (``deploy/nginx.conf`` carries it; other server configs copy it),
which browsers enforce together with each page's meta policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from calculators.letter_sheet import CSS_HASH as LETTER_SHEET_STYLE

from .settings import CSP_DIRECTIVES, CSP_ENGINE_SCRIPT, CSP_HEADER_INLINE, CSP_HEADER_ONLY

META_NAME = "Content-Security-Policy"
#: Script types a browser runs; others (``application/json``...) are data, outside the policy.
RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_STYLE = re.compile(r"<style\b(?P<attrs>[^>]*)>(?P<body>.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
_META = re.compile(r"""<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>\s*""", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_HANDLER = re.compile(r"""\son[a-z]+\s*=""", re.IGNORECASE)
_STYLE_ATTR = re.compile(r"""\sstyle\s*=""", re.IGNORECASE)
_JS_URL = re.compile(r"""\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


def sha256_source(text: str) -> str:
    """The CSP source that allows exactly this inline code: ``'sha256-<base64>'`` of its UTF-8 bytes."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _attrs(text: str) -> dict[str, str]:
    attrs = {}
    for match in _ATTR.finditer(text):
        value = match.group(2) or ""
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        attrs[match.group(1).lower()] = value
    return attrs


@dataclass
class Inline:
    """A page's inline code, as the browser will hash it."""

    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)


def inline_code(html: str) -> Inline:
    """The bodies of the inline scripts a browser runs and of the ``<style>`` blocks, byte for byte."""
    found = Inline()
    for match in _SCRIPT.finditer(html):
        attrs = _attrs(match.group("attrs"))
        if "src" not in attrs and attrs.get("type", "").lower() in RUNNABLE_TYPES:
            found.scripts.append(match.group("body"))
    found.styles = [match.group("body") for match in _STYLE.finditer(html)]
    return found


def _join(directives: Iterable[tuple[str, Iterable[str]]]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def meta_policy(inline: Inline, engine: bool) -> str:
    """A page's policy: the site's, plus the hashes of its inline code, plus wasm for a calculator page."""
    wasm = [CSP_ENGINE_SCRIPT] if engine else []
    extra = {
        "script-src": [*dict.fromkeys(sha256_source(s) for s in inline.scripts), *wasm],
        "style-src": list(dict.fromkeys([*(sha256_source(s) for s in inline.styles),
                                         *([LETTER_SHEET_STYLE] if engine else [])])),
    }
    return _join((name, [*sources, *extra.get(name, [])]) for name, sources in CSP_DIRECTIVES)


def header_policy(engine: bool) -> str:
    """The server's header: the site's policy with inline code allowed (each page's meta names it), plus
    ``frame-ancestors``; ``engine`` for calculator pages and the engine's worker (wasm)."""
    extra = {"script-src": [CSP_HEADER_INLINE, *([CSP_ENGINE_SCRIPT] if engine else [])],
             "style-src": [CSP_HEADER_INLINE]}
    return _join([*((name, [*sources, *extra.get(name, [])]) for name, sources in CSP_DIRECTIVES), *CSP_HEADER_ONLY])


def with_policy(html: str, engine: bool) -> str:
    """``html`` with its policy as the first thing after ``<meta charset>`` (a meta policy covers only what
    follows it); a policy already there is replaced."""
    html = _META.sub("", html)
    policy = meta_policy(inline_code(html), engine)
    tag = f'<meta http-equiv="{META_NAME}" content="{policy}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("no <head>")
    return f"{html[:anchor.end()]}\n  {tag}{html[anchor.end():]}"


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def apply_csp(site: Path, engine_pages: set[str]) -> int:
    """Write the policy into every page of ``site``; ``engine_pages`` (site-relative) get wasm. Returns the count."""
    count = 0
    for path in html_files(site):
        rel = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        path.write_text(with_policy(html, rel in engine_pages), encoding="utf-8")
        count += 1
    return count


def _policy_of(html: str) -> tuple[dict[str, list[str]], int] | None:
    match = _META.search(html)
    if not match:
        return None
    content = _attrs(match.group(0)).get("content", "")
    directives = {}
    for part in content.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives, match.start()


def page_problems(rel: str, html: str, engine: bool) -> list[str]:
    """What in one built page the policy would block or fail to guard."""
    found = _policy_of(html)
    if found is None:
        return [f"{rel}: no Content-Security-Policy meta tag"]
    policy, at = found
    problems = []
    first_code = min((m.start() for m in (_SCRIPT.search(html), _STYLE.search(html),
                                          re.search(r"<link\b", html, re.IGNORECASE)) if m), default=len(html))
    if at > first_code:
        problems.append(f"{rel}: the policy comes after a script, style or link: it does not cover them")
    for name, sources in CSP_DIRECTIVES:
        missing = [s for s in sources if s not in policy.get(name, [])]
        if missing:
            problems.append(f"{rel}: {name} lacks {' '.join(missing)}")
    allowed_extra = {"'self'", "data:", CSP_ENGINE_SCRIPT} | {s for _, sources in CSP_DIRECTIVES for s in sources}
    for name, sources in policy.items():
        loose = [s for s in sources if not s.startswith("'sha256-") and s not in allowed_extra]
        if loose:
            problems.append(f"{rel}: {name} allows {' '.join(loose)}")
    inline = inline_code(html)
    for kind, bodies, directive in (("inline script", inline.scripts, "script-src"),
                                    ("inline style", inline.styles, "style-src")):
        for body in bodies:
            if sha256_source(body) not in policy.get(directive, []):
                problems.append(f"{rel}: {kind} without its hash in the policy (the browser blocks it): "
                                f"{body.strip()[:60]!r}")
    wasm = CSP_ENGINE_SCRIPT in policy.get("script-src", [])
    if wasm and not engine:
        problems.append(f"{rel}: allows {CSP_ENGINE_SCRIPT} but is not a calculator page")
    if engine and not wasm:
        problems.append(f"{rel}: a calculator page without {CSP_ENGINE_SCRIPT}: Pyodide cannot start")
    markup = _STYLE.sub("", _SCRIPT.sub("", html))
    for tag in _TAG.findall(markup):
        if _HANDLER.search(tag):
            problems.append(f"{rel}: inline event handler (blocked by the policy): {tag[:80]}")
        if _STYLE_ATTR.search(tag):
            problems.append(f"{rel}: style attribute (blocked by the policy): {tag[:80]}")
        if _JS_URL.search(tag):
            problems.append(f"{rel}: javascript: URL (blocked by the policy): {tag[:80]}")
    return problems


def check_csp(site: Path, engine_pages: set[str]) -> list[str]:
    problems = []
    for path in html_files(site):
        rel = path.relative_to(site).as_posix()
        problems += page_problems(rel, path.read_text(encoding="utf-8", errors="replace"), rel in engine_pages)
    return problems


def server_lines() -> str:
    """The header policies for a server configuration, as ``deploy/nginx.conf``'s map has them."""
    return "\n".join([
        "# every response except the engine's:",
        header_policy(engine=False),
        "# calculator pages (calculators/<name>/) and the engine's worker (assets/calc/worker.mjs):",
        header_policy(engine=True),
    ])


if __name__ == "__main__":
    print(server_lines())
