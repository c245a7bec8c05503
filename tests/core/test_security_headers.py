"""Content-Security-Policy and Permissions-Policy headers, as a browser receives them."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    """{"script-src": ["'self'"], ...} from the response's Content-Security-Policy header."""
    parsed = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/accounts/signup/", "/clusters/"])
def test_public_pages_allow_scripts_and_styles_from_the_hub_only(client, url):
    policy = directives(client.get(url))

    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]


def test_public_pages_load_no_third_party_map_tiles_by_default(client):
    policy = directives(client.get("/"))

    assert policy["img-src"] == ["'self'", "data:"]


def test_error_pages_carry_the_policy_too(client):
    policy = directives(client.get("/no-such-page/"))

    assert policy["script-src"] == ["'self'"]


def test_admin_pages_get_the_looser_admin_policy(admin_client):
    policy = directives(admin_client.get("/admin/"))

    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-eval'" not in policy["script-src"]


def test_django_admin_gets_the_admin_policy(admin_client):
    policy = directives(admin_client.get("/django-admin/"))

    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]


def test_pages_that_only_mention_admin_keep_the_strict_policy(client):
    policy = directives(client.get("/administration-guide/"))

    assert policy["script-src"] == ["'self'"]


@pytest.mark.parametrize("url", ["/", "/admin/login/", "/healthz"])
def test_every_response_turns_off_unused_browser_features(client, url):
    features = dict(
        item.strip().split("=", 1) for item in client.get(url)["Permissions-Policy"].split(",")
    )

    for feature in ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"]:
        assert features[feature] == "()"
