import csv
import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from dsi4eu.models import LegacyRecord
from organisations.claims import can_be_claimed
from organisations.models import Organisation
from projects.models import Project
from tests.factories.accounts import UserFactory
from tests.factories.listings import MembershipFactory, OrganisationFactory

from .records import ORGANISATIONS, PROJECTS, organisation_record, write_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def existing():
    """A listing already in the hub, which record 103 duplicates."""
    return OrganisationFactory(name="Open Commons", website="https://www.commons.example.org/")


def run_import(tmp_path, organisations=ORGANISATIONS, projects=PROJECTS):
    """Run the command on the files; returns its output and the report's rows by original id."""
    paths = write_export(tmp_path, organisations, projects)
    report = tmp_path / "report.csv"
    output = call_command("import_dsi4eu", *paths, "--report", str(report), stdout=_Sink())
    with report.open(encoding="utf-8") as stream:
        rows = {(row["kind"], row["original_id"]): row for row in csv.DictReader(stream)}
    return output, rows


class _Sink:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def test_import_creates_published_claimable_organisations_from_the_original_shapes(
    tmp_path, existing
):
    run_import(tmp_path)
    tools = Organisation.objects.get(name="Open Tools Collective")

    assert tools.live is True
    assert can_be_claimed(tools)
    assert tools.website == "https://www.opentools.example.org"
    assert tools.country == "GB"
    assert tools.city.name == "Manchester"
    assert tools.organisation_type.slug == "grassroots-community"
    assert tools.size.slug == "over-1000"
    assert tools.founded == dt.date(2014, 1, 1)
    assert tools.address == "1 Mill Street, Manchester"
    assert sorted(tools.keywords.names(), key=str.casefold) == [
        "education",
        "FabLab Network",
        "makers",
    ]
    assert tools.short_description == "We make things. Visit"
    assert tools.description == (
        '<p>We make things.</p><p><a rel="noopener nofollow ugc">Visit</a></p>'
    )
    assert tools.first_published_at.year != 1970


def test_import_finds_the_place_by_coordinates_when_the_region_is_unknown(tmp_path, existing):
    run_import(tmp_path)
    barri = Organisation.objects.get(name="Barri Digital")

    assert (barri.country, barri.city.name) == ("ES", "Barcelona")
    assert barri.first_published_at.date() == dt.date(2017, 3, 22)
    assert barri.organisation_type.slug == "non-profit"


def test_import_skips_duplicates_and_nameless_records_with_a_reason(tmp_path, existing):
    __, rows = run_import(tmp_path)

    assert Organisation.objects.count() == 4  # existing, 101, 102, 106
    assert rows["organisation", "103"]["outcome"] == "skipped"
    assert rows["organisation", "103"]["reason"] == (
        "duplicate of “Open Commons” (same website commons.example.org)"
    )
    assert rows["organisation", "104"]["reason"] == "no name"
    assert rows["organisation", "105"]["reason"] == (
        "duplicate of “Open Tools Collective” (same website opentools.example.org)"
    )
    assert rows["organisation", "106"]["outcome"] == "created"
    assert Organisation.objects.get(name="Nowhere Lab").city is None


def test_import_maps_old_vocabulary_and_keeps_unknown_tags_as_keywords(tmp_path, existing):
    run_import(tmp_path)
    repair = Project.objects.get(name="Repair Café Network")

    assert sorted(repair.areas.values_list("slug", flat=True)) == [
        "digital-democracy",
        "skills-and-learning",
    ]
    assert list(repair.technologies.values_list("slug", flat=True)) == ["big-data"]
    assert list(repair.focus.values_list("slug", flat=True)) == ["open-knowledge"]
    assert sorted(repair.keywords.names()) == ["citizen science", "students"]  # "21" dropped
    assert repair.start_date == dt.date(2016, 1, 1)
    assert repair.description == "Fix<p>Fixing <em>together</em>.</p>"  # no h1, no img
    assert repair.live is True


def test_import_links_projects_to_organisations_named_on_either_side(tmp_path, existing):
    __, rows = run_import(tmp_path)
    repair = Project.objects.get(name="Repair Café Network")
    street = Project.objects.get(name="Street Data")

    assert sorted(repair.organisations.values_list("name", flat=True)) == [
        "Barri Digital",
        "Open Tools Collective",
    ]
    # 105 was a duplicate of 101: the link goes to 101's listing; 999 is not in the export.
    assert list(street.organisations.values_list("name", flat=True)) == ["Open Tools Collective"]
    assert rows["project", "202"]["reason"] == "linked organisations not imported: 999"
    assert street.status == "closed"
    assert (street.country, street.city.name) == ("FR", "Lyon")


def test_a_second_run_changes_nothing(tmp_path, existing):
    run_import(tmp_path)
    before = {
        model: list(model.objects.order_by("pk").values_list("pk", "updated_at"))
        for model in (Organisation, Project)
    }
    records = list(LegacyRecord.objects.order_by("pk").values_list("pk", "updated_at"))

    output, rows = run_import(tmp_path)

    assert {row["outcome"] for row in rows.values()} == {"skipped"}
    assert rows["organisation", "101"]["reason"] == "unchanged since the last import"
    assert rows["organisation", "105"]["reason"] == "duplicate of “Open Tools Collective”"
    assert {
        model: list(model.objects.order_by("pk").values_list("pk", "updated_at"))
        for model in (Organisation, Project)
    } == before
    assert list(LegacyRecord.objects.order_by("pk").values_list("pk", "updated_at")) == records


def test_a_changed_record_updates_its_listing_unless_it_has_members_now(tmp_path, existing):
    run_import(tmp_path)
    MembershipFactory(
        organisation=Organisation.objects.get(name="Barri Digital"), user=UserFactory()
    )
    changed = [
        {**record, "short_description": "Changed."}
        if record["organisation_id"] in (101, "102")
        else record
        for record in ORGANISATIONS
    ]

    __, rows = run_import(tmp_path, changed)

    assert rows["organisation", "101"]["outcome"] == "updated"
    assert Organisation.objects.get(name="Open Tools Collective").short_description == "Changed."
    assert rows["organisation", "102"]["outcome"] == "skipped"
    assert rows["organisation", "102"]["reason"] == (
        "changed, but its listing has members now: their version is kept"
    )
    assert Organisation.objects.get(name="Barri Digital").short_description == (
        "Digital inclusion in the neighbourhood."
    )


def test_the_command_prints_the_counts_and_where_the_report_is(tmp_path, existing):
    paths = write_export(tmp_path)
    out = _Sink()

    call_command("import_dsi4eu", *paths, "--report", str(tmp_path / "r.csv"), stdout=out)

    assert out.text.splitlines() == [
        "Organisations: created 3, updated 0, skipped 3",
        "Projects: created 2, updated 0, skipped 0",
        f"Report: {tmp_path / 'r.csv'}",
    ]


def test_the_report_quotes_what_a_spreadsheet_would_run_as_a_formula(tmp_path):
    __, rows = run_import(tmp_path, [organisation_record(1, '=HYPERLINK("x")')], [])

    assert rows["organisation", "1"]["name"] == '\'=HYPERLINK("x")'


def test_the_command_refuses_a_file_that_is_not_a_list_of_records(tmp_path):
    (tmp_path / "o.json").write_text('{"organisation_id": 1}')
    (tmp_path / "p.json").write_text("[]")

    with pytest.raises(CommandError, match="must hold a list of records"):
        call_command("import_dsi4eu", str(tmp_path / "o.json"), str(tmp_path / "p.json"))


def test_a_project_listed_twice_keeps_the_links_of_both_records(tmp_path, existing):
    twice = [*PROJECTS, {**PROJECTS[1], "project_id": 203, "linked_organisation_ids": ["102"]}]

    __, rows = run_import(tmp_path, projects=twice)
    street = Project.objects.get(name="Street Data")

    assert rows["project", "203"]["reason"] == "duplicate of “Street Data” (same name)"
    assert sorted(street.organisations.values_list("name", flat=True)) == [
        "Barri Digital",
        "Open Tools Collective",
    ]


def test_imported_listings_have_public_pages(client, tmp_path, existing):
    run_import(tmp_path)

    organisation = client.get("/organisations/open-tools-collective/")
    project = client.get("/projects/street-data/")

    assert "Open Tools Collective" in organisation.text
    assert "Repair Café Network" in organisation.text  # its project, linked from its side
    assert "Street Data" in project.text
    assert "Open Tools Collective" in project.text
