# Quick start: `make brief` builds the memos for source/ into out/; `make test` runs the tests.
# Both create the local virtual environment .venv on first use (quick when it exists).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: brief test golden bench reference-docx clean train logo

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

brief: $(STAMP)
	$(BIN)/briefgen build

test: $(STAMP)
	$(BIN)/python -m pytest

# Rewrites tests/golden/ from the current code: review the diff before committing.
golden: $(STAMP)
	$(BIN)/python -m tests.golden_update

# Rebuilds templates/*/reference.docx (the Word styles) after a change to a style.toml.
reference-docx: $(STAMP)
	$(BIN)/python tools/make_reference_docx.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Section ranker: retrain briefgen/extract/weights.toml from ../shared/eval/dev (review the diff),
# and score it leave-one-group-out (each outlet predicted by a model trained without it).
train: $(STAMP)
	$(BIN)/python -m tools.train

logo: $(STAMP)
	$(BIN)/python -m tools.logo

clean:
	rm -rf out build dist *.egg-info
