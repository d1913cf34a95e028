# The two commands a newcomer needs: `make run` and `make test`.
# Everything else here is a step they depend on.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test quick setup messages checkers bench soak backup restore clean

## Set up everything and serve the site with its content on http://127.0.0.1:8000
run: setup messages
	$(MANAGE) migrate --no-input
	$(MANAGE) ensure_admin
	$(MANAGE) load_site_content
	HOST=$(HOST) PORT=$(PORT) $(MANAGE) runserver $(HOST):$(PORT)

## Set up and run the whole test suite (browser and HTML checks need Chromium, Java and npm)
test: setup messages checkers
	$(BIN)/pytest $(PYTEST_ARGS)

## The quick loop before a commit: every test but the browser sweep and the throwaway sites (tests/README.md)
quick: setup messages
	$(BIN)/pytest --ignore=tests/browser -m "not throwaway_site" $(PYTEST_ARGS)

## Create the virtual environment and install the project with its test tools
setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

## Compile the interface translations (locale/ and locale_upstream/, in LOCALE_PATHS) that Django reads
messages: setup
	$(MANAGE) compilemessages --ignore=$(VENV) --ignore=node_modules --verbosity=0

## Install the checkers the browser tests use (axe-core, the Nu HTML Checker) from package-lock.json
checkers:
	@if command -v npm >/dev/null 2>&1; then \
		[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --ignore-scripts --no-audit --no-fund; \
	else \
		echo "npm is not installed: the browser and HTML checks will be skipped."; \
	fi

## Benchmark the site against nginx serving a plain file (on demand, ~10 min; needs wrk and nginx)
bench: setup
	$(BIN)/python bench/run.py $(BENCH_ARGS)

## Soak and fault drill: visitors and an editor for 10 minutes while Redis, the purge worker, a gunicorn
## worker and PostgreSQL fail in turn (on demand; needs nginx, redis-server and PostgreSQL on 127.0.0.1)
soak: setup
	$(BIN)/python bench/soak.py $(SOAK_ARGS)

## Write one archive of the database and the uploaded files to backups/ (or BACKUP_DIR); see backups/README.md
backup: setup
	$(MANAGE) backup_site

## Restore an archive into an empty database and media store, then migrate: make restore FILE=backups/….tar.gz
restore: setup
	$(if $(FILE),,$(error Name the archive: make restore FILE=backups/sciencecity-....tar.gz))
	$(MANAGE) restore_site "$(FILE)"

clean:
	rm -rf $(VENV) node_modules staticfiles *.egg-info
	find locale locale_upstream -name '*.mo' -delete
