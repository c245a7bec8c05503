"""The taxonomy snippets in the Wagtail admin: terms keep their slug, places can be looked up."""

import pytest
from django.urls import reverse

from taxonomy.models import AreaOfImpact, Place

pytestmark = pytest.mark.django_db


def term_form(model, **kwargs):
    form_class = model.get_edit_handler().get_form_class()
    return form_class(**kwargs)


def test_term_form_keeps_the_slug_when_renamed():
    area = AreaOfImpact.objects.get(slug="science")
    data = {"name": "Science and research", "slug": "renamed", "description": "", "sort_order": 9}

    form = term_form(AreaOfImpact, instance=area, data=data)
    form.is_valid()
    form.save()

    area.refresh_from_db()
    assert form.errors == {}
    assert (area.name, area.slug) == ("Science and research", "science")


def test_term_form_makes_the_slug_from_the_name_on_creation():
    data = {"name": "Sport and leisure", "slug": "", "description": "", "sort_order": 11}

    form = term_form(AreaOfImpact, instance=AreaOfImpact(), data=data)
    form.is_valid()
    area = form.save()

    assert form.errors == {}
    assert area.slug == "sport-and-leisure"


def test_term_form_rejects_a_name_whose_slug_is_taken():
    data = {"name": "Science", "slug": "", "description": "", "sort_order": 11}

    form = term_form(AreaOfImpact, instance=AreaOfImpact(), data=data)

    assert not form.is_valid()
    assert list(form.errors) == ["slug"]


def test_place_admin_searches_by_name_within_a_country(admin_client):
    url = reverse(Place.snippet_viewset.get_url_name("list"))

    response = admin_client.get(url, {"q": "Barcelona", "country": "ES"})

    assert response.status_code == 200
    places = list(response.context["object_list"])
    assert [str(place) for place in places] == ["Barcelona, Spain"]
