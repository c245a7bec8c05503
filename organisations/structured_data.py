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


def organisation_data(organisation, *, url, image_url=None):
    data = listing_data(organisation, schema_type="Organization", url=url, image_url=image_url)
    if organisation.founded:
        data["foundingDate"] = organisation.founded.isoformat()
    return data


def project_data(project, *, url, image_url=None, organisation_urls=()):
    data = listing_data(project, schema_type="Project", url=url, image_url=image_url)
    if project.start_date:
        data["foundingDate"] = project.start_date.isoformat()
    if project.end_date:
        data["dissolutionDate"] = project.end_date.isoformat()
    if organisation_urls:
        data["parentOrganization"] = [
            {"@type": "Organization", "name": name, "url": org_url}
            for name, org_url in organisation_urls
        ]
    return data
