# The two commands of the README: `make serve` and `make test`. Everything else is their set-up.
# `make serve` installs only what serving needs (the virtualenv; Node and npm, once: the build runs the Pyodide
# runtime in Node for the engine's snapshot and fetches it with `npm pack`);
# the browser and the web servers are for `make test` and `make bench` (tests/test_makefile.py checks it).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup venv node chromium nginx servers build serve test test-engine lint js node-modules bench bench-first-serve dist clean

setup: venv chromium nginx node

venv: $(VENV)/.installed

# What the build needs (the `site` group), then the test tools (the `dev` group adds `test`) and the project
# itself, editable. The build runs from the checkout and needs neither. `--no-compile`: pip's byte-compiling
# of every installed module was 8 of the 13 s of the site group's install on a first `make serve` (issue 22);
# Python compiles what the build imports when it first imports it.
$(VENV)/.site-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet --no-compile --group site
	touch $@

$(VENV)/.installed: $(VENV)/.site-installed
	$(PY) -m pip install --quiet --group dev
	$(PY) -m pip install --quiet --no-deps --editable .
	touch $@

# Debian's chromium for the browser tests (Playwright cannot download browsers here).
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# nginx serves the site under a sub-path in the end-to-end tests and the benchmark, with the build's
# .br copies through the brotli_static module (deploy/nginx.conf loads it).
NGINX_PACKAGES := nginx-light libnginx-mod-http-brotli-static
# The other servers deploy/ has a tested configuration for (tests/e2e/test_hosting_servers.py): Apache 2.4 (the site's
# .htaccess), Caddy, lighttpd with mod_magnet (its Lua module serves the .br/.gz copies). On a machine with
# systemd, Debian starts each package's own service on port 80 when it can; the tests never use them.
SERVER_PACKAGES := apache2 caddy lighttpd lighttpd-modules-lua

# $(call apt_install_missing,PACKAGES): apt-get install those of PACKAGES that are missing, only when one is.
define apt_install_missing
	@missing=; for package in $(1); do \
	  dpkg -s $$package 2>/dev/null | grep -q '^Status: install ok installed' || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  echo "installing$$missing"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; fi
endef

nginx:
	$(call apt_install_missing,$(NGINX_PACKAGES))

servers: nginx
	$(call apt_install_missing,$(SERVER_PACKAGES))

# Node runs the Pyodide runtime at build time to make the engine's start-up snapshot (site_build/snapshot.py)
# and to pre-render each calculator's example; npm fetches the runtime (`npm pack`) and the linters.
node:
	@command -v node >/dev/null && command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  echo "installing nodejs npm"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }

build: $(VENV)/.site-installed node
	$(PY) build.py

# Python's http.server: nothing to install, but no compression and no cache headers (deploy/ for those). It never
# sends the .br/.gz copies, so this build skips writing them (brotli 11 over the wasm and the snapshot is most of a
# first build); `make build`, `make test`, `make bench` and `make dist` write them.
serve: $(VENV)/.site-installed node
	SITE_BUILD_NO_COMPRESS=1 $(PY) build.py
	@$(PY) -c 'from site_build.settings import LANGUAGES, DEFAULT_LANGUAGE as first; \
	  print("Serving site/ on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop); entry pages:"); \
	  [print(f"  {lang}: http://127.0.0.1:$(PORT)/" + ("" if lang == first else f"{lang}/")) for lang in LANGUAGES]'
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory site

lint: venv
	$(VENV)/bin/ruff check .

# The browser JavaScript: ESLint (eslint.config.js) and Node's own test runner on its pure modules (tests/js/),
# with the versions pinned in package-lock.json.
node-modules: node_modules/.installed

node_modules/.installed: package.json package-lock.json | node
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

js: node-modules
	npm run --silent lint
	npm test --silent

test-engine: venv
	$(PY) -m pytest tests/calculators -q

test: setup servers build lint js
	$(PY) -m pytest -q

bench: setup build
	$(PY) -m benchmarks
	$(PY) -m benchmarks.ledger
	$(PY) -m benchmarks.collections

# Opt-in and slow (1-2 minutes): the first `make serve` of a fresh clone, timed to its first page answered.
bench-first-serve: venv
	$(PY) -m benchmarks.first_serve

# The release bundle: dist/unpaid-invoices-site-<version>.zip (site/, HOSTING.md, deploy/ configs) and its .sha256.
dist: build
	$(PY) -m site_build.dist

clean:
	rm -rf site build .cache dist node_modules
