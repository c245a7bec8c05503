# DSI Hub application image: gunicorn by default; the same image runs the Celery worker and beat
# (docker-compose.yml overrides the command). Build: docker build -t dsihub .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# gunicorn keeps its control socket under $HOME/.gunicorn, so the user gets a writable home.
RUN groupadd --system dsihub \
    && useradd --system --gid dsihub --create-home --home-dir /home/dsihub dsihub

# Dependencies first, so a code change does not reinstall them. requirements.lock is the
# pip-freeze constraints file written by `make lock`. The `search` extra (opensearch-py client)
# is installed so that setting WAGTAILSEARCH_URLS needs no rebuild.
COPY pyproject.toml README.md requirements.lock /tmp/build/
RUN pip install -c /tmp/build/requirements.lock "/tmp/build[search]" && rm -rf /tmp/build

WORKDIR /app
# The code stays root-owned (read-only for the app user); only var/ (static, media, beat
# schedule) is writable.
COPY . .
RUN mkdir -p var/media \
    && DJANGO_SECRET_KEY=build-only DJANGO_DEBUG=0 python manage.py collectstatic --noinput \
    && chown -R dsihub:dsihub var

USER dsihub
EXPOSE 8000

# No HEALTHCHECK here: the worker and beat containers use this image too and serve no HTTP.
# docker-compose.yml gives the web service its /healthz check.
CMD ["gunicorn", "dsihub.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-"]
