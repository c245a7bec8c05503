"""Reads for a cluster's page that span other apps' models."""

from django.urls import reverse

from listings.kinds import listing_models

PREVIEW_SIZE = 3


def directory_previews(cluster):
    """Per kind of listing (organisations, projects): a few of the newest published ones in the
    cluster's area and the filtered directory's address. Two queries per kind."""
    previews = []
    for model in listing_models():
        opts = model._meta
        listings = (
            model.objects.published()
            .for_cards()
            .filter(areas=cluster.area_id)
            .order_by("-first_published_at", "-pk")[:PREVIEW_SIZE]
        )
        url = reverse(f"{opts.app_label}:{opts.model_name}-list")
        previews.append(
            {
                "kind": opts.model_name,
                "listings": list(listings),
                "url": f"{url}?area={cluster.area.slug}",
            }
        )
    return previews
