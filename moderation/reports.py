"""User reports: a logged-in person flags a listing or a profile; moderators resolve them.

Reports are kept per reporter (one open report per person and subject) and grouped per subject
in the moderators' queue (`moderation.queries.report_queue`). Resolving acts on every open report
about a subject at once.

What may be reported is a registry: each app registers its models from `AppConfig.ready()` with
`register_reportable(Model, queryset=...)`, so moderation never imports the apps above it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from .models import Report

#: "app_label.model_name" -> (model, function returning what visitors may report of it)
_REPORTABLE = {}


def register_reportable(model, *, queryset=None):
    """Let people report `model`; `queryset()` narrows it (default: `published()` if it has one)."""
    _REPORTABLE[model._meta.label_lower] = (model, queryset or (lambda: _default_queryset(model)))


def reportable_labels():
    return set(_REPORTABLE)


def reportable_model(app_label, model_name):
    """The model class for a reportable "app_label.model_name", or None."""
    entry = _REPORTABLE.get(f"{app_label}.{model_name}".lower())
    return entry[0] if entry else None


def reportable_queryset(model):
    """What a visitor may report of `model` (published content, active people)."""
    return _REPORTABLE[model._meta.label_lower][1]()


def _default_queryset(model):
    queryset = model._default_manager.all()
    return queryset.published() if hasattr(queryset, "published") else queryset


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
