"""User reports: a logged-in person flags a listing or a profile; moderators resolve them.

Reports are kept per reporter (one open report per person and subject) and grouped per subject
in the moderators' queue (`moderation.queries.report_queue`). Resolving acts on every open report
about a subject at once.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from .models import Report

#: "app_label.model_name" of what people may report; anything else is a 404.
REPORTABLE_MODELS = ("organisations.organisation", "projects.project", "accounts.user")


def reportable_model(app_label, model_name):
    """The model class for a reportable "app_label.model_name", or None."""
    label = f"{app_label}.{model_name}".lower()
    if label not in REPORTABLE_MODELS:
        return None
    return apps.get_model(label)


def reportable_queryset(model):
    """What a visitor may report: published listings, active people."""
    queryset = model._default_manager.all()
    if hasattr(queryset, "published"):
        return queryset.published()
    if hasattr(model, "is_active"):
        return queryset.filter(is_active=True)
    return queryset


@transaction.atomic
def report_content(subject, *, by, reason, text):
    """Record `by`'s report of `subject`; returns (report, created).

    A person has at most one open report per subject: reporting again updates the reason and
    text of the open one instead of adding a second.
    """
    content_type = ContentType.objects.get_for_model(subject)
    report = (
        Report.objects.open()
        .select_for_update()
        .filter(reporter=by, content_type=content_type, object_id=str(subject.pk))
        .first()
    )
    created = report is None
    if created:
        report = Report(reporter=by, content_type=content_type, object_id=str(subject.pk))
    report.subject_label = str(subject)[:255]
    report.reason = reason
    report.text = text
    report.save()
    return report, created


def resolve_reports(subject, *, by):
    """Resolve every open report about `subject`; returns how many were resolved."""
    content_type = ContentType.objects.get_for_model(subject)
    return resolve_reports_about(content_type, subject.pk, by=by)


@transaction.atomic
def resolve_reports_about(content_type, object_id, *, by):
    """Resolve the open reports about one subject, also when the subject itself is gone."""
    return (
        Report.objects.open()
        .filter(content_type=content_type, object_id=str(object_id))
        .update(resolved_at=timezone.now(), resolved_by=by)
    )
