"""Background jobs over uploaded CSV files: the kinds registry, starting a job, running it.

An app that offers a long job (the resource import, later the legacy import and DSI Index
uploads) registers a `JobKind` from its `AppConfig.ready()`; core never imports it:

    register_job_kind(JobKind("stories.resources", _("Resource import"), COLUMNS,
                              prepare=lookups, handle_batch=import_batch))

A view validates the upload (`check_header`) and calls `start_job`, which stores the file and
enqueues `core.run_job` after the commit; the request answers at once with the progress page.
`run_job` streams the file row by row and hands the rows to the kind in batches. Each batch is
processed in one transaction that also advances the job's counts, under a lock of the job's
row: a batch is done exactly once, so a task delivered twice (acks_late after a lost worker) or
continued in a new task simply skips what the counts say is done.
"""

import csv
import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import MAX_REPORTED_ROWS, Job, JobStatus
from .text import one_line

logger = logging.getLogger(__name__)

# One field may hold up to a million characters (a long description), not Python's 131,072;
# a longer one is reported on its row instead of stopping the file.
MAX_FIELD_CHARS = 1_000_000
csv.field_size_limit(MAX_FIELD_CHARS)

# A task works for about this long, then continues in a fresh task: it stays far below the
# Celery time limits and lets other tasks through on a busy worker.
SLICE_SECONDS = 60
# A refused row is named in the report by at most this much of its label (its title).
LABEL_CHARS = 200


@dataclass(frozen=True)
class Row:
    line: int  # the row's last line in the file (a quoted field may span lines)
    values: dict


@dataclass
class RowError:
    line: int
    label: str
    reasons: list

    def as_dict(self):
        # The label is what the file said, shown to staff: one plain line, so a bidi override
        # in a refused row cannot make the report read differently from the file.
        label = one_line(self.label)[:LABEL_CHARS]
        return {"line": self.line, "label": label, "reasons": list(self.reasons)}


@dataclass(frozen=True)
class JobKind:
    """What an app does with each batch of rows of its kind of job.

    `prepare(job)` runs once per task and returns lookups the batches share (say, clusters by
    name); `handle_batch(rows, context, job)` runs inside the batch's transaction, saves what
    it can and returns a RowError for each row it refused. `finish(job, context)`, if given,
    runs once after the last batch, in the transaction that marks the job done (work that would
    cost a pass over a whole table per batch). `done_url`, if given, is where the progress page
    links once the job is done.
    """

    name: str
    label: str
    columns: tuple
    prepare: Callable[[Job], Any]
    handle_batch: Callable[[list, Any, Job], list]
    batch_size: int = 1000
    finish: Callable[[Job, Any], None] | None = None
    done_url: str = ""
    extra: dict = field(default_factory=dict)


_KINDS = {}


def register_job_kind(kind):
    _KINDS[kind.name] = kind


def job_kind(name):
    return _KINDS[name]


def known_job_kind(name):
    """The registered kind `name`, or None (a job left from a kind a later release removed)."""
    return _KINDS.get(name)


def open_text(binary):
    """A text stream over an uploaded or stored file (UTF-8, a leading BOM dropped)."""
    return io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")


def check_header(binary, columns):
    """Raise ValueError unless `binary` is UTF-8 CSV whose header names every one of `columns`.

    Reads the whole file once (decoding only), so that a job never starts on a file it cannot
    read; rewinds it for saving.
    """
    stream = open_text(binary)
    try:
        header = next(csv.reader(stream), [])
        for _chunk in iter(lambda: stream.read(1 << 20), ""):
            pass
    except UnicodeDecodeError as error:
        raise ValueError(_("The file must be UTF-8 text.")) from error
    except csv.Error as error:
        raise ValueError(_("The first line is not a CSV header: %s.") % error) from error
    finally:
        stream.detach()
        binary.seek(0)
    missing = [column for column in columns if column not in [h.strip() for h in header]]
    if missing:
        raise ValueError(_("Missing columns: %s.") % ", ".join(missing))


def iter_rows(stream):
    """Row, or RowError for a line the CSV reader refused, for each data row of `stream`."""
    reader = csv.reader(stream)
    header = [name.strip() for name in next(reader, [])]
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield RowError(reader.line_num, "", [_row_error_message(error)])
            continue
        if values:  # a blank line is no row
            yield Row(reader.line_num, dict(zip(header, values, strict=False)))


def _row_error_message(error):
    if "field larger than field limit" in str(error):
        return _("A field is longer than %(limit)s characters.") % {"limit": f"{MAX_FIELD_CHARS:,}"}
    return _("The line cannot be read as CSV: %s.") % error


def create_job(kind_name, *, file, by, file_name=""):
    """Store `file` (private) as a new queued Job of `kind_name`; nothing runs it yet."""
    job_kind(kind_name)  # an unknown kind is a programming error: fail before storing
    job = Job(kind=kind_name, created_by=by, file_name=(file_name or file.name or "")[:255])
    job.file.save("upload.csv", file, save=False)
    job.save()
    return job


@transaction.atomic
def start_job(kind_name, *, file, by, file_name=""):
    """Store `file` as a new queued Job and run it in a Celery task after the commit."""
    from .tasks import run_job_task

    job = create_job(kind_name, file=file, by=by, file_name=file_name)
    transaction.on_commit(lambda: run_job_task.delay(job_id=job.pk))
    return job


def run_job(job_id, *, time_budget=None):
    """Process the rows of Job `job_id` not yet processed; returns "done", "continue" or "gone".

    With `time_budget` (seconds), stop after the batch that passes it and return "continue":
    the task then enqueues itself again and resumes where the counts stand.
    """
    job = _claim(job_id)
    if job is None:
        return "gone"
    kind = job_kind(job.kind)
    context = kind.prepare(job)
    deadline = time.monotonic() + time_budget if time_budget else None
    with job.file.open("rb") as binary:
        for start, batch in _batches(iter_rows(open_text(binary)), kind.batch_size):
            if start + len(batch) <= job.processed:
                continue
            job = _process_batch(job.pk, start, batch, kind, context)
            if job is None:
                return "gone"
            if deadline and time.monotonic() > deadline:
                return "continue"
    _finish(job.pk, kind, context)
    return "done"


def mark_failed(job_id, message):
    Job.objects.filter(pk=job_id).exclude(status=JobStatus.DONE).update(
        status=JobStatus.FAILED, message=message, finished_at=timezone.now()
    )


def _claim(job_id):
    """Mark the job running (counting its rows the first time); None if it is gone or over."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.finished:
            return None
        if job.status == JobStatus.QUEUED:
            job.total = _count_rows(job)
            job.status, job.started_at = JobStatus.RUNNING, timezone.now()
            job.save(update_fields=["total", "status", "started_at"])
        return job


def _count_rows(job):
    with job.file.open("rb") as binary:
        return sum(1 for _row in iter_rows(open_text(binary)))


def _batches(rows, size):
    batch, start = [], 0
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield start, batch
            start, batch = start + size, []
    if batch:
        yield start, batch


def _process_batch(job_id, start, batch, kind, context):
    """Hand one batch to the kind and advance the counts, in one transaction; returns the job
    (None when it is over). A batch that another run already processed is skipped."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job_id)
        if job.finished:
            return None
        if job.processed != start:
            return job
        rows = [item for item in batch if isinstance(item, Row)]
        errors = [item for item in batch if isinstance(item, RowError)]
        errors += kind.handle_batch(rows, context, job)
        errors.sort(key=lambda error: error.line)
        room = max(0, MAX_REPORTED_ROWS - len(job.report))
        job.report = job.report + [error.as_dict() for error in errors[:room]]
        job.processed += len(batch)
        job.failed += len(errors)
        job.succeeded += len(batch) - len(errors)
        job.save(update_fields=["report", "processed", "failed", "succeeded"])
        return job


def _finish(job_id, kind, context):
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job_id)
        if job.finished:
            return
        if kind.finish:
            kind.finish(job, context)
        job.status, job.finished_at = JobStatus.DONE, timezone.now()
        job.total = job.processed
        job.save(update_fields=["status", "finished_at", "total"])
        name, storage = job.file.name, job.file.storage
        # The file held personal or unpublished data only to be imported: drop it once done.
        transaction.on_commit(lambda: storage.delete(name), robust=True)
