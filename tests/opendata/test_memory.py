"""A download holds one chunk of rows at a time: its peak memory does not grow with the rows.

The download is measured in a separate process with the production configuration: the suite
runs django-zeal (the N+1 guard), which keeps every queryset a prefetch creates alive, so a
measurement inside the test process would measure zeal. The rows are committed (a
transactional test) so that the other process reads them from the test database.
"""

import json
import os
import subprocess
import sys
import tracemalloc

import pytest
from django.conf import settings
from django.db import connection

from organisations.models import Organisation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def make_organisations(count, start=0):
    Organisation.objects.bulk_create(
        Organisation(
            name=f"Organisation {number}",
            slug=f"organisation-{number}",
            short_description="Tools and know-how for neighbourhood groups." * 3,
            description="<p>A long description of what this organisation does.</p>" * 10,
            live=True,
        )
        for number in range(start, start + count)
    )


def measure(format):
    """(peak bytes while writing every published organisation in `format`, bytes written):
    run in the other process."""
    from opendata.dictionary import BY_KEY
    from opendata.exports import write

    dataset = BY_KEY["organisations"]
    tracemalloc.start()
    size = sum(len(chunk) for chunk in write(format, dataset, dataset.rows()))
    return tracemalloc.get_traced_memory()[1], size


def measured_in_production_configuration(format):
    database = connection.settings_dict
    environment = {
        **os.environ,
        "DJANGO_ZEAL": "0",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
        f"/{database['NAME']}",
    }
    script = (
        "import django, json; django.setup(); "
        "from tests.opendata.test_memory import measure; "
        f"print(json.dumps(measure({format!r})))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("format", ["csv", "json"])
def test_a_download_of_thousands_of_rows_peaks_like_one_of_hundreds(format):
    make_organisations(600)
    small_peak, small_size = measured_in_production_configuration(format)
    make_organisations(5400, start=600)

    large_peak, large_size = measured_in_production_configuration(format)

    assert large_size > 8 * small_size  # three chunks of rows, then thirty
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)
