"""Waiting for work that happens elsewhere (a Celery worker, the SMTP sink's thread)."""

import time


def wait_until(condition, *, timeout=20):
    """Poll `condition()` every tenth of a second; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
