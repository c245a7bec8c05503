"""The admin's import as a background job (core.jobs), a kind of job like the resource import.

The two uploaded JSON files are read once when the form is checked and stored as one CSV file
the generic job runner streams: a row per record (`kind`, `id`, `record` as JSON), organisations
first, links already merged (export.read_export). Each batch imports its records with the
run's `Importer`, writes their report lines (`ImportOutcome`) and hands the skipped ones to the
job's own report.
"""

import csv
import io
import json

from django.core.files.base import ContentFile
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy

from core.jobs import JobKind, RowError, register_job_kind
from moderation.roles import is_moderator

from .export import Record, read_export
from .models import ImportOutcome, Outcome, RecordKind
from .services import Importer

KIND = "dsi4eu.import"
COLUMNS = ("kind", "id", "record")
BATCH_SIZE = 100


def may_import(user):
    """Moderators (and superusers): imported listings are published without review."""
    return is_moderator(user)


def export_as_csv(organisations, projects):
    """The job's file: the records of both parsed lists, one CSV row each."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for record in read_export(organisations, projects):
        writer.writerow(
            [record.kind, record.legacy_id, json.dumps(record.data, ensure_ascii=False)]
        )
    return ContentFile(buffer.getvalue().encode(), name="dsi4eu.csv")


def prepare(job):
    return Importer()


def import_batch(rows, importer, job):
    """Import one batch's records (in the job's batch transaction); a RowError per skipped one."""
    outcomes, errors = [], []
    for row in rows:
        record = _record(row.values)
        if record is None:
            errors.append(RowError(row.line, "", ["not a record of the export"]))
            continue
        result = importer.import_record(record)
        outcomes.append(
            ImportOutcome(
                job=job,
                kind=result.kind,
                legacy_id=result.legacy_id[:40],
                name=result.name[:255],
                outcome=result.outcome,
                reason=result.reason,
                url=result.url[:300],
            )
        )
        if result.outcome == Outcome.SKIPPED:
            label = f"{result.kind} {result.legacy_id}: {result.name}"
            errors.append(RowError(row.line, label, [result.reason]))
    ImportOutcome.objects.bulk_create(outcomes)
    return errors


def _record(values):
    try:
        data = json.loads(values.get("record") or "")
    except ValueError:
        return None
    kind = values.get("kind")
    if kind not in RecordKind.values or not isinstance(data, dict):
        return None
    return Record(kind, (values.get("id") or "").strip(), data)


def register():
    register_job_kind(
        JobKind(
            KIND,
            gettext_lazy("Import from DSI4EU"),
            COLUMNS,
            prepare=prepare,
            handle_batch=import_batch,
            batch_size=BATCH_SIZE,
            done_url=reverse_lazy("dsi4eu_import"),
        )
    )
