"""The built site on a real local server with production cache headers, and a log of every byte it sent.

nginx (Debian's) is preferred: it serves precompressed ``.br``/``.gz`` copies,
sends ``Cache-Control`` by URL and answers conditional requests with 304, as
production does. Without nginx a small Python server does the same things.
Both write one tab-separated line per response to a log, which is how the
benchmark counts bytes transferred: a response served by the browser's cache
or by a service worker never reaches the server and so counts as 0.
"""

from __future__ import annotations

import email.utils
import mimetypes
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .common import free_port, wait_for

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_MODULES = Path("/usr/lib/nginx/modules")
BROTLI_STATIC = NGINX_MODULES / "ngx_http_brotli_static_module.so"

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

#: Paths (relative to the site root) whose content never changes under the same URL: a version or a
#: content hash is part of the path. Everything else (HTML, sw.js, the worker, un-versioned runtime
#: files) is revalidated on every use (``no-cache`` + ETag/Last-Modified -> 304).
VERSIONED = (
    r"^pyodide/v?\d+\.\d+\.\d+[^/]*/",  # pyodide/314.0.7/... (proposed layout)
    r"^pyodide/wheels/[0-9a-f]{8,}/",  # pyodide/wheels/<sha256>/calculators-0.1.0-py3-none-any.whl (proposed)
    r"^pyodide/snapshots/[0-9a-f]{8,}/",  # the engine's memory snapshot and its stdlib, named by their hash
    r"\.[0-9a-f]{8,}\.(min\.)?(js|css|mjs)$",  # mkdocs-material's hashed bundles
)

#: Types the browser must see: application/wasm for streaming compilation (and so for the code cache),
#: a JavaScript type for module scripts and module workers (.mjs).
TYPES = {
    "html": "text/html", "css": "text/css", "js": "text/javascript", "mjs": "text/javascript",
    "json": "application/json", "map": "application/json", "webmanifest": "application/manifest+json",
    "wasm": "application/wasm", "bin": "application/octet-stream", "zip": "application/zip", "whl": "application/zip",
    "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
    "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon", "woff2": "font/woff2",
    "woff": "font/woff", "xml": "application/xml", "txt": "text/plain", "csv": "text/csv",
    "gz": "application/gzip", "br": "application/octet-stream",
}

LOG_FIELDS = ("msec", "method", "uri", "status", "bytes_sent", "body_bytes", "encoding", "accept_encoding")


@dataclass(frozen=True)
class Hit:
    """One response as the server sent it."""

    msec: float
    method: str
    uri: str
    status: int
    bytes_sent: int  # headers + body, what went over the wire
    body_bytes: int
    encoding: str
    accept_encoding: str


def cache_control(rel_path: str) -> str:
    """The Cache-Control header for a path relative to the site root (no leading slash)."""
    return IMMUTABLE if any(re.search(p, rel_path) for p in VERSIONED) else REVALIDATE


class Server:
    """Common part: a base URL path, a log file, marks in the log."""

    kind = "?"

    def __init__(self, site: Path, extra: dict[str, Path], base: str = "/portal/") -> None:
        if not (base.startswith("/") and base.endswith("/")):
            raise ValueError("base must start and end with /")
        self.site = site.resolve()
        self.extra = {k.strip("/"): v.resolve() for k, v in extra.items()}  # sub-folder -> directory
        self.base = base
        self.port = free_port()
        self.tmp = Path(tempfile.mkdtemp(prefix="bench-server-"))
        self.log_path = self.tmp / "access.log"
        self.log_path.touch()
        self.brotli = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.base}"

    def mark(self) -> int:
        return self.log_path.stat().st_size

    def hits(self, since: int = 0) -> list[Hit]:
        with self.log_path.open("rb") as f:
            f.seek(since)
            data = f.read().decode("utf-8", "replace")
        hits = []
        for line in data.splitlines():
            parts = line.split("\t")
            if len(parts) != len(LOG_FIELDS):
                continue
            msec, method, uri, status, sent, body, enc, acc = parts
            hits.append(Hit(float(msec), method, uri, int(status), int(sent), int(body),
                            "" if enc == "-" else enc, acc))
        return hits

    def wait_quiet(self, quiet: float = 1.5, timeout: float = 30.0) -> None:
        """Wait until the server has sent nothing for ``quiet`` seconds (service worker pre-caching...)."""
        deadline = time.monotonic() + timeout
        size, since = self.mark(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.mark()
            if now != size:
                size, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> Server:
        raise NotImplementedError

    def stop(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


class NginxServer(Server):
    """Debian's nginx in the foreground with a temp prefix, on a free loopback port."""

    kind = "nginx"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.process: subprocess.Popen[bytes] | None = None

    def config(self) -> str:
        self.brotli = BROTLI_STATIC.exists()
        base = self.base
        types = "\n".join(f"        {t} {ext};" for ext, t in TYPES.items())
        versioned = "\n".join(
            f'        "~{"^" + re.escape(base) + p[1:] if p.startswith("^") else p}" "{IMMUTABLE}";' for p in VERSIONED)
        extras = "\n".join(
            f"        location {base}{name}/ {{ alias {path}/; }}" for name, path in self.extra.items())
        t = self.tmp
        return f"""\
{"load_module " + str(BROTLI_STATIC) + ";" if self.brotli else "# brotli_static module not installed"}
{"user root;  # workers read the temp folders and the work tree as the benchmark does" if os.geteuid() == 0 else ""}
daemon off;
master_process on;
worker_processes 1;
pid {t}/nginx.pid;
error_log {t}/error.log warn;
events {{ worker_connections 512; }}
http {{
    types {{
{types}
    }}
    default_type application/octet-stream;
    log_format bench '$msec\\t$request_method\\t$request_uri\\t$status\\t$bytes_sent\\t$body_bytes_sent\\t'
                     '$sent_http_content_encoding\\t$http_accept_encoding';
    access_log {self.log_path} bench;
    client_body_temp_path {t}/body;
    proxy_temp_path {t}/proxy;
    fastcgi_temp_path {t}/fastcgi;
    uwsgi_temp_path {t}/uwsgi;
    scgi_temp_path {t}/scgi;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    etag on;
    gzip_static on;
    gzip_vary on;
    {"brotli_static on;" if self.brotli else ""}
    map $uri $bench_cache_control {{
        default "{REVALIDATE}";
{versioned}
    }}
    server {{
        listen 127.0.0.1:{self.port};
        server_name localhost;
        add_header Cache-Control $bench_cache_control always;
        location = / {{ return 302 {base}; }}
{extras}
        location {base} {{
            alias {self.site}/;
            index index.html;
        }}
    }}
}}
"""

    def start(self) -> NginxServer:
        conf = self.tmp / "nginx.conf"
        conf.write_text(self.config())
        check = subprocess.run([NGINX, "-t", "-q", "-p", str(self.tmp), "-c", str(conf)],
                               capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx config rejected: {check.stderr}")
        self.process = subprocess.Popen([NGINX, "-p", str(self.tmp), "-c", str(conf)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(self.url)
        except BaseException:
            self.stop()  # never leave an nginx behind
            raise
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: nginx's fast shutdown
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        super().stop()


class PythonServer(Server):
    """The fallback without nginx: the same headers, precompressed copies, 304s and log."""

    kind = "python"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.httpd: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None
        self.lock = threading.Lock()
        self.brotli = True

    def resolve(self, path: str) -> tuple[Path, str] | None:
        """The file for a URL path and its path relative to the site root, or None."""
        if not path.startswith(self.base):
            return None
        rel = path[len(self.base):]
        root = self.site
        for name, directory in self.extra.items():
            if rel.startswith(name + "/"):
                root, rel = directory, rel[len(name) + 1:]
        target = (root / rel).resolve()
        if root != target and root not in target.parents:
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return None
            target = target / "index.html"
        return (target, path[len(self.base):]) if target.is_file() else None

    def log(self, line: str) -> None:
        with self.lock, self.log_path.open("a") as f:
            f.write(line + "\n")

    def start(self) -> PythonServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_HEAD(self) -> None:
                self.do_GET(body=False)

            def do_GET(self, body: bool = True) -> None:
                path = unquote(urlsplit(self.path).path)
                accept = self.headers.get("Accept-Encoding", "")
                if path == "/":
                    self.reply(302, {"Location": server.base}, b"", accept)
                    return
                found = server.resolve(path)
                if found is None:
                    self.reply(404, {"Content-Type": "text/plain"}, b"not found\n" if body else b"", accept)
                    return
                target, rel = found
                stat = target.stat()
                etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
                headers = {
                    "Cache-Control": cache_control(rel),
                    "ETag": etag,
                    "Last-Modified": email.utils.formatdate(stat.st_mtime, usegmt=True),
                    "Content-Type": TYPES.get(target.suffix.lstrip("."), mimetypes.guess_type(target.name)[0]
                                              or "application/octet-stream"),
                    "Vary": "Accept-Encoding",
                }
                if self.headers.get("If-None-Match") == etag:
                    self.reply(304, headers, b"", accept)
                    return
                served = target
                for token, suffix in (("br", ".br"), ("gzip", ".gz")):
                    copy = target.with_name(target.name + suffix)
                    if token in accept and copy.is_file():
                        headers["Content-Encoding"] = token
                        served = copy
                        break
                data = served.read_bytes()
                headers["Content-Length"] = str(len(data))
                self.reply(200, headers, data if body else b"", accept, length=len(data))

            def reply(self, status: int, headers: dict[str, str], data: bytes, accept: str,
                      length: int | None = None) -> None:
                self.send_response(status)
                head = len(f"HTTP/1.1 {status} {self.responses.get(status, ('',))[0]}\r\n")
                if "Content-Length" not in headers:
                    headers["Content-Length"] = str(len(data) if length is None else length)
                for key, value in headers.items():
                    self.send_header(key, value)
                    head += len(key) + len(value) + 4
                self.end_headers()
                self.wfile.write(data)
                server.log("\t".join((f"{time.time():.3f}", self.command, self.path, str(status),
                                      str(head + 2 + len(data)), str(len(data)),
                                      headers.get("Content-Encoding", "-"), accept or "-")))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        try:
            wait_for(self.url)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.httpd:
            self.httpd.shutdown()
            self.httpd.server_close()
        super().stop()


def make_server(site: Path, extra: dict[str, Path], base: str, kind: str = "auto") -> Server:
    """nginx when it is installed (or asked for), else the Python server."""
    use_nginx = kind == "nginx" or (kind == "auto" and os.access(NGINX, os.X_OK))
    cls: type[Server] = NginxServer if use_nginx else PythonServer
    return cls(site, extra, base)
