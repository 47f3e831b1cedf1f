"""Every guide's sources are citable: external links well-formed, article references backed by a footnote.

Two checks on the Markdown sources of the guides (``docs/<lang>/*.md``; the calculator pages are forms, not
articles, and are left out):

- **External links.** Every ``[text](http...)`` link and ``<http...>`` autolink must be an absolute
  ``https://`` (or ``http://``) URL with a host that has a dot, no spaces, no unbalanced brackets and no
  trailing punctuation swallowed from the sentence. The site never fetches them (the build's output check
  keeps every page free of requests to other origins); they are there for a reader to follow, so a broken
  one is a citation nobody can check.
- **Footnoted legal claims.** A paragraph or list item of running text that names an article of law
  (``art. 6:96``, ``article L622-26``, ``artikel 108``, ``art. XIX.2``...) is a legal claim, and must carry a
  footnote reference (``[^name]``) that says where it comes from and when it was checked. Tables, headings,
  footnote definitions and the closing sources section (``## Sources``/``## Bronnen``) are not claims: they
  summarise what the footnoted text says or list the sources themselves.

Why this and not more: the footnote check reads the sources, so it is fast and names a file and a line; it
cannot tell whether the footnote cites the *right* article (a person reads that), only that none is missing.
It is a cheaper stand-in for reading every sentence against the law, and it catches the commonest slip in
this project: a claim added to one language with its article inline and no dated source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .settings import LANGUAGES

#: Folders of ``docs/<lang>/`` whose pages are not guides (calculator forms).
NOT_GUIDES = ("calculators/",)

#: Headings that open the list of sources at the end of a page, in the three languages.
SOURCES_HEADINGS = re.compile(r"^##\s+(?:Sources|Bronnen|Sources et références)\s*$", re.IGNORECASE)

#: An article of law: "art. 6:96", "art. L622-26", "article R624-13", "artikel 108", "art. XIX.2", "artt. 108-109".
ARTICLE = re.compile(
    r"(?<![\w])(?:art(?:t)?\.|articles?|artikel(?:en)?)\s*(?:[LRD]\.?\s?)?(?:[IVXL]+\.)?\d", re.IGNORECASE)

LINK = re.compile(r"\]\((?P<inner>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)|<(?P<auto>https?://[^>\n]*)>")
_TITLED = re.compile(r'^(\S+)\s+"[^"]*"$')
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\](?!:)")
FOOTNOTE_DEF = re.compile(r"^\[\^[^\]\s]+\]:")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def bad_url(url: str) -> str | None:
    """Why ``url`` is not a well-formed external link, or None when it is one."""
    if any(ch.isspace() for ch in url):
        return "contains a space"
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http"):
        return "is not an http(s) URL"
    host = parts.hostname or ""
    if "." not in host or host.startswith(".") or host.endswith(".") or ".." in host:
        return "has no valid host name"
    if not re.fullmatch(r"[a-z0-9.-]+", host):
        return "has a host name with characters a host cannot have"
    if url.count("(") != url.count(")") or url.count("[") != url.count("]"):
        return "has unbalanced brackets"
    if url[-1] in ".,;:'\"":
        return "ends with punctuation taken from the sentence"
    return None


def link_problems(text: str, path: str) -> list[Problem]:
    """The external links of one Markdown source that are not well-formed."""
    problems = []
    plain = JINJA.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    for m in LINK.finditer(plain):
        if m.group("inner") is not None:
            inner = m.group("inner").strip()
            titled = _TITLED.match(inner)
            url = titled.group(1) if titled else inner
        else:
            url = m.group("auto")
        if not url or not re.match(r"[a-z][a-z0-9+.-]*:", url, re.IGNORECASE):
            continue  # a relative link to another page of the site: the built site's link check covers it
        if url.lower().startswith(("mailto:", "tel:")):
            continue
        if reason := bad_url(url):
            line = plain.count("\n", 0, m.start()) + 1
            problems.append(Problem(path, line, f"external link {url!r} {reason}"))
    return problems


def _blocks(text: str) -> Iterator[tuple[int, str, bool]]:
    """(first line, text, is a claim block) for each paragraph or list item, in order."""
    fence: str | None = None
    in_sources = False
    start, lines = 0, []  # type: tuple[int, list[str]]

    def flush() -> Iterator[tuple[int, str, bool]]:
        if lines:
            yield start, "\n".join(lines), not in_sources

    for number, line in enumerate(text.splitlines(), start=1):
        if match := _FENCE.match(line):
            yield from flush()
            lines = []
            marker = match.group(1)
            fence = marker if fence is None else (None if marker == fence else fence)
            continue
        stripped = line.strip()
        if fence is not None:
            continue
        if stripped.startswith("#"):
            yield from flush()
            lines = []
            if stripped.startswith("## ") or stripped == "##":
                in_sources = bool(SOURCES_HEADINGS.match(stripped))
            continue
        new_item = bool(re.match(r"^\s{0,3}(?:[-*+]|\d+[.)])\s", line))
        if not stripped or stripped.startswith("|") or FOOTNOTE_DEF.match(stripped) or new_item:
            yield from flush()
            lines = []
            if new_item:
                start, lines = number, [line]
            continue
        if not lines:
            start = number
        if line.startswith("    ") and lines and FOOTNOTE_DEF.match(lines[0].strip()):
            continue
        lines.append(line)
    yield from flush()


#: "source article 003" names one of the portal's seed articles, not a law.
_SEED_ARTICLE = re.compile(r"(?:source|bron|seed)\s*$", re.IGNORECASE)


def names_an_article(text: str) -> bool:
    """Whether ``text`` names an article of law (not one of the source articles the portal is built on)."""
    return any(not _SEED_ARTICLE.search(text[max(0, m.start() - 8):m.start()]) for m in ARTICLE.finditer(text))


def unsourced_claims(text: str, path: str) -> list[Problem]:
    """Paragraphs and list items that name an article of law and carry no footnote reference."""
    problems = []
    for line, block, is_claim in _blocks(text):
        plain = JINJA.sub(" ", block)
        if not is_claim or not names_an_article(plain) or FOOTNOTE_REF.search(plain):
            continue
        snippet = " ".join(plain.split())[:70]
        problems.append(Problem(path, line, f"names an article of law without a footnote: '{snippet}...'"))
    return problems


def guide_pages(docs: Path, languages: Iterable[str] = LANGUAGES) -> Iterator[tuple[str, str]]:
    """(``docs/<lang>/<page>``, text) for every guide source."""
    for lang in languages:
        for path in sorted((docs / lang).rglob("*.md")):
            rel = path.relative_to(docs / lang).as_posix()
            if rel.startswith(NOT_GUIDES):
                continue
            yield f"docs/{lang}/{rel}", path.read_text(encoding="utf-8")


def citation_problems(docs: Path, languages: Iterable[str] = LANGUAGES,
                      exempt: Iterable[str] = ()) -> list[str]:
    """Every malformed external link and every unfootnoted legal claim of the guides, one line each.

    ``exempt`` names pages (``page.md``, in every language) whose claims are not checked yet; their links are.
    """
    skipped = set(exempt)
    problems: list[Problem] = []
    for path, text in guide_pages(docs, languages):
        problems += link_problems(text, path)
        if path.split("/", 2)[2] not in skipped:
            problems += unsourced_claims(text, path)
    return [str(p) for p in problems]
