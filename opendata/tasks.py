from celery import shared_task

from .snapshots import write_snapshot


@shared_task(name="opendata.write_snapshot")
def write_snapshot_task():
    """Nightly (beat): today's archive of every download."""
    write_snapshot()
