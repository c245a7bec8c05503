import pytest

from tests.factories.clusters import ClusterFactory
from tests.factories.stories import BlogPageFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def test_cluster_page_shows_its_recent_stories_and_resources(client):
    cluster = ClusterFactory(slug="repair", title="Repair")
    BlogPageFactory(title="Repair diary", slug="repair-diary", clusters=[cluster])
    BlogPageFactory(title="Unrelated post")
    BlogPageFactory(title="Draft diary", clusters=[cluster], live=False)
    ResourceFactory(title="Repair toolkit", clusters=[cluster], link_url="https://r.example.org/t")

    html = client.get(cluster.get_absolute_url()).text

    assert '<a href="/stories/repair-diary/">Repair diary</a>' in html
    assert '<a href="https://r.example.org/t">Repair toolkit</a>' in html
    assert "Unrelated post" not in html
    assert "Draft diary" not in html
    assert 'href="/resources/?cluster=repair"' in html
