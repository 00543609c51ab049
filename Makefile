# Two commands on a fresh machine: `make run` serves the dashboard, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
PORT ?= 8501

.PHONY: run test bench loadtest eval index browser clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# Debian's Chromium for the browser tests (installed when missing and we may use apt-get).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium not found and cannot be installed here: browser tests will be skipped"; fi; }

index: $(STAMP)
	$(PY) -m corpuslens build

# dashboard.serve is `streamlit run app.py` with the dashboard's imports started beside the server's own.
run: index
	$(PY) -m dashboard.serve --server.port $(PORT)

test: $(STAMP) browser
	$(PY) -m pytest

bench: $(STAMP) browser
	$(PY) -m bench.run

# Ingestion and themes measured on the labelled development set (eval/devset, eval/themes). The saved
# HTML pages are read from $CORPUSLENS_DEVSET_HTML or ../shared/devset (see eval/devset/SOURCES_html.md).
eval: $(STAMP)
	$(PY) eval/measure.py

loadtest: $(STAMP) browser
	$(PY) -m bench.loadtest

clean:
	rm -rf data/index .pytest_cache test-artifacts
