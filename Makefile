# The README's two commands: `make demo` and `make test`. Everything they need, they install.
SHELL := /bin/bash
PYTHON ?= python3.11
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: demo connect test lint format bench install browser clean

## make demo: set everything up and run the portal with its demo back offices and test logins.
demo: install
	DJANGO_SETTINGS_MODULE=mijnomgeving.settings.dev $(PY) -m demo.stack

## make connect CONFIG=my.yaml: the portal against your own Open Zaak, Open Klant and Open
## Notificaties, all in that one YAML file; no demo back office, no demo configuration
## (docs/connect.md; demo/config/production.example.yaml is the template).
ifneq ($(filter connect,$(MAKECMDGOALS)),)
ifeq ($(CONFIG),)
$(error Gebruik: make connect CONFIG=uw.yaml (zie docs/connect.md))
endif
endif
connect: install
	DJANGO_SETTINGS_MODULE=mijnomgeving.settings.dev $(PY) -m demo.stack --connect "$(CONFIG)"

## make test: set up and run ruff, mypy (strict on clients and services), vulture (no dead
## code; vulture_whitelist.py says what it cannot see used) and the whole test suite,
## browser tests included.
test: install browser
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/vulture
	$(VENV)/bin/pytest

## make bench: MijnZaken's speed beside a sequential baseline; prints a table, writes
## bench/results.json. SHAPE=production: PostgreSQL, Redis, nginx, 2 gunicorns, 2 workers.
## BENCH_ARGS="--quick" for a short run (python -m bench --help lists every option).
bench: install
	$(PY) -m bench --shape $(or $(SHAPE),embedded) $(BENCH_ARGS)

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/vulture

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

install: $(VENV)/.synced node_modules/.installed static_root/.collected

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static_root/.collected: $(VENV)/.synced node_modules/.installed $(shell find static -type f 2>/dev/null) mijnomgeving/settings/base.py mijnomgeving/staticfinders.py
	DJANGO_SETTINGS_MODULE=mijnomgeving.settings.dev $(PY) manage.py collectstatic --noinput --verbosity 0
	touch $@

## Chromium for the browser tests (Debian's package; Playwright's own download cannot work here).
browser:
	@scripts/ensure-chromium.sh

clean:
	rm -rf $(VENV) .tools node_modules static_root var
