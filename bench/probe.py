"""Inside Django, with the bench settings: `python -m bench.probe [page names…]`.

For each page: resolve its URL from the seeded data, request it twice through Django's test
client (the same middleware and settings gunicorn runs, no cookies, like wrk) and count the SQL
queries of the second request, after the first has warmed per-process caches and, with the
page cache on, the page cache. Prints one JSON object on stdout.
"""

import json
import os
import sys

import django


def probe(client, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = page.resolve()
    _body(_get(client, url))
    with CaptureQueriesContext(connection) as queries:
        response = _get(client, url)
        body = _body(response)  # a streamed download reads its rows while it is sent
    return {
        "url": url,
        "status": response.status_code,
        "queries": len(queries),
        "bytes": len(body),
    }


def _get(client, url):
    client.cookies.clear()  # wrk sends none
    return client.get(url)


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def main(names):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dsihub.settings")
    django.setup()
    from django.test import Client

    from bench.pages import selected

    client = Client(HTTP_HOST="127.0.0.1")
    results = {page.name: probe(client, page) for page in selected(names)}
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
