# Quick start: `make brief` builds the memos for source/ into out/; `make test` runs the tests.
# Both create the local virtual environment .venv on first use (quick when it exists).
#
# Another Python: `make test PYTHON=python3.12 VENV=.venv-3.12` (one venv per interpreter).
# `make test-all` runs the suite on every supported Python that pyenv (or PATH) has.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Supported interpreters, newest last; test-all skips the ones this machine lacks.
VERSIONS := 3.11 3.12 3.13

.PHONY: brief test test-fast test-all golden bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

brief: $(STAMP)
	$(BIN)/briefgen build

test: $(STAMP)
	$(BIN)/python -m pytest

# Without the slow tests (LibreOffice, CLI subprocesses): a signal in seconds.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

# `make test` once per supported Python found, each in its own .venv-3.x.
test-all:
	@set -e; found=0; for v in $(VERSIONS); do \
	  py=$$(ls -d $$HOME/.pyenv/versions/$$v.*/bin/python3 2>/dev/null | sort -V | tail -n 1); \
	  [ -n "$$py" ] || py=$$(command -v python$$v || true); \
	  if [ -z "$$py" ]; then echo "== Python $$v: not on this machine, skipped"; continue; fi; \
	  echo "== Python $$v ($$py)"; found=$$((found + 1)); \
	  $(MAKE) --no-print-directory test PYTHON=$$py VENV=.venv-$$v; \
	done; [ $$found -gt 0 ] || { echo "no supported Python found"; exit 1; }

# Rewrites tests/golden/ from the current code: review the diff before committing.
golden: $(STAMP)
	$(BIN)/python -m tests.golden_update

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf out build dist *.egg-info
