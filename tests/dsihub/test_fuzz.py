"""A fuzz pass over the public URLs: every query parameter and form field gets hostile values
(control characters, an encoded lone surrogate, invalid UTF-8, 100,000 characters, wrong types,
negative and huge numbers, markup) and nothing answers a server error."""

from urllib.parse import quote

import pytest

from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db

# Already percent-encoded, so that bytes no client would send (invalid UTF-8) get through too.
HOSTILE = {
    "nul": "%00",
    "control": "%07%1b",
    "lone surrogate": "%ED%A0%80",
    "invalid utf-8": "%FF%FE",
    "long": "a" * 100_000,
    "negative": "-1",
    "huge": "9" * 40,
    "float": "1e309",
    "list": "[]",
    "markup": quote("<script>alert(1)</script>"),
    "path": quote("../../etc/passwd"),
    "percent": "%25",
}

QUERIES = {
    "/organisations/": ["q", "area", "technology", "focus", "country", "page"],
    "/projects/": ["q", "area", "technology", "focus", "country", "status", "page"],
    "/places/": ["q", "country"],
    "/organisations/search/": ["q"],
    "/accounts/login/": ["next"],
    "/accounts/signup/": ["email", "next"],
    "/": ["page"],
    "/clusters/": ["page"],
}


@pytest.fixture
def listings(owner):
    organisation = OrganisationFactory(name="Open Commons", owner=owner)
    ProjectFactory(name="Repair Map", owner=owner, organisations=[organisation])
    return organisation


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize(
    ("path", "param"),
    [(path, param) for path, params in QUERIES.items() for param in params],
)
def test_no_query_parameter_value_causes_a_server_error(client, listings, path, param, value):
    response = client.get(path, QUERY_STRING=f"{param}={value}")

    assert response.status_code < 500


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize(
    "path",
    [
        "/organisations/{slug}/",
        "/organisations/{slug}/members/",
        "/people/{value}/",
        "/invitations/{value}/",
        "/report/organisations/organisation/{value}/",
        "/clusters/{value}/",
        "/media-pending/{value}",
    ],
)
def test_no_path_segment_causes_a_server_error(client, listings, path, value):
    response = client.get(path.format(slug=listings.slug, value=value))

    assert response.status_code < 500


FORMS = {
    "/accounts/signup/": ["first_name", "last_name", "email", "password1", "accept_terms"],
    "/accounts/login/": ["login", "password"],
    "/accounts/password/reset/": ["email"],
    "/organisations/new/": ["name", "short_description", "country", "city", "areas", "founded"],
    "/projects/new/": ["name", "status", "start_date", "partners", "partners_add", "areas"],
    "/organisations/{slug}/edit/": ["name", "links-TOTAL_FORMS", "links-0-id", "keywords"],
    "/organisations/{slug}/members/invite/": ["email", "role"],
    "/organisations/{slug}/join/": ["message"],
    "/account/profile/": ["first_name", "country", "city", "skills", "language"],
    "/report/organisations/organisation/{pk}/": ["reason", "text"],
}


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize(
    ("path", "field"),
    [(path, field) for path, fields in FORMS.items() for field in fields],
)
def test_no_form_field_value_causes_a_server_error(client, listings, path, field, value):
    client.force_login(UserFactory(email="fuzzer@example.org"))
    url = path.format(slug=listings.slug, pk=listings.pk)

    body = f"name=Fuzzed&short_description=Fuzzing&{field}={value}"
    response = client.post(url, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code < 500
