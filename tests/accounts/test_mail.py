"""accounts.mail: one templated message, in the recipient's language, through the outbox."""

import pytest
from django.db import transaction
from post_office.models import Email

from accounts.mail import render_email, send_email
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory

pytestmark = pytest.mark.django_db


def review_outcome(listing, user):
    context = {
        "object": listing,
        "name": listing.name,
        "approved": True,
        "comment": "",
        "object_url": "https://hub.example/o/",
        "edit_url": "https://hub.example/o/edit/",
        "kind": "organisation",
        "user": user,
    }
    return render_email("moderation/email/review_outcome", to=user, context=context)


def test_subject_is_plain_text_with_the_prefix_never_html_escaped():
    user = UserFactory()
    listing = OrganisationFactory(name='Tom & "Jerry" <Lab>')

    message = review_outcome(listing, user)

    assert message.subject == '[DSI Hub] "Tom & "Jerry" <Lab>" is published'


def test_subject_is_one_plain_line_whatever_the_name_holds():
    user = UserFactory()
    listing = OrganisationFactory.build(name="Evil\u202e\r\nBcc: x@example.org\u2066")

    message = review_outcome(listing, user)

    assert message.subject == '[DSI Hub] "Evil Bcc: x@example.org" is published'
    assert message.message()["Subject"] == message.subject


def test_message_has_a_plain_text_and_an_html_part_with_the_links():
    user = UserFactory(first_name="Olga")
    listing = OrganisationFactory(name="Open Commons")

    message = review_outcome(listing, user)
    html, mimetype = message.alternatives[0]

    assert "Hello Olga," in message.body
    assert "https://hub.example/o/" in message.body
    assert mimetype == "text/html"
    assert '<a href="https://hub.example/o/"' in html


def test_message_is_rendered_in_the_recipients_language():
    german, default = UserFactory(language="de"), UserFactory()
    listing = OrganisationFactory(name="Open Commons")

    languages = [
        review_outcome(listing, user).alternatives[0][0].split('lang="')[1][:2]
        for user in (german, default)
    ]

    assert languages == ["de", "en"]


def test_send_writes_the_message_to_the_outbox_in_the_callers_transaction(settings):
    settings.EMAIL_BACKEND = "accounts.outbox.OutboxBackend"
    user = UserFactory(email="olga@example.org")
    listing = OrganisationFactory(name="Open Commons")

    with pytest.raises(RuntimeError), transaction.atomic():
        send_email("membership/email/member_removed", to=user, context={"listing": listing})
        raise RuntimeError("the action failed after writing its e-mail")
    send_email("membership/email/member_removed", to=user, context={"listing": listing})

    assert list(Email.objects.values_list("to", flat=True)) == [["olga@example.org"]]
