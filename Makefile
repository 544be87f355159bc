# One entry point for people and CI. `make serve` and `make test` work from a fresh clone.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp

.PHONY: help install migrate seed serve lint lint-openapi test pytest evaluate sdl lock clean bench

help:
	@echo "make serve  - set up, migrate, load the seed corpus, serve on http://127.0.0.1:8000"
	@echo "make test   - set up and run lint, type check and the whole test suite"
	@echo "make lint   - ruff, mypy, the committed GraphQL SDL check, hadolint, shellcheck"
	@echo "make evaluate - the fact extractor's precision/recall table per split"
	@echo "make sdl    - rewrite schema/schema.graphql after a schema change"
	@echo "make bench  - benchmark against PostGraphile (SIZES, DURATION, CONCURRENCY)"

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

# The OpenAPI linter (Redocly) is an npm package; CI always has npm. On a machine without
# Node the step says it was skipped instead of failing the newcomer's `make test`.
$(NODE_STAMP): package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $(NODE_STAMP)

lint-openapi:
	@if command -v npm >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory $(NODE_STAMP) && npx --no-install redocly lint; \
	elif [ -n "$$CI" ]; then echo "npm is required in CI for the OpenAPI linter" >&2; exit 1; \
	else echo "SKIPPED OpenAPI lint: npm not found (install Node.js 20+ to run Redocly)"; fi

lint: install lint-openapi
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/frontline schema --check
	$(BIN)/hadolint Dockerfile
	$(BIN)/shellcheck docker/entrypoint.sh

pytest: install
	$(BIN)/pytest

# The extractor's measured precision/recall on the annotated corpora (printed, not gated here:
# tests/test_evaluate.py holds the dev-set target).
evaluate: install
	$(BIN)/frontline evaluate

test: lint pytest evaluate

sdl: install
	$(BIN)/frontline schema --write

# Re-pin every transitive dependency after changing pyproject.toml.
lock: install
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e ' > requirements.lock

# Not part of `make test`: it needs PostgreSQL, wrk and Node, and takes minutes (docs/benchmarks.md).
SIZES ?= 5 10000 100000
DURATION ?= 10s
CONCURRENCY ?= 1 8 32
BENCH_POSTGRES ?= postgresql://postgres@127.0.0.1:5432
PG_STAMP := bench/postgraphile/node_modules/.installed-stamp

$(PG_STAMP): bench/postgraphile/package.json bench/postgraphile/package-lock.json
	cd bench/postgraphile && npm ci --silent --no-audit --no-fund
	touch $(PG_STAMP)

bench: install $(PG_STAMP)
	@command -v wrk >/dev/null 2>&1 || apt-get install -y wrk
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[bench]'
	$(BIN)/python -m bench.run --sizes "$(SIZES)" --duration $(DURATION) \
		--concurrency "$(CONCURRENCY)" --postgres $(BENCH_POSTGRES)
	$(BIN)/python -m bench.report

clean:
	rm -rf $(VENV) var node_modules .mypy_cache .ruff_cache .pytest_cache *.egg-info
