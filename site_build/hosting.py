"""What every web server must send with the site, in one table, and the configurations written from it.

The site is plain static files; what a server adds is the same everywhere: the types browsers insist
on (``.wasm``, ``.mjs``), the build's ``.br``/``.gz`` copies with ``Content-Encoding`` and ``Vary``,
``Cache-Control`` by path (versioned paths for good, everything else revalidated), and the security
headers. The tables below say it once; ``python -m site_build.hosting`` writes the Apache ``.htaccess``
(``docs/root/.htaccess``, so it lands in ``site/``), the Caddyfile and the lighttpd configuration with
its Lua script into ``deploy/``. ``deploy/nginx.conf`` is written by hand (nginx's ``map`` and
``*_static`` modules say it best); tests/build/test_hosting.py checks that the files on disk are what
this module writes and that nginx.conf sends the same headers (its CSP map included). Each configuration
is run against the real Debian server in tests/e2e/test_hosting_servers.py.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .compress import CANDIDATES, ENCODINGS
from .csp import header_policy
from .settings import ROOT

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

#: URL paths whose content never changes (searched anywhere in the path, so any sub-path works):
#: the runtime under its version, the wheel and its lock file under the wheel's hash, the memory snapshot and
#: its stdlib zip under the hash of both, mkdocs-material's hashed bundles.
VERSIONED_PATHS: tuple[str, ...] = (
    r"/pyodide/[0-9]+\.[0-9]+\.[0-9]+[^/]*/",
    r"/pyodide/wheels/[0-9a-f]{16,}/",
    r"/pyodide/snapshots/[0-9a-f]{16,}/",
    r"\.[0-9a-f]{8,}\.min\.(js|css)$",
)
VERSIONED = "|".join(VERSIONED_PATHS)

#: Sent with every answer, pages and files, errors included.
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
)

CSP = "Content-Security-Policy"
# >>> CSP: the Content-Security-Policy header goes HERE, once, by path: (regex searched in the URL path,
#     policy), the first match wins, the last entry's regex is "" (every other path). For example
#         from .csp import header_policy
#         CSP_BY_PATH = ((r"/calculators/[^/]+/(index\.html)?$|/assets/calc/worker\.mjs$", header_policy(True)),
#                        ("", header_policy(False)))
#     then run `python -m site_build.hosting`: the .htaccess, the Caddyfile and the lighttpd configuration
#     send it; tests/build/test_hosting.py checks that deploy/nginx.conf's `map $uri $portal_csp` says the
#     same, and tests/e2e/test_hosting_servers.py that every server sends it. Empty: no CSP header.
CSP_BY_PATH: tuple[tuple[str, str], ...] = (
    (r"/calculators/[^/]+/(index\.html)?$|/assets/calc/worker\.mjs$", header_policy(True)),
    ("", header_policy(False)),
)


def csp_for(path: str) -> str | None:
    """The CSP header for a URL path (any prefix), or None."""
    return next((policy for regex, policy in CSP_BY_PATH if re.search(regex, path)), None)


def _csp_rules() -> tuple[str | None, list[tuple[str, str]]]:
    """(the default policy, the path-specific (regex, policy) in order of priority)."""
    default = next((policy for regex, policy in CSP_BY_PATH if regex == ""), None)
    specific: list[tuple[str, str]] = []
    for regex, policy in CSP_BY_PATH:
        if regex == "":
            break  # entries after the catch-all can never match
        specific.append((regex, policy))
    return default, specific


def _with_copies(regex: str) -> str:
    """``regex`` also matching the .br/.gz name Apache rewrote the request to (each alternative's ``$``)."""
    suffixes = "|".join(re.escape(suffix) for _, suffix in ENCODINGS)
    return re.sub(r"(?<!\\)\$(?=\||$)", lambda _: f"({suffixes})?$", regex)


#: The type of every kind of file the site holds (tests/build/test_hosting.py checks the built site
#: has no other): servers that do not read /etc/mime.types (lighttpd) get the whole table.
TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",  # module scripts and module workers need a JavaScript type
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",  # streaming compilation of Pyodide needs exactly this type
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".bin": "application/octet-stream",  # the engine's memory snapshot (site_build/snapshot.py)
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".xml": "application/xml",
    ".htm": "text/html; charset=utf-8",
}
#: The types a system's mime.types may lack (.mjs, .wasm in older ones; .whl, .webmanifest in most), set
#: explicitly by the servers that read it.
ADDED_TYPES = (".mjs", ".wasm", ".whl", ".webmanifest")

#: Files that may have .br/.gz copies beside them (site_build/compress.py writes them).
COMPRESSIBLE = tuple(sorted(CANDIDATES))

GENERATED = "generated by `python -m site_build.hosting` from site_build/hosting.py: edit that, not this"


def _exts(exts: tuple[str, ...] | list[str]) -> str:
    return "|".join(ext.lstrip(".") for ext in exts)


# -- Apache 2.4: an .htaccess in the site's folder -------------------------------------------------------

def htaccess() -> str:
    """The site's ``.htaccess``: needs ``AllowOverride FileInfo`` and mod_rewrite, mod_headers, mod_mime."""
    lines = [
        f"# Apache 2.4: {GENERATED}.",
        "# Needs mod_mime, mod_rewrite and mod_headers (Debian: `a2enmod rewrite headers`), and for this folder",
        "# `AllowOverride FileInfo` with `Options FollowSymLinks` (deploy/apache.conf shows it). Works under any",
        "# sub-path: nothing below names the path the site is served from.",
        "",
        "# Types browsers insist on, whatever the host's mime.types says (old ones lack .mjs and .wasm).",
        "<IfModule mod_mime.c>",
    ]
    lines += [f'    AddType "{TYPES[ext]}" {ext}' for ext in (*ADDED_TYPES, ".js")]
    lines += [f"    AddEncoding {token} {suffix}" for token, suffix in ENCODINGS]
    lines += ["</IfModule>", "",
              "# The build's copies: name.br / name.gz beside name, sent when the browser accepts them, with the",
              "# original's type (mod_mime would give a .gz application/gzip) and Content-Encoding from AddEncoding.",
              "<IfModule mod_rewrite.c>", "    RewriteEngine On"]
    for token, suffix in ENCODINGS:
        lines += [f"    RewriteCond %{{HTTP:Accept-Encoding}} \\b{token}\\b",
                  f"    RewriteCond %{{REQUEST_FILENAME}}{suffix} -f",
                  f"    RewriteRule ^ %{{REQUEST_URI}}{suffix} [L,E=no-gzip:1,E=no-brotli:1]"]
    lines.append("</IfModule>")
    by_type: dict[str, list[str]] = {}
    for ext in COMPRESSIBLE:
        by_type.setdefault(TYPES[ext], []).append(ext)
    suffixes = _exts([suffix for _, suffix in ENCODINGS])
    for mime, exts in by_type.items():
        lines += [f'<FilesMatch "\\.({_exts(exts)})\\.({suffixes})$">', f'    ForceType "{mime}"', "</FilesMatch>"]
    lines += [
        "",
        "<IfModule mod_headers.c>",
        f'    <FilesMatch "\\.({_exts(COMPRESSIBLE)})(\\.({suffixes}))?$">',
        "        Header always merge Vary Accept-Encoding",
        "    </FilesMatch>",
        "    # Revalidate by default (304 thanks to ETag); versioned paths for good.",
        f'    Header always set Cache-Control "{REVALIDATE}"',
        f'    Header always set Cache-Control "{IMMUTABLE}" "expr=%{{REQUEST_URI}} =~ m#{_with_copies(VERSIONED)}#"',
        "    # Security headers (site_build/hosting.py SECURITY_HEADERS).",
    ]
    lines += [f'    Header always set {name} "{_apache_quote(value)}"' for name, value in SECURITY_HEADERS]
    default, specific = _csp_rules()
    if default is not None or specific:
        lines.append("    # Content-Security-Policy by path (CSP_BY_PATH): the last `set` that applies wins.")
    if default is not None:
        lines.append(f'    Header always set {CSP} "{_apache_quote(default)}"')
    for regex, policy in reversed(specific):
        lines.append(f'    Header always set {CSP} "{_apache_quote(policy)}" '
                     f'"expr=%{{REQUEST_URI}} =~ m#{_with_copies(regex)}#"')
    lines += ["</IfModule>", ""]
    return "\n".join(lines)


def _apache_quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


# -- Caddy 2 ------------------------------------------------------------------------------------------------

def caddyfile() -> str:
    headers = "\n".join(f'\t\t\t{name} "{_caddy_quote(value)}"' for name, value in SECURITY_HEADERS)
    default, specific = _csp_rules()
    csp = []
    for i, (regex, policy) in enumerate([*specific, *([("", default)] if default is not None else [])]):
        earlier = [r for r, _ in specific[:i]]
        conditions = ([f"path_regexp csp{i} {regex}"] if regex else []) + [
            f"not path_regexp csp{i}_{j} {r}" for j, r in enumerate(earlier)]
        if not conditions:
            csp.append(f'\t\theader {CSP} "{_caddy_quote(policy)}"')
            continue
        body = "\n".join(f"\t\t\t{c}" for c in conditions)
        csp.append(f"\t\t@csp{i} {{\n{body}\n\t\t}}\n\t\theader @csp{i} {CSP} \"{_caddy_quote(policy)}\"")
    csp_block = ("\t\t# Content-Security-Policy by path (CSP_BY_PATH), first match wins.\n" + "\n".join(csp) + "\n"
                 if csp else "")
    types = "\n".join(f'\t\t@type{ext.replace(".", "_")} path *{ext}\n\t\theader @type{ext.replace(".", "_")} '
                      f'Content-Type "{TYPES[ext]}"' for ext in ADDED_TYPES)
    return f"""\
# Caddy 2 (Debian's `caddy`): {GENERATED}.
# Serves the built site (site/) under a sub-path, here /portal/, with the build's .br/.gz copies
# (file_server precompressed), the cache headers and the security headers.
#
# Three lines are marked ADAPT: the address (in production your domain name, and Caddy gets the HTTPS
# certificate itself: drop `auto_https off`), and the built site/ folder, absolute (twice). For another
# sub-path, change /portal in `redir` and `handle_path`.
#
# Try it without root (HOME: where Caddy may keep its state):
#   HOME=/tmp/portal-caddy caddy run --config deploy/Caddyfile --adapter caddyfile
#   open http://127.0.0.1:8080/portal/
{{
	admin off
	auto_https off
}}

http://127.0.0.1:8080 {{ # ADAPT: address and port
	redir /portal /portal/ 308
	handle_path /portal/* {{
		root * /srv/portal/site # ADAPT: the built site/ folder, absolute
		@versioned path_regexp versioned {VERSIONED}
		@mutable not path_regexp mutable {VERSIONED}
		header @versioned Cache-Control "{IMMUTABLE}"
		header @mutable Cache-Control "{REVALIDATE}"
		header {{
{headers}
		}}
{csp_block}		# Types the system's mime.types may lack (Caddy would guess text/plain for a wheel).
{types}
		file_server {{
			precompressed {" ".join("br" if t == "br" else "gzip" for t, _ in ENCODINGS)}
		}}
	}}
	handle_errors {{
		root * /srv/portal/site # ADAPT: the built site/ folder, absolute
		rewrite * /404.html
		file_server
	}}
}}
"""


def _caddy_quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


# -- lighttpd 1.4 -------------------------------------------------------------------------------------------

def lighttpd_conf() -> str:
    types = "\n".join(f'    "{ext}" => "{mime}",' for ext, mime in sorted(TYPES.items()))

    def header_list(cache: str, csp: str | None, indent: str) -> str:
        pairs = [("Cache-Control", cache), *SECURITY_HEADERS, *([(CSP, csp)] if csp is not None else [])]
        return ",\n".join(f'{indent}"{name}" => "{_lighttpd_quote(value)}"' for name, value in pairs)

    def headers(csp: str | None, indent: str) -> str:
        """The headers of the paths a block matches, and a nested block for the versioned ones among them."""
        return (f"{indent}setenv.set-response-header = (\n{header_list(REVALIDATE, csp, indent + '    ')}\n{indent})\n"
                f'{indent}$HTTP["url"] =~ "{_lighttpd_quote(VERSIONED)}" {{\n'
                f"{indent}    setenv.set-response-header = (\n{header_list(IMMUTABLE, csp, indent + '        ')}\n"
                f"{indent}    )\n{indent}}}")

    default, specific = _csp_rules()
    # lighttpd applies every matching block in order, the later ones over the earlier: so the most
    # specific CSP rule comes last.
    blocks = [headers(default, "    ")]
    for regex, policy in reversed(specific):
        blocks.append(f'    $HTTP["url"] =~ "{_lighttpd_quote(regex)}" {{\n{headers(policy, "        ")}\n    }}')
    header_blocks = "\n".join(blocks)

    return f"""\
# lighttpd 1.4 (Debian's `lighttpd` and `lighttpd-modules-lua`): {GENERATED}.
# Serves the built site (site/) under a sub-path, here /portal/. lighttpd has no switch to send
# precompressed files (mod_deflate compresses on the fly, into a cache): the Lua script beside this
# file (lighttpd-precompressed.lua, through mod_magnet) sends the build's .br/.gz copies instead.
#
# Three lines are marked ADAPT: the port, the built site/ folder (absolute, ending in /) and the
# Lua script's absolute path. For another sub-path, change /portal in `url.redirect`, the
# `$HTTP["url"]` condition, `alias.url` and `server.error-handler`.
#
# Try it without root, all run-time files in the current folder:
#   lighttpd -D -f deploy/lighttpd.conf
#   open http://127.0.0.1:8080/portal/
# In production, put the `$HTTP["url"]` block in your configuration (/etc/lighttpd/conf-enabled/) and
# enable the modules listed below.

server.modules += ("mod_alias", "mod_redirect", "mod_setenv", "mod_magnet")
server.bind = "127.0.0.1"
server.port = 8080 # ADAPT: port
server.document-root = "/var/empty"
server.errorlog = "lighttpd-error.log"
server.pid-file = "lighttpd.pid"
server.tag = ""
index-file.names = ("index.html")
mimetype.assign = (
{types}
)

url.redirect = ("^/portal$" => "/portal/")
$HTTP["url"] =^ "/portal/" {{
    alias.url = ("/portal/" => "/srv/portal/site/") # ADAPT: the built site/ folder, absolute, ending in /
    magnet.attract-physical-path-to = ("/srv/portal/lighttpd-precompressed.lua") # ADAPT: the Lua script
    server.error-handler = "/portal/404.html"  # the site's 404 page, status kept
{header_blocks}
}}
"""


def _lighttpd_quote(value: str) -> str:
    """lighttpd's strings: a backslash is kept as it is (regexes need them), only a quote is escaped."""
    return value.replace('"', '\\"')


def lighttpd_lua() -> str:
    types = "\n".join(f'  ["{ext.lstrip(".")}"] = "{TYPES[ext]}",' for ext in COMPRESSIBLE)
    encodings = ", ".join(f'{{ "{token}", "{suffix}" }}' for token, suffix in ENCODINGS)
    return f"""\
-- lighttpd (mod_magnet): send the build's precompressed copies. {GENERATED}.
-- For a file that has name.br / name.gz beside it: the copy the browser accepts, with the original's
-- Content-Type, Content-Encoding and Vary: Accept-Encoding (also on the uncompressed answer).
local r = lighty.r
local path = r.req_attr["physical.path"]
if not path then return 0 end
if path:sub(-1) == "/" then path = path .. "index.html" end -- the index file is chosen after this script
local types = {{
{types}
}}
local ext = path:match("%.([^./]+)$")
local mime = ext and types[ext]
if not mime then return 0 end

local accepted = {{}}
for item in (r.req_header["Accept-Encoding"] or ""):gmatch("[^,]+") do
  local token, params = item:match("^%s*([^;%s]+)%s*(.*)$")
  local q = params and params:match("q%s*=%s*([0-9.]+)")
  if token and not (q and tonumber(q) == 0) then accepted[token:lower()] = true end
end

for _, encoding in ipairs({{ {encodings} }}) do
  local copy = path .. encoding[2]
  local found = lighty.c.stat(copy)
  if found and found.is_file then
    r.resp_header["Vary"] = "Accept-Encoding"
    if accepted[encoding[1]] then
      r.req_attr["physical.path"] = copy
      r.resp_header["Content-Type"] = mime
      r.resp_header["Content-Encoding"] = encoding[1]
      return 0
    end
  end
end
return 0
"""


#: Each generated file and what writes it.
FILES = {
    "docs/root/.htaccess": htaccess,
    "deploy/Caddyfile": caddyfile,
    "deploy/lighttpd.conf": lighttpd_conf,
    "deploy/lighttpd-precompressed.lua": lighttpd_lua,
}


def stale(root: Path = ROOT) -> list[str]:
    """The generated files that differ from what this module writes."""
    return [name for name, render in FILES.items()
            if not (root / name).is_file() or (root / name).read_text(encoding="utf-8") != render()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_build.hosting", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say which files are out of date")
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = stale()
        for name in out_of_date:
            print(f"out of date: {name}")
        return 1 if out_of_date else 0
    for name, render in FILES.items():
        (ROOT / name).write_text(render(), encoding="utf-8")
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
