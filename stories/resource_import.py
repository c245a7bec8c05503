"""Bulk import of resources from CSV: a kind of background job (core.jobs), used by the admin's
"Import resources" page and by `import_resources`.

Columns: `title,description,link_url,link_text,author,clusters,types`; `clusters` and `types`
are `;`-separated lists. A cluster is named by its slug or title; `types` holds one resource type
(report, toolkit, guide, dataset, video, other: the first is kept); `author` is a published
organisation's name or slug, or else kept as the author's name. Each batch of rows is checked
row by row; the valid rows are saved together (one insert for the resources, one for their
clusters, one for the search index: stories.resource_index) and each invalid row is reported
with its line and reasons.

Imports are made by people whose resources publish at once (editors, moderators: see
`may_import`), so imported resources are published.
"""

from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clusters.models import Cluster
from core.content_version import bump_content_version
from core.jobs import JobKind, RowError, register_job_kind
from core.text import PlainTextField
from organisations.models import Organisation

from .choices import ResourceType
from .models import Resource
from .resource_index import index_resources, refresh_title_norms

KIND = "stories.resources"
COLUMNS = ("title", "description", "link_url", "link_text", "author", "clusters", "types")
BATCH_SIZE = 1000


# The row's fields, validated one by one. Not a Form per row: a form deep-copies its fields
# when it is made, which was a third of the import's time at 100,000 rows.
ROW_FIELDS = {
    "title": PlainTextField(max_length=200),
    "description": forms.CharField(required=False),
    "link_url": forms.URLField(max_length=500, assume_scheme="https"),
    "link_text": PlainTextField(max_length=120, required=False),
    "author": PlainTextField(max_length=200, required=False),
    "clusters": forms.CharField(required=False),
    "types": forms.CharField(required=False),
}


def clean_row(values, clusters_by_key):
    """(cleaned data, errors by field) of one CSV row; `errors` is empty when the row is valid."""
    data, errors = {}, {}
    for name, field in ROW_FIELDS.items():
        try:
            data[name] = field.clean(values.get(name))
        except forms.ValidationError as error:
            errors[name] = error.messages
    for name, clean in (("clusters", _clean_clusters), ("types", _clean_types)):
        if name in data:
            try:
                data[name] = clean(data[name], clusters_by_key)
            except forms.ValidationError as error:
                errors[name] = error.messages
    return data, errors


def _clean_clusters(value, clusters_by_key):
    names = split_list(value)
    unknown = [name for name in names if name.lower() not in clusters_by_key]
    if unknown:
        raise forms.ValidationError(_("Unknown cluster: %s.") % ", ".join(unknown))
    return sorted({clusters_by_key[name.lower()] for name in names})


def _clean_types(value, clusters_by_key):
    names = [name.lower() for name in split_list(value)]
    unknown = [name for name in names if name not in ResourceType.values]
    if unknown:
        raise forms.ValidationError(_("Unknown type: %s.") % ", ".join(unknown))
    return names[0] if names else ResourceType.OTHER


def split_list(value):
    return [part.strip() for part in (value or "").split(";") if part.strip()]


@dataclass
class ImportContext:
    clusters_by_key: dict  # slug or title, lower case → cluster id
    submitted_by_id: int | None


def prepare(job):
    """The lookups every batch shares: the clusters by slug and by title."""
    keys = {}
    for pk, slug, title in Cluster.objects.values_list("pk", "slug", "title"):
        keys[slug.lower()] = pk
        keys[title.lower()] = pk
    return ImportContext(keys, job.created_by_id)


def import_batch(rows, context, job):
    """Save the valid rows of one batch (inside the job's batch transaction); returns a RowError
    for each row that was not imported."""
    valid, errors = [], []
    for row in rows:
        data, field_errors = clean_row(row.values, context.clusters_by_key)
        if not field_errors:
            valid.append(data)
        else:
            reasons = [f"{name}: {' '.join(messages)}" for name, messages in field_errors.items()]
            label = (row.values.get("title") or "").strip()
            errors.append(RowError(row.line, label, reasons))
    if valid:
        _create(valid, context)
    return errors


def _create(rows, context):
    organisations = _organisations_named(row["author"] for row in rows)
    now = timezone.now()
    resources = Resource.objects.bulk_create(
        [_resource(row, organisations, now, context) for row in rows]
    )
    links = Resource.clusters.through
    links.objects.bulk_create(
        [
            links(resource_id=resource.pk, cluster_id=cluster_id)
            for resource, row in zip(resources, rows, strict=True)
            for cluster_id in row["clusters"]
        ]
    )
    index_resources(resources)
    # bulk_create sends no post_save: tell the page cache here (see core.invalidation).
    transaction.on_commit(bump_content_version)


def _resource(row, organisations, now, context):
    key = row["author"].strip().lower()
    return Resource(
        title=row["title"],
        description=row["description"],
        link_url=row["link_url"],
        link_text=row["link_text"],
        resource_type=row["types"],
        author=organisations.get(key),
        author_name="" if key in organisations else row["author"].strip(),
        submitted_by_id=context.submitted_by_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
    )


def _organisations_named(names):
    """Published organisations by lower-case name and slug, for the authors named in a batch."""
    wanted = {name.strip().lower() for name in names if name.strip()}
    if not wanted:
        return {}
    found = {}
    matches = (
        Organisation.objects.published()
        .annotate(name_lower=Lower("name"))
        .filter(Q(name_lower__in=wanted) | Q(slug__in=wanted))
    )
    for organisation in matches:
        found[organisation.name.lower()] = organisation
        found[organisation.slug.lower()] = organisation
    return found


def may_import(user):
    """Whoever may add resources and publishes them without review (editors)."""
    return user.has_perm("stories.add_resource") and Resource.publishing_policy.may_publish_new(
        None, user
    )


def register():
    register_job_kind(
        JobKind(
            KIND,
            gettext_lazy("Resource import"),
            COLUMNS,
            prepare=prepare,
            handle_batch=import_batch,
            batch_size=BATCH_SIZE,
            finish=lambda job, context: refresh_title_norms(),
            done_url=reverse_lazy("wagtailsnippets_stories_resource:list"),
        )
    )
