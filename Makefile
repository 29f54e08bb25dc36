# Two entry points for a fresh machine: `make report` and `make test`
# (which installs Debian's chromium for the HTML report's browser tests);
# `make bench` measures speed and memory (bench/RESULTS.md).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: report test bench browser clean

# the report on the terminal, and the same as a page: report.html
# (claimcheck.toml names the rules and seeds/)
report: $(STAMP)
	$(BIN)/claimcheck check --html report.html

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Debian's chromium and chromedriver, which the HTML report's tests drive
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		echo "installing Debian's chromium and chromium-driver for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

# quantulum3 and dateparser are measured beside claimcheck; only the benchmark needs them
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q checker  # as an installed package has it, however Python is told not to write it
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis *.egg-info .claimcheck-cache report.html
