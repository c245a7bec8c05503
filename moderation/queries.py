"""The moderators' report queue: open reports grouped per reported subject.

A page of the queue costs a fixed number of queries whatever its size: one for the grouped rows
(plus its count for pagination), one for the reasons of the page's subjects and one per
reportable model for the subjects themselves.
"""

from dataclasses import dataclass, field
from datetime import datetime
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Q

from .models import Report, ReportReason


@dataclass
class ReportGroup:
    """Every open report about one subject, summarised for one row of the queue."""

    content_type: ContentType
    object_id: str
    label: str
    count: int
    latest: datetime
    reasons: list = field(default_factory=list)
    subject: object = None

    @property
    def kind(self):
        return self.content_type.model_class()._meta.verbose_name


def open_report_groups():
    """One row per reported subject (a values() QuerySet, newest report first), to paginate."""
    return (
        Report.objects.open()
        .values("content_type", "object_id")
        .annotate(count=Count("pk"), latest=Max("created_at"), label=Max("subject_label"))
        .order_by("-latest", "content_type", "object_id")
    )


def describe_report_groups(rows):
    """Turn rows of `open_report_groups()` into ReportGroups with their reasons and subjects."""
    groups = [
        ReportGroup(
            content_type=ContentType.objects.get_for_id(row["content_type"]),
            object_id=row["object_id"],
            label=row["label"],
            count=row["count"],
            latest=row["latest"],
        )
        for row in rows
    ]
    if groups:
        _attach_reasons(groups)
        _attach_subjects(groups)
    return groups


def open_reports_about(content_type, object_id):
    """The open reports about one subject, with their reporters, newest first."""
    return (
        Report.objects.open()
        .filter(content_type=content_type, object_id=str(object_id))
        .select_related("reporter")
        .order_by("-created_at")
    )


def _key(content_type_id, object_id):
    return (content_type_id, str(object_id))


def _attach_reasons(groups):
    wanted = reduce(or_, (Q(content_type=g.content_type, object_id=g.object_id) for g in groups))
    rows = (
        Report.objects.open()
        .filter(wanted)
        .values_list("content_type", "object_id", "reason")
        .distinct()
        .order_by("reason")
    )
    by_key = {_key(g.content_type.pk, g.object_id): g for g in groups}
    for content_type_id, object_id, reason in rows:
        by_key[_key(content_type_id, object_id)].reasons.append(ReportReason(reason).label)


def _attach_subjects(groups):
    by_type = {}
    for group in groups:
        by_type.setdefault(group.content_type, []).append(group)
    for content_type, members in by_type.items():
        model = content_type.model_class()
        found = model._default_manager.in_bulk([g.object_id for g in members])
        subjects = {str(pk): subject for pk, subject in found.items()}
        for group in members:
            group.subject = subjects.get(group.object_id)
