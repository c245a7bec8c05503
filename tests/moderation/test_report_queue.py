"""The moderators' report queue in the Wagtail admin: grouping, resolving, who may see it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from moderation.models import Report, ReportReason
from moderation.reports import report_content
from tests.factories.accounts import UserFactory
from tests.factories.listings import (
    OrganisationFactory,
    ProjectFactory,
)

pytestmark = [pytest.mark.django_db]

QUEUE_URL = "/admin/moderation/reports/"


def resolve_url(subject):
    content_type = ContentType.objects.get_for_model(subject)
    return f"/admin/moderation/reports/{content_type.pk}/{subject.pk}/resolve/"


def snippet_edit_url(listing):
    return reverse(type(listing).snippet_viewset.get_url_name("edit"), args=[listing.pk])


def report(subject, reason=ReportReason.SPAM, text="Spam.", by=None):
    return report_content(subject, by=by or UserFactory(), reason=reason, text=text)[0]


@pytest.fixture
def moderator(moderator, client):
    """The shared moderator, logged in: the report queue is theirs."""
    client.force_login(moderator)
    return moderator


def test_report_queue_groups_open_reports_per_subject(client, moderator):
    kitchen = OrganisationFactory(name="Open Kitchen Collective")
    report(kitchen, ReportReason.SPAM)
    report(kitchen, ReportReason.SPAM)
    report(kitchen, ReportReason.DUPLICATE)
    project = ProjectFactory(name="Street Food Map")
    report(project, ReportReason.INACCURATE)
    resolved = OrganisationFactory(name="Tidy Collective")
    report(resolved)
    Report.objects.filter(object_id=str(resolved.pk)).update(resolved_at="2026-01-01T00:00Z")

    response = client.get(QUEUE_URL)

    groups = {group.label: group for group in response.context["groups"]}
    assert set(groups) == {"Open Kitchen Collective", "Street Food Map"}
    assert groups["Open Kitchen Collective"].count == 3
    assert groups["Open Kitchen Collective"].reasons == [
        "Duplicate of another listing",
        "Spam or advertising",
    ]
    assert groups["Street Food Map"].reasons == ["Inaccurate or out of date"]
    assert "Open Kitchen Collective" in response.text
    assert f'href="{kitchen.get_absolute_url()}"' in response.text
    assert f'href="{snippet_edit_url(kitchen)}"' in response.text
    assert "Tidy Collective" not in response.text
    assert "Mark resolved" in response.text


def test_report_queue_is_in_the_moderation_menu_for_moderators(client, moderator):
    response = client.get("/admin/")

    assert "Moderation" in response.text
    assert QUEUE_URL in response.text


def test_report_queue_menu_is_hidden_from_editors(client, editor):
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert QUEUE_URL not in response.text


def test_report_subject_page_shows_the_reporters_words(client, moderator):
    organisation = OrganisationFactory(name="Open Kitchen Collective")
    report(organisation, text="They sell watches.", by=UserFactory(email="ana@example.org"))
    content_type = ContentType.objects.get_for_model(organisation)

    response = client.get(f"/admin/moderation/reports/{content_type.pk}/{organisation.pk}/")

    assert "Reports about “Open Kitchen Collective”" in response.text
    assert "They sell watches." in response.text
    assert "ana@example.org" in response.text


def test_mark_resolved_resolves_every_open_report_of_that_subject_only(client, moderator):
    kitchen = OrganisationFactory(name="Open Kitchen Collective")
    report(kitchen)
    report(kitchen)
    other = OrganisationFactory(name="Other Collective")
    report(other)

    response = client.post(resolve_url(kitchen), follow=True)

    assert "2 reports marked resolved." in response.text
    assert list(Report.objects.open().values_list("subject_label", flat=True)) == [
        "Other Collective"
    ]
    assert set(
        Report.objects.filter(resolved_by=moderator).values_list("object_id", flat=True)
    ) == {str(kitchen.pk)}
    assert [group.label for group in response.context["groups"]] == ["Other Collective"]


def test_mark_resolved_works_when_the_subject_is_gone(client, moderator):
    organisation = OrganisationFactory()
    report(organisation)
    url = resolve_url(organisation)
    organisation.delete()

    client.post(url)

    assert not Report.objects.open().exists()


def test_report_queue_refuses_anonymous_visitors(client):
    response = client.get(QUEUE_URL)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_report_queue_refuses_people_without_admin_access(client):
    client.force_login(UserFactory())

    response = client.get(QUEUE_URL)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_report_queue_refuses_editors(client, editor):
    organisation = OrganisationFactory(name="Open Kitchen Collective")
    report(organisation)
    client.force_login(editor)

    response = client.get(QUEUE_URL, follow=True)

    assert response.redirect_chain == [("/admin/", 302)]
    assert "Sorry, you do not have permission to access this area." in response.text
    assert "Open Kitchen Collective" not in response.text


def test_mark_resolved_is_refused_to_editors(client, editor):
    organisation = OrganisationFactory()
    report(organisation)
    client.force_login(editor)

    response = client.post(resolve_url(organisation))

    assert response.status_code == 302
    assert Report.objects.open().count() == 1


def test_mark_resolved_is_refused_to_anonymous_visitors(client):
    organisation = OrganisationFactory()
    report(organisation)

    client.post(resolve_url(organisation))

    assert Report.objects.open().count() == 1


def make_reported_subjects(count):
    for n in range(count):
        for subject in (
            OrganisationFactory(name=f"Organisation {n}"),
            ProjectFactory(name=f"Project {n}"),
            UserFactory(first_name=f"Person {n}"),
        ):
            report(subject, ReportReason.SPAM)
            report(subject, ReportReason.OTHER)


@pytest.mark.parametrize("subjects", [1, 10])
def test_report_queue_runs_a_fixed_number_of_queries(
    client, moderator, django_assert_num_queries, subjects
):
    make_reported_subjects(subjects)
    client.get(QUEUE_URL)  # warm the content-type and permission caches, as in production

    # 6 for the queue (count, groups, reasons, one per reported model), 9 for Wagtail's
    # session, user, permissions and menu, 1 for "is the e-mail address verified?" (the admins
    # refuse unverified accounts: accounts.middleware.verified_admins_only), 1 for the clusters the
    # moderator leads (the Clusters menu item, clusters.permissions).
    with django_assert_num_queries(17):
        response = client.get(QUEUE_URL)

    assert len(response.context["groups"]) == 3 * subjects
