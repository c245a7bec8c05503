"""The kinds of listing (organisations, projects), found without importing their apps.

listings sits below organisations and projects; it reaches their models through the app
registry and their rows through related names (`listing.memberships`, `.invitations`, ...).
"""

import functools

from django.apps import apps


def listing_models():
    """Every concrete listing model (Organisation, Project), in app order."""
    from .models import Listing

    return [model for model in apps.get_models() if issubclass(model, Listing)]


def listing_kind(listing):
    """ "organisation" or "project": the prefix of a listing's URL names."""
    return listing._meta.model_name


def listing_of(obj):
    """The listing a membership, invitation or join request belongs to."""
    return getattr(obj, listing_field(type(obj)))


@functools.cache
def listing_field(model):
    """The name of `model`'s foreign key to a listing: "organisation" or "project"."""
    from .models import Listing

    for field in model._meta.concrete_fields:
        if field.is_relation and issubclass(field.related_model, Listing):
            return field.name
    raise LookupError(f"{model.__name__} has no foreign key to a listing")


def related_model(listing_model, related_name):
    """The model behind `listing_model.<related_name>` (e.g. "invitations" -> Invitation)."""
    return getattr(listing_model, related_name).rel.related_model
