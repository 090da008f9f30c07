# The two commands of the README: `make run` and `make test`. The rest are conveniences.
# Needs only Python 3.11+ on the machine; everything else goes into .venv.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Installed when pyproject.toml or the lock file changes, not on every command.
STAMP := $(VENV)/.installed-stamp
DEV := WUP_ENV=development
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install run test lint format check diagram worker beat bench lock clean

help:
	@echo "make run     start de demo op http://127.0.0.1:8000 (installeert, migreert, demodata)"
	@echo "make test    alle tests (PYTEST_ARGS=\"...\" voor extra argumenten)"
	@echo "make lint    ruff check en ruff format --check"
	@echo "make check   de controles van CI zonder tests"
	@echo "make diagram docs/workflow.md opnieuw genereren"
	@echo "make worker  Celery-worker (met CELERY_BROKER_URL); make beat: de planner"
	@echo "make bench   alle benchmarks, schrijft benchmarks/RESULTS.md (zie benchmarks/README.md)"
	@echo "make lock    constraints.txt opnieuw vastleggen na een wijziging in pyproject.toml"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 of nieuwer is nodig (gevonden: $(PYTHON))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt ".[dev]"
	@rm -rf build/bdist.* build/lib *.egg-info; rmdir build 2>/dev/null || true  # build leftovers
	@touch $@

install: $(STAMP)

run: install
	$(DEV) $(MANAGE) migrate --noinput
	$(DEV) $(MANAGE) demo_data
	@echo
	@echo "Open http://127.0.0.1:8000 en log in met een van de demo-accounts hierboven."
	@echo "Beheer (als beheerder): http://127.0.0.1:8000/admin/"
	@echo
	$(DEV) $(MANAGE) runserver 127.0.0.1:8000

# pytest exit code 5 means "no tests collected": reported, but not a failure.
test: install
	@WUP_ENV=test $(BIN)/pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: geen tests gevonden (exit 5); dit telt niet als fout."; exit 0; fi; \
	exit $$rc

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: lint
	WUP_ENV=test $(MANAGE) makemigrations --check --dry-run
	WUP_ENV=test $(MANAGE) workflow_diagram --check
	WUP_ENV=test $(MANAGE) spectacular --validate --fail-on-warn --file /dev/null
	WUP_ENV=production ALLOWED_HOSTS=wup.example.nl WUP_SECURITY_CONTACT=mailto:security@wup.example.nl \
		SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
		$(MANAGE) check --deploy --fail-level WARNING

diagram: install
	WUP_ENV=test $(MANAGE) workflow_diagram

worker: install
	$(BIN)/celery -A wup worker --loglevel=INFO

beat: install
	$(BIN)/celery -A wup beat --loglevel=INFO

# Every benchmark, each in its own throwaway database on the server of DATABASE_URL; writes
# benchmarks/RESULTS.md with the figures, the targets and the machine.
bench: install
	$(BIN)/python benchmarks/alle.py

# Resolve pyproject.toml afresh (without the old lock) and record every installed version.
lock: | $(BIN)/python
	$(BIN)/pip install --quiet ".[dev]"
	@rm -rf build/bdist.* build/lib *.egg-info; rmdir build 2>/dev/null || true
	@{ \
		echo "# The lock file: the exact version of every package that \`pip install \".[dev]\"\`"; \
		echo "# installs. \`make install\` (and the Dockerfile) install with \`-c constraints.txt\`, so"; \
		echo "# every machine runs the same versions."; \
		echo "# Regenerate after changing dependencies in pyproject.toml: \`make lock\`"; \
		echo "# (= pip install \".[dev]\" && pip freeze, without the project)."; \
		$(BIN)/pip freeze | grep -v -i '^wup-platform'; \
	} > constraints.txt
	@touch $(STAMP)
	@echo "constraints.txt bijgewerkt."

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
