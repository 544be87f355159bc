# One entry point for people and CI. `make serve` and `make test` work from a fresh clone.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: help install migrate seed serve lint test pytest sdl lock clean

help:
	@echo "make serve  - set up, migrate, load the seed corpus, serve on http://127.0.0.1:8000"
	@echo "make test   - set up and run lint, type check and the whole test suite"
	@echo "make lint   - ruff, mypy and the committed GraphQL SDL check"
	@echo "make sdl    - rewrite schema/schema.graphql after a schema change"

# The virtual environment is rebuilt when the dependencies change.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/frontline db upgrade

seed: migrate
	$(BIN)/frontline seed --if-empty

serve: seed
	$(BIN)/frontline serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/frontline schema --check

pytest: install
	$(BIN)/pytest

test: lint pytest

sdl: install
	$(BIN)/frontline schema --write

# Re-pin every transitive dependency after changing pyproject.toml.
lock: install
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e ' > requirements.lock

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache *.egg-info
