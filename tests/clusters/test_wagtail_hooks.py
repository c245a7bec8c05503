"""Editing clusters in the Wagtail admin: renames keep the URL, leads are picked from users."""

import json

import pytest
from django.urls import reverse

from clusters.models import Cluster
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def draftail(text):
    block = {
        "key": "a",
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
        "data": {},
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def edit_url(cluster):
    return reverse(Cluster.snippet_viewset.get_url_name("edit"), args=[cluster.pk])


def test_cluster_admin_edit_page_shows_the_slug_locked(admin_client):
    cluster = Cluster.objects.get(slug="health-and-care")

    response = admin_client.get(edit_url(cluster))

    assert response.status_code == 200
    assert response.context["form"].fields["slug"].disabled


def test_cluster_admin_rename_keeps_the_slug_and_sets_leads(admin_client):
    cluster = Cluster.objects.get(slug="health-and-care")
    lead = UserFactory(first_name="Ada")
    data = {
        "title": "Health, care and well-being",
        "slug": "renamed",
        "area": cluster.area_id,
        "coordinator": "WeMake",
        "intro": cluster.intro,
        "body": draftail("We meet monthly."),
        "leads": [lead.pk],
        "get_in_touch": "health@example.org",
        "sort_order": 1,
    }

    response = admin_client.post(edit_url(cluster), data)

    cluster.refresh_from_db()
    assert response.status_code == 302
    assert (cluster.title, cluster.slug) == ("Health, care and well-being", "health-and-care")
    assert list(cluster.leads.all()) == [lead]
    assert "We meet monthly." in cluster.body
