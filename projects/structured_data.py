"""schema.org Project for a project's page (JSON-LD)."""

from listings.structured_data import listing_data


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
