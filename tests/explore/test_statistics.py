"""/explore/: live counts and charts of published content, each linking to the filtered list."""

import pytest
from django.urls import reverse

from taxonomy.models import AreaOfImpact
from tests.factories.events import EventFactory
from tests.factories.funding import FundingCallFactory
from tests.factories.listings import OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db

URL = reverse("explore:index")


def chart_row(chart, label):
    [row] = [row for row in chart["rows"] if row["label"] == label]
    return [(bar["count"], bar["url"]) for bar in row["bars"]]


def test_counts_and_charts_show_published_content_only(client, hidden):
    health = AreaOfImpact.objects.get(slug="health-and-care")
    OrganisationFactory(country="ES", areas=[health])
    ProjectFactory(country="ES", areas=[health])
    hidden(OrganisationFactory, country="ES", areas=[health])
    hidden(ProjectFactory, country="ES", areas=[health])
    EventFactory()
    EventFactory(pending=True)

    stats = client.get(URL).context["stats"]

    assert stats["counts"] == {"organisations": 1, "projects": 1, "events": 1, "funding": 0}
    assert chart_row(stats["area"], "Health and care") == [
        (1, "/organisations/?area=health-and-care"),
        (1, "/projects/?area=health-and-care"),
    ]
    [spain] = stats["countries"]
    assert (spain["name"], spain["organisations"], spain["projects"]) == ("Spain", 1, 1)


def test_choropleth_shades_countries_and_links_them_to_the_directory(client):
    for _ in range(4):
        OrganisationFactory(country="DE")
    OrganisationFactory(country="PT")

    response = client.get(URL)

    shapes = {shape["code"]: shape for shape in response.context["stats"]["map"]["shapes"]}
    assert (shapes["DE"]["shade"], shapes["DE"]["url"]) == (5, "/organisations/?country=DE")
    assert (shapes["PT"]["shade"], shapes["FR"]["shade"], shapes["FR"]["url"]) == (3, 0, "")
    assert '<a href="/organisations/?country=DE" tabindex="-1">' in response.text


def test_funding_by_type_counts_open_published_calls(client):
    FundingCallFactory(call_type="grant")
    FundingCallFactory(call_type="grant", pending=True)

    stats = client.get(URL).context["stats"]

    assert chart_row(stats["funding_by_type"], "Grant") == [(1, "/funding/?type=grant")]


def test_charts_have_their_numbers_as_tables(client):
    ProjectFactory(areas=[AreaOfImpact.objects.get(slug="health-and-care")])

    response = client.get(URL)

    assert "<summary>Areas of impact: the numbers</summary>" in response.text
    assert '<td class="align-right"><a href="/projects/?area=health-and-care">1</a></td>' in (
        response.text
    )


@pytest.mark.parametrize("count", [1, 3])
def test_statistics_cost_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    for _ in range(count):
        OrganisationFactory(country="FR", areas=list(AreaOfImpact.objects.all()[:2]))
        ProjectFactory(country="FR", areas=list(AreaOfImpact.objects.all()[:2]))
        EventFactory()
        FundingCallFactory()

    with django_assert_num_queries(18):
        response = client.get(URL)

    assert response.context["stats"]["counts"]["projects"] == count
