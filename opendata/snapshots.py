"""The nightly snapshot: every download in one dated zip file in media storage (S3 when
configured), with its size and SHA-256 checksum; the last OPEN_DATA_SNAPSHOTS_KEPT are kept."""

import hashlib
import tempfile
import zipfile

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from .dictionary import downloadable
from .exports import citation, write
from .models import Snapshot

FOLDER = "open-data"
READ_SIZE = 1024 * 1024


def write_snapshot(*, day=None):
    """Write today's (or `day`'s) archive, replacing one written earlier the same day, and drop
    the oldest beyond the number kept. Returns the Snapshot."""
    day = day or timezone.localdate()
    with tempfile.TemporaryFile() as handle:
        _write_archive(handle, day)
        size, sha256 = _measure(handle)
        snapshot = _store(handle, day, size=size, sha256=sha256)
    prune_snapshots(keep=settings.OPEN_DATA_SNAPSHOTS_KEPT)
    return snapshot


def _write_archive(handle, day):
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", citation(day) + "\n")
        for dataset in downloadable():
            for format in dataset.formats:
                with archive.open(f"{dataset.key}.{format}", "w", force_zip64=True) as member:
                    for chunk in write(format, dataset, dataset.rows()):
                        member.write(chunk.encode())


def _measure(handle):
    handle.seek(0)
    digest, size = hashlib.sha256(), 0
    while block := handle.read(READ_SIZE):
        digest.update(block)
        size += len(block)
    handle.seek(0)
    return size, digest.hexdigest()


@transaction.atomic
def _store(handle, day, *, size, sha256):
    earlier = Snapshot.objects.select_for_update().filter(day=day).first()
    if earlier is not None:
        default_storage.delete(earlier.file)
        earlier.delete()
    name = default_storage.save(f"{FOLDER}/dsihub-open-data-{day.isoformat()}.zip", File(handle))
    return Snapshot.objects.create(day=day, file=name, size=size, sha256=sha256)


def prune_snapshots(*, keep):
    for snapshot in Snapshot.objects.order_by("-day")[keep:]:
        default_storage.delete(snapshot.file)
        snapshot.delete()
