"""The data migrations seed the vocabularies and the gazetteer that every other app relies on."""

import json
from decimal import Decimal

import pytest
from django.db import connection

from taxonomy.models import (
    AreaOfImpact,
    DSIFocus,
    OrganisationSize,
    OrganisationType,
    Place,
    Technology,
)

pytestmark = pytest.mark.django_db

AREAS = [
    "Health and care",
    "Skills and learning",
    "Food, environment and climate change",
    "Migration and integration",
    "Digital democracy",
    "Cities and urban development",
    "Work and employment",
    "Culture and arts",
    "Science",
    "Finance and economy",
]
TECHNOLOGIES = [
    "Social networks and social media",
    "Crowdsourcing, crowdmapping and crowdfunding",
    "Open data",
    "Mobile and web apps",
    "Open-source technologies",
    "Peer-to-peer networks",
    "Online learning and MOOCs",
    "Online marketplaces and noticeboards",
    "Big data",
    "Sensors and internet of things",
    "Geotagging, GPS and GIS",
    "Digital fabrication and 3D-printing",
    "Wearables and personal monitoring",
    "AI and machine learning",
    "Digital democracy tools",
    "Blockchain and distributed networks",
    "Robotics",
    "VR and AR",
]
DSI_FOCUS = ["Open hardware", "Open networks", "Open data", "Open knowledge"]
ORGANISATION_TYPES = [
    "Social enterprise, charity, foundation or other non-profit",
    "For-profit business",
    "Academia/research organisation",
    "Grassroots organisation or community network",
    "Government/public sector",
]
ORGANISATION_SIZE_SLUGS = [
    "0-5",
    "6-10",
    "11-25",
    "26-50",
    "51-100",
    "101-500",
    "501-1000",
    "over-1000",
]


@pytest.mark.parametrize(
    ("model", "names"),
    [
        (AreaOfImpact, AREAS),
        (Technology, TECHNOLOGIES),
        (DSIFocus, DSI_FOCUS),
        (OrganisationType, ORGANISATION_TYPES),
    ],
)
def test_seeded_terms_match_the_vocabulary_in_order(model, names):
    seeded = list(model.objects.values_list("name", flat=True))

    assert seeded == names


def test_seeded_organisation_sizes_are_eight_bands_in_order():
    sizes = list(OrganisationSize.objects.values_list("slug", "name"))

    assert [slug for slug, __ in sizes] == ORGANISATION_SIZE_SLUGS
    assert sizes[0] == ("0-5", "0-5 people")
    assert sizes[-1] == ("over-1000", "Over 1000 people")


def test_term_slug_is_stable_when_renamed():
    area = AreaOfImpact.objects.get(slug="health-and-care")

    area.name = "Health, care and well-being"
    area.save()

    area.refresh_from_db()
    assert area.slug == "health-and-care"
    assert area.name == "Health, care and well-being"


def test_gazetteer_holds_the_geonames_cities():
    assert Place.objects.count() > 20_000


def test_gazetteer_places_barcelona_in_spain():
    barcelona = Place.objects.get(name="Barcelona", country="ES")

    assert abs(barcelona.latitude - Decimal("41.39")) < 1
    assert abs(barcelona.longitude - Decimal("2.16")) < 1
    assert barcelona.timezone == "Europe/Madrid"
    assert str(barcelona) == "Barcelona, Spain"


def test_gazetteer_gives_accented_names_an_ascii_name():
    lodz = Place.objects.get(name="Łódź", country="PL")

    assert lodz.ascii_name == "Lodz"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_serialized_rollback_restores_the_vocabularies_but_not_the_gazetteer():
    """Transactional tests get the seeded data back after each flush, without the 34k places
    (tests/support/serialized_rollback.py)."""
    snapshot = json.loads(connection._test_serialized_contents)

    models = {row["model"] for row in snapshot}
    assert {"taxonomy.areaofimpact", "taxonomy.technology", "auth.group"} <= models
    assert "taxonomy.place" not in models
