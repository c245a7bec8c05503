"""Start-up checks (core.checks): a production site on plain http is warned about."""

from core.checks import site_url_is_https


def test_plain_http_site_url_with_https_enforced_is_warned_about(settings):
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = True
    settings.SITE_URL = "http://hub.example.org"

    [warning] = site_url_is_https(None)

    assert warning.id == "core.W001"
    assert "List-Unsubscribe" in warning.hint


def test_https_site_url_passes(settings):
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = True
    settings.SITE_URL = "https://hub.example.org"

    assert site_url_is_https(None) == []


def test_development_over_plain_http_passes(settings):
    settings.DEBUG = True
    settings.SITE_URL = "http://127.0.0.1:8000"

    assert site_url_is_https(None) == []
