"""Files uploaded with submitted content: random names, and private until the content is live.

Every upload of a moderated model is stored as `pending/<folder>/<random>.<ext>`
(`upload_to=random_name("pending/<folder>")`, accounts.uploads): the name says nothing about the
file, and the `pending/` prefix is never served as it is: the proxy (or a
public bucket policy on S3) serves MEDIA_ROOT except `pending/`, and the storage links pending
files to `moderation.views.pending_file` (/media-pending/…), which answers only the people who
may see the content while it waits (`obj.may_preview(user)`: its members, moderators).

When a revision is published (Wagtail's `published` signal, whoever published it) its files
move out of `pending/` to their public names, and the live row and the latest revision are
pointed at them (`publish_files`). A rejected or abandoned upload never becomes public.
"""

from django.core.files import storage
from django.db import transaction
from django.db.models import FileField
from django.urls import reverse
from storages.backends import s3

PENDING = "pending/"


def is_pending(name):
    return bool(name) and name.startswith(PENDING)


def file_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, FileField)]


@transaction.atomic
def publish_files(obj):
    """Move `obj`'s pending files to their public names; returns the fields that moved."""
    moved = {}
    for field in file_fields(type(obj)):
        current = getattr(obj, field.attname)
        if current and is_pending(current.name):
            moved[field.attname] = _move(current)
    if moved:
        type(obj)._default_manager.filter(pk=obj.pk).update(**moved)
        for name, value in moved.items():
            setattr(obj, name, value)
        _point_latest_revision(obj, moved)
    return moved


def _move(field_file):
    storage, old = field_file.storage, field_file.name
    with storage.open(old) as source:
        new = storage.save(old.removeprefix(PENDING), source)
    transaction.on_commit(lambda: storage.delete(old), robust=True)
    return new


def _point_latest_revision(obj, moved):
    revision = obj.latest_revision
    if revision is not None:
        revision.content.update(moved)
        revision.save(update_fields=["content"])


def on_published(sender, instance, **kwargs):
    """Wagtail's `published` signal: the files of what just went live become public."""
    if file_fields(sender):
        publish_files(instance)


class PendingAwareStorage:
    """A storage mixin: pending files are linked through the access-checked view, not MEDIA_URL
    (or the bucket), so that no other address for them is ever shown."""

    def url(self, name):
        if is_pending(name):
            return reverse("pending-file", kwargs={"name": name.removeprefix(PENDING)})
        return super().url(name)


class FileSystemStorage(PendingAwareStorage, storage.FileSystemStorage):
    pass


class S3Storage(PendingAwareStorage, s3.S3Storage):
    pass
