# Two entry points: `make demo` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/msa-tui --demo

# The static checks first (seconds, and they fail fast), then the suite.
# 4 workers on 2 cores: Pilot tests mostly wait on the UI, so this halves the wall time (3.7 vs 6.8 min).
test: $(STAMP)
	$(BIN)/ruff check msa_tui tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 4 -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

# Every figure of docs/benchmarks.md in one run (about 10 minutes; `python -m benchmarks --quick` for a first look).
bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache
