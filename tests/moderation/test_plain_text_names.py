"""Names and titles of every kind of content are one line of plain text: control and
bidirectional characters are removed, a line break is refused at the form with a message, in
the public forms, the Wagtail admin and the resource import alike; what reaches a mail Subject
is one plain line whatever is stored."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from post_office.models import STATUS, Email

from events.models import Event
from funding.models import FundingCall
from organisations.models import Organisation
from projects.models import Project
from stories.models import Resource
from tests.factories.listings import OrganisationFactory
from tests.support.forms import event_data, form_values, organisation_data, project_data
from tests.support.people import login

pytestmark = pytest.mark.django_db

LINE_BREAK_MESSAGE = "Please keep this to one line: it cannot contain line breaks."
# C0 controls never get this far (core.middleware answers 400); DEL and C1 controls do.
HOSTILE = "Open\u202e Kitchen\u2066\u200f\x7f\x9b Collective\u2069"


def call_data(**overrides):
    from tests.funding.test_forms import call_data

    return call_data(**overrides)


KINDS = {
    "organisation": ("organisations:organisation-create", organisation_data, Organisation, "name"),
    "project": ("projects:project-create", project_data, Project, "name"),
    "event": ("events:event-create", event_data, Event, "title"),
    "funding call": ("funding:call-create", call_data, FundingCall, "title"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_a_line_break_in_a_name_or_title_is_refused_at_the_field(client, stranger, kind):
    url, data, model, field = KINDS[kind]

    response = login(client, stranger).post(
        reverse(url), data(**{field: "Evil\r\nBcc: victim@example.org"})
    )

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [LINE_BREAK_MESSAGE]
    assert model.objects.count() == 0
    assert Email.objects.count() == 0


@pytest.mark.parametrize("kind", KINDS)
def test_controls_and_bidi_overrides_are_removed_from_names_and_titles(client, stranger, kind):
    url, data, model, field = KINDS[kind]

    response = login(client, stranger).post(reverse(url), data(**{field: HOSTILE}))

    assert response.status_code == 302
    assert getattr(model.objects.get(), field) == "Open Kitchen Collective"


def test_the_moderators_submitted_for_approval_mail_has_the_clean_name(client, stranger, mailbox):
    from tests.factories.accounts import UserFactory

    UserFactory(email="mona@example.org", groups=["Moderators"])

    login(client, stranger).post(
        reverse("organisations:organisation-create"), organisation_data(name=HOSTILE)
    )

    [message] = mailbox.wait_for("mona@example.org")
    assert "Open Kitchen Collective" in message["Subject"]
    assert not set(message["Subject"]) & set("\u202e\u2066\u200f\x7f\x9b\u2069")


def test_a_name_stored_with_a_line_break_never_reaches_a_subject(stranger, mailbox):
    """Written before names were cleaned (a bare UPDATE): Wagtail's notification to the
    moderators still goes out, its subject on one line."""
    from tests.factories.accounts import UserFactory
    from tests.support.moderation import submit

    UserFactory(email="mona@example.org", groups=["Moderators"])
    organisation = OrganisationFactory(name="Old", pending=True, owner=stranger)
    Organisation.objects.filter(pk=organisation.pk).update(name="Old\r\nBcc: x@example.org")
    organisation.refresh_from_db()

    submit(organisation, by=stranger)

    [message] = mailbox.wait_for("mona@example.org")
    assert "Old Bcc: x@example.org" in message["Subject"]
    assert set(Email.objects.values_list("status", flat=True)) == {STATUS.sent}


def _admin_edit(client, user, obj, **changes):
    meta = obj._meta
    url = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[obj.pk])
    values = form_values(login(client, user).get(url).text, "w-editor-form")
    return client.post(url, {**values, **changes})


def test_a_line_break_typed_in_the_wagtail_admin_is_refused_at_the_field(client, moderator):
    organisation = OrganisationFactory(name="Open Commons")

    response = _admin_edit(client, moderator, organisation, name="Open\nCommons")

    assert response.status_code == 200
    assert LINE_BREAK_MESSAGE in response.text
    organisation.refresh_from_db()
    assert organisation.name == "Open Commons"
    assert organisation.get_latest_revision() is None


def test_a_name_saved_in_the_wagtail_admin_is_cleaned_and_kept_as_a_revision(client, moderator):
    organisation = OrganisationFactory(name="Open Commons")

    response = _admin_edit(client, moderator, organisation, name="Open\u202e Commons 2")

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Open Commons"  # the live row waits for "Publish"
    assert organisation.get_latest_revision_as_object().name == "Open Commons 2"


def test_a_cluster_lead_editing_their_cluster_title_in_the_admin_gets_it_cleaned(client):
    from clusters.models import Cluster
    from tests.factories.accounts import UserFactory

    lead = UserFactory()
    cluster = Cluster.objects.order_by("pk").first()
    cluster.leads.add(lead)

    response = _admin_edit(client, lead, cluster, title="\u202eHealth\u200f and care")

    assert response.status_code == 302
    cluster.refresh_from_db()
    assert cluster.title == "Health and care"


def test_a_title_saved_without_a_form_is_made_one_plain_line():
    organisation = OrganisationFactory(name="Open\u202e\r\nCommons\x00")

    organisation.refresh_from_db()
    assert organisation.name == "Open  Commons"


def _csv(*rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["title", "description", "link_url", "link_text", "author", "clusters", "types"]
    )
    writer.writerows(rows)
    return SimpleUploadedFile("r.csv", out.getvalue().encode(), content_type="text/csv")


def test_the_resource_import_cleans_titles_and_refuses_a_row_with_a_line_break(
    client, editor, django_capture_on_commit_callbacks
):
    upload = _csv(
        ["Guide\u202e to\u2066 repair", "", "https://r.example.org/1", "Read", "", ""],
        ["Two\nlines", "", "https://r.example.org/2", "Read", "", ""],
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, editor).post("/admin/resources/import/", {"file": upload})
    report = client.get(response["Location"])

    assert [r.title for r in Resource.objects.all()] == ["Guide to repair"]
    assert "1 rows not imported" in report.text or "1 row not imported" in report.text
    assert LINE_BREAK_MESSAGE in report.text
