"""`manage.py seed_demo --scale large`, at a hundredth of its size: what a visitor would notice."""

import io
import random
from collections import Counter

import pytest
from django.core.management import call_command
from django.db.models import Count, F
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from demo.seeding.places import PlacePicker
from funding.models import FundingCall
from organisations.models import Organisation
from projects.models import Project
from taxonomy.models import Place
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory

pytestmark = pytest.mark.django_db

TINY = {"scale": "large", "factor": 0.01}  # 100 organisations, 150 projects, 50 people


def seed(**options):
    out = io.StringIO()
    call_command("seed_demo", **{**TINY, **options}, stdout=out)
    return out.getvalue()


def seeded(model):
    return model.objects.filter(slug__startswith="seed-")


def test_seed_demo_writes_the_scaled_counts():
    seed()

    assert seeded(Organisation).count() == 100
    assert seeded(Project).count() == 150


def test_seeded_published_organisations_are_listed_newest_first(client):
    seed()
    newest = seeded(Organisation).published().order_by("-first_published_at").first()

    response = client.get("/organisations/")

    assert response.context["paginator"].count == seeded(Organisation).published().count()
    assert response.context["listings"][0] == newest
    assert newest.name in response.content.decode()


def test_seeded_organisation_page_shows_its_members_and_keywords(client):
    seed()
    organisation = (
        seeded(Organisation)
        .published()
        .annotate(members_count=Count("memberships", distinct=True))
        .filter(members_count__gte=2, tagged_keywords__isnull=False)
        .first()
    )
    owner = organisation.memberships.get(role="owner").user

    response = client.get(organisation.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert organisation.name in page
    assert owner.public_name in page
    assert organisation.keywords.first().name in page


def test_every_seeded_project_links_one_to_five_organisations():
    seed()

    counts = seeded(Project).annotate(n=Count("organisations")).values_list("n", flat=True)

    assert set(counts) <= {1, 2, 3, 4, 5}
    assert len(set(counts)) > 1


def test_some_seeded_listings_have_no_members_as_imported_ones():
    seed()

    memberless = seeded(Organisation).filter(memberships__isnull=True).count()

    assert 0 < memberless < seeded(Organisation).count()
    assert seeded(Project).filter(memberships__isnull=True).exists()


def test_every_seeded_listing_is_in_its_places_country():
    seed()

    for model in (Organisation, Project):
        assert not seeded(model).filter(city__isnull=True).exists()
        assert not seeded(model).exclude(country=F("city__country")).exists()


def test_places_are_drawn_in_proportion_to_population():
    picker = PlacePicker(random.Random(1))  # noqa: S311 - reproducible draws, not secrets
    european = Place.objects.filter(country__in=["DE", "FR", "IT", "ES", "GB", "PL"])
    city = european.order_by("-population").first()
    town = european.order_by("population").first()

    draws = Counter(picker.pick()[0] for _ in range(5_000))

    assert draws[city.pk] > 20
    assert draws[city.pk] > 10 * draws[town.pk]


def test_seeded_listings_are_in_the_search_index():
    seed()
    organisation = seeded(Organisation).published().order_by("pk").first()

    results = get_search_backend().search(organisation.name, Organisation.objects.published())

    assert organisation in list(results)


def test_seeding_again_changes_nothing():
    seed()

    output = seed()

    assert "already present" in output
    assert seeded(Organisation).count() == 100
    assert seeded(Project).count() == 150


def test_reset_replaces_seeded_rows_and_keeps_everything_else():
    person = UserFactory()
    organisation = OrganisationFactory(name="Real Cooperative", owner=person)
    seed()

    seed(reset=True)

    assert seeded(Organisation).count() == 100
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert organisation.memberships.filter(user=person).exists()


def test_seeding_is_reproducible():
    seed()
    first = list(seeded(Organisation).order_by("pk").values_list("slug", "city_id"))

    seed(reset=True)

    assert list(seeded(Organisation).order_by("pk").values_list("slug", "city_id")) == first


def test_seed_demo_adds_open_closed_and_rolling_funding_calls(client):
    seed()

    calls = FundingCall.objects.filter(slug__startswith="seed-")
    today = timezone.localdate()
    assert calls.count() == 10
    assert calls.published().open().exists()
    assert calls.filter(closes_on__isnull=True).exists() or calls.closed(today).exists()
    assert all(call.areas.exists() for call in calls)
    listed = client.get("/funding/").context["paginator"].count
    assert listed == calls.published().open().count()


def test_seed_demo_adds_events_past_and_upcoming_some_recurring_in_many_zones(client):
    from django.utils import timezone

    from events.models import Event

    seed()

    events = seeded(Event)
    assert events.count() == 30  # 3,000 at full scale
    now = timezone.now()
    assert events.published().upcoming(now).exists() and events.published().past(now).exists()
    assert events.exclude(recurrence="").exists()
    assert events.values("timezone").distinct().count() > 3
    assert all(e.next_start and e.last_end >= e.next_start for e in events)
    upcoming = events.published().upcoming(now).first()
    assert upcoming.title in client.get("/events/").content.decode()


def test_seed_demo_reset_deletes_seeded_events():
    from events.models import Event

    seed()
    seed(reset=True)

    assert seeded(Event).count() == 30


@pytest.mark.parametrize("name", ["cluster", "events", "event-detail", "events-ics"])
def test_bench_pages_for_events_resolve_on_seeded_data(client, name):
    from bench.pages import PAGES

    seed(factor=0.05)  # 150 events: enough to find one with a place, clusters and an organiser
    [page] = [page for page in PAGES if page.name == name]

    response = client.get(page.resolve())

    assert response.status_code == 200
    assert len(response.content) > 1000


def test_seed_demo_adds_stories_and_resources_that_reset_removes(client):
    from bench.pages import seeded_case_study
    from stories.models import CaseStudyPage, Resource, StoryPage

    seed(factor=0.1)  # 50 stories, 30 resources

    stories = StoryPage.objects.filter(slug__startswith="seed-")
    resources = Resource.objects.filter(link_url__startswith="https://resources.seed.example.org/")
    assert stories.live().count() == 50
    assert resources.count() == 30
    assert CaseStudyPage.objects.filter(project__slug__startswith="seed-").exists()
    assert client.get("/stories/").context["paginator"].count == 50
    assert client.get("/resources/").context["paginator"].count == 30
    assert seeded_case_study().startswith("/stories/seed-story-")

    seed(reset=True, factor=0.1)

    assert stories.count() == 50
    assert resources.count() == 30


def seeded_subscribers():
    from newsletter.models import Subscriber

    return Subscriber.objects.filter(email__endswith="@seed.example.org")


def test_seed_demo_adds_subscribers_in_every_state_with_varied_preferences():
    seed()  # 1,000 subscribers (100,000 at full scale)

    subscribers = seeded_subscribers()
    statuses = Counter(subscribers.values_list("status", flat=True))
    languages = Counter(subscribers.values_list("language", flat=True))
    assert subscribers.count() == 1000
    assert subscribers.filter(email="seed-subscriber-1000@seed.example.org").exists()
    assert set(statuses) == {"active", "pending", "unsubscribed", "bounced"}
    assert 800 <= statuses["active"] <= 900
    assert 700 <= subscribers.filter(wants_newsletter=True).count() <= 900
    assert 400 <= subscribers.filter(wants_digest=True).count() <= 600
    assert languages.most_common(1)[0][0] == "en" and len(languages) == 8
    assert subscribers.filter(clusters__isnull=False).distinct().count() > 500
    assert subscribers.filter(countries="").count() < 400
    assert not subscribers.active().filter(confirmed_at__isnull=True).exists()


def test_seeded_subscribers_have_the_consent_records_their_state_implies():
    from newsletter.services.subscriptions import preferences_snapshot

    seed()

    subscribers = seeded_subscribers()
    active = subscribers.active().filter(clusters__isnull=False).exclude(countries="").first()
    actions = list(active.consents.values_list("action", flat=True))
    assert actions == ["subscribe", "confirm"]
    assert active.consents.last().preferences == preferences_snapshot(active)
    assert not subscribers.filter(consents__isnull=True).exists()
    left = subscribers.filter(status="unsubscribed").first()
    assert list(left.consents.values_list("action", flat=True))[-1] == "unsubscribe"
    assert all(s.bounces.count() == 1 for s in subscribers.filter(status="bounced"))


def test_seeded_subscribers_are_the_newsletter_audience():
    from newsletter.services import dispatch
    from tests.factories.newsletter import NewsletterIssueFactory

    seed()
    issue = NewsletterIssueFactory(status="scheduled")

    queued = dispatch.queue_issue_deliveries(issue, timezone.now())

    assert queued == seeded_subscribers().wanting_issues().count()
    assert 600 < queued < 750


def test_reset_replaces_seeded_subscribers_and_keeps_real_ones():
    from tests.factories.newsletter import SubscriberFactory

    reader = SubscriberFactory(email="reader@example.org")
    seed()
    first = list(seeded_subscribers().order_by("email").values_list("email", "key", "status"))

    output = seed(reset=True)

    assert "1000 newsletter subscribers" in output
    assert list(seeded_subscribers().order_by("email").values_list("email", "key", "status")) == (
        first
    )
    assert reader.__class__.objects.filter(pk=reader.pk).exists()


def test_seeding_again_adds_no_subscribers():
    seed()

    seed()

    assert seeded_subscribers().count() == 1000


def test_small_scale_adds_demo_subscribers_and_one_sample_issue_once(settings, client):
    from newsletter.models import NewsletterIssue

    settings.DEBUG = True

    call_command("seed_demo", scale="small", stdout=io.StringIO())
    call_command("seed_demo", scale="small", stdout=io.StringIO())

    [issue] = NewsletterIssue.objects.all()
    assert seeded_subscribers().count() == 8
    assert issue.subject.startswith("Sample issue: ") and issue.status == "sent"
    assert issue.deliveries.count() == seeded_subscribers().wanting_issues().count()
    archive = client.get("/newsletter/archive/")
    assert list(archive.context["issues"]) == [issue]
    assert issue.subject in archive.content.decode()
    assert client.get(issue.get_absolute_url()).status_code == 200


def test_demo_subscribers_are_written_without_copy_as_on_the_embedded_sqlite():
    """`make run` seeds on SQLite, which has no COPY: the plain INSERT path writes the same rows."""
    import datetime as dt
    import uuid

    from django.db import connection
    from django.utils import timezone

    from demo.seeding import newsletter as seeding
    from newsletter.models import Subscriber

    key = uuid.uuid4()
    row = {
        "email": "sqlite-path@seed.example.org",
        "key": key,
        "status": "active",
        "language": "de",
        "wants_newsletter": True,
        "wants_digest": False,
        "countries": "DE,AT",
        "created_at": timezone.now() - dt.timedelta(days=3),
        "confirmed_at": timezone.now(),
        "confirmation_sent_at": None,
        "unsubscribed_at": None,
    }
    names = ", ".join(connection.ops.quote_name(column) for column in row)

    seeding._insert(
        Subscriber, connection.ops.quote_name("newsletter_subscriber"), names, list(row), [row]
    )

    subscriber = Subscriber.objects.get(email="sqlite-path@seed.example.org")
    assert (subscriber.key, subscriber.language, subscriber.wants_digest) == (key, "de", False)
    assert sorted(country.code for country in subscriber.countries) == ["AT", "DE"]
    assert subscriber.is_active
