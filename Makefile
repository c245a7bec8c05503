# DSI Hub developer commands. `make run` and `make test` are the quick start.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
# pytest-xdist workers for `make pytest` (each has its own database and Redis dbs)
JOBS ?= 2

# Tests run the production code path over plain HTTP (see docs/development.md).
TEST_ENV := DJANGO_DEBUG=0 DJANGO_SECRET_KEY=test-only-secret-key-not-for-production-use-0123456789 \
	DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_SECURE_HSTS_SECONDS=0 DJANGO_ZEAL=1 \
	ANYMAIL_WEBHOOK_SECRET=test-webhook:test-secret ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY=test-signing-key
DEV_ENV := DJANGO_DEBUG=$${DJANGO_DEBUG:-1}

.PHONY: help install run serve migrate demo-data worker beat services-check test pytest lint format \
	migrations-check check bench bench-web bench-mail compose-check clean port-check screenshots

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)  ## Create .venv and install the pinned dependencies
	@mkdir -p var/mail var/media
	@test -f .env || printf '# Development settings read by dsihub/settings.py (the environment wins).\nDJANGO_DEBUG=1\n' > .env

lock:  ## Re-pin requirements.lock from a fresh resolve of pyproject.toml
	rm -rf /tmp/dsihub-lock && $(PYTHON) -m venv /tmp/dsihub-lock
	/tmp/dsihub-lock/bin/pip install --quiet --upgrade pip
	/tmp/dsihub-lock/bin/pip install --quiet -e '.[dev,search]'
	/tmp/dsihub-lock/bin/pip freeze --exclude-editable | sort -f > requirements.lock

migrate: install  ## Apply database migrations
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

demo-data: migrate  ## Load demo content: accounts, listings, funding calls, events, stories (idempotent)
	@$(DEV_ENV) DJANGO_LOG_LEVEL=WARNING $(BIN)/python manage.py seed_demo --scale small

port-check:
	@$(BIN)/python -c "import socket, sys; s = socket.socket(); \
	s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('$(HOST)', $(PORT)))" 2>/dev/null \
	|| { echo "Port $(PORT) on $(HOST) is taken. Use another one: make run PORT=8001"; exit 1; }

run: install port-check  ## Install, migrate, load demo data and serve on http://127.0.0.1:8000 (PORT=8001 for another port)
	@$(DEV_ENV) DJANGO_LOG_LEVEL=WARNING $(BIN)/python manage.py migrate --noinput --verbosity 0
	@$(DEV_ENV) DJANGO_LOG_LEVEL=WARNING $(BIN)/python manage.py seed_demo --scale small
	@$(DEV_ENV) $(BIN)/python manage.py demo_summary --url http://$(HOST):$(PORT)/
	@$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

worker: install  ## Run a Celery worker (needs REDIS_URL)
	$(DEV_ENV) $(BIN)/celery -A dsihub worker --loglevel=INFO

beat: install  ## Run Celery beat (needs REDIS_URL)
	$(DEV_ENV) $(BIN)/celery -A dsihub beat --loglevel=INFO --schedule=var/celerybeat-schedule

services-check: install  ## Print which of PostgreSQL and Redis this machine reaches
	@$(BIN)/python -m core.services_check

lint: install  ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install  ## Apply ruff fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install  ## Django system checks
	$(TEST_ENV) $(BIN)/python manage.py check --fail-level WARNING

migrations-check: install  ## Fail when models changed without a migration
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

pytest: install  ## Run pytest only, on JOBS workers (pass ARGS="-k name" to narrow, JOBS=0 for one process)
	$(TEST_ENV) $(BIN)/pytest -n $(JOBS) $(ARGS)

test: lint check migrations-check pytest  ## Everything CI runs: lint, checks, migrations, all tests

screenshots: install  ## Screenshots of the main pages, 1280 and 390 px wide, into docs/screenshots/
	$(BIN)/python docs/screenshots/make_screenshots.py

compose-check:  ## Validate docker-compose.yml (needs the docker-compose package)
	docker-compose --env-file .env.example config --quiet

bench: install  ## List the benchmarks (bench-web: pages under load; bench-mail: newsletter)
	$(TEST_ENV) $(BIN)/python -m bench

bench-web: install  ## Public pages under gunicorn + wrk, cold and warm (docs/benchmarks.md)
	$(BIN)/python -m bench.web

bench-mail: install  ## Newsletter to N=20000 subscribers: Celery pipeline vs smtplib floor (docs/benchmarks.md)
	$(if $(N),BENCH_MAIL_N=$(N)) $(BIN)/python -m bench.mail

clean:  ## Remove the venv and local data under var/
	rm -rf $(VENV) var
