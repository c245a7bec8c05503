import pytest
from django.core.management import call_command
from wagtail.images.models import Rendition

from core.content_version import content_version
from core.invalidation import public_apps, shows_publicly
from organisations.models import Claim, Organisation

pytestmark = pytest.mark.django_db


def test_migrate_moves_the_content_version_so_a_release_reads_no_old_pickles():
    before = content_version()

    call_command("migrate", verbosity=0)

    assert content_version() != before


def test_the_apps_register_every_kind_of_public_content():
    """What settings.PAGE_CACHE_APPS listed before each app registered its own."""
    assert public_apps() == {
        "accounts",
        "organisations",
        "projects",
        "taxonomy",
        "taggit",
        "clusters",
        "events",
        "funding",
        "stories",
        "wagtailimages",
        "wagtaildocs",
        "dsiindex",
        "opendata",
    }


def test_bookkeeping_models_bump_nothing():

    assert not shows_publicly(Claim)
    assert not shows_publicly(Rendition)
    assert shows_publicly(Organisation)
