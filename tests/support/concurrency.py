"""Run requests at the same moment, each in its own thread and database connection."""

import threading

from django.db import connection
from django.test import Client


def together(*requests):
    """Run each `request()` in its own thread, all released at once; their results in order."""
    barrier = threading.Barrier(len(requests))
    results = [None] * len(requests)
    errors = []

    def run(index, request):
        try:
            barrier.wait()
            results[index] = request()
        except Exception as error:  # noqa: BLE001 - re-raised in the test's thread below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def logged_in(user):
    """A test client of its own (cookies and all) logged in as `user`."""
    client = Client()
    client.force_login(user)
    return client
