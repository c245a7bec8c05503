"""What a pending change changes, field by field: the live version against the proposed one.

`compare(obj)` reads any moderated model the same way (organisations, projects, events, funding
calls: no kind is named): the live row against the latest revision, or, for a submission that
was never published, nothing against everything it proposes. Each field becomes a `Change`:

- `text`: long text (rich text too) as readable words, with insertions and deletions marked
  (difflib over the words of the text taken out of its HTML);
- `image`: the two files side by side;
- `list`: terms, partners, keywords, links — what was added and what was removed;
- `value`: anything else, before and after.
"""

import difflib
import html
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from taggit.managers import TaggableManager
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    WorkflowMixin,
    WorkflowState,
)

from .models import moderated_models

#: Review bookkeeping, not content: never compared.
BOOKKEEPING = {
    "id",
    "created_at",
    "updated_at",
    *(
        f.name
        for mixin in (DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin)
        for f in mixin._meta.get_fields()
    ),
}
BLOCK_END = re.compile(r"</(p|li|h2|h3|blockquote)>|<br\s*/?>", re.IGNORECASE)
TOKEN = re.compile(r"\n|[^\s]+")


@dataclass
class Change:
    label: str
    kind: str  # "text", "image", "list" or "value"
    before: object = None
    after: object = None
    segments: list = field(default_factory=list)  # text: [(op, words)], op equal/insert/delete
    added: list = field(default_factory=list)  # list
    removed: list = field(default_factory=list)  # list
    kept: list = field(default_factory=list)  # list


@dataclass
class Comparison:
    live: object  # None for a submission never published
    proposed: object
    changes: list

    @property
    def is_new(self):
        return self.live is None


def compare(obj):
    """The live version of `obj` against its latest revision, changed fields only."""
    proposed = obj.get_latest_revision_as_object() if obj.latest_revision_id else obj
    live = obj if obj.live else None
    changes = [
        change
        for compared in compared_fields(type(obj))
        if (change := _compare_field(compared, live, proposed)) is not None
    ]
    return Comparison(live=live, proposed=proposed, changes=changes)


def compared_fields(model):
    """(label, how to read it, kind) for every field a submitter edits, in the model's order."""
    taggit_throughs = set()
    fields = []
    for model_field in model._meta.get_fields():
        if isinstance(model_field, TaggableManager):
            taggit_throughs.add(model_field.through)
            fields.append(_list_field(model_field.verbose_name, _tag_names(model_field.name)))
        elif _is_content(model_field):
            fields.append(_described(model_field))
    for relation in get_all_child_relations(model):
        if relation.related_model not in taggit_throughs:
            label = relation.related_model._meta.verbose_name_plural
            fields.append(_list_field(label, _children(relation.get_accessor_name())))
    return fields


def text_diff(before, after):
    """[(op, words)] turning the text of HTML `before` into that of `after`; op is "equal",
    "insert" or "delete"; paragraphs are kept as line breaks."""
    old, new = _words(before), _words(after)
    segments = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("equal", "delete", "replace"):
            segments.append(("equal" if op == "equal" else "delete", _join(old[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(("insert", _join(new[j1:j2])))
    return segments


def readable_text(value):
    """The words of (rich) text `value`, one paragraph a line, without markup."""
    text = BLOCK_END.sub("\n", value or "")
    return "\n".join(
        " ".join(line.split()) for line in html.unescape(strip_tags(text)).splitlines()
    ).strip()


def _words(value):
    return TOKEN.findall(re.sub(r"\n+", "\n", readable_text(value)))


def _join(words):
    return " ".join(words).replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n")


def _is_content(model_field):
    if model_field.name in BOOKKEEPING or model_field.auto_created:
        return False
    if model_field.many_to_many:
        return model_field.remote_field.through._meta.auto_created
    return model_field.concrete and model_field.editable


def _described(model_field):
    label = model_field.verbose_name
    name = model_field.name
    if model_field.many_to_many:
        return _list_field(label, lambda obj: [str(item) for item in getattr(obj, name).all()])
    if isinstance(model_field, models.FileField):
        return (label, lambda obj: getattr(obj, name), "image")
    if isinstance(model_field, models.TextField):
        return (label, lambda obj: getattr(obj, name) or "", "text")
    reader = _value_reader(model_field)
    if _holds_many(model_field):
        return _list_field(label, reader)
    return (label, reader, "value")


def _holds_many(model_field):
    return getattr(model_field, "multiple", False) or isinstance(
        getattr(model_field, "base_field", None), models.Field
    )


def _list_field(label, reader):
    return (label, reader, "list")


def _tag_names(name):
    return lambda obj: sorted(tag.name for tag in getattr(obj, name).all())


def _children(accessor):
    return lambda obj: [str(child) for child in getattr(obj, accessor).all()]


def _value_reader(model_field):
    name = model_field.name
    labels = dict(model_field.flatchoices) if model_field.choices else {}

    def read(obj):
        value = getattr(obj, name)
        if isinstance(value, list | tuple):
            return [_shown(labels.get(item, item)) for item in value]
        return _shown(labels.get(value, value) if labels else value)

    return read


def _shown(value):
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if hasattr(value, "hour"):
        return date_format(value, "DATETIME_FORMAT")
    if hasattr(value, "day"):
        return date_format(value, "DATE_FORMAT")
    return str(getattr(value, "name", value))


def _compare_field(compared, live, proposed):
    label, read, kind = compared
    before = read(live) if live is not None else None
    after = read(proposed)
    if kind == "image":
        return _file_change(label, before, after)
    if before == after or (live is None and not after):
        return None
    if kind == "list":
        return _list_change(label, before or [], after)
    if kind == "text":
        return Change(label, kind, before, after, segments=text_diff(before or "", after))
    return Change(label, kind, before, after)


def _file_change(label, before, after):
    old = before.name if before else ""
    new = after.name if after else ""
    if old == new:
        return None
    return Change(label, "image", before if old else None, after if new else None)


def _list_change(label, before, after):
    return Change(
        label,
        "list",
        before,
        after,
        added=[item for item in after if item not in before],
        removed=[item for item in before if item not in after],
        kept=[item for item in after if item in before],
    )


def pending_changes():
    """Every moderated object whose review is in progress, the oldest first, with who asked and
    the object itself (one query per kind for the objects, whatever the number of rows)."""
    kinds = ContentType.objects.get_for_models(*moderated_models()).values()
    return (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS, content_type__in=kinds
        )
        .select_related("requested_by", "content_type")
        .prefetch_related("content_object")
        .order_by("created_at", "pk")
    )
