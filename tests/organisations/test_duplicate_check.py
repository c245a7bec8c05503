"""Registering an organisation that is already on the hub: the form asks first."""

import pytest

from organisations.models import Organisation
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    return {
        "name": "Waag Futurelab",
        "short_description": "A lab for technology and society.",
        "website": "https://waag.org/en",
        "country": "NL",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
        **overrides,
    }


@pytest.fixture
def existing():
    return OrganisationFactory(name="Waag", website="https://waag.org", live=True)


def test_similar_existing_organisation_is_offered_before_creating(client, existing):
    client.force_login(UserFactory())

    response = client.post("/organisations/new/", form_data())

    assert response.status_code == 200
    assert "Is it one of these?" in response.text
    assert f'href="{existing.get_absolute_url()}"' in response.text
    assert 'value="Waag Futurelab"' in response.text
    assert Organisation.objects.count() == 1


def test_confirming_it_is_a_different_organisation_creates_it(client, existing):
    client.force_login(UserFactory())

    response = client.post("/organisations/new/", form_data(not_a_duplicate="on"))

    assert response.status_code == 302
    assert Organisation.objects.filter(name="Waag Futurelab").exists()


def test_unrelated_name_is_created_without_asking(client, existing):
    client.force_login(UserFactory())

    response = client.post(
        "/organisations/new/",
        form_data(name="Civic Tech Lisbon", website="https://civictech.example.pt"),
    )

    assert response.status_code == 302
    assert Organisation.objects.filter(name="Civic Tech Lisbon").exists()
