"""gunicorn serving the hub on a free port of 127.0.0.1, for the length of a `with` block."""

import socket
import subprocess
import sys
import time
import urllib.request

from .environment import BASE_DIR

READY_TIMEOUT = 60


class Gunicorn:
    def __init__(self, environment, *, workers, log_path):
        self.environment = environment
        self.workers = workers
        self.log_path = log_path
        self.port = _free_port()
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        log = self.log_path.open("w")
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
            self._command(), cwd=BASE_DIR, env=self.environment, stdout=log, stderr=log
        )
        try:
            self._wait_until_ready()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _command(self):
        return [
            sys.executable, "-m", "gunicorn", "dsihub.wsgi:application",
            "--workers", str(self.workers), "--worker-class", "sync",
            "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning",
        ]  # fmt: skip

    def _wait_until_ready(self):
        """Until /healthz answers 200 (database, cache and broker reachable)."""
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/healthz", timeout=10) as response:  # noqa: S310 - http on 127.0.0.1
                    if response.status == 200:
                        return
            except OSError:  # refused while booting, a timeout, or 503 from /healthz
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {READY_TIMEOUT} s; see {self.log_path}")


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
