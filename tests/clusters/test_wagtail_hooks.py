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


GALLERY_MANAGEMENT = {
    "gallery_images-TOTAL_FORMS": "0",
    "gallery_images-INITIAL_FORMS": "0",
    "gallery_images-MIN_NUM_FORMS": "0",
    "gallery_images-MAX_NUM_FORMS": "1000",
}


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
        **GALLERY_MANAGEMENT,
    }

    response = admin_client.post(edit_url(cluster), data)

    cluster.refresh_from_db()
    assert response.status_code == 302
    assert (cluster.title, cluster.slug) == ("Health, care and well-being", "health-and-care")
    assert list(cluster.leads.all()) == [lead]
    assert "We meet monthly." in cluster.body


# Who may edit which cluster ------------------------------------------------------------------


@pytest.fixture
def health_lead():
    lead = UserFactory(email="health-lead@example.org")
    Cluster.objects.get(slug="health-and-care").leads.add(lead)
    return lead


def cluster_data(cluster, **changes):
    return {
        "title": cluster.title,
        "area": cluster.area_id,
        "coordinator": cluster.coordinator,
        "intro": cluster.intro,
        "body": draftail("Updated by a lead."),
        "leads": [lead.pk for lead in cluster.leads.all()],
        "get_in_touch": cluster.get_in_touch,
        "sort_order": cluster.sort_order,
        **GALLERY_MANAGEMENT,
        **changes,
    }


def test_becoming_a_lead_joins_the_cluster_leads_group_and_leaving_drops_it():
    user = UserFactory()
    cluster = Cluster.objects.get(slug="health-and-care")

    cluster.leads.add(user)
    assert list(user.groups.values_list("name", flat=True)) == ["Cluster leads"]

    Cluster.objects.get(slug="digital-democracy").leads.add(user)
    cluster.leads.remove(user)
    assert list(user.groups.values_list("name", flat=True)) == ["Cluster leads"]

    user.led_clusters.clear()
    assert list(user.groups.values_list("name", flat=True)) == []


def test_lead_sees_only_their_clusters_in_the_admin(client, health_lead):
    client.force_login(health_lead)

    response = client.get(reverse(Cluster.snippet_viewset.get_url_name("list")))

    assert response.status_code == 200
    assert [c.title for c in response.context["object_list"]] == ["Health and care"]


def test_lead_edits_their_own_cluster_but_not_who_leads_it(client, health_lead):
    cluster = Cluster.objects.get(slug="health-and-care")
    intruder = UserFactory()
    client.force_login(health_lead)

    response = client.post(
        edit_url(cluster), cluster_data(cluster, leads=[intruder.pk], coordinator="Someone else")
    )

    cluster.refresh_from_db()
    assert response.status_code == 302
    assert "Updated by a lead." in cluster.body
    assert (cluster.coordinator, list(cluster.leads.all())) == ("WeMake", [health_lead])


def test_lead_of_another_cluster_is_refused(client, health_lead):
    other = Cluster.objects.get(slug="digital-democracy")
    client.force_login(health_lead)

    page = client.get(edit_url(other))
    post = client.post(edit_url(other), cluster_data(other, title="Taken over"))

    other.refresh_from_db()
    assert (page.status_code, post.status_code) == (404, 404)
    assert other.title == "Digital democracy"


def test_editor_edits_any_cluster(client, editor):
    cluster = Cluster.objects.get(slug="digital-democracy")
    client.force_login(editor)

    response = client.post(edit_url(cluster), cluster_data(cluster, title="Democracy"))

    cluster.refresh_from_db()
    assert (response.status_code, cluster.title) == (302, "Democracy")


def test_person_without_a_role_cannot_edit_clusters(client, stranger):
    cluster = Cluster.objects.get(slug="digital-democracy")
    client.force_login(stranger)

    response = client.get(edit_url(cluster))

    assert response.status_code in (302, 403)
    assert "Digital democracy" not in response.content.decode()


def test_lead_may_enter_the_admin_and_add_and_choose_gallery_images(health_lead):
    from wagtail.images.models import Image
    from wagtail.images.permissions import permission_policy as images
    from wagtail.images.tests.utils import get_test_image_file

    user = type(health_lead).objects.get(pk=health_lead.pk)  # fresh permission caches

    assert user.has_perm("wagtailadmin.access_admin")
    assert images.user_has_permission(user, "add")
    assert images.user_has_permission(user, "choose")
    someone_elses = Image.objects.create(title="Not mine", file=get_test_image_file())
    assert not images.user_has_permission_for_instance(user, "delete", someone_elses)


PER_OBJECT_VIEWS = ["edit", "delete", "usage", "history", "history_results", "copy"]


def admin_url(name, cluster):
    return reverse(Cluster.snippet_viewset.get_url_name(name), args=[cluster.pk])


@pytest.mark.parametrize("name", PER_OBJECT_VIEWS)
def test_another_clusters_admin_pages_are_not_found_for_a_lead(client, health_lead, editor, name):
    other = Cluster.objects.get(slug="digital-democracy")
    client.force_login(editor)
    client.post(admin_url("edit", other), cluster_data(other, coordinator="Edited by Eddie"))
    client.force_login(health_lead)

    page, post = client.get(admin_url(name, other)), client.post(admin_url(name, other))

    assert (page.status_code, post.status_code) == (404, 404)
    assert "Eddie" not in page.text
    assert Cluster.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("name", ["edit", "usage", "history", "history_results"])
def test_a_lead_still_reaches_their_own_clusters_admin_pages(client, health_lead, name):
    client.force_login(health_lead)

    response = client.get(admin_url(name, Cluster.objects.get(slug="health-and-care")))

    assert response.status_code == 200


# Choosing leads: a search, not a list of every account ----------------------------------------


def cluster_form(cluster, **fields):
    return {
        "title": cluster.title,
        "area": cluster.area_id,
        "coordinator": cluster.coordinator,
        "intro": cluster.intro,
        "body": draftail("We meet monthly."),
        "get_in_touch": "",
        "sort_order": cluster.sort_order,
        **GALLERY_MANAGEMENT,
        **fields,
    }


def test_cluster_edit_page_lists_its_leads_and_a_person_chooser_not_every_user(admin_client):
    cluster = Cluster.objects.get(slug="health-and-care")
    lead = UserFactory(first_name="Lea", last_name="Lead", email="lea@example.org")
    cluster.leads.add(lead)
    UserFactory(first_name="Nobody", email="nobody@example.org")

    response = admin_client.get(edit_url(cluster))

    text = " ".join(response.text.split())
    assert f'<input type="checkbox" name="leads" value="{lead.pk}" checked> Lea Lead' in text
    assert 'name="leads-add"' in text
    assert "Choose a person" in text
    assert "nobody@example.org" not in text


def test_cluster_edit_adds_the_chosen_person_and_removes_the_unticked(admin_client):
    cluster = Cluster.objects.get(slug="health-and-care")
    staying, leaving, joining = UserFactory(), UserFactory(), UserFactory()
    cluster.leads.add(staying, leaving)

    response = admin_client.post(
        edit_url(cluster), cluster_form(cluster, leads=[staying.pk], **{"leads-add": joining.pk})
    )

    assert response.status_code == 302
    assert set(cluster.leads.all()) == {staying, joining}
    assert set(joining.groups.values_list("name", flat=True)) == {"Cluster leads"}
    assert not leaving.groups.filter(name="Cluster leads").exists()


def test_cluster_edit_with_a_bad_chosen_id_is_an_error_not_a_crash(admin_client):
    cluster = Cluster.objects.get(slug="health-and-care")

    response = admin_client.post(edit_url(cluster), cluster_form(cluster, **{"leads-add": "1e309"}))

    assert response.status_code == 200
    assert "leads" in response.context["form"].errors
