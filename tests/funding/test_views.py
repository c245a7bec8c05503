"""/funding/: open calls by deadline, the archive, filters, days left, the page cache."""

import pytest

from clusters.models import Cluster
from funding.choices import Audience, FundingType
from funding.tasks import roll_over_deadlines_task
from taxonomy.models import AreaOfImpact
from tests.factories.funding import FundingCallFactory, in_days
from tests.support.facets import facet_counts
from tests.support.people import login

pytestmark = pytest.mark.django_db


def titles(response):
    return [call.title for call in response.context["calls"]]


def test_list_shows_open_calls_closing_soonest_first_and_rolling_last(client):
    FundingCallFactory(title="Rolling Fund", closes_on=None)
    FundingCallFactory(title="Later Fund", closes_on=in_days(40))
    FundingCallFactory(title="Soon Fund", closes_on=in_days(2))
    FundingCallFactory(title="Past Fund", closes_on=in_days(-1))
    FundingCallFactory(title="Draft Fund", pending=True)

    response = client.get("/funding/")

    assert titles(response) == ["Soon Fund", "Later Fund", "Rolling Fund"]


def test_closed_calls_show_in_the_archive_latest_first(client):
    FundingCallFactory(title="Open Fund", closes_on=in_days(3))
    FundingCallFactory(title="Closed Yesterday", closes_on=in_days(-1))
    FundingCallFactory(title="Closed Last Year", closes_on=in_days(-365))

    response = client.get("/funding/?status=closed")

    assert titles(response) == ["Closed Yesterday", "Closed Last Year"]
    assert "Closed funding calls" in response.text


def test_a_call_closing_today_is_still_open(client):
    FundingCallFactory(title="Last Day Fund", closes_on=in_days(0))

    assert titles(client.get("/funding/")) == ["Last Day Fund"]
    assert titles(client.get("/funding/?status=closed")) == []


@pytest.mark.parametrize(
    ("closes_on", "text"),
    [
        (in_days(5), "closes in 5 days"),
        (in_days(1), "closes tomorrow"),
        (in_days(0), "closes today"),
        (None, "rolling: apply any time"),
    ],
)
def test_each_card_says_how_long_is_left(client, closes_on, text):
    FundingCallFactory(title="Civic Fund", closes_on=closes_on)

    response = client.get("/funding/")

    assert text in response.text


def test_filter_by_type(client):
    FundingCallFactory(title="Grant", call_type=FundingType.GRANT)
    FundingCallFactory(title="Space", call_type=FundingType.WORKING_SPACE)

    assert titles(client.get("/funding/?type=working-space")) == ["Space"]


def test_filter_by_audience(client):
    FundingCallFactory(title="For startups", audiences=[Audience.STARTUP, Audience.RESEARCH])
    FundingCallFactory(title="For councils", audiences=[Audience.GOVERNMENT])

    assert titles(client.get("/funding/?audience=startup")) == ["For startups"]
    assert titles(client.get("/funding/?audience=research")) == ["For startups"]


def test_filter_by_country_keeps_calls_open_to_any_country(client):
    FundingCallFactory(title="German Fund", countries=["DE", "AT"], closes_on=in_days(3))
    FundingCallFactory(title="French Fund", countries=["FR"])
    FundingCallFactory(title="Any Country Fund", countries=[], closes_on=in_days(9))

    assert titles(client.get("/funding/?country=AT")) == ["German Fund", "Any Country Fund"]


def test_filter_by_cluster_and_area(client):
    health = AreaOfImpact.objects.get(slug="health-and-care")
    cluster = Cluster.objects.order_by("pk").first()
    FundingCallFactory(title="Health Fund", areas=[health])
    FundingCallFactory(title="Cluster Fund", clusters=[cluster])
    FundingCallFactory(title="Other Fund")

    assert titles(client.get("/funding/?area=health-and-care")) == ["Health Fund"]
    assert titles(client.get(f"/funding/?cluster={cluster.slug}")) == ["Cluster Fund"]


def test_filter_closes_before_leaves_out_later_and_rolling_calls(client):
    FundingCallFactory(title="Soon", closes_on=in_days(5))
    FundingCallFactory(title="Later", closes_on=in_days(50))
    FundingCallFactory(title="Rolling", closes_on=None)

    response = client.get(f"/funding/?closes_before={in_days(10).isoformat()}")

    assert titles(response) == ["Soon"]


def test_filter_minimum_amount(client):
    FundingCallFactory(title="Big", amount_min=10_000, amount_max=100_000, closes_on=in_days(3))
    FundingCallFactory(title="Small", amount_min=1_000, amount_max=5_000)
    FundingCallFactory(title="Only a minimum", amount_min=60_000, closes_on=in_days(9))
    FundingCallFactory(title="No amount")

    assert titles(client.get("/funding/?min_amount=50000")) == ["Big", "Only a minimum"]


def test_filter_by_words_in_title_summary_or_funder(client):
    FundingCallFactory(title="Repair Grant", funder="City of Ghent")
    FundingCallFactory(title="Data Prize", funder="Open Data Trust")

    assert titles(client.get("/funding/?q=ghent")) == ["Repair Grant"]
    assert titles(client.get("/funding/?q=prize")) == ["Data Prize"]


def test_nonsense_filter_values_are_refused_without_an_error(client):
    FundingCallFactory(title="Civic Fund")

    response = client.get("/funding/?type=bogus&min_amount=lots&closes_before=never")

    assert response.status_code == 200
    assert "Enter a number." in response.text
    assert "Civic Fund" not in response.text  # type=bogus (a facet value) matches nothing


@pytest.mark.parametrize("count", [1, 20])
def test_list_costs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    for number in range(count):
        FundingCallFactory(title=f"Fund {number}", closes_on=in_days(number))
    client.get("/funding/?status=closed")  # warm the content version

    with django_assert_num_queries(5):  # the calls, their count, the type, cluster and area facets
        response = client.get("/funding/")

    assert len(response.context["calls"]) == count
    assert "Fund 0" in response.text

    # the count, the page of calls and the rendered filter form are kept until the content
    # changes
    with django_assert_num_queries(0):
        response = client.get("/funding/?page=1")
    assert len(response.context["calls"]) == count


def test_anonymous_list_and_page_set_no_cookie(client):
    call = FundingCallFactory(title="Civic Fund")

    paths = ["/funding/", call.get_absolute_url(), "/funding/feed.rss", "/funding/deadlines.ics"]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200
        assert response.cookies == {}, path


def test_anonymous_call_page_offers_a_login_link_instead_of_the_save_button(client):
    call = FundingCallFactory(title="Civic Fund")

    page = client.get(call.get_absolute_url()).text

    assert "Log in to save this call" in page
    assert "csrfmiddlewaretoken" not in page


def test_logged_in_call_page_shows_the_save_button(client, stranger):
    call = FundingCallFactory(title="Civic Fund")

    page = login(client, stranger).get(call.get_absolute_url()).text

    assert "Save and remind me before the deadline" in page


def test_a_draft_call_is_hidden_from_visitors_and_shown_to_its_submitter(client, stranger):
    call = FundingCallFactory(title="Draft Fund", pending=True, submitted_by=stranger)

    assert client.get(call.get_absolute_url()).status_code == 404
    assert login(client, stranger).get(call.get_absolute_url()).status_code == 200


def test_call_page_describes_the_call_as_a_monetary_grant(client):
    call = FundingCallFactory(
        title="Civic Fund", amount_min=5_000, amount_max=20_000, funder="City of Ghent"
    )

    response = client.get(call.get_absolute_url())

    data = response.context["structured_data"]
    assert data["@type"] == "MonetaryGrant"
    assert data["funder"] == {"@type": "Organization", "name": "City of Ghent"}
    assert data["amount"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "minValue": 5000,
        "maxValue": 20000,
    }
    assert '"@type": "MonetaryGrant"' in response.text
    assert "EUR 5,000 to 20,000" in response.text


def test_the_midnight_roll_over_renders_cached_deadlines_afresh(client):
    FundingCallFactory(title="Civic Fund", closes_on=in_days(5))
    client.get("/funding/")
    assert client.get("/funding/").headers.get("X-Page-Cache") == "hit"

    roll_over_deadlines_task()

    assert client.get("/funding/").headers.get("X-Page-Cache") is None


def test_type_facet_counts_published_open_calls_only(client):
    FundingCallFactory(title="Grant A", call_type=FundingType.GRANT)
    FundingCallFactory(title="Grant B", call_type=FundingType.GRANT, pending=True)
    FundingCallFactory(title="Grant C", call_type=FundingType.GRANT, closes_on=in_days(-3))

    response = client.get("/funding/", {"type": FundingType.GRANT})

    assert "Grant A" in response.text and "Grant B" not in response.text
    assert facet_counts(response.text, "type") == {FundingType.GRANT.label: 1}
