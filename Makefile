# Two commands do all set-up on a fresh machine (see README):
#   make demo   build, migrate, load the demo district and serve it on http://127.0.0.1:8000
#   make test   build and run the whole suite (ruff, unit, API fuzz, browser journeys)

PYTHON ?= $(shell scripts/find-python)
BIND ?= 127.0.0.1:8000
VENV := .venv
TOOLS := var/tools
UV := $(TOOLS)/bin/uv
UV_VERSION := 0.13.8
# uv must use the Python found here, never download one.
export UV_PYTHON_DOWNLOADS := never

.PHONY: install demo serve test lint format

$(UV):
	@test -n "$(PYTHON)" || exit 2
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/yingji migrate --verbosity 1
	$(VENV)/bin/yingji demo --skip-if-loaded
	$(VENV)/bin/yingji serve --bind $(BIND)

serve: install
	$(VENV)/bin/yingji serve --bind $(BIND)

test: install
	scripts/install-test-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
