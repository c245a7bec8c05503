"""A real Celery worker consuming from the real Redis broker (test database numbers): a thread
of the test process (`celery_worker`), or a process of its own (`WorkerProcess`)."""

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from urllib.parse import quote

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import connection

from dsihub.celery import app as celery_app


@pytest.fixture
def celery_worker(django_db_serialized_rollback, transactional_db):
    """Run tasks on a real worker; rows must be committed for it to see them (transactional_db).

    Serialized rollback restores the migrations' data (vocabularies, groups, home page) after
    the flush, so later transactional tests still find it.
    """
    if not settings.REDIS_URL:
        pytest.skip("the Celery worker fixture needs REDIS_URL (a real Redis broker)")
    celery_app.conf.task_always_eager = False
    try:
        with start_worker(celery_app, perform_ping_check=False, loglevel="WARNING") as worker:
            yield worker
    finally:
        celery_app.conf.task_always_eager = True


class WorkerProcess:
    """`celery -A dsihub worker` in a process (and session) of its own, on this test run's
    database and broker and the `mailbox` sink: a worker that can be SIGKILLed like a crashed
    machine. Rows must be committed for it to see them (transactional_db)."""

    def __init__(self, mailbox_settings, *, log_path, concurrency=2, environment=None):
        self.settings = mailbox_settings
        self.log_path = log_path
        self.concurrency = concurrency
        self.environment = environment or {}
        self.process = None
        self.hostname = f"worker-{uuid.uuid4().hex[:12]}@tests"

    def start(self):
        command = [
            sys.executable, "-m", "celery", "-A", "dsihub", "worker", "--pool", "prefork",
            "--concurrency", str(self.concurrency), "--loglevel", "WARNING",
            "--without-gossip", "--without-mingle", "--hostname", self.hostname,
        ]  # fmt: skip
        log = self.log_path.open("a")
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
            command,
            env=self._environment(),
            cwd=settings.BASE_DIR,
            stdout=log,
            stderr=log,
            start_new_session=True,  # its own process group: kill() takes the pool with it
        )
        self._wait_until_ready()
        return self

    def _environment(self):
        database = connection.settings_dict
        return {
            **os.environ,
            "DATABASE_URL": (
                f"postgres://{quote(database['USER'])}:{quote(database['PASSWORD'] or '')}"
                f"@{database['HOST']}:{database['PORT']}/{database['NAME']}"
            ),
            "REDIS_URL": celery_app.conf.broker_url,
            "EMAIL_URL": f"smtp://{self.settings.EMAIL_HOST}:{self.settings.EMAIL_PORT}",
            "DJANGO_ZEAL": "0",
            **self.environment,
        }

    def _wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the worker exited; see {self.log_path}")
            if self._ready():
                return
            time.sleep(0.2)
        raise AssertionError(f"the worker did not start; see {self.log_path}")

    def _ready(self):
        return bool(celery_app.control.ping(destination=[self.hostname], timeout=0.5))

    def kill(self):
        """SIGKILL the worker and its pool at once, as a crash of its machine would."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)

    def wait(self):
        self.process.wait(timeout=30)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
                self.process.wait()
