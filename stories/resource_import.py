"""Bulk import of resources from CSV (the admin's "Import resources" and `import_resources`).

Columns: `title,description,link_url,link_text,author,clusters,types`; `clusters` and `types`
are `;`-separated lists. A cluster is named by its slug or title; `types` holds one resource type
(report, toolkit, guide, dataset, video, other: the first is kept); `author` is a published
organisation's name or slug, or else kept as the author's name. Every row is checked first;
the valid rows are saved together and each invalid row is reported with its line and reasons.
"""

import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from clusters.models import Cluster
from moderation.text import PlainTextField
from organisations.models import Organisation

from .choices import ResourceType
from .models import Resource

COLUMNS = ["title", "description", "link_url", "link_text", "author", "clusters", "types"]


@dataclass
class RowError:
    line: int
    title: str
    reasons: list


@dataclass
class ImportReport:
    imported: list = field(default_factory=list)
    errors: list = field(default_factory=list)


class ResourceRowForm(forms.Form):
    title = PlainTextField(max_length=200)
    description = forms.CharField(required=False)
    link_url = forms.URLField(max_length=500, assume_scheme="https")
    link_text = PlainTextField(max_length=120, required=False)
    author = PlainTextField(max_length=200, required=False)
    clusters = forms.CharField(required=False)
    types = forms.CharField(required=False)

    def __init__(self, *args, clusters_by_key, **kwargs):
        super().__init__(*args, **kwargs)
        self.clusters_by_key = clusters_by_key

    def clean_clusters(self):
        names = split_list(self.cleaned_data["clusters"])
        unknown = [name for name in names if name.lower() not in self.clusters_by_key]
        if unknown:
            raise forms.ValidationError(_("Unknown cluster: %s.") % ", ".join(unknown))
        return list(
            {
                self.clusters_by_key[name.lower()].pk: self.clusters_by_key[name.lower()]
                for name in names
            }.values()
        )

    def clean_types(self):
        names = [name.lower() for name in split_list(self.cleaned_data["types"])]
        unknown = [name for name in names if name not in ResourceType.values]
        if unknown:
            raise forms.ValidationError(_("Unknown type: %s.") % ", ".join(unknown))
        return names[0] if names else ResourceType.OTHER


def split_list(value):
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def read_rows(text):
    """(line, row) for each data row of the CSV `text`; ValueError if columns are missing."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(_("Missing columns: %s.") % ", ".join(missing))
    return [(reader.line_num, row) for row in reader]  # line_num: the row's last line


def _clusters_by_key():
    keys = {}
    for cluster in Cluster.objects.all():
        keys[cluster.slug.lower()] = cluster
        keys[cluster.title.lower()] = cluster
    return keys


def _author(name, organisations):
    key = name.strip().lower()
    return organisations.get(key), ("" if key in organisations else name.strip())


def _organisations_named(names):
    wanted = {name.strip().lower() for name in names if name.strip()}
    if not wanted:
        return {}
    query = Q()
    for name in wanted:
        query |= Q(name__iexact=name) | Q(slug__iexact=name)
    found = {}
    for organisation in Organisation.objects.published().filter(query):
        found[organisation.name.lower()] = organisation
        found[organisation.slug.lower()] = organisation
    return found


@transaction.atomic
def import_resources(text):
    """Create a Resource for each valid row of the CSV `text`; returns an ImportReport."""
    report = ImportReport()
    rows = read_rows(text)
    clusters_by_key = _clusters_by_key()
    organisations = _organisations_named(row.get("author") or "" for _, row in rows)
    for line, row in rows:
        form = ResourceRowForm(row, clusters_by_key=clusters_by_key)
        if not form.is_valid():
            reasons = [f"{name}: {' '.join(messages)}" for name, messages in form.errors.items()]
            report.errors.append(RowError(line, (row.get("title") or "").strip(), reasons))
            continue
        report.imported.append(_create(form.cleaned_data, organisations))
    return report


def _create(data, organisations):
    author, author_name = _author(data["author"], organisations)
    resource = Resource.objects.create(
        title=data["title"],
        description=data["description"],
        link_url=data["link_url"],
        link_text=data["link_text"],
        resource_type=data["types"],
        author=author,
        author_name=author_name,
    )
    resource.clusters.set(data["clusters"])
    return resource
