"""/explore/network/ and its graph JSON: participation as edges, published content only."""

import json

import pytest
from django.urls import reverse

from taxonomy.models import AreaOfImpact, DSIFocus
from tests.factories.listings import OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db

NETWORK_URL = reverse("explore:network")
DATA_URL = reverse("explore:network-data")


def graph(client, **params):
    response = client.get(DATA_URL, params)
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def node_names(data):
    return sorted(node[2] for node in data["nodes"])


@pytest.fixture
def two_networks():
    """Alpha and Beta share Bridge; Gamma runs Solo with Delta; Loner has no project."""
    alpha, beta, gamma, delta = (
        OrganisationFactory(name=name) for name in ("Alpha", "Beta", "Gamma", "Delta")
    )
    OrganisationFactory(name="Loner")
    ProjectFactory(name="Bridge", organisations=[alpha, beta])
    ProjectFactory(name="Side", organisations=[alpha])
    ProjectFactory(name="Solo", organisations=[gamma, delta])
    return alpha, beta, gamma, delta


def test_graph_has_organisations_and_projects_linked_by_participation(client, two_networks):
    data = graph(client)

    assert node_names(data) == ["Alpha", "Beta", "Bridge", "Delta", "Gamma", "Side", "Solo"]
    assert sorted(data["edges"]) == [
        ["project:bridge", "org:alpha"],
        ["project:bridge", "org:beta"],
        ["project:side", "org:alpha"],
        ["project:solo", "org:delta"],
        ["project:solo", "org:gamma"],
    ]
    alpha = next(node for node in data["nodes"] if node[0] == "org:alpha")
    assert alpha[1:4] == ["org", "Alpha", "/organisations/alpha/"]


def test_summary_counts_networks_organisations_projects_and_the_largest(client, two_networks):
    summary = graph(client)["summary"]

    assert summary["networks"] == 2
    assert summary["networked_organisations"] == 4
    assert summary["collaborative_projects"] == 2
    assert summary["largest_component"] == 4  # Alpha, Beta, Bridge, Side


def test_graph_follows_the_lists_filters(client):
    health = AreaOfImpact.objects.get(slug="health-and-care")
    alpha = OrganisationFactory(name="Alpha", areas=[health])
    beta = OrganisationFactory(name="Beta")
    ProjectFactory(name="Care", organisations=[alpha, beta], areas=[health])

    assert node_names(graph(client, area="health-and-care")) == ["Alpha", "Care"]


def test_graph_never_shows_pending_rejected_or_withdrawn_content(client, hidden):
    shown = OrganisationFactory(name="Shown")
    hidden_organisations = hidden(OrganisationFactory)
    hidden_projects = hidden(ProjectFactory)
    ProjectFactory(name="Shown project", organisations=[shown, *hidden_organisations])
    for project in hidden_projects:
        project.organisations.set([shown])
        project.save()

    data = graph(client)

    assert node_names(data) == ["Shown", "Shown project"]
    assert data["summary"]["networks"] == 0


def test_focus_highlights_the_component_and_narrows_the_table(client, two_networks):
    response = client.get(NETWORK_URL, {"focus": "org:gamma"})

    assert response.context["component_size"] == 3
    assert [project.name for project, _orgs in response.context["connections"]] == ["Solo"]
    assert 'data-focus="org:gamma"' in response.text
    assert "Showing the network of Gamma: 3 organisations and projects." in response.text


def test_focus_on_a_node_keeps_the_dsi_focus_filter(client):
    DSIFocus.objects.create(name="Open data", slug="open-data-focus")
    alpha = OrganisationFactory(name="Alpha")
    beta = OrganisationFactory(name="Beta")
    open_data = DSIFocus.objects.filter(slug="open-data-focus")
    project = ProjectFactory(name="Shared", organisations=[alpha, beta])
    for listing in (alpha, project):
        listing.focus.set(open_data)
        listing.save()

    response = client.get(NETWORK_URL, {"focus": ["open-data-focus", "org:alpha"]})

    assert response.context["focus_node"].name == "Alpha"
    assert response.context["summary"]["organisations"] == 1
    assert f'data-graph="{DATA_URL}?focus=open-data-focus"' in response.text


def test_unknown_focus_says_so_and_keeps_the_whole_table(client, two_networks):
    response = client.get(NETWORK_URL, {"focus": "org:loner"})

    assert "has no published project links here" in response.text
    assert len(response.context["connections"]) == 3


def test_table_lists_each_projects_organisations_for_screen_readers_and_no_js(client, two_networks):
    response = client.get(NETWORK_URL)

    rows = [
        (project.name, [org.name for org in orgs])
        for project, orgs in response.context["connections"]
    ]
    assert rows == [
        ("Bridge", ["Alpha", "Beta"]),
        ("Side", ["Alpha"]),
        ("Solo", ["Gamma", "Delta"]),
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_graph_json_costs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    for _ in range(count):
        ProjectFactory(organisations=[OrganisationFactory(), OrganisationFactory()])

    with django_assert_num_queries(3):  # organisations, projects, links
        data = graph(client)
    with django_assert_num_queries(0):  # cached until the content changes
        graph(client)

    assert len(data["edges"]) == 2 * count


@pytest.mark.parametrize("count", [1, 3])
def test_network_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    for _ in range(count):
        ProjectFactory(organisations=[OrganisationFactory(), OrganisationFactory()])

    with django_assert_num_queries(3):  # as the graph's JSON: the page reads the same graph
        response = client.get(NETWORK_URL, {"focus": "org:nobody"})

    assert response.context["summary"]["collaborative_projects"] == count
