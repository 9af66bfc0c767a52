# Quick start: `make brief` builds the memos for source/ into out/; `make test` runs the tests.
# Both create the local virtual environment .venv on first use (quick when it exists).
#
# Another Python: `make test PYTHON=python3.12 VENV=.venv-3.12` (one venv per interpreter).
# `make test-all` runs the suite on every supported Python that pyenv (or PATH) has.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: brief test test-fast test-all golden bench reference-docx clean train logo

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

# `make test` once per supported Python this machine has (.ci/pythons), each in its own .venv-3.x.
test-all:
	@list="$$(.ci/pythons)"; [ -n "$$list" ] || { echo "no supported Python found"; exit 1; }; \
	echo "$$list" | while read -r v py; do \
	  echo "== Python $$v ($$py)"; \
	  $(MAKE) --no-print-directory test PYTHON=$$py VENV=.venv-$$v </dev/null || exit 1; \
	done

# Rewrites tests/golden/ from the current code: review the diff before committing.
golden: $(STAMP)
	$(BIN)/python -m tests.golden_update

# Rebuilds templates/*/reference.docx (the Word styles) after a change to a style.toml.
reference-docx: $(STAMP)
	$(BIN)/python tools/make_reference_docx.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Section ranker: retrain briefgen/extract/weights.json from ../shared/eval/dev (review the diff),
# and score it leave-one-group-out (each outlet predicted by a model trained without it).
train: $(STAMP)
	$(BIN)/python -m tools.train

logo: $(STAMP)
	$(BIN)/python -m tools.logo

clean:
	rm -rf out build dist *.egg-info
