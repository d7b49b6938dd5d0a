# Every target sets up what it needs: on a fresh clone `make run` and `make test`
# are the only two commands a newcomer types.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format setup clean eval bench bench-llm soak web web-test e2e perf

# The web app (web/): built to web/out, which the API process serves at /.
WEB_DEPS := web/node_modules/.installed
WEB_SRC := $(shell find web/src -type f 2>/dev/null) web/package-lock.json \
	web/next.config.ts web/postcss.config.mjs web/tsconfig.json
API_SRC := $(shell find src/notetaker/api src/notetaker/schemas -name '*.py' 2>/dev/null)
# Browsers come from Debian's chromium package, never from npm.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export NEXT_TELEMETRY_DISABLED := 1

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP) web
	$(BIN)/notetaker serve

test: $(STAMP) lint
	$(BIN)/pytest -q
	$(MAKE) web-test e2e

$(WEB_DEPS): web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

# The typed API client comes from the OpenAPI schema, regenerated when the API changes.
web/src/lib/api/schema.ts: $(API_SRC) $(STAMP) $(WEB_DEPS)
	$(BIN)/notetaker openapi > web/openapi.json
	cd web && npm run --silent api:types

web/out/index.html: $(WEB_SRC) web/src/lib/api/schema.ts $(WEB_DEPS)
	cd web && npm run build
	cd web && node scripts/bundle-report.mjs

web: web/out/index.html

web-test: $(WEB_DEPS) web/src/lib/api/schema.ts
	cd web && npm run lint
	cd web && npm test

# End-to-end in Debian's Chromium against a throwaway server and database;
# screenshots go to artifacts/screenshots/.
e2e: web
	scripts/install-chromium.sh
	cd web && npm run e2e

# First-load JS per route, time to interactive, scrolling 10,000 messages.
perf: web
	scripts/install-chromium.sh
	cd web && node scripts/bundle-report.mjs && npm run perf

# The built-in engine on the third-party corpora, beside off-the-shelf date parsers.
eval: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,eval]'
	$(BIN)/notetaker eval

# Load tests on loopback, about two minutes; the report goes to docs/bench/.
# `make bench ARGS=--postgres` for PostgreSQL (needs the service on 127.0.0.1:5432).
bench: $(VENV)/.bench
	$(BIN)/python -m bench.run $(ARGS)

# The mix for five minutes of warm-up and ten measured; prints the server's memory
# before the load, after the warm-up and at the end.
soak: $(VENV)/.bench
	$(BIN)/python -m bench.run --soak $(ARGS)

# The LLM engines' overhead over a stand-in provider with a fixed 2 s latency, and
# GET /api/tasks while 50 messages wait on it; about 30 s, loopback only.
bench-llm: $(STAMP)
	$(BIN)/python -m bench.llm.run

$(VENV)/.bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $@

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
