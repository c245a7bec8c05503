import datetime as dt
import hashlib
import io
import json
import zipfile

import pytest
from django.core.files.storage import default_storage

from opendata.models import Snapshot
from opendata.snapshots import write_snapshot
from opendata.tasks import write_snapshot_task

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 12, 6)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def archive(snapshot):
    with default_storage.open(snapshot.file) as handle:
        return zipfile.ZipFile(io.BytesIO(handle.read()))


def test_the_snapshot_holds_every_download_with_its_size_and_checksum(published):
    snapshot = write_snapshot(day=DAY)

    with default_storage.open(snapshot.file) as handle:
        content = handle.read()
    assert snapshot.file == "open-data/dsihub-open-data-2026-12-06.zip"
    assert (snapshot.size, snapshot.sha256) == (len(content), hashlib.sha256(content).hexdigest())
    assert sorted(archive(snapshot).namelist()) == [
        "README.txt",
        "events.csv",
        "events.geojson",
        "events.json",
        "funding-calls.csv",
        "funding-calls.json",
        "organisations.csv",
        "organisations.geojson",
        "organisations.json",
        "projects.csv",
        "projects.geojson",
        "projects.json",
    ]
    organisations = json.loads(archive(snapshot).read("organisations.json"))
    assert [item["name"] for item in organisations["items"]] == ["Helsinki Civic Lab"]


def test_the_snapshot_holds_no_pending_rejected_or_withdrawn_content_and_no_people(
    published, hidden
):
    snapshot = write_snapshot(day=DAY)

    files = archive(snapshot)
    text = "".join(files.read(name).decode() for name in files.namelist() if name != "README.txt")
    assert "Helsinki Civic Lab" in text
    assert "Hidden" not in text
    assert "@" not in text
    for person in published.people:
        assert person.last_name not in text


def test_a_second_run_the_same_day_replaces_the_first(published):
    first = write_snapshot(day=DAY)

    second = write_snapshot(day=DAY)

    assert list(Snapshot.objects.values_list("pk", flat=True)) == [second.pk]
    assert not default_storage.exists(first.file) or first.file == second.file
    assert default_storage.exists(second.file)


def test_only_the_last_thirty_are_kept(settings):
    settings.OPEN_DATA_SNAPSHOTS_KEPT = 30
    days = [DAY - dt.timedelta(days=number) for number in range(32)]
    for day in reversed(days):
        write_snapshot(day=day)

    kept = list(Snapshot.objects.values_list("day", flat=True))
    assert kept == days[:30]
    assert not default_storage.exists("open-data/dsihub-open-data-2026-11-04.zip")
    assert default_storage.exists("open-data/dsihub-open-data-2026-11-07.zip")


def test_the_nightly_task_writes_todays_snapshot(published):
    write_snapshot_task.delay()

    assert Snapshot.objects.get().file.startswith("open-data/dsihub-open-data-")


def test_the_page_lists_the_snapshots_with_size_and_checksum(client, published):
    snapshot = write_snapshot(day=DAY)

    html = client.get("/open-data/").content.decode()

    assert f'href="/media/{snapshot.file}">dsihub-open-data-2026-12-06.zip</a>' in html
    assert snapshot.sha256 in html
