"""An organisation's and a project's own part of the network, on their pages."""

import pytest

from tests.factories.listings import OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def section(client, listing):
    response = client.get(listing.get_absolute_url())
    [network] = [s for s in response.context["extra_sections"] if s.key.endswith("-network")]
    return network.context, response.text


def test_organisation_page_lists_its_projects_with_their_partners(client):
    alpha, beta, gamma = (OrganisationFactory(name=n) for n in ("Alpha", "Beta", "Gamma"))
    ProjectFactory(name="Bridge", organisations=[alpha, beta, gamma])
    ProjectFactory(name="Alone", organisations=[alpha])
    ProjectFactory(name="Elsewhere", organisations=[beta])

    context, text = section(client, alpha)

    rows = [(row["name"], [other["name"] for other in others]) for row, others in context["rows"]]
    assert rows == [("Alone", []), ("Bridge", ["Beta", "Gamma"])]
    assert 'href="/explore/network/?focus=org%3Aalpha">See the network of Alpha</a>' in text


def test_project_page_lists_its_organisations_with_their_other_projects(client):
    alpha, beta = OrganisationFactory(name="Alpha"), OrganisationFactory(name="Beta")
    bridge = ProjectFactory(name="Bridge", organisations=[alpha, beta])
    ProjectFactory(name="Other", organisations=[beta])

    context, _text = section(client, bridge)

    rows = [(row["name"], [other["name"] for other in others]) for row, others in context["rows"]]
    assert rows == [("Alpha", []), ("Beta", ["Other"])]


def test_neighbourhood_never_shows_pending_rejected_or_withdrawn_content(client, hidden):
    alpha = OrganisationFactory(name="Alpha")
    shown = ProjectFactory(name="Shown", organisations=[alpha])
    for organisation in hidden(OrganisationFactory):
        shown.organisations.add(organisation)
    shown.save()
    for project in hidden(ProjectFactory):
        project.organisations.set([alpha])
        project.save()

    context, text = section(client, alpha)

    assert [(row["name"], others) for row, others in context["rows"]] == [("Shown", [])]
    assert "Hidden" not in text


def test_a_listing_without_projects_has_no_network_section(client):
    loner = OrganisationFactory(name="Loner")

    response = client.get(loner.get_absolute_url())

    assert [s.key for s in response.context["extra_sections"] if "network" in s.key] == []
