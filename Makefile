# Two entry points for a fresh machine: `make report` and `make test`;
# `make bench` measures speed and memory (bench/RESULTS.md).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: report test bench clean

report: $(STAMP)
	$(BIN)/claimcheck check --rules rules --corpus seeds

test: $(STAMP)
	$(BIN)/python -m pytest

# quantulum3 and dateparser are measured beside claimcheck; only the benchmark needs them
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis *.egg-info .claimcheck-cache
