"""A page editor form posted without what its JavaScript adds (a StreamField's `-count` keys, an
inline panel's management form) is a form error, never a 500 (issue 16, item 7b)."""

import pytest
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from stories.models import BlogPage, StoryIndexPage
from tests.factories.stories import BlogPageFactory
from tests.support.people import login

pytestmark = pytest.mark.django_db


def blog_post_form(**overrides):
    data = nested_form_data(
        {
            "title": "Notes from the cluster",
            "slug": "notes",
            "date": "2026-11-20",
            "intro": "What our cluster learnt this year.",
            "authors": inline_formset([{"name": "Eddie Editor"}]),
            "body": streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    data.update(overrides)
    return data


def without(data, *prefixes):
    return {key: value for key, value in data.items() if not key.startswith(prefixes)}


@pytest.fixture
def editor_client(editor):
    return login(Client(raise_request_exception=False), editor)


@pytest.mark.parametrize("missing", ["body-count", "body-", "authors-TOTAL_FORMS"])
def test_adding_a_blog_post_without_javascripts_keys_is_a_form_error(editor_client, missing):
    index = StoryIndexPage.objects.get()

    response = editor_client.post(
        f"/admin/pages/add/stories/blogpage/{index.pk}/", without(blog_post_form(), missing)
    )

    assert response.status_code in (200, 400)
    assert BlogPage.objects.count() == 0


def test_a_stream_without_its_keys_is_refused_at_its_field(editor_client):
    index = StoryIndexPage.objects.get()

    response = editor_client.post(
        f"/admin/pages/add/stories/blogpage/{index.pk}/", without(blog_post_form(), "body-count")
    )

    [error] = response.context["form"].errors["body"].as_data()
    assert error.non_block_errors.as_text() == (
        "* This part of the page did not arrive complete. Reload the page and try again."
    )


def test_editing_a_blog_post_without_the_body_count_is_a_form_error(editor_client):
    page = BlogPageFactory(title="Old title")

    response = editor_client.post(
        f"/admin/pages/{page.pk}/edit/",
        without(blog_post_form(title="New title", slug=page.slug), "body-count"),
    )

    assert response.status_code in (200, 400)
    page.refresh_from_db()
    assert page.title == "Old title"


@pytest.mark.parametrize("count", ["", "x", "-1", "99999999999999999999"])
def test_a_body_count_that_is_no_number_is_a_form_error(editor_client, count):
    index = StoryIndexPage.objects.get()

    response = editor_client.post(
        f"/admin/pages/add/stories/blogpage/{index.pk}/", blog_post_form(**{"body-count": count})
    )

    assert response.status_code in (200, 302, 400)
    assert response.status_code != 302 or len(BlogPage.objects.get().body) == 0


# Choosing people and listings: searched choosers, not a select of every row --------------------


def test_blog_post_form_chooses_the_hub_member_without_listing_every_user(editor_client):
    from tests.factories.accounts import UserFactory

    UserFactory(email="somebody-else@example.org")
    index = StoryIndexPage.objects.get()

    response = editor_client.get(f"/admin/pages/add/stories/blogpage/{index.pk}/")

    assert "Choose a person" in response.text
    assert "somebody-else@example.org" not in response.text


def test_blog_post_keeps_the_chosen_hub_member_and_refuses_a_bad_id(editor_client):
    from tests.factories.accounts import UserFactory

    author = UserFactory(first_name="Ada", last_name="Lovelace")
    index = StoryIndexPage.objects.get()
    url = f"/admin/pages/add/stories/blogpage/{index.pk}/"
    form = blog_post_form(**{"authors-0-name": "", "authors-0-user": str(author.pk)})

    editor_client.post(url, {**form, "action-publish": "publish"})
    bad = editor_client.post(url, {**form, "slug": "other", "authors-0-user": "1e309"})

    assert [a.user for a in BlogPage.objects.get().authors.all()] == [author]
    assert bad.status_code == 200
