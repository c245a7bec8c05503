"""Slugs for submitted content: unique per model, never shadowing a path, safe under races."""

from django.db import IntegrityError, transaction
from django.utils.text import slugify

#: Paths beside "<slug>/" under a kind's URL prefix (/organisations/new/ …) that no slug may take.
RESERVED_SLUGS = frozenset({"new", "edit", "invitations", "join", "search", "dashboard", "saved"})
SLUG_MAX_LENGTH = 200
ATTEMPTS = 8


def unique_slug(model, text):
    """A slug from `text` that no other row of `model` uses: "fab-lab", then "fab-lab-2"..."""
    base = slugify(text)[:SLUG_MAX_LENGTH].strip("-") or model._meta.model_name
    taken = set(model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in RESERVED_SLUGS or slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def save_with_unique_slug(obj, text):
    """Save the new `obj` under a unique slug made from `text`.

    Two submissions with the same name at the same moment both see "fab-lab" free; the second
    INSERT then fails on the unique index, and is retried (in a savepoint) with the next free
    slug instead of ending in an error.
    """
    model = type(obj)
    for _attempt in range(ATTEMPTS):
        obj.slug = unique_slug(model, text)
        try:
            with transaction.atomic():
                obj.save()
            return obj
        except IntegrityError:
            if not model._default_manager.filter(slug=obj.slug).exists():
                raise
            obj.pk = None
    raise IntegrityError(f"no free slug for {text!r} after {ATTEMPTS} attempts")
