"""Browser fixtures: Debian's chromium, the built site on a real local server, a closed network.

Every request that leaves the local server is aborted and recorded, and every
console error, uncaught page error or Content-Security-Policy violation
(``securitypolicyviolation`` event) is recorded; all fail the test that caused
them at teardown. Tests get ``site_url`` (the root of the served site,
ending in ``/``) and pytest-playwright's ``page``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.e2e


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, timeout: float = 15.0) -> None:
    """Wait until a server answers HTTP at ``url``; any status counts (the benchmark's base path may 404)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


class StaticServer:
    """``python -m http.server`` serving ``directory`` on a free loopback port."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> StaticServer:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1",
             "--directory", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for(self.url)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def built_site() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail("site/ is not built: run `make build` (make test does it)")
    return SITE


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[StaticServer]:
    srv = StaticServer(built_site).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def site_url(server: StaticServer) -> str:
    return server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@dataclass
class Guard:
    """What a page tried that it must not: requests off the local origin, console errors."""

    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    allowed_console: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    expected_csp: list[str] = field(default_factory=list)

    def allow_console(self, fragment: str) -> None:
        """Let a test that provokes an error on purpose (server stopped...) say which one."""
        self.allowed_console.append(fragment)

    def expect_csp_violation(self, fragment: str) -> None:
        """Let a test that breaks the policy on purpose say which violation (and its console report) it expects."""
        self.expected_csp.append(fragment)
        self.allowed_console.append("Content Security Policy")

    def problems(self) -> list[str]:
        errors = [e for e in self.console_errors if not any(a in e for a in self.allowed_console)]
        violations = [v for v in self.csp_violations if not any(a in v for a in self.expected_csp)]
        return [f"request off the local origin: {u}" for u in self.foreign_requests] + [
            f"console error: {e}" for e in errors] + [f"content security policy violation: {v}" for v in violations]


#: Reports every Content-Security-Policy violation of a page to the guard (what was blocked, by which directive).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  const sample = event.sample ? ` ${JSON.stringify(event.sample)}` : "";
  window.__portalCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "?"} at ${
    event.sourceFile || "?"}:${event.lineNumber}${sample}`);
});
"""


def is_local(url: str) -> bool:
    return url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:"))


def guard_context(context: Any, guard: Guard) -> None:
    def route(route: Any) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            guard.foreign_requests.append(url)
            route.abort()

    context.route("**/*", route)
    context.expose_binding("__portalCspViolation", lambda source, text: guard.csp_violations.append(
        f"{source['page'].url if source.get('page') else '?'}: {text}"))
    context.add_init_script(CSP_LISTENER)

    def on_page(page: Any) -> None:
        page.on("console", lambda msg: msg.type == "error" and guard.console_errors.append(
            f"{page.url}: {msg.text}"))
        page.on("pageerror", lambda exc: guard.console_errors.append(f"{page.url}: {exc}"))

    context.on("page", on_page)


@pytest.fixture
def guard(context: Any) -> Iterator[Guard]:
    g = Guard()
    guard_context(context, g)
    yield g
    problems = g.problems()
    assert not problems, "\n".join(problems)


@pytest.fixture
def page(context: Any, guard: Guard) -> Any:
    """pytest-playwright's page, opened after the guard is in place."""
    return context.new_page()
