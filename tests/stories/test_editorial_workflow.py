"""Who may write and publish stories in the admin: cluster leads write under the story index and
submit to "Editorial review"; editors approve and publish directly."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from stories.models import BlogPage, HomePage, StoryIndexPage
from tests.factories.accounts import UserFactory
from tests.factories.clusters import ClusterFactory
from tests.factories.stories import BlogPageFactory
from tests.support.people import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead():
    return UserFactory(
        email="lead@example.org", first_name="Lia", last_name="Lead", groups=["Cluster leads"]
    )


def blog_post_form(title, action):
    return nested_form_data(
        {
            "title": title,
            "slug": "lead-post",
            "date": "2026-11-20",
            "intro": "What our cluster learnt this year.",
            "authors": inline_formset([{"name": "Lia Lead"}]),
            "body": streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
            action: "1",
        }
    )


def add_blog_post(client, user, action, title="Notes from the cluster"):
    index = StoryIndexPage.objects.get()
    return login(client, user).post(
        f"/admin/pages/add/stories/blogpage/{index.pk}/", blog_post_form(title, action)
    )


def test_story_index_uses_the_editorial_review_workflow():
    index = StoryIndexPage.objects.get()

    workflow = index.get_workflow()

    assert workflow.name == "Editorial review"
    assert [task.name for task in workflow.tasks] == ["Editors approve"]


def test_cluster_leads_group_exists():
    assert Group.objects.filter(name="Cluster leads").exists()


def test_lead_submits_blog_post_which_stays_private_until_an_editor_approves(client, lead, editor):
    add_blog_post(client, lead, "action-submit")
    page = BlogPage.objects.get(slug="lead-post")
    client.logout()

    assert page.live is False
    assert page.current_workflow_state.status == "in_progress"
    assert client.get("/stories/lead-post/").status_code == 404

    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")

    assert client.get("/stories/lead-post/").status_code == 200


def test_lead_cannot_publish_directly(client, lead):
    add_blog_post(client, lead, "action-publish")

    page = BlogPage.objects.get(slug="lead-post")
    assert page.live is False
    assert client.get("/stories/lead-post/").status_code == 404


def test_lead_has_no_publish_permission_on_stories(lead):
    page = BlogPageFactory(live=False)

    assert page.permissions_for_user(lead).can_edit() is True
    assert page.permissions_for_user(lead).can_publish() is False


def test_lead_cannot_edit_or_add_pages_outside_the_stories_section(client, lead):
    home = HomePage.objects.get()
    login(client, lead)

    edit = client.get(f"/admin/pages/{home.pk}/edit/")
    add = client.get(f"/admin/pages/add/stories/standardpage/{home.pk}/")

    assert edit.status_code == 302
    assert add.status_code == 302
    assert home.permissions_for_user(lead).can_edit() is False
    assert Page.objects.get(pk=home.pk).title == home.title


def test_editor_publishes_directly(client, editor):
    add_blog_post(client, editor, "action-publish", title="Editor's note")

    page = BlogPage.objects.get(slug="lead-post")
    client.logout()
    assert page.live is True
    assert "Editor&#x27;s note" in client.get("/stories/lead-post/").text


def test_lead_may_add_resources_but_not_delete_them(lead):
    assert lead.has_perm("stories.add_resource") is True
    assert lead.has_perm("stories.delete_resource") is False


def test_lead_dashboard_links_to_writing_a_story_for_their_cluster(client, lead):
    ClusterFactory(title="Repair and reuse", leads=[lead])

    dashboard = login(client, lead).get("/dashboard/")
    write = client.get("/admin/stories/write/")

    assert "Write a story for your cluster" in dashboard.text
    assert "Share what is happening in Repair and reuse" in dashboard.text
    index = StoryIndexPage.objects.get()
    assert write.url == f"/admin/pages/add/stories/blogpage/{index.pk}/"


def test_dashboard_of_someone_else_has_no_story_link(client, stranger):
    dashboard = login(client, stranger).get("/dashboard/")

    assert "Write a story" not in dashboard.text
    assert client.get("/admin/stories/write/").status_code in (302, 403)
