"""schema.org descriptions of listings, rendered as JSON-LD on their pages."""


def listing_data(listing, *, schema_type, url, image_url=None):
    """The properties organisations and projects share (Organization and its subtype Project)."""
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": listing.name,
        "description": listing.short_description,
        "url": url,
    }
    if image_url:
        data["logo"] = image_url
    same_as = [listing.website] if listing.website else []
    same_as += [link.url for link in listing.links.all()]
    if same_as:
        data["sameAs"] = same_as
    if listing.country:
        data["address"] = _address(listing)
    keywords = [item.tag.name for item in listing.tagged_keywords.all()]
    if keywords:
        data["keywords"] = ", ".join(keywords)
    return data


def _address(listing):
    address = {"@type": "PostalAddress", "addressCountry": listing.country.code}
    if listing.city_id:
        address["addressLocality"] = listing.city.name
    if listing.address:
        address["streetAddress"] = listing.address
    return address
