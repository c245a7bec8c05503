"""Moderators review organisations in the Wagtail admin (snippets with the Moderation workflow)."""

import json

import pytest
from django.urls import reverse

from organisations.models import Organisation
from tests.factories.listings import OrganisationFactory
from tests.support.forms import form_values, organisation_data
from tests.support.mail import text_of
from tests.support.moderation import decide

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/organisations/organisation/"


def edit_url(organisation):
    return reverse(Organisation.snippet_viewset.get_url_name("edit"), args=[organisation.pk])


@pytest.fixture
def submitted(client, owner):
    """An organisation an untrusted owner submitted through the site: a draft in review."""
    client.force_login(owner)
    client.post(reverse("organisations:organisation-create"), organisation_data())
    client.logout()
    return Organisation.objects.get()


def test_snippet_list_shows_listings_with_their_state(client, moderator, submitted):
    OrganisationFactory(name="Published Kitchen")
    client.force_login(moderator)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert "Open Kitchen Collective" in response.text
    assert "Published Kitchen" in response.text
    assert "In Moderation" in response.text or "in moderation" in response.text.lower()


def test_snippet_list_searches_by_name(client, moderator, submitted):
    OrganisationFactory(name="Published Kitchen")
    client.force_login(moderator)

    response = client.get(LIST_URL, {"q": "published"})

    assert "Published Kitchen" in response.text
    assert "Open Kitchen Collective" not in response.text


def test_snippet_list_is_closed_to_innovators(client, owner, submitted):
    client.force_login(owner)

    response = client.get(LIST_URL)

    assert response.status_code == 302


def test_moderator_opens_the_submission_with_approve_and_reject(client, moderator, submitted):
    client.force_login(moderator)

    response = client.get(edit_url(submitted))

    assert response.status_code == 200
    assert 'value="Open Kitchen Collective"' in response.text
    assert "Approve" in response.text
    assert "Request changes" in response.text


def test_approving_from_the_admin_edit_page_publishes_and_emails_the_owner(
    client, moderator, submitted, mailbox, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    page = client.get(edit_url(submitted)).text
    data = form_values(page, "w-editor-form")
    data.update(
        {
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps({"comment": "Welcome to the hub!"}),
        }
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(submitted), data)

    submitted.refresh_from_db()
    assert response.status_code == 302
    assert submitted.live is True
    assert submitted.name == "Open Kitchen Collective"
    assert [link.url for link in submitted.links.all()] == ["https://github.com/openkitchen"]
    client.logout()
    assert "Open Kitchen Collective" in client.get(submitted.get_absolute_url()).text
    # (Wagtail's own notice may arrive too until moderation.signals disconnects it reliably.)
    ours = [m for m in mailbox.wait_for("owner@example.org") if "[DSI Hub]" in m["Subject"]]
    assert [m["Subject"] for m in ours] == ['[DSI Hub] "Open Kitchen Collective" is published']
    assert "Welcome to the hub!" in text_of(ours[0])


def test_approving_through_the_workflow_api_makes_the_listing_public(client, moderator, submitted):
    decide(submitted, moderator, "approve")

    assert submitted.live is True
    assert list(Organisation.objects.published()) == [submitted]
    assert client.get(submitted.get_absolute_url()).status_code == 200


def test_rejecting_a_submission_keeps_it_for_the_owner_to_fix(client, moderator, submitted, owner):
    decide(submitted, moderator, "reject", comment="Please add a description of your work.")

    assert Organisation.objects.filter(pk=submitted.pk, live=False).exists()
    assert client.get(submitted.get_absolute_url()).status_code == 404
    client.force_login(owner)
    page = client.get(submitted.get_absolute_url()).text
    assert "Changes requested" in page
    assert "Please add a description of your work." in page


def test_rejecting_an_edit_keeps_the_live_version(client, moderator, owner):
    organisation = OrganisationFactory(owner=owner, description="<p>Original words.</p>")
    client.force_login(owner)
    client.post(
        organisation.get_edit_url(),
        organisation_data(name=organisation.name, description="Spam spam spam."),
    )
    organisation.refresh_from_db()

    decide(organisation, moderator, "reject", comment="No.")

    client.logout()
    page = client.get(organisation.get_absolute_url()).text
    assert "Original words." in page
    assert "Spam" not in page
    assert Organisation.objects.published().get() == organisation


def test_the_description_is_edited_as_formatted_text_not_html_source(client, moderator):
    organisation = OrganisationFactory(
        description="<p>We <strong>repair</strong> things.</p>"
        '<ul><li><a href="https://example.org/">Our map</a></li></ul>'
    )
    client.force_login(moderator)

    page = client.get(edit_url(organisation)).text
    data = form_values(page, "w-editor-form")

    assert '<textarea name="description"' not in page
    [raw] = data["description"]
    state = json.loads(raw)  # the editor's state, not the HTML
    assert [block["text"] for block in state["blocks"]] == ["We repair things.", "Our map"]
    assert [block["type"] for block in state["blocks"]] == ["unstyled", "unordered-list-item"]

    response = client.post(edit_url(organisation), data)  # saved back unchanged

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert "<strong>repair</strong>" in organisation.description
    assert 'href="https://example.org/"' in organisation.description
