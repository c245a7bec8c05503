import pytest
from django.urls import reverse

from clusters.models import Cluster
from tests.factories.accounts import UserFactory
from tests.factories.clusters import ClusterFactory

pytestmark = pytest.mark.django_db


SEEDED = {
    "Health and care": "WeMake",
    "Skills and learning": "Fab Lab Barcelona",
    "Digital democracy": "ePaństwo Foundation",
    "Food, environment and climate change": "Waag",
    "Migration and integration": "betterplace lab",
    "Cities and urban development": "Barcelona Activa",
}


def test_cluster_list_shows_the_six_clusters_with_their_coordinators(client):
    response = client.get(reverse("clusters:index"))

    html = response.text
    assert [cluster.title for cluster in response.context["clusters"]] == list(SEEDED)
    for title, coordinator in SEEDED.items():
        assert title in html
        assert f"Coordinated by {coordinator}" in html
    assert 'href="/clusters/health-and-care/"' in html


def test_cluster_list_shows_lead_names(client):
    lead = UserFactory(first_name="Ada", last_name="Lovelace", email="ada@example.org")
    Cluster.objects.get(slug="digital-democracy").leads.add(lead)

    response = client.get(reverse("clusters:index"))

    assert "Ada Lovelace" in response.text
    assert "ada@example.org" not in response.text


@pytest.mark.parametrize("clusters_with_leads", [1, 3])
def test_cluster_list_query_count_does_not_grow_with_leads(
    client, django_assert_num_queries, clusters_with_leads
):
    for cluster in Cluster.objects.all()[:clusters_with_leads]:
        cluster.leads.add(UserFactory(), UserFactory())

    with django_assert_num_queries(2):
        response = client.get(reverse("clusters:index"))

    assert len(response.context["clusters"]) == 6


def test_cluster_detail_shows_the_cluster_and_its_leads(client):
    lead = UserFactory(first_name="Grace", last_name="Hopper", email="grace@example.org")
    cluster = ClusterFactory(
        title="Open science",
        coordinator="Open Knowledge Lab",
        intro="Researchers and citizens opening up science together.",
        body="<p>We meet <b>monthly</b>.</p>",
        get_in_touch="science@example.org",
        leads=[lead],
    )

    response = client.get(cluster.get_absolute_url())

    html = response.text
    assert response.context["cluster"] == cluster
    assert "<h1>Open science</h1>" in html
    assert "Open Knowledge Lab" in html
    assert "Researchers and citizens opening up science together." in html
    assert "<b>monthly</b>" in html
    assert "Grace Hopper" in html
    assert "grace@example.org" not in html
    assert 'href="mailto:science@example.org"' in html


def test_cluster_detail_of_a_seeded_cluster_names_its_area(client):
    response = client.get(reverse("clusters:cluster-detail", kwargs={"slug": "health-and-care"}))

    assert response.context["cluster"].coordinator == "WeMake"
    assert "<dd>Health and care</dd>" in response.text


def test_cluster_detail_with_unknown_slug_is_not_found(client):
    response = client.get(reverse("clusters:cluster-detail", kwargs={"slug": "no-such-cluster"}))

    assert response.status_code == 404
