"""Listing forms refuse what no page of ours sends, with a message instead of a server error."""

import pytest

from tests.factories.listings import OrganisationFactory, ProjectFactory
from tests.support.forms import organisation_data, project_data

pytestmark = pytest.mark.django_db

TAMPERED = {
    "row without an id": {"links-INITIAL_FORMS": "1"},
    "id that is not a number": {"links-INITIAL_FORMS": "1", "links-0-id": "abc"},
    "id of another listing's link": {"links-INITIAL_FORMS": "1", "links-0-id": "999999"},
}


@pytest.fixture(params=["organisation", "project"])
def kind(request):
    if request.param == "organisation":
        return OrganisationFactory, organisation_data
    return ProjectFactory, project_data


@pytest.mark.parametrize("tamper", TAMPERED.values(), ids=TAMPERED.keys())
def test_a_tampered_links_formset_is_refused_with_a_message(client, owner, kind, tamper):
    factory, form_data = kind
    listing = factory(owner=owner, name="Open Commons")
    client.force_login(owner)

    data = {**form_data(name="Open Commons Renamed"), **tamper}
    response = client.post(listing.get_edit_url(), data)

    listing.refresh_from_db()
    assert response.status_code == 200
    assert "The links could not be matched with this listing’s links." in response.text
    assert 'value="Open Commons Renamed"' in response.text
    assert (listing.name, listing.revisions.count()) == ("Open Commons", 0)
