"""The real Debian web servers running deploy/'s configurations as shipped, with only their ADAPT lines changed.

Each runs in the foreground on a free loopback port, serving the built site under /portal/, with
its run-time files (pid, logs, state) in a private temporary folder; when the tests run as root,
the server runs as ``nobody`` (it needs no privilege: the port is high, the site world-readable).
``stop()`` is safe to call twice; the fixtures always call it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conftest import ROOT, free_port, wait_for

DEPLOY = ROOT / "deploy"
BASE = "/portal/"


def engine_files(site: Path) -> dict[str, str]:
    """The engine's paths in the built site (layout: pyodide/<version>/, pyodide/wheels/<hash>/)."""
    (wheel,) = site.glob("pyodide/wheels/*/calculators-*.whl")
    (wasm,) = site.glob("pyodide/*/pyodide.asm.wasm")
    return {"runtime": wasm.parent.relative_to(site).as_posix() + "/",
            "wheels": wheel.parent.relative_to(site).as_posix() + "/", "wheel": wheel.name}


def head(url: str, accept_encoding: str = "gzip") -> Any:
    """The headers of a HEAD request (an error status raises)."""
    request = urllib.request.Request(url, method="HEAD", headers={"Accept-Encoding": accept_encoding})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers


def adapt(text: str, replacements: list[tuple[str, str, int]], config: str) -> str:
    """``text`` with each (regex, replacement, expected count) applied; a count that differs fails the test."""
    for pattern, replacement, expected in replacements:
        text, count = re.subn(pattern, lambda _m, r=replacement: r, text, flags=re.MULTILINE)
        assert count == expected, f"{config}: expected {expected} ADAPT line(s) matching {pattern!r}, found {count}"
    return text


def binary(*candidates: str) -> str:
    for name in candidates:
        found = shutil.which(name) or (f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None)
        if found:
            return found
    return candidates[0]


@dataclass
class Spec:
    """How to run one server with its shipped configuration."""

    name: str
    binary: str
    config: str  # its file in deploy/
    packages: str  # what `make servers` installs for it, for the failure message
    adapt: Callable[[str, int, Path, Path], list[tuple[str, str, int]]]  # (text, port, site, deploy) -> replacements
    command: Callable[[str, Path, Path], list[str]]  # (binary, config file, prefix) -> argv
    env: Callable[[Path], dict[str, str]] = field(default=lambda prefix: {})


def _nginx_adapt(text: str, port: int, site: Path, deploy: Path) -> list[tuple[str, str, int]]:
    for module in re.findall(r"^\s*load_module\s+([^;]+);", text, re.MULTILINE):
        assert Path(module).is_file(), (f"deploy/nginx.conf loads {module}, which is not installed: `make nginx` "
                                        "installs Debian's libnginx-mod-http-brotli-static")
    return [(r"listen\s+[^;]+;\s*# ADAPT[^\n]*", f"listen 127.0.0.1:{port};", 1),
            (r"alias\s+[^;]+;\s*# ADAPT[^\n]*", f"alias {site}/;", 1)]


SPECS: dict[str, Spec] = {
    "nginx": Spec(
        "nginx", binary("nginx"), "nginx.conf", "nginx-light libnginx-mod-http-brotli-static",
        _nginx_adapt,
        lambda exe, config, prefix: [exe, "-p", f"{prefix}/", "-c", str(config), "-g", "daemon off;"]),
    "apache": Spec(
        "apache", binary("apache2", "httpd"), "apache.conf", "apache2",
        lambda text, port, site, deploy: [(r"^Listen .*$", f"Listen 127.0.0.1:{port}", 1),
                                          (r"/srv/portal/site\b", str(site), 2)],
        lambda exe, config, prefix: [exe, "-d", str(prefix), "-f", str(config), "-DFOREGROUND"]),
    "caddy": Spec(
        "caddy", binary("caddy"), "Caddyfile", "caddy",
        lambda text, port, site, deploy: [(r"^http://\S+ \{ # ADAPT.*$", f"http://127.0.0.1:{port} {{", 1),
                                          (r"root \* \S+ # ADAPT.*$", f"root * {site}", 2)],
        lambda exe, config, prefix: [exe, "run", "--config", str(config), "--adapter", "caddyfile"],
        lambda prefix: {"HOME": str(prefix), "XDG_CONFIG_HOME": str(prefix / "config"),
                        "XDG_DATA_HOME": str(prefix / "data")}),
    "lighttpd": Spec(
        "lighttpd", binary("lighttpd"), "lighttpd.conf", "lighttpd lighttpd-modules-lua",
        lambda text, port, site, deploy: [
            (r"^server\.port = .*# ADAPT.*$", f"server.port = {port}", 1),
            (r"^\s*alias\.url = .*# ADAPT.*$", f'    alias.url = ("/portal/" => "{site}/")', 1),
            (r"^\s*magnet\.attract-physical-path-to = .*# ADAPT.*$",
             f'    magnet.attract-physical-path-to = ("{deploy / "lighttpd-precompressed.lua"}")', 1)],
        lambda exe, config, prefix: [exe, "-D", "-f", str(config)]),
}


class RealServer:
    """One of SPECS serving ``site`` under /portal/ on a free loopback port, with its file from ``deploy``."""

    def __init__(self, spec: Spec, site: Path, deploy: Path = DEPLOY) -> None:
        self.spec = spec
        self.site = site.resolve()
        self.deploy = deploy.resolve()
        self.port = free_port()
        self.prefix = Path(tempfile.mkdtemp(prefix=f"portal-{spec.name}-"))
        self.process: subprocess.Popen[bytes] | None = None
        self.log = self.prefix / "server-output.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{BASE}"

    def start(self) -> RealServer:
        spec = self.spec
        if not Path(spec.binary).exists():
            raise AssertionError(f"{spec.name} is missing: `make servers` installs Debian's {spec.packages}")
        text = (self.deploy / spec.config).read_text(encoding="utf-8")
        config = self.prefix / spec.config
        config.write_text(adapt(text, spec.adapt(text, self.port, self.site, self.deploy), spec.config),
                          encoding="utf-8")
        prefix_cmd: list[str] = []
        if os.geteuid() == 0:  # never serve as root: the servers need no privilege here
            shutil.chown(self.prefix, "nobody", "nogroup")
            for path in self.prefix.rglob("*"):
                shutil.chown(path, "nobody", "nogroup")
            prefix_cmd = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
        env = {**os.environ, **spec.env(self.prefix)}
        with self.log.open("wb") as out:
            self.process = subprocess.Popen([*prefix_cmd, *spec.command(spec.binary, config, self.prefix)],
                                            cwd=self.prefix, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for(self.url)
        except OSError:
            self.stop()
            raise AssertionError(f"{spec.name} did not start: {self.output()}") from None
        return self

    def output(self) -> str:
        logs = [self.log, *sorted(p for p in self.prefix.glob("*.log") if p != self.log)]
        return "\n".join(p.read_text(errors="replace")[-1500:] for p in logs if p.is_file())

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.prefix, ignore_errors=True)


def serve(name: str, site: Path, deploy: Path = DEPLOY) -> RealServer:
    return RealServer(SPECS[name], site, deploy).start()
