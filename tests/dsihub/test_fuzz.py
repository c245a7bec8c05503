"""A fuzz pass over every public and member form, every list's filter parameters, the paths
that take a value, and the admin forms that non-staff roles reach (a cluster lead's cluster, an
editor's story pages and resources): each field or parameter gets each hostile value (control
characters, NUL, an encoded lone surrogate, invalid UTF-8, bidi overrides, 100,000 characters,
negative and huge numbers, dates at year 1 and 9999, unknown choices, a list where one value is
expected, markup) and nothing answers a server error.

One test per page, looping over its fields and the values, so the pass stays fast; a failure
lists every (field, value) that answered 5xx. Forms are posted with the honeypot filled in
where they have one: every field is still cleaned (and the model validated), nothing is saved,
so the sweep does not stop at a rate limit or a pending cap. `test_hostile_values_that_are_saved`
posts the create forms without it, so accepted values go through the services to the database.
"""

from urllib.parse import quote, urlencode

import pytest
from django.test import Client

from accounts.forms import ProfileForm
from clusters.models import Cluster
from events.forms import EventForm
from funding.forms import FundingCallForm
from moderation.forms import ReportForm
from newsletter.forms import PreferencesForm, SubscribeForm
from newsletter.tokens import make_token
from organisations.forms import OrganisationForm
from projects.forms import ProjectForm
from stories.models import StoryIndexPage
from tests.factories.accounts import UserFactory
from tests.factories.events import EventFactory
from tests.factories.funding import FundingCallFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.factories.newsletter import SubscriberFactory
from tests.funding.test_forms import call_data
from tests.support.forms import event_data, organisation_data, project_data

pytestmark = pytest.mark.django_db

# Already percent-encoded, so that bytes no client would send (invalid UTF-8) get through too.
HOSTILE = {
    "nul": "%00",
    "control": "%07%1b%0d%0a",
    "lone surrogate": "%ED%A0%80",
    "invalid utf-8": "%FF%FE",
    "bidi": quote("\u202e\u2066\u200f"),
    "long": "a" * 100_000,
    "negative": "-1",
    "huge": "9" * 40,
    "float": "1e309",
    "year 1": "0001-01-01T00%3A00",
    "year 9999": "9999-12-31",
    "unknown choice": "zz-not-a-choice",
    "list": "[]",
    "markup": quote("<script>alert(1)</script>"),
    "path": quote("../../etc/passwd"),
    "percent": "%25",
}
# The same field twice: a list where one value is expected.
REPEATED = "repeated"


def pairs(field, value):
    if value == REPEATED:
        return f"{field}=1&{field}=2"
    return f"{field}={value}"


def fuzz_values():
    return [*HOSTILE.items(), (REPEATED, REPEATED)]


@pytest.fixture(autouse=True)
def _no_rate_limits(settings, private_cache):
    """The sweep posts each form hundreds of times; the limits have tests of their own."""
    settings.RATE_LIMITS = {
        group: dict.fromkeys(rates, "1000000/h") for group, rates in settings.RATE_LIMITS.items()
    }


@pytest.fixture
def world(owner):
    organisation = OrganisationFactory(name="Open Commons", slug="open-commons", owner=owner)
    project = ProjectFactory(
        name="Repair Map", slug="repair-map", owner=owner, organisations=[organisation]
    )
    event = EventFactory(
        title="Open Data Breakfast", slug="open-data-breakfast", submitted_by=owner
    )
    call = FundingCallFactory(title="Civic Fund", slug="civic-fund", submitted_by=owner)
    subscriber = SubscriberFactory(email="reader@example.org")
    return {
        "organisation": organisation,
        "project": project,
        "event": event,
        "call": call,
        "token": make_token(subscriber, "preferences"),
    }


def server_errors(client, url, fields, baseline=None, method="post"):
    """The requests to `url` that answered 5xx, each as {field: value name}.

    Every field gets every value, in as many requests as there are values: request k gives
    field i value (i + k) mod n, so fields never all carry the same value (one field's error
    message cannot hide another field's crash for a whole value) and the sweep stays fast.
    """
    values = fuzz_values()
    base = urlencode(baseline or {}, doseq=True)
    failures = []
    for k in range(len(values)):
        chosen = {field: values[(i + k) % len(values)] for i, field in enumerate(fields)}
        query = "&".join(pairs(field, value) for field, (_name, value) in chosen.items())
        if method == "get":
            response = client.get(url, QUERY_STRING=query)
        else:
            kept = "&".join(
                part for part in base.split("&") if part and part.split("=")[0] not in fields
            )
            body = "&".join(part for part in (kept, query) if part)
            response = client.post(url, body, content_type="application/x-www-form-urlencoded")
        if response.status_code >= 500:
            names = {field: name for field, (name, _value) in chosen.items()}
            failures.append((url, response.status_code, names))
    return failures


def spam(data):
    """A submission with the honeypot filled in: validated in full, never saved."""
    return {**data, "contact_fax": "bot"}


# Lists and their filter parameters ---------------------------------------------------------

QUERIES = {
    "/organisations/": ["q", "area", "technology", "focus", "country", "size", "type", "page"],
    "/projects/": ["q", "area", "technology", "focus", "country", "status", "page"],
    "/events/": [
        "q",
        "when",
        "cluster",
        "area",
        "country",
        "format",
        "free",
        "date_from",
        "date_to",
        "page",
    ],
    "/funding/": [
        "q",
        "status",
        "type",
        "audience",
        "country",
        "cluster",
        "area",
        "closes_before",
        "min_amount",
        "page",
    ],
    "/funding/saved/": ["page"],
    "/stories/": ["kind", "cluster", "area", "tag", "year", "page"],
    "/resources/": ["cluster", "type", "author", "page"],
    "/clusters/": ["page"],
    "/newsletter/": ["email"],
    "/newsletter/archive/": ["page"],
    "/places/": ["q", "country"],
    "/organisations/search/": ["q", "exclude"],
    "/accounts/login/": ["next"],
    "/accounts/signup/": ["email", "next"],
    "/": ["page"],
    "/events/feed.ics": ["cluster", "area"],
    "/funding/deadlines.ics": ["cluster"],
}


@pytest.mark.parametrize("path", QUERIES)
def test_no_query_parameter_value_causes_a_server_error(client, world, owner, path):
    client.force_login(owner)

    assert server_errors(client, path, QUERIES[path], method="get") == []


PATHS = [
    "/organisations/{value}/",
    "/organisations/{value}/members/",
    "/organisations/{value}/edit/",
    "/projects/{value}/",
    "/events/{value}/",
    "/events/{value}/event.ics",
    "/funding/{value}/",
    "/people/{value}/",
    "/invitations/{value}/",
    "/report/organisations/organisation/{value}/",
    "/clusters/{value}/",
    "/clusters/{value}/events.ics",
    "/newsletter/confirm/{value}/",
    "/newsletter/preferences/{value}/",
    "/newsletter/unsubscribe/{value}/",
    "/newsletter/archive/{value}/",
    "/media-pending/{value}",
]


def test_no_path_segment_causes_a_server_error(client, world, owner):
    client.force_login(owner)
    failures = []
    for path in PATHS:
        for name, value in HOSTILE.items():
            response = client.get(path.format(value=value))
            if response.status_code >= 500:
                failures.append((path, name, response.status_code))

    assert failures == []


# Public and member forms -------------------------------------------------------------------


def fields_of(form_class, *extra):
    return [*form_class.base_fields, *extra]


MEMBER_FORMS = {
    "organisation create": (
        "/organisations/new/",
        lambda w: spam(organisation_data()),
        fields_of(OrganisationForm, "links-TOTAL_FORMS", "links-0-url", "links-0-kind"),
    ),
    "organisation edit": (
        "/organisations/open-commons/edit/",
        lambda w: spam(organisation_data()),
        fields_of(OrganisationForm, "links-TOTAL_FORMS", "links-0-id"),
    ),
    "project create": (
        "/projects/new/",
        lambda w: spam(project_data()),
        fields_of(ProjectForm, "partners", "partners_add"),
    ),
    "project edit": (
        "/projects/repair-map/edit/",
        lambda w: spam(project_data()),
        fields_of(ProjectForm, "partners", "partners_add"),
    ),
    "event create": ("/events/new/", lambda w: spam(event_data()), fields_of(EventForm)),
    "event edit": (
        "/events/open-data-breakfast/edit/",
        lambda w: spam(event_data()),
        fields_of(EventForm, "organiser_add"),
    ),
    "funding call create": (
        "/funding/new/",
        lambda w: spam(call_data()),
        fields_of(FundingCallForm),
    ),
    "funding call edit": (
        "/funding/civic-fund/edit/",
        lambda w: spam(call_data()),
        fields_of(FundingCallForm),
    ),
    "profile": ("/account/profile/", lambda w: {}, fields_of(ProfileForm, "links-TOTAL_FORMS")),
    "report": (
        "/report/organisations/organisation/{pk}/",
        lambda w: spam({"reason": "spam", "text": "Spam."}),
        fields_of(ReportForm),
    ),
    "invitation": (
        "/organisations/open-commons/members/invite/",
        lambda w: spam({"email": "new@example.org", "role": "member"}),
        ["email", "role", "contact_fax"],
    ),
    "join request": ("/organisations/open-commons/join/", lambda w: {}, ["message", "contact_fax"]),
    "claim": ("/organisations/open-commons/claim/", lambda w: {}, ["message", "contact_fax"]),
    "newsletter sign-up": (
        "/newsletter/",
        lambda w: spam({"email": "a@example.org", "consent": "on"}),
        fields_of(SubscribeForm),
    ),
    "newsletter preferences": (
        "/newsletter/preferences/{token}/",
        lambda w: {"wants_newsletter": "on"},
        fields_of(PreferencesForm),
    ),
    "saving a call": ("/funding/civic-fund/save/", lambda w: {}, ["next"]),
}


@pytest.mark.parametrize("form", MEMBER_FORMS)
def test_no_form_field_value_causes_a_server_error(client, world, owner, form):
    path, baseline, fields = MEMBER_FORMS[form]
    client.force_login(owner)
    url = path.format(pk=world["organisation"].pk, token=world["token"])

    assert server_errors(client, url, fields, baseline(world)) == []


ANONYMOUS_FORMS = {
    "/accounts/signup/": ["first_name", "last_name", "email", "password1", "accept_terms"],
    "/accounts/login/": ["login", "password", "remember"],
    "/accounts/password/reset/": ["email"],
    "/newsletter/": fields_of(SubscribeForm),
}


@pytest.mark.parametrize("path", ANONYMOUS_FORMS)
def test_no_anonymous_form_field_value_causes_a_server_error(path):
    client = Client()  # CSRF checks off, as a test client

    assert server_errors(client, path, ANONYMOUS_FORMS[path]) == []


SAVED_VALUES = ["bidi", "long", "year 9999", REPEATED]


@pytest.mark.parametrize(
    ("path", "data", "fields"),
    [
        ("/events/new/", event_data, ["title", "start", "end", "timezone", "recurrence_until"]),
        ("/funding/new/", call_data, ["title", "opens_on", "closes_on", "amount_max"]),
        ("/organisations/new/", organisation_data, ["name", "founded", "city"]),
        ("/projects/new/", project_data, ["name", "start_date", "end_date"]),
    ],
)
def test_hostile_values_that_are_saved_cause_no_server_error(client, moderator, path, data, fields):
    """Without the honeypot: what the form accepts goes through the services and the database
    (a moderator publishes at once and has no pending cap)."""
    client.force_login(moderator)
    failures = []
    base = urlencode(data(), doseq=True)
    for field in fields:
        for name in SAVED_VALUES:
            value = HOSTILE.get(name, REPEATED)
            body = f"{base}&{pairs(field, value)}&not_a_duplicate=on"
            response = client.post(path, body, content_type="application/x-www-form-urlencoded")
            if response.status_code >= 500:
                failures.append((field, name, response.status_code))

    assert failures == []


# Admin forms that non-staff roles reach ----------------------------------------------------


def test_a_cluster_leads_cluster_form_causes_no_server_error(client):
    lead = UserFactory(email="lead@example.org")
    cluster = Cluster.objects.get(slug="health-and-care")
    cluster.leads.add(lead)
    client.force_login(lead)
    url = f"/admin/snippets/clusters/cluster/edit/{cluster.pk}/"
    fields = ["title", "intro", "body", "get_in_touch", "gallery_images-TOTAL_FORMS", "leads"]

    assert server_errors(client, url, fields, {"title": "Health"}) == []


def test_an_editors_story_and_resource_forms_cause_no_server_error(client, editor):
    client.force_login(editor)
    index = StoryIndexPage.objects.get()
    blog = f"/admin/pages/add/stories/blogpage/{index.pk}/"
    resource = "/admin/snippets/stories/resource/add/"
    blog_fields = [
        "title",
        "slug",
        "date",
        "intro",
        "body-count",
        "body-0-type",
        "tags",
        "authors-TOTAL_FORMS",
        "go_live_at",
    ]
    resource_fields = ["title", "url", "resource_type", "clusters", "author"]

    failures = server_errors(client, blog, blog_fields, {"title": "Notes"})
    failures += server_errors(client, resource, resource_fields, {"title": "A guide"})

    assert failures == []
