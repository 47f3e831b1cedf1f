"""Build fixtures: the real site built once per session, and small docs trees for the failure cases.

Every build here writes below a temporary folder (never into site/, which the
browser tests and ``make serve`` use) and shares the project's download cache.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from site_build.settings import LANGUAGES, Paths  # noqa: E402

DOCS = ROOT / "docs"


def load_pipeline() -> ModuleType:
    """The project's build.py, by path: the name ``build`` also belongs to PyPA's build package."""
    spec = importlib.util.spec_from_file_location("portal_build", ROOT / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def pipeline() -> ModuleType:
    return load_pipeline()


@dataclass
class Built:
    paths: Paths
    report: object
    seconds: float

    @property
    def site(self) -> Path:
        return self.paths.site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory, pipeline: ModuleType) -> Built:
    """The real docs/ built once (runtime from the shared cache)."""
    paths = Paths.under(tmp_path_factory.mktemp("real"))
    started = time.monotonic()
    report = pipeline.build(paths)
    return Built(paths, report, time.monotonic() - started)


PLACEHOLDER = {
    "en": ("Home", "The payout", "Calculators", "Glossary"),
    "nl": ("Start", "De uitkering", "Rekenhulpen", "Woordenlijst"),
    "fr": ("Accueil", "L’indemnisation", "Calculateurs", "Glossaire"),
}


def write_fixture_docs(root: Path) -> Path:
    """A small docs tree: four pages per language that use the template contract, the real theme overrides."""
    docs = root / "docs"
    for lang in LANGUAGES:
        home, payout, calculators, glossary = PLACEHOLDER[lang]
        folder = docs / lang
        (folder / "calculators").mkdir(parents=True)
        (folder / "index.md").write_text(
            f"# {home}\n\nRules checked on {{{{ last_checked | date }}}}. See [{payout}](payout.md#figures) "
            f"and [{glossary}](glossary.md).\n", encoding="utf-8")
        (folder / "payout.md").write_text(
            f"# {payout}\n\n## Figures {{: #figures }}\n\n"
            "The insurer pays {{ rules.coverage_pct.value | pct }}; own risk {{ own_risk_pct | pct }}.\n"
            'On a limit of {{ examples.payout_limit_25000.payload.credit_limit | money }}: '
            '{{ example("payout_limit_25000").payout | money }}.\n'
            "Countries: {{ rules.mkbzeker_countries.value | countries }}.\n\n"
            "![chart](../assets/site/chart.svg)\n\n"
            "[calculators](calculators/index.md)\n", encoding="utf-8")
        (folder / "calculators" / "index.md").write_text(
            f"# {calculators}\n\n[{payout}](../payout.md)\n", encoding="utf-8")
        (folder / "glossary.md").write_text(f"# {glossary}\n\n[{home}](index.md)\n", encoding="utf-8")
    shutil.copytree(DOCS / "overrides", docs / "overrides",
                    ignore=shutil.ignore_patterns("calculator.html"))  # a teammate's, not used by these pages
    shutil.copytree(DOCS / "assets" / "site", docs / "assets" / "site")
    (docs / "assets" / "site" / "chart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    return docs


@pytest.fixture
def fixture_docs(tmp_path: Path) -> Path:
    return write_fixture_docs(tmp_path)


@pytest.fixture
def fixture_paths(tmp_path: Path) -> Callable[[Path], Paths]:
    def make(docs: Path) -> Paths:
        return Paths.under(tmp_path / "out", docs=docs)

    return make
