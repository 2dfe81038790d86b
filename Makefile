# Two entry points: `make demo` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	# Wheels even where a newer sdist exists: nothing to build on a fresh CI machine.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --prefer-binary -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/msa-tui --demo

# The static checks first (seconds, and they fail fast), then the suite.
# 4 workers on 2 cores: some tests still wait (tmux, a browser, the server's threads). Work stealing: a
# worker left idle takes tests queued on another, so a few long ones at the end do not stretch the run.
test: $(STAMP)
	$(BIN)/ruff check msa_tui tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 4 --dist worksteal -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

# Every figure of docs/benchmarks.md in one run (about 10 minutes; `python -m benchmarks --quick` for a first look).
bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache
