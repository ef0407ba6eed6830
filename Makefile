# Set-up is part of every target: a fresh clone needs only `make check` or `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SOURCES := pyproject.toml $(shell find src reference -type f -not -name '*.pyc' 2>/dev/null)
DRAFT ?= fixtures/draft-example.txt

.PHONY: check test lint bench clean

$(STAMP): $(SOURCES)
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check ".[test,server,dask]"
	touch $@

# Main job: check the bundled draft against the bundled reference (exit 1 = mismatches found).
check: $(STAMP)
	$(VENV)/bin/claimcheck check $(DRAFT) || [ $$? -eq 1 ]

test: $(STAMP)
	$(PY) -m pytest

# Static checks (CI runs them before the tests): type check of the package, pyflakes-level lint.
lint: $(STAMP)
	$(VENV)/bin/mypy src/
	$(VENV)/bin/ruff check

bench: $(STAMP)
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_batch.py
	$(PY) benchmarks/bench_service.py

clean:
	rm -rf $(VENV) build src/*.egg-info
