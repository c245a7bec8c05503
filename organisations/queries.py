"""Reads for the organisation pages that span several organisations."""

from .models import Organisation


def partner_organisations(organisation):
    """Published organisations that share a published project with `organisation`."""
    return (
        Organisation.objects.published()
        .filter(projects__organisations=organisation, projects__live=True)
        .exclude(pk=organisation.pk)
        .distinct()
        .order_by("name")
    )
