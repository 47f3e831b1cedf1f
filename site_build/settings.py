"""The build's settings in one flat, typed table: languages, the pinned runtime, the site layout.

Everything a step needs to know that is not in ``mkdocs.yml`` (theme, navigation)
or in the rules (``calculators.rules``) lives here, so a version bump or a new
language is a one-line change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .vendored import PinnedWheel

ROOT = Path(__file__).resolve().parents[1]

#: The site's languages, the default first: it is served from the site root, the others from /<lang>/.
LANGUAGES: tuple[str, ...] = ("en", "nl", "fr")
DEFAULT_LANGUAGE = LANGUAGES[0]

#: The Pyodide runtime, fetched with ``npm pack`` and checked against the registry's integrity hash
#: (``npm view pyodide@314.0.7 dist.integrity``).
PYODIDE_VERSION = "314.0.7"
PYODIDE_INTEGRITY = (
    "sha512-0YvXxEhfEdpLfb/XkM2BFAeMROq0iMUX2bzzH9pOttyMcWkwq+HbE5uyuGD82LN7y2q+SNvi/6V5JEsOlD2R1A=="
)
#: The runtime files the browser loads from ``RUNTIME_DIR``: the module loader, the interpreter, the stdlib.
SERVED_RUNTIME_FILES: tuple[str, ...] = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)
#: Pyodide's lock file: the build registers the wheel in it, so it is served next to the wheel.
LOCK_FILE = "pyodide-lock.json"
#: The files kept from the npm package.
RUNTIME_FILES: tuple[str, ...] = (*SERVED_RUNTIME_FILES, LOCK_FILE)

#: Pure-Python wheels from PyPI served beside the engine and loaded by the worker only when a reader opens an
#: ``.xlsx`` file (``ensureXlsx`` in docs/assets/calc/worker.mjs): openpyxl and its one dependency. The sha256 is
#: the one PyPI lists for the file; ``pip download --no-deps --only-binary=:all: NAME==VERSION`` fetches it.
VENDORED_WHEELS: tuple[PinnedWheel, ...] = (
    PinnedWheel("openpyxl", "3.1.5", "openpyxl-3.1.5-py2.py3-none-any.whl",
                "5282c12b107bffeef825f4617dc029afaf41d0ea60823bbb665ef3079dc79de2",
                imports=("openpyxl",), depends=("et-xmlfile",)),
    PinnedWheel("et-xmlfile", "2.0.0", "et_xmlfile-2.0.0-py3-none-any.whl",
                "7a91720bc756843502c3b7504c77b8fe44217c85c537d85037f0f536151b2caa",
                imports=("et_xmlfile",)),
)

#: Where the engine is served from, relative to the site root (the calculator template's contract,
#: ``extra.engine``). Every path below it names its content, so servers may cache it as immutable:
#: the runtime by its version, the wheel and the lock file that registers it by the wheel's hash.
ENGINE_DIR = "pyodide/"
RUNTIME_DIR = f"{ENGINE_DIR}{PYODIDE_VERSION}/"
WHEELS_DIR = f"{ENGINE_DIR}wheels/"
#: Hex digits of the wheel's sha256 that name its folder (and the build id the browser keys its caches by).
BUILD_ID_LENGTH = 16

#: Source folders of ``docs/`` that are not pages: copied as they are, or used by the build only.
ASSETS_DIR = "assets"  # -> site/assets/
ROOT_DIR = "root"  # -> the site root (service worker, manifest...)
OVERRIDES_DIR = "overrides"  # theme overrides (mkdocs ``custom_dir``)
GLOSSARY_FILE = "data/glossary.json"

#: The template a calculator page selects in its front matter; only such pages may load the engine.
CALCULATOR_TEMPLATE = "calculator.html"


@dataclass(frozen=True)
class Paths:
    """Where a build reads and writes. Tests point these at temporary folders."""

    docs: Path = ROOT / "docs"  # sources: <lang>/**/*.md, assets/, root/, overrides/, data/
    rendered: Path = ROOT / "build" / "docs"  # the rendered Markdown mkdocs reads
    site: Path = ROOT / "site"  # the output
    cache: Path = ROOT / ".cache"  # kept between builds: the npm tarball, pinned wheels (wheels/), compressed copies
    work: Path = ROOT / "build"  # scratch space (wheel build)
    project: Path = ROOT  # pyproject.toml + calculators/, for the wheel
    mkdocs_yml: Path = ROOT / "mkdocs.yml"

    @classmethod
    def under(cls, out: Path, docs: Path | None = None, cache: Path | None = None) -> Paths:
        """A layout writing everything below ``out``, reading ``docs`` (the real docs by default)."""
        return cls(
            docs=docs or cls.docs,
            rendered=out / "build" / "docs",
            site=out / "site",
            cache=cache or cls.cache,
            work=out / "build",
        )

#: The Content-Security-Policy, in one place (``site_build/csp.py`` applies it). Every page carries it as a
#: ``<meta http-equiv>`` with the sha256 of each of its inline scripts and styles added by the build, so it works
#: on any static server. Nothing may be loaded or sent off the site's origin.
CSP_DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'",)),  # + 'sha256-...' of the page's inline scripts
    ("style-src", ("'self'",)),  # + 'sha256-...' of the page's inline <style> blocks (the 404 page)
    # data: images: mkdocs-material draws its icons (admonitions, search, copy, palette toggle...) with
    # data:image/svg+xml URLs in its stylesheet (mask-image); no page loads any other data: URL.
    ("img-src", ("'self'", "data:")),
    # fetch/XHR: strings, search index, the engine files; never another host. blob: is the engine worker's own
    # copy of the trimmed stdlib it hands to Pyodide when it restores the snapshot (worker.mjs, restore): a URL
    # made in this origin from bytes already fetched from it.
    ("connect-src", ("'self'", "blob:")),
    ("worker-src", ("'self'",)),  # the engine's module worker, material's search worker, the service worker
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'self'",)),
)
#: Only calculator pages (and the engine's worker, which gets the policy from the server's header only) may
#: compile WebAssembly: Pyodide. No page needs 'unsafe-eval'.
CSP_ENGINE_SCRIPT = "'wasm-unsafe-eval'"
#: Directives a meta tag cannot carry, so only the server's header has them.
CSP_HEADER_ONLY: tuple[tuple[str, tuple[str, ...]], ...] = (("frame-ancestors", ("'none'",)),)
#: The server's header allows inline scripts and styles without naming them: a header is one text for every page
#: and a build's hashes differ from page to page. Browsers enforce both the header and the page's meta policy,
#: so an inline script still runs only when its hash is in the page's meta (the build fails when a page has none).
CSP_HEADER_INLINE = "'unsafe-inline'"
