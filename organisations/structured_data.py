"""schema.org Organization for an organisation's page (JSON-LD)."""

from listings.structured_data import listing_data


def organisation_data(organisation, *, url, image_url=None, absolute=None):
    """JSON-LD of an organisation's page (`absolute` is unused: it links to nothing else)."""
    data = listing_data(organisation, schema_type="Organization", url=url, image_url=image_url)
    if organisation.founded:
        data["foundingDate"] = organisation.founded.isoformat()
    return data
