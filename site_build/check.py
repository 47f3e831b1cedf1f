"""The build checks its own output: every page in every language, no broken link, nothing loaded from outside.

Run on ``site/`` after the finish step; each check returns its problems and
``check`` raises one BuildError listing them all. The rules:

- every source page exists, built, in every language;
- every relative link (``<a href>``, ``<link rel=prev|next>``) reaches a built file and, with a ``#fragment``,
  an element with that id; root-absolute links (``/...``) are errors too: they leave the site under a sub-path;
- nothing is *loaded* from outside the site: ``src``/``srcset`` and the ``href`` of stylesheets, icons,
  preloads, manifests, SVG ``use``; ``url()`` and ``@import`` in CSS (files, ``<style>``, ``style=``); URL
  literals in JavaScript outside comments, except a short list of theme and runtime URLs that a browser of
  this site never requests (each with its reason and, where it depends on configuration, a guard);
  plain ``<a href>`` links to sources may point anywhere;
- whatever is loaded locally exists;
- the engine files exist under the URLs of ``extra.engine``, each under a path that names its content (so it
  may be cached as immutable): the runtime under ``pyodide/<version>/``, the wheel and the lock file that
  registers it (with its sha256) under ``pyodide/wheels/<build_id>/``, the build id being a hash of the
  wheel's sha256 and the runtime version (and of any other wheel served beside it, each registered in the
  lock file with its sha256); the engine's memory snapshot and its trimmed stdlib (when the build made one)
  under ``pyodide/snapshots/<hash of both>/``; nothing else under ``pyodide/``;
- the pinned optional wheels (openpyxl and its dependency, for ``.xlsx`` files) are there, as pinned;
- only calculator pages (front matter ``template: calculator.html``) load any engine byte;
- every page carries the Content-Security-Policy (``csp.py``) ahead of any script, with the hash of each of its
  inline scripts and styles, no inline handler or style attribute, wasm only on calculator pages;
- every precompressed copy (``name.br``, ``name.gz``, once the compress step has run) gives back its original.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from . import compress
from .csp import check_csp
from .errors import BuildError
from .settings import (
    BUILD_ID_LENGTH,
    CALCULATOR_TEMPLATE,
    DEFAULT_LANGUAGE,
    ENGINE_DIR,
    LANGUAGES,
    RUNTIME_DIR,
    SERVED_RUNTIME_FILES,
    VENDORED_WHEELS,
)
from .snapshot import SNAPSHOT_FILE, SNAPSHOT_ID_LENGTH, SNAPSHOTS_DIR, check_size
from .vendored import PinnedWheel
from .wheel import build_id as wheel_build_id

LOADING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon",
                "apple-touch-icon", "apple-touch-icon-precomposed", "manifest", "mask-icon"}
SRC_TAGS = {"script", "img", "source", "video", "audio", "iframe", "embed", "input", "track"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]+)\1\s*\)|@import\s+(['"])(?P<import>[^'"]+)\3""")
JS_URL = re.compile(r"""https?://[^\s"'`<>)\\]+|(?<=["'`])//[a-z0-9.-]+\.[a-z]{2,}/[^\s"'`<>)\\]*""", re.IGNORECASE)
ENGINE_MARKERS = re.compile(r"pyodide|\.whl\b|assets/calc/", re.IGNORECASE)


@dataclass(frozen=True)
class Allowed:
    """A URL in a vendored script that a browser of this site never requests, and why."""

    file: str  # glob, relative to the site root
    url: str  # prefix
    reason: str


ALLOWED_JS_URLS = (
    Allowed("assets/javascripts/bundle.*.min.js", "https://unpkg.com/mermaid@",
            "material loads mermaid only for ```mermaid diagrams; none may be built (checked)"),
    Allowed("assets/javascripts/bundle.*.min.js", "https://unpkg.com/resize-observer-polyfill",
            "material loads this polyfill only where ResizeObserver is missing (browsers before 2020)"),
    Allowed("assets/javascripts/bundle.*.min.js", "https://api.github.com/",
            "repository facts, only with repo_url (unset, checked)"),
    Allowed("assets/javascripts/bundle.*.min.js", "https://${e}/api/v4/",
            "GitLab repository facts, only with repo_url (unset, checked)"),
    Allowed("assets/javascripts/workers/search.*.min.js", "https://bit.ly/",
            "text of a console message about an invalid query"),
    Allowed(f"{RUNTIME_DIR}pyodide.mjs", "https://cdn.jsdelivr.net/pyodide/",
            "used by Node.js only; in a browser Pyodide loads packages from packageBaseUrl (this site)"),
    Allowed(f"{RUNTIME_DIR}pyodide.asm.mjs", "https://${t}",
            "a socket host given at run time (wintercg sockets API), not a load"),
)


@dataclass
class Page:
    """What the checks need from one HTML file."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # navigation: may point outside, must resolve inside
    loads: list[tuple[str, str]] = field(default_factory=list)  # (what, url): must stay inside and exist
    scripts: list[str] = field(default_factory=list)  # inline script bodies
    styles: list[str] = field(default_factory=list)  # inline CSS (style elements and attributes)
    mermaid: bool = False


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        page = self.page
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                page.ids.add(a[key])
        if "mermaid" in a.get("class", "").split():
            page.mermaid = True
        if a.get("style"):
            page.styles.append(a["style"])
        if tag in ("a", "area") and "href" in a:
            page.links.append(a["href"])
        if tag == "link" and "href" in a:
            rels = set(a.get("rel", "").lower().split())
            if rels & LOADING_RELS or "icon" in a.get("rel", "").lower():
                page.loads.append((f"<link rel={a.get('rel')}>", a["href"]))
            elif rels & {"prev", "next"}:
                page.links.append(a["href"])
        if tag in SRC_TAGS and a.get("src"):
            page.loads.append((f"<{tag} src>", a["src"]))
        if tag in ("img", "source") and a.get("srcset"):
            for candidate in a["srcset"].split(","):
                if candidate.strip():
                    page.loads.append((f"<{tag} srcset>", candidate.split()[0]))
        if tag in ("video",) and a.get("poster"):
            page.loads.append(("<video poster>", a["poster"]))
        if tag == "object" and a.get("data"):
            page.loads.append(("<object data>", a["data"]))
        if tag in ("use", "image") and (a.get("href") or a.get("xlink:href")):
            page.loads.append((f"<{tag} href>", a.get("href") or a.get("xlink:href", "")))
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            match = re.search(r"url=(.+)", a.get("content", ""), re.IGNORECASE)
            if match:
                page.loads.append(("<meta refresh>", match.group(1).strip("'\" ")))
        if tag == "script" and not a.get("src") and a.get("type", "text/javascript") in (
                "text/javascript", "module", ""):
            self._in = "script"
        elif tag == "style":
            self._in = "style"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.page.scripts.append(data)
        elif self._in == "style":
            self.page.styles.append(data)


def parse(path: Path) -> Page:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.page


def page_url(page: str) -> str:
    """The directory URL of a page: ``index.md`` -> ``""``, ``calculators/payout.md`` -> ``calculators/payout/``."""
    path = PurePosixPath(page).with_suffix("")
    if path.name == "index":
        path = path.parent
    return "" if str(path) == "." else f"{path.as_posix()}/"


def output_of(page: str, lang: str) -> str:
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return f"{prefix}{page_url(page)}index.html"


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme and parts.scheme not in ("data", "blob")) or url.startswith("//")


def resolve(site: Path, from_file: str, url: str) -> tuple[Path, str] | None:
    """The file a relative ``url`` in ``from_file`` (site-relative) points to, and its fragment."""
    parts = urlsplit(url)
    base = PurePosixPath(from_file).parent
    target = PurePosixPath(unquote(parts.path)) if parts.path else PurePosixPath(from_file)
    if parts.path:
        target = base / target
    normal: list[str] = []
    for part in target.parts:
        if part == "..":
            if not normal:
                return None  # climbs above the site root
            normal.pop()
        elif part not in (".", ""):
            normal.append(part)
    path = site.joinpath(*normal)
    if path.is_dir():
        path = path / "index.html"
    return path, parts.fragment


class Site:
    """The built site's HTML files, parsed once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._pages: dict[Path, Page] = {}

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def page(self, path: Path) -> Page:
        if path not in self._pages:
            self._pages[path] = parse(path)
        return self._pages[path]

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


def check_pages(site: Path, pages: Iterable[str], languages: Iterable[str] = LANGUAGES) -> list[str]:
    return [f"{page} in {lang}: {output_of(page, lang)} was not built"
            for page in pages for lang in languages if not (site / output_of(page, lang)).is_file()]


def check_links(site: Site) -> list[str]:
    problems = []
    for path in site.html_files():
        rel = site.rel(path)
        for url in site.page(path).links:
            if not url or is_external(url) or url.startswith(("mailto:", "tel:", "javascript:")):
                continue
            if url.startswith("/"):
                problems.append(f"{rel}: link {url} is root-absolute: it leaves the site when served from a sub-path")
                continue
            resolved = resolve(site.root, rel, url)
            if resolved is None or not resolved[0].exists():
                problems.append(f"{rel}: link {url} points to a missing page")
                continue
            target, fragment = resolved
            if fragment and target.suffix == ".html" and unquote(fragment) not in site.page(target).ids:
                problems.append(f"{rel}: link {url} points to a missing anchor #{fragment} in {site.rel(target)}")
    return problems


def _local_load_problem(site_root: Path, rel: str, what: str, url: str) -> str | None:
    if is_external(url):
        return f"{rel}: {what} loads {url} from outside the site"
    if url.startswith("/"):
        return f"{rel}: {what} {url} is root-absolute: outside the site when served from a sub-path"
    if url.startswith(("data:", "blob:", "#")) or not url:
        return None
    resolved = resolve(site_root, rel, url)
    if resolved is None or not resolved[0].exists():
        return f"{rel}: {what} {url} does not exist"
    return None


def _in_comment(text: str, position: int) -> bool:
    block_start = text.rfind("/*", 0, position)
    if block_start != -1 and text.find("*/", block_start, position) == -1:
        return True
    line_start = text.rfind("\n", 0, position) + 1
    return re.search(r"(^|[\s;{}])//", text[line_start:position]) is not None


def js_problems(rel: str, text: str, allowed: Iterable[Allowed] = ALLOWED_JS_URLS) -> list[str]:
    problems = []
    rules = [a for a in allowed if fnmatch.fnmatch(rel, a.file)]
    for match in JS_URL.finditer(text):
        url = match.group(0)
        if _in_comment(text, match.start()) or any(url.startswith(a.url) for a in rules):
            continue
        if url.startswith(("http://www.w3.org/", "https://www.w3.org/")):  # XML namespace names, not fetched
            continue
        problems.append(f"{rel}: script references {url} outside the site")
    return problems


def css_problems(site_root: Path, rel: str, text: str) -> list[str]:
    problems = []
    for match in CSS_URL.finditer(text):
        url = (match.group("url") or match.group("import") or "").strip()
        clean = url.split("#")[0].split("?")[0]
        if url.startswith(("data:", "#")):
            continue
        problem = _local_load_problem(site_root, rel, "CSS url()", clean if not is_external(url) else url)
        if problem:
            problems.append(problem)
    return problems


def check_loads(site: Site) -> list[str]:
    problems = []
    root = site.root
    for path in site.html_files():
        rel = site.rel(path)
        page = site.page(path)
        for what, url in page.loads:
            problem = _local_load_problem(root, rel, what, url.split("#")[0].split("?")[0] or url)
            if problem:
                problems.append(problem)
        for style in page.styles:
            problems += css_problems(root, rel, style)
        for script in page.scripts:
            problems += js_problems(rel, script)
        if page.mermaid:
            problems.append(f"{rel}: a mermaid diagram makes material load mermaid from unpkg.com")
    for path in sorted(root.rglob("*.css")):
        problems += css_problems(root, site.rel(path), path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted([*root.rglob("*.js"), *root.rglob("*.mjs")]):
        problems += js_problems(site.rel(path), path.read_text(encoding="utf-8", errors="replace"))
    return problems


ENGINE_KEYS = ("runtime", "wheel", "lock", "pyodide_version", "build_id")


def check_engine(site: Path, engine: Mapping[str, str]) -> list[str]:
    """The engine files where ``extra.engine`` says, each under a path that changes when its content does."""
    missing_keys = [key for key in ENGINE_KEYS if not engine.get(key)]
    if missing_keys:
        return [f"extra.engine lacks {', '.join(missing_keys)}"]
    problems = []
    runtime, build_id = engine["runtime"], engine["build_id"]
    if PurePosixPath(runtime).name != engine["pyodide_version"] or not runtime.endswith("/"):
        problems.append(f"the runtime folder {runtime} is not named by its version {engine['pyodide_version']}/: "
                        "an immutable cache could mix the files of two versions")
    for name in SERVED_RUNTIME_FILES:
        path = site / runtime / name
        if not path.is_file() or path.stat().st_size == 0:
            problems.append(f"{runtime}{name} is missing from the site")
    wheel, lock = site / engine["wheel"], site / engine["lock"]
    for key, path in (("wheel", wheel), ("lock", lock)):
        if not path.is_file():
            problems.append(f"{engine[key]} is missing from the site")
        if PurePosixPath(engine[key]).parent.name != build_id:
            problems.append(f"{engine[key]} is not in the build's folder {build_id}/: it would be cached across builds")
    if not wheel.is_file() or not lock.is_file():
        return problems
    sha256 = hashlib.sha256(wheel.read_bytes()).hexdigest()
    packages = json.loads(lock.read_text(encoding="utf-8"))["packages"]
    registered = {entry.get("file_name"): entry for entry in packages.values()}
    # Other wheels served beside the engine's (the vendored openpyxl...): registered with their sha256.
    others = sorted(p for p in wheel.parent.glob("*.whl") if p != wheel)
    other_sha = []
    for other in others:
        digest = hashlib.sha256(other.read_bytes()).hexdigest()
        other_sha.append(digest)
        if other.name not in registered:
            problems.append(f"{PurePosixPath(engine['wheel']).parent}/{other.name} is not registered in the lock file")
        elif registered[other.name].get("sha256") != digest:
            problems.append(f"{engine['lock']} has a wrong sha256 for {other.name}")
    if build_id != wheel_build_id(sha256, engine["pyodide_version"], BUILD_ID_LENGTH, other_sha):
        problems.append(f"build_id {build_id} is not the hash of the wheel's sha256 {sha256} and the runtime "
                        f"version: browsers would keep a stale lock file or wheel")
    entry = packages.get("calculators")
    if not entry or entry.get("file_name") != wheel.name:
        problems.append(f"{engine['lock']} does not register {wheel.name}")
    elif entry.get("sha256") != sha256:
        problems.append(f"{engine['lock']} has a wrong sha256 for {wheel.name}")
    expected = {site / runtime / name for name in SERVED_RUNTIME_FILES} | {wheel, lock, *others}
    snapshot_files = [engine[key] for key in ("snapshot", "stdlib") if engine.get(key)]
    if snapshot_files:
        problems += check_snapshot(site, snapshot_files)
        expected |= {site / rel for rel in snapshot_files}
    engine_dir = site / ENGINE_DIR
    copies = {copy for copy, _, _ in compress.copies(engine_dir)} if engine_dir.is_dir() else set()
    for path in sorted(engine_dir.rglob("*")) if engine_dir.is_dir() else []:
        if path.is_file() and path not in expected and path not in copies:
            problems.append(f"{path.relative_to(site).as_posix()}: not an engine file of this build "
                            f"(only {runtime} and {PurePosixPath(engine['wheel']).parent}/ belong under {ENGINE_DIR})")
    return problems


def check_vendored(site: Path, engine: Mapping[str, str], pins: Iterable[PinnedWheel] = VENDORED_WHEELS) -> list[str]:
    """The pinned optional wheels beside the engine's, as pinned, and registered so ``loadPackage`` finds them."""
    if not engine.get("lock") or not (site / engine["lock"]).is_file():
        return []  # reported by check_engine
    folder = (site / engine["lock"]).parent
    packages = json.loads((site / engine["lock"]).read_text(encoding="utf-8"))["packages"]
    problems = []
    for pin in pins:
        path = folder / pin.file_name
        if not path.is_file():
            problems.append(f"{pin.file_name} (pinned in settings.VENDORED_WHEELS) is missing beside the engine")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != pin.sha256:
            problems.append(f"{pin.file_name} is not the pinned file (sha256 differs)")
        entry = packages.get(pin.name) or {}
        if entry.get("file_name") != pin.file_name or entry.get("sha256") != pin.sha256:
            problems.append(f"{engine['lock']} does not register {pin.file_name} under {pin.name} as pinned")
        missing = [d for d in pin.depends if d not in packages]
        if missing:
            problems.append(f"{pin.name} depends on {', '.join(missing)}, which the lock file lacks")
    return problems


def check_snapshot(site: Path, files: list[str]) -> list[str]:
    """The snapshot and its stdlib zip exist, side by side, in a folder named by the hash of both."""
    paths = [site / rel for rel in files]
    folders = {PurePosixPath(rel).parent for rel in files}
    if len(folders) != 1 or f"{PurePosixPath(files[0]).parent.parent}/" != SNAPSHOTS_DIR:
        return [f"{', '.join(files)}: not one folder under {SNAPSHOTS_DIR}"]
    missing = [rel for rel, path in zip(files, paths, strict=True) if not path.is_file()]
    if missing:
        return [f"{rel} is missing from the site" for rel in missing]
    problems = []
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name != SNAPSHOT_FILE):  # snapshot first, as snapshot.py hashes
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    folder = PurePosixPath(files[0]).parent.name
    if digest.hexdigest()[:len(folder)] != folder or len(folder) != SNAPSHOT_ID_LENGTH:
        problems.append(f"{PurePosixPath(files[0]).parent}/ is not named by the hash of its files: browsers could "
                        "keep a snapshot with another stdlib zip")
    snapshot = next(p for p in paths if p.name == SNAPSHOT_FILE)
    try:
        check_size(snapshot.read_bytes())
    except BuildError as error:
        problems.append(str(error))
    return problems


def check_copies(site: Path) -> list[str]:
    """Every precompressed copy decompresses to its original: a server sends it in the original's place."""
    problems = []
    for copy, original, encoding in compress.copies(site):
        rel = copy.relative_to(site).as_posix()
        try:
            same = compress.decompress(copy.read_bytes(), encoding) == original.read_bytes()
        except ImportError:
            problems.append(f"{rel}: cannot be checked without the brotli package")
            continue
        except Exception as error:  # a corrupt copy: any decoder error
            problems.append(f"{rel}: does not decompress ({type(error).__name__}: {error})")
            continue
        if not same:
            problems.append(f"{rel}: does not give back {original.name} (stale or corrupt copy)")
    return problems


def calculator_pages(rendered: Path) -> set[str]:
    """Source pages (``<lang>/<page>``) whose front matter selects the calculator template."""
    found = set()
    for path in rendered.glob("*/**/*.md"):
        text = path.read_text(encoding="utf-8")
        front = re.match(r"---\s*\n(.*?)\n---\s*\n", text, re.DOTALL)
        if front and re.search(rf"^template:\s*['\"]?{re.escape(CALCULATOR_TEMPLATE)}['\"]?\s*$",
                               front.group(1), re.MULTILINE):
            found.add(path.relative_to(rendered).as_posix())
    return found


def calculator_outputs(rendered: Path) -> set[str]:
    """The built files (site-relative) of the calculator pages: the only ones that may run the engine."""
    outputs = set()
    for source in calculator_pages(rendered):
        lang, page = source.split("/", 1)
        outputs.add(output_of(page, lang))
    return outputs


def check_guides_load_no_engine(site: Site, pages: Mapping[str, Iterable[str]], calculators: set[str]) -> list[str]:
    problems = []
    for lang, names in pages.items():
        for page in names:
            if f"{lang}/{page}" in calculators:
                continue
            path = site.root / output_of(page, lang)
            if not path.is_file():
                continue
            parsed = site.page(path)
            loaded = [url for _, url in parsed.loads if ENGINE_MARKERS.search(url)]
            inline = [s[:60] for s in parsed.scripts if ENGINE_MARKERS.search(s)]
            if loaded or inline:
                problems.append(f"{output_of(page, lang)}: a guide page loads engine files: {loaded or inline}")
    return problems


def check_config(config: Any) -> list[str]:
    problems = []
    if getattr(config, "repo_url", None):
        problems.append("repo_url is set: material would fetch repository facts from its host")
    for script in getattr(config, "extra_javascript", []) or []:
        if ENGINE_MARKERS.search(str(script)):
            problems.append(f"extra_javascript {script} would load engine code on every page")
    return problems


def check(site_dir: Path, rendered: Path, pages: Mapping[str, Iterable[str]], engine: Mapping[str, str],
          config: Any = None) -> None:
    """All output checks; one BuildError with every problem."""
    site = Site(site_dir)
    all_pages = sorted({p for names in pages.values() for p in names})
    sections = {
        "pages missing in a language": check_pages(site_dir, all_pages),
        "broken links": check_links(site),
        "loads from outside the site, or of missing files": check_loads(site),
        "engine files": check_engine(site_dir, engine) + check_vendored(site_dir, engine),
        "engine bytes on guide pages": check_guides_load_no_engine(site, pages, calculator_pages(rendered)),
        "precompressed copies": check_copies(site_dir),
        "content security policy": check_csp(site_dir, calculator_outputs(rendered)),
        "configuration": check_config(config) if config is not None else [],
    }
    problems = [f"{title}: {p}" for title, found in sections.items() for p in found]
    if problems:
        raise BuildError("check", f"the built site has {len(problems)} problem(s)", problems)
