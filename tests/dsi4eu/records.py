"""A small export in the original platform's shapes, messy ones included."""

import json


def organisation_record(organisation_id, name, **fields):
    """An organisation as the original export wrote it (every key, empty values)."""
    return {
        "organisation_id": organisation_id,
        "organisation_name": name,
        "website": "",
        "short_description": "",
        "long_description": "",
        "country": "",
        "region": "",
        "latitude": "",
        "longitude": "",
        "address": "",
        "organisation_type": {"id": "", "name": ""},
        "organisation_size": "",
        "startDate": "",
        "linked_project_ids": [],
        "tags": [],
        "networkTags": [],
        "created": "1970-01-01",
        **fields,
    }


def project_record(project_id, name, **fields):
    """A project as the original export wrote it."""
    return {
        "project_id": project_id,
        "project_name": name,
        "website": "",
        "short_description": "",
        "long_description": "",
        "social_impact": "",
        "start_date": None,
        "end_date": None,
        "country": "",
        "region": "",
        "latitude": "",
        "longitude": "",
        "linked_organisation_ids": [],
        "who_we_help_tags": [],
        "support_tags": [],
        "focus": [],
        "technology": [],
        "creation_date": "1970-01-01",
        **fields,
    }


ORGANISATIONS = [
    organisation_record(
        101,
        "<b>Open Tools</b> Collective",
        website="www.opentools.example.org",
        long_description="<p>We <b>make</b> things.<script>alert('x')</script></p>"
        '<p><a href="javascript:alert(1)" onclick="x()">Visit</a></p>',
        country="United Kingdom",
        region="Manchester",
        latitude=53.48,
        longitude=-2.24,
        address="1 Mill Street,\nManchester",
        organisation_type={"id": 4, "name": "Grassroots organisation or community network"},
        organisation_size="over-1000 people",
        startDate="2014-01-01",
        linked_project_ids=["201"],
        tags=["makers", "Makers", "education"],
        networkTags=[{"id": "13", "name": "FabLab Network"}],
    ),
    organisation_record(
        "102",  # an id as a string
        "Barri Digital",
        short_description="Digital inclusion in the neighbourhood.",
        country="Spain",
        region="Not a place of the gazetteer",
        latitude="41.39",  # coordinates as strings
        longitude="2.17",
        organisation_type={
            "id": 2,
            "name": "Social enterprise, charity, foundation or other non-profit",
        },
        created="2017-03-22",
    ),
    organisation_record(103, "Open Commons Ltd", website="https://commons.example.org/about"),
    organisation_record(104, "   "),  # no name
    organisation_record(105, "Open Tools (second account)", website="http://opentools.example.org"),
    organisation_record(106, "Nowhere Lab", latitude=0, longitude=0),
]

PROJECTS = [
    project_record(
        201,
        "Repair Café Network",
        long_description="<h1>Fix</h1><p>Fixing <em>together</em>.</p><img src=x onerror=alert(1)>",
        linked_organisation_ids=["102"],
        support_tags=[
            {"id": "1", "name": "Education and skills"},
            {"id": "2", "name": "Participation and democracy"},
            {"id": "99", "name": "citizen science"},
        ],
        technology=[{"id": "72", "name": "big data"}, {"id": "5", "name": "21"}],
        focus=[{"id": "4", "name": "Open knowledge"}],
        who_we_help_tags=["students"],
        start_date="2016-01-01",
    ),
    project_record(
        "202",
        "Street Data",
        linked_organisation_ids=["105", "999"],
        start_date="2016-02-01",
        end_date="2017-05-21",
        country="France",
        region="Lyon",
    ),
]


def write_export(folder, organisations=ORGANISATIONS, projects=PROJECTS):
    """The two files in `folder`; returns their paths as strings."""
    paths = folder / "organisations.json", folder / "projects.json"
    paths[0].write_text(json.dumps(organisations), encoding="utf-8")
    paths[1].write_text(json.dumps(projects), encoding="utf-8")
    return [str(path) for path in paths]
