PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-stress test-properties bench bench-corpus lint setup clean qm translations eval-quotes

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(MAKE) --no-print-directory qm
	touch $(STAMP)

# Compiled translations (.qm, not in git) from the Qt Linguist sources in resources/i18n.
qm:
	for ts in resources/i18n/*.ts; do [ -e "$$ts" ] || continue; \
	  $(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

# Refresh the .ts sources from the tr() strings of the code (then translate, then make qm).
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -silent -locations relative ui/*.py -ts resources/i18n/hashiya_ar.ts

run: $(STAMP)
	$(PY) main.py $(ARGS)

# The default suite, under 90 s on the 2-core machine: on every core (a file per worker, so a
# module's fixtures are built once), property tests drawing a quarter of their examples.
# CI also runs the stress test and every property test in full.
# One file while working: .venv/bin/python -m pytest -q tests/test_x.py
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not stress" -n auto --dist loadfile

test-stress: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m stress

test-properties: $(STAMP)
	HASHIYA_THOROUGH=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "property and not stress" -n auto --dist loadfile

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_bench.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/dashboard_bench.py --sizes 20000
	QT_QPA_PLATFORM=offscreen $(PY) bench/document_list_bench.py

eval-quotes: $(STAMP)
	$(PY) bench/eval_quotes.py $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) .ci/mypy_ratchet.py

clean:
	rm -rf $(VENV)

# Corpus-scale figures (issue 8): SIZES=1k,10k,100k (100k takes minutes). See docs/bench.md.
SIZES ?= 1k,10k
bench-corpus: $(STAMP)
	$(PY) bench/corpus.py --sizes $(SIZES)
