"""Free keywords and skills: taggit tags, one per name whatever its case.

Two people may type the same new keyword at the same moment; the second INSERT then hits the
unique name and is answered with the tag the first one made, instead of an error.
"""

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from taggit.models import Tag


def tags_named(names):
    """Tags for `names`, matched case-insensitively in one query ("Open Data" is "open data");
    missing ones are created with the first spelling given."""
    wanted = {}
    for name in names:
        wanted.setdefault(name.lower(), name)
    existing = {
        tag.lowered: tag
        for tag in Tag.objects.annotate(lowered=Lower("name")).filter(lowered__in=list(wanted))
    }
    return [existing.get(key) or tag_named(name) for key, name in wanted.items()]


def tag_named(name):
    """The tag called `name` in any case, created if there is none yet (race-safe)."""
    existing = Tag.objects.filter(name__iexact=name).order_by("pk").first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Tag.objects.create(name=name)
    except IntegrityError:
        return Tag.objects.filter(name__iexact=name).earliest("pk")
