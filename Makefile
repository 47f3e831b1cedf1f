# The two commands of the README: `make serve` and `make test`. Everything else is their set-up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup venv chromium nginx node build serve test test-engine lint bench clean

setup: venv chromium nginx node

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
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

nginx:
	@missing=; for package in $(NGINX_PACKAGES); do \
	  dpkg -s $$package 2>/dev/null | grep -q '^Status: install ok installed' || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  echo "installing$$missing"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; fi

# Node runs the Pyodide runtime at build time to make the engine's start-up snapshot (site_build/snapshot.py);
# npm fetches the runtime.
node:
	@command -v node >/dev/null && command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  echo "installing nodejs npm"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }

build: venv node
	$(PY) build.py

serve: setup build
	@echo "Serving site/ on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory site

lint: venv
	$(VENV)/bin/ruff check .

test-engine: venv
	$(PY) -m pytest tests/calculators -q

test: setup build lint
	$(PY) -m pytest -q

bench: setup build
	$(PY) -m benchmarks

clean:
	rm -rf site build .cache dist
