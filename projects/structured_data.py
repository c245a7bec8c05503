"""schema.org Project for a project's page (JSON-LD)."""

from listings.structured_data import listing_data


def project_data(project, *, url, image_url=None, absolute=str):
    """JSON-LD of a project's page; `absolute(path)` makes its organisations' links absolute."""
    data = listing_data(project, schema_type="Project", url=url, image_url=image_url)
    if project.start_date:
        data["foundingDate"] = project.start_date.isoformat()
    if project.end_date:
        data["dissolutionDate"] = project.end_date.isoformat()
    organisations = project.organisations.all()
    if organisations:
        data["parentOrganization"] = [
            {"@type": "Organization", "name": o.name, "url": absolute(o.get_absolute_url())}
            for o in organisations
        ]
    return data
