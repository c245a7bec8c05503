"""`seed_demo --scale small` (what `make run` loads): the hand-written demo in demo/fixture/,
as a first-time visitor, the demo logins and a developer running it twice would notice."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from clusters.models import Cluster
from events.models import Event
from funding.models import FundingCall
from organisations.models import Organisation
from projects.models import Project
from stories.models import Resource, StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    """Seed the small demo (with debug on, as `make run` does) into a scratch media folder;
    returns what the command printed."""
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    out = io.StringIO()
    call_command("seed_demo", scale="small", stdout=out)
    return out.getvalue()


def test_small_scale_loads_the_hand_written_demo_once(demo, client):
    out = io.StringIO()
    call_command("seed_demo", scale="small", stdout=out)

    now = timezone.now()
    assert "Added demo content: 40 organisations, 30 projects, 10 events" in demo
    assert "Added demo content" not in out.getvalue()
    assert Organisation.objects.published().count() == 40
    assert Project.objects.published().count() == 30
    assert not Organisation.objects.filter(slug__startswith="seed-").exists()
    events = Event.objects.published()
    assert events.count() == 10
    assert events.upcoming(now).count() == 7 and events.past(now).count() == 3
    assert events.values("timezone").distinct().count() >= 6
    calls = FundingCall.objects.published()
    assert calls.count() == 12
    assert calls.open().count() == 10 and calls.closed().count() == 2
    assert StoryPage.objects.live().count() == 8
    assert Resource.objects.published().count() == 10
    assert "Sample" not in client.get("/").text


def test_demo_listings_span_twelve_countries_every_cluster_and_link_to_each_other(demo):
    organisations = Organisation.objects.published()
    projects = Project.objects.published()

    countries = set(organisations.values_list("country", flat=True))
    assert len(countries) >= 12
    for cluster in Cluster.objects.all():
        assert organisations.filter(areas=cluster.area).exists(), cluster.slug
        assert projects.filter(areas=cluster.area).exists(), cluster.slug
    assert not projects.filter(organisations__isnull=True).exists()
    assert projects.filter(organisations__slug="repair-together").count() == 2
    project = projects.get(slug="skills-passport")
    partner_owner = Organisation.objects.get(slug="bridges-for-newcomers").memberships.get().user
    assert project.memberships.filter(user=partner_owner, role="member").exists()


def test_demo_cards_show_drawn_logos_and_story_pictures_with_alt_text(demo, client):
    response = client.get("/organisations/")
    home = client.get("/").text

    directory = response.text
    organisation = response.context["listings"][0]

    assert default_storage.exists(organisation.logo.name)
    assert default_storage.exists(organisation.header_image.name)
    assert f'<img class="listing-card__logo" src="{organisation.logo.url}" alt=""' in directory
    assert directory.count('class="listing-card__logo"') == len(response.context["listings"])
    pictures = re.findall(r'<img[^>]*class="card-media story-card__image"[^>]*>', home)
    assert pictures
    assert all('alt="Illustration for the story “' in picture for picture in pictures)


def test_demo_cluster_lead_logs_in_and_leads_one_cluster(demo, client):
    lead = get_user_model().objects.get(email="lead@example.org")

    logged_in = client.login(email="lead@example.org", password="demo-admin-password")

    assert logged_in
    assert list(lead.led_clusters.values_list("slug", flat=True)) == [
        "cities-and-urban-development"
    ]
    assert lead.groups.filter(name="Cluster leads").exists()
    page = client.get("/clusters/cities-and-urban-development/").text
    assert "Nuria Vidal" in page


def test_demo_people_other_than_the_demo_logins_cannot_log_in(demo, client):
    owner = Organisation.objects.get(slug="agora-participation").memberships.get().user

    assert not owner.has_usable_password()
    assert not client.login(email=owner.email, password="demo-admin-password")
    assert client.login(email="innovator@example.org", password="demo-admin-password")


def test_small_scale_adds_no_demo_content_without_debug(settings):
    settings.DEBUG = False

    call_command("seed_demo", scale="small", stdout=io.StringIO())

    assert not Organisation.objects.exists()
    assert not Event.objects.exists()
    assert not get_user_model().objects.filter(email="lead@example.org").exists()
