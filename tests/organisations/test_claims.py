"""Claiming an organisation nobody belongs to, and the moderators' decision."""

import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string

from listings.choices import Role
from organisations.claims import approve_claim, claim_organisation, reject_claim
from organisations.models import Claim, Membership, Organisation
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory
from tests.support.mail import links_in, text_of

pytestmark = [pytest.mark.django_db]

QUEUE_URL = "/admin/moderation/claims/"


def claim_url(organisation):
    return f"/organisations/{organisation.slug}/claim/"


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def claimant(client):
    user = UserFactory(email="claimant@example.org", first_name="Clara")
    client.force_login(user)
    return user


@pytest.fixture
def moderator(moderator, client):
    """The shared moderator, logged in: the claims queue is theirs."""
    client.force_login(moderator)
    return moderator


def render_prompt(organisation, viewer):
    organisation = Organisation.objects.prefetch_related("memberships").get(pk=organisation.pk)
    return render_to_string(
        "components/claim_prompt.html", {"organisation": organisation, "viewer": viewer}
    )


# The prompt on the organisation's page -----------------------------------------------------


def test_claim_prompt_invites_claiming_an_organisation_without_members(django_assert_num_queries):
    organisation = OrganisationFactory(name="Imported Collective")
    organisation = Organisation.objects.prefetch_related("memberships").get(pk=organisation.pk)
    context = {"organisation": organisation, "viewer": UserFactory()}

    with django_assert_num_queries(0):
        html = render_to_string("components/claim_prompt.html", context)

    assert "Is this your organisation?" in html
    assert f'href="{claim_url(organisation)}"' in html
    assert "Claim it" in html


def test_claim_prompt_is_hidden_when_the_organisation_has_members():
    organisation = OrganisationFactory(owner=UserFactory())

    assert render_prompt(organisation, UserFactory()).strip() == ""


# Claiming ----------------------------------------------------------------------------------


def test_claim_form_explains_what_happens(client, claimant):
    organisation = OrganisationFactory(name="Imported Collective")

    response = client.get(claim_url(organisation))

    assert "Claim “Imported Collective”" in response.text
    assert "a moderator checks your claim" in response.text
    assert "How you are connected to this organisation" in response.text


def test_claim_is_recorded_for_the_moderators(client, claimant):
    organisation = OrganisationFactory(name="Imported Collective")

    response = client.post(claim_url(organisation), {"message": "I am its director."})

    claim = Claim.objects.get()
    assert response.status_code == 302
    assert response.url == organisation.get_absolute_url()
    assert messages_of(response) == [
        "Thank you. A moderator will check your claim and let you know by e-mail."
    ]
    assert (claim.organisation, claim.user, claim.message) == (
        organisation,
        claimant,
        "I am its director.",
    )
    assert (claim.decided_at, claim.approved) == (None, None)
    assert not organisation.memberships.exists()


def test_claim_again_updates_the_open_claim(client, claimant):
    organisation = OrganisationFactory()
    client.post(claim_url(organisation), {"message": "I work there."})

    response = client.post(claim_url(organisation), {"message": "I am its director."})

    assert Claim.objects.get().message == "I am its director."
    assert messages_of(response)[-1] == (
        "You had already claimed this organisation; we updated your message."
    )


def test_claim_with_an_empty_message_shows_an_error_and_saves_nothing(client, claimant):
    organisation = OrganisationFactory()

    response = client.post(claim_url(organisation), {"message": ""})

    assert response.status_code == 200
    assert response.context["form"].errors["message"] == ["This field is required."]
    assert not Claim.objects.exists()


def test_claim_with_the_honeypot_filled_is_refused(client, claimant):
    organisation = OrganisationFactory()

    client.post(claim_url(organisation), {"message": "Mine.", "contact_fax": "x"})

    assert not Claim.objects.exists()


def test_claim_of_an_organisation_with_members_is_refused(client, claimant):
    organisation = OrganisationFactory(owner=UserFactory())

    get = client.get(claim_url(organisation))
    post = client.post(claim_url(organisation), {"message": "Mine."})

    assert "This organisation already has members, so it cannot be claimed." in get.text
    assert "This organisation already has members, so it cannot be claimed." in post.text
    assert not Claim.objects.exists()


def test_claim_of_an_organisation_awaiting_review_is_404(client, claimant):
    organisation = OrganisationFactory(pending=True)

    response = client.post(claim_url(organisation), {"message": "Mine."})

    assert response.status_code == 404
    assert not Claim.objects.exists()


def test_claim_by_an_anonymous_visitor_goes_to_login(client):
    organisation = OrganisationFactory()

    response = client.post(claim_url(organisation), {"message": "Mine."})

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    assert not Claim.objects.exists()


def test_claim_by_someone_with_an_unverified_address_asks_to_verify(client):
    client.force_login(UserFactory(verified=False))
    organisation = OrganisationFactory()

    response = client.post(claim_url(organisation), {"message": "Mine."})

    assert "Verify Your Email Address" in response.text
    assert not Claim.objects.exists()


def test_claim_over_the_hourly_limit_is_refused(client, claimant):
    organisations = [OrganisationFactory(name=f"Organisation {n}") for n in range(6)]
    for organisation in organisations[:5]:
        client.post(claim_url(organisation), {"message": "Mine."})

    response = client.post(claim_url(organisations[5]), {"message": "Mine."})

    assert response.status_code == 429
    assert Claim.objects.count() == 5


# The moderators' decision ------------------------------------------------------------------


def open_claim(organisation=None, user=None, message="I am its director."):
    organisation = organisation or OrganisationFactory(name="Imported Collective")
    user = user or UserFactory(email="claimant@example.org", first_name="Clara")
    return claim_organisation(organisation, by=user, message=message)[0]


def test_claims_queue_lists_open_claims_for_moderators(client, moderator):
    claim = open_claim()
    decided = open_claim(OrganisationFactory(name="Decided Collective"))
    reject_claim(decided, by=moderator, reason="No.")

    response = client.get(QUEUE_URL)

    assert list(response.context["claims"]) == [claim]
    assert "Imported Collective" in response.text
    assert "I am its director." in response.text
    assert "claimant@example.org" in response.text
    assert "Decided Collective" not in response.text


def test_claims_queue_is_in_the_moderation_menu(client, moderator):
    response = client.get("/admin/")

    assert QUEUE_URL in response.text


def test_approving_a_claim_makes_the_claimant_owner_and_tells_them(
    client, moderator, mailbox, django_capture_on_commit_callbacks
):
    claim = open_claim()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{QUEUE_URL}{claim.pk}/approve/", follow=True)

    claim.refresh_from_db()
    membership = Membership.objects.get(organisation=claim.organisation)
    assert (membership.user, membership.role) == (claim.user, Role.OWNER)
    assert (claim.approved, claim.decided_by) == (True, moderator)
    assert "is now the owner of “Imported Collective”" in response.text
    [message] = mailbox.wait_for("claimant@example.org")
    # Python folds a long non-ASCII subject after "Subject:"; mail clients show it trimmed.
    assert message["Subject"].strip() == "[DSI Hub] You are now the owner of “Imported Collective”"
    assert "Hello Clara," in text_of(message)
    assert f"http://127.0.0.1:8000{claim.organisation.get_edit_url()}" in links_in(message)


def test_approving_a_claim_on_an_organisation_with_an_owner_by_now_is_refused(client, moderator):
    organisation = OrganisationFactory()
    first = open_claim(organisation, UserFactory())
    second = open_claim(organisation, UserFactory())
    approve_claim(first, by=moderator)

    response = client.post(f"{QUEUE_URL}{second.pk}/approve/", follow=True)

    second.refresh_from_db()
    assert "already has an owner. Reject this claim instead." in response.text
    assert second.decided_at is None
    assert list(organisation.memberships.values_list("user", flat=True)) == [first.user.pk]


def test_rejecting_a_claim_tells_the_claimant_why(
    client, moderator, mailbox, django_capture_on_commit_callbacks
):
    claim = open_claim()
    form = client.get(f"{QUEUE_URL}{claim.pk}/reject/")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{QUEUE_URL}{claim.pk}/reject/", {"reason": "We could not reach you."}, follow=True
        )

    claim.refresh_from_db()
    assert "Reject the claim on “Imported Collective”" in form.text
    assert (claim.approved, claim.decided_by) == (False, moderator)
    assert not claim.organisation.memberships.exists()
    assert "was told why by e-mail" in response.text
    [message] = mailbox.wait_for("claimant@example.org")
    assert message["Subject"].strip() == "[DSI Hub] Your claim on “Imported Collective”"
    assert "We could not reach you." in text_of(message)
    assert "could not approve it" in text_of(message)


def test_rejecting_a_claim_without_a_reason_shows_an_error(client, moderator):
    claim = open_claim()

    response = client.post(f"{QUEUE_URL}{claim.pk}/reject/", {"reason": ""})

    claim.refresh_from_db()
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert claim.decided_at is None


def test_deciding_a_claim_twice_is_404(client, moderator):
    claim = open_claim()
    approve_claim(claim, by=moderator)

    response = client.post(f"{QUEUE_URL}{claim.pk}/reject/", {"reason": "Too late."})

    assert response.status_code == 404


@pytest.mark.parametrize("action", ["approve/", "reject/"])
def test_claim_decisions_are_refused_to_editors(client, action, editor):
    claim = open_claim()
    client.force_login(editor)

    response = client.post(f"{QUEUE_URL}{claim.pk}/{action}", {"reason": "No."}, follow=True)

    claim.refresh_from_db()
    assert "Sorry, you do not have permission to access this area." in response.text
    assert claim.decided_at is None
    assert not Membership.objects.exists()


@pytest.mark.parametrize("action", ["approve/", "reject/"])
def test_claim_decisions_are_refused_to_the_claimant(client, action):
    claim = open_claim()
    client.force_login(claim.user)

    response = client.post(f"{QUEUE_URL}{claim.pk}/{action}", {"reason": "No."})

    claim.refresh_from_db()
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert claim.decided_at is None


def test_claims_queue_is_refused_to_anonymous_visitors(client):
    response = client.get(QUEUE_URL)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.parametrize("claims", [1, 10])
def test_claims_queue_runs_a_fixed_number_of_queries(
    client, moderator, django_assert_num_queries, claims
):
    for n in range(claims):
        open_claim(OrganisationFactory(name=f"Organisation {n}"), UserFactory())
    client.get(QUEUE_URL)

    # 1 of them asks whether the moderator's e-mail address is verified (verified_admins_only),
    # 1 which clusters they lead (the Clusters menu item, clusters.permissions).
    with django_assert_num_queries(13):
        response = client.get(QUEUE_URL)

    assert len(response.context["claims"]) == claims
