import pytest
from django.core.cache import cache
from django.urls import reverse
from zeal import zeal_ignore

from clusters.models import Cluster, ClusterGalleryImage
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


def test_cluster_page_shows_gallery_leads_with_organisations_events_and_directory_previews(client):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from tests.factories.events import EventFactory
    from tests.factories.listings import OrganisationFactory, ProjectFactory

    cluster = Cluster.objects.get(slug="health-and-care")
    lead = UserFactory(first_name="Grace", last_name="Hopper")
    cluster.leads.add(lead)
    OrganisationFactory(name="Care Lab", owner=lead, areas=[cluster.area])
    ProjectFactory(name="Patient Notes", areas=[cluster.area])
    OrganisationFactory(name="Elsewhere Org")
    image = Image.objects.create(title="Workshop", file=get_test_image_file())
    ClusterGalleryImage.objects.create(
        cluster=cluster, image=image, caption="Makers at the workshop"
    )
    EventFactory(title="Care hackathon", clusters=[cluster])
    EventFactory(title="Democracy night", clusters=[Cluster.objects.get(slug="digital-democracy")])

    response = client.get(cluster.get_absolute_url())

    html = response.text
    assert response.cookies == {}
    assert 'alt="Makers at the workshop"' in html
    assert "<figcaption>Makers at the workshop</figcaption>" in html
    assert "Grace Hopper," in html and ">Care Lab</a>" in html
    assert "Care hackathon" in html and "Democracy night" not in html
    assert 'href="/clusters/health-and-care/events.ics"' in html
    assert "Patient Notes" in html and "Elsewhere Org" not in html
    assert 'href="/organisations/?area=health-and-care"' in html
    assert 'href="/projects/?area=health-and-care"' in html


@pytest.mark.parametrize("count", [1, 20])
def test_cluster_page_query_count_does_not_grow(client, django_assert_num_queries, count):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from tests.factories.events import EventFactory
    from tests.factories.funding import FundingCallFactory
    from tests.factories.listings import OrganisationFactory
    from tests.factories.stories import BlogPageFactory, ResourceFactory

    cluster = Cluster.objects.get(slug="health-and-care")
    for number in range(count):
        image = Image.objects.create(title=f"Picture {number}", file=get_test_image_file())
        ClusterGalleryImage.objects.create(
            cluster=cluster, image=image, caption=f"Picture {number}"
        )
        lead = UserFactory()
        cluster.leads.add(lead)
        OrganisationFactory(owner=lead, areas=[cluster.area])
        EventFactory(clusters=[cluster])
        FundingCallFactory(clusters=[cluster])
        BlogPageFactory(clusters=[cluster])
        ResourceFactory(clusters=[cluster])

    with zeal_ignore():  # the first visit makes each image's rendition, once
        client.get(cluster.get_absolute_url())
    cache.clear()

    # among them: the cluster's open calls (funding); its stories, with Wagtail's
    # view-restriction check, the site for their addresses, and its resources (stories: 4)
    with django_assert_num_queries(14):
        response = client.get(cluster.get_absolute_url())

    assert len(response.context["cluster"].leads.all()) == count
    assert response.content.decode().count("<figcaption>Picture") == count
    with django_assert_num_queries(0):  # the same content: kept until it changes
        again = client.get(f"{cluster.get_absolute_url()}?again=1")
    assert again.content.decode().count("<figcaption>Picture") == count


def test_cluster_page_shows_a_new_event_at_once_without_the_page_cache(client, settings):
    from tests.factories.events import EventFactory

    settings.PAGE_CACHE = False
    cluster = Cluster.objects.get(slug="health-and-care")
    client.get(cluster.get_absolute_url())

    EventFactory(title="Care hackathon", clusters=[cluster])
    response = client.get(cluster.get_absolute_url())

    assert [event.title for event in response.context["sections"][0].context["events"]] == [
        "Care hackathon"
    ]


def test_cluster_page_offers_its_leads_post_an_event_with_the_cluster(client):
    lead = UserFactory()
    cluster = Cluster.objects.get(slug="digital-democracy")
    cluster.leads.add(lead)
    client.force_login(lead)

    response = client.get(cluster.get_absolute_url())

    link = '<a class="btn btn--primary" href="/events/new/?cluster=digital-democracy">'
    assert link + "Post an event for Digital democracy</a>" in response.text


@pytest.mark.parametrize("who", ["visitor", "member", "lead of another cluster"])
def test_cluster_page_offers_no_post_an_event_to_others(client, who):
    if who != "visitor":
        user = UserFactory()
        if who == "lead of another cluster":
            Cluster.objects.get(slug="health-and-care").leads.add(user)
        client.force_login(user)

    response = client.get(Cluster.objects.get(slug="digital-democracy").get_absolute_url())

    assert "All events of Digital democracy" in response.text
    assert "Post an event" not in response.text
