"""Reporting a listing or a profile: the form, the service, and who may use them."""

import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string

from moderation.models import Report, ReportReason
from moderation.reports import report_content, resolve_reports
from tests.factories.accounts import UserFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory

pytestmark = [pytest.mark.django_db]


def report_url(obj):
    opts = obj._meta
    return f"/report/{opts.app_label}/{opts.model_name}/{obj.pk}/"


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def reporter(client):
    user = UserFactory(email="reporter@example.org")
    client.force_login(user)
    return user


def test_report_link_renders_the_report_address_without_queries(django_assert_num_queries):
    organisation = OrganisationFactory(name="Open Kitchen Collective")

    with django_assert_num_queries(0):
        html = render_to_string("components/report_link.html", {"object": organisation})

    assert f'href="{report_url(organisation)}"' in html
    assert "Report" in html
    assert "“Open Kitchen Collective” to the moderators" in html


def test_report_form_shows_what_is_being_reported(client, reporter):
    organisation = OrganisationFactory(name="Open Kitchen Collective")

    response = client.get(report_url(organisation))

    assert response.status_code == 200
    assert "Report “Open Kitchen Collective”" in response.text
    assert "reporting this organisation" in response.text
    assert "Spam or advertising" in response.text


def test_report_of_an_organisation_is_recorded_and_thanked(client, reporter):
    organisation = OrganisationFactory(name="Open Kitchen Collective")

    response = client.post(
        report_url(organisation), {"reason": ReportReason.SPAM, "text": "Sells watches."}
    )

    report = Report.objects.get()
    assert response.status_code == 302
    assert response.url == organisation.get_absolute_url()
    assert messages_of(response) == ["Thank you, moderators will look at it."]
    assert (report.reporter, report.subject, report.subject_label) == (
        reporter,
        organisation,
        "Open Kitchen Collective",
    )
    assert (report.reason, report.text, report.resolved_at) == ("spam", "Sells watches.", None)


def test_report_of_a_project_is_recorded(client, reporter):
    project = ProjectFactory(name="Street Food Map")

    response = client.post(
        report_url(project), {"reason": ReportReason.INACCURATE, "text": "Closed in 2020."}
    )

    assert response.url == project.get_absolute_url()
    assert Report.objects.get().subject == project


def test_report_of_a_profile_returns_to_the_profile(client, reporter):
    person = UserFactory(first_name="Spammy", last_name="McSpam")

    response = client.post(
        report_url(person), {"reason": ReportReason.OFFENSIVE, "text": "Abusive bio."}
    )

    assert response.url == f"/people/{person.pk}/"
    assert Report.objects.get().subject_label == "Spammy McSpam"


def test_report_again_updates_the_open_report(client, reporter):
    organisation = OrganisationFactory()
    client.post(report_url(organisation), {"reason": ReportReason.SPAM, "text": "Spam."})

    response = client.post(
        report_url(organisation), {"reason": ReportReason.DUPLICATE, "text": "Listed twice."}
    )

    report = Report.objects.get()
    assert (report.reason, report.text) == ("duplicate", "Listed twice.")
    assert messages_of(response)[-1] == (
        "You had already reported this. We updated your report; moderators will look at it."
    )


def test_report_after_resolution_opens_a_new_report():
    reporter = UserFactory()
    organisation = OrganisationFactory()
    report_content(organisation, by=reporter, reason=ReportReason.SPAM, text="Spam.")
    resolve_reports(organisation, by=UserFactory())

    report, created = report_content(
        organisation, by=reporter, reason=ReportReason.SPAM, text="Spam again."
    )

    assert created is True
    assert Report.objects.open().get() == report
    assert Report.objects.count() == 2


def test_report_by_two_people_makes_two_reports():
    organisation = OrganisationFactory()

    report_content(organisation, by=UserFactory(), reason=ReportReason.SPAM, text="Spam.")
    report_content(organisation, by=UserFactory(), reason=ReportReason.OTHER, text="Odd.")

    assert Report.objects.open().count() == 2


def test_report_with_bad_input_shows_errors_and_keeps_the_text(client, reporter):
    organisation = OrganisationFactory()

    response = client.post(report_url(organisation), {"reason": "", "text": "Please look."})

    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == ["This field is required."]
    assert "Please look.</textarea>" in response.text
    assert not Report.objects.exists()


def test_report_with_the_honeypot_filled_is_refused(client, reporter):
    organisation = OrganisationFactory()

    response = client.post(
        report_url(organisation),
        {"reason": ReportReason.SPAM, "text": "Spam.", "contact_fax": "0123"},
    )

    assert response.status_code == 200
    assert "This field must be left empty." in response.text
    assert not Report.objects.exists()


def test_report_by_an_anonymous_visitor_goes_to_login(client):
    organisation = OrganisationFactory()

    get = client.get(report_url(organisation))
    post = client.post(report_url(organisation), {"reason": "spam", "text": "Spam."})

    assert get.status_code == post.status_code == 302
    assert get.url.startswith("/accounts/login/?next=/report/")
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/report/auth/group/1/",
        "/report/organisations/membership/1/",
        "/report/organisations/organisation/999999/",
    ],
)
def test_report_of_something_not_reportable_is_404(client, reporter, path):
    response = client.get(path)

    assert response.status_code == 404


def test_report_of_a_listing_awaiting_review_is_404(client, reporter):
    organisation = OrganisationFactory(pending=True)

    response = client.post(report_url(organisation), {"reason": "spam", "text": "Spam."})

    assert response.status_code == 404
    assert not Report.objects.exists()


def test_report_over_the_hourly_limit_is_refused_with_a_clear_page(client, reporter):
    organisations = [OrganisationFactory(name=f"Organisation {n}") for n in range(11)]
    for organisation in organisations[:10]:
        client.post(report_url(organisation), {"reason": "spam", "text": "Spam."})

    response = client.post(report_url(organisations[10]), {"reason": "spam", "text": "Spam."})

    assert response.status_code == 429
    assert "Slow down, please" in response.text
    assert Report.objects.count() == 10
