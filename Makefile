# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The exact versions come from the lock files (hash-checked); the ranges stay in pyproject.toml.
# `make lock` compiles them again from pyproject.toml, against PyPI alone.
LOCK := env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null $(BIN)/pip-compile --quiet \
	--generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links \
	--index-url https://pypi.org/simple

.PHONY: run test lint typecheck unit bench lock docker-check clean validate

$(STAMP): pyproject.toml requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/munibot run

# the strict validator on the knowledge base (MUNIBOT_KNOWLEDGE, default knowledge/), in Bulgarian
validate: $(STAMP)
	$(BIN)/munibot validate --strict --lang bg

lint: $(STAMP)
	$(BIN)/ruff check bot tests benchmarks
	$(BIN)/ruff format --check bot tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy --strict bot

unit: $(STAMP)
	$(BIN)/python -m pytest -q -n auto

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/telegram_bench.py
	$(BIN)/python benchmarks/broadcast_bench.py
	$(BIN)/python benchmarks/webhook_bench.py
	$(BIN)/python benchmarks/stall_bench.py
	$(BIN)/python benchmarks/unanswered_bench.py
	$(BIN)/python benchmarks/load_bench.py

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet "pip-tools>=7.4"
	$(LOCK) --output-file requirements.lock pyproject.toml
	$(LOCK) --extra test --constraint requirements.lock --output-file requirements-dev.lock pyproject.toml

docker-check:
	../shared/tools/check-dockerfile

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
