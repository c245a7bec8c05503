"""Resources are reviewed content: a cluster lead's resource, added in the Wagtail admin, waits for
an editor or a moderator; editors publish directly; only published resources are public."""

import pytest
from wagtail.models import WorkflowState

from stories.models import Resource
from tests.factories.accounts import UserFactory
from tests.factories.clusters import ClusterFactory
from tests.factories.stories import ResourceFactory
from tests.support.mail import link_containing, path_of, text_of
from tests.support.people import login

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/stories/resource/add/"
# Session, user, the other sections of the dashboard, and mine: the resources, their workflow
# states (prefetched), whatever their number.
NUM_DASHBOARD_QUERIES = 22


@pytest.fixture
def cluster():
    return ClusterFactory(slug="repair", title="Repair and reuse")


@pytest.fixture
def lead(cluster):
    user = UserFactory(
        email="lead@example.org", first_name="Lia", last_name="Lead", groups=["Cluster leads"]
    )
    cluster.leads.add(user)
    return user


def resource_form(cluster, action, title="Repair café toolkit"):
    return {
        "title": title,
        "description": "Start a repair café in your street.",
        "link_url": "https://repair.example.org/toolkit",
        "link_text": "Download",
        "resource_type": "toolkit",
        "author_name": "Repair Network",
        "clusters": [cluster.pk],
        "year": "2026",
        action: "1",
    }


def test_a_leads_resource_is_public_only_after_an_editor_approves_it(
    client, lead, editor, moderator, cluster, mailbox
):
    submitted = login(client, lead).post(ADD_URL, resource_form(cluster, "action-submit"))
    resource = Resource.objects.get()
    dashboard = client.get("/dashboard/")
    client.logout()
    listing_before = client.get("/resources/")
    cluster_page_before = client.get("/clusters/repair/")

    assert submitted.status_code == 302
    assert (resource.live, resource.submitted_by) == (False, lead)
    assert resource.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Repair café toolkit" not in listing_before.text
    assert "Repair café toolkit" not in cluster_page_before.text
    assert "Repair café toolkit" in dashboard.text
    assert "Awaiting review" in dashboard.text
    # Wagtail's "submitted for approval" mail to the reviewers goes through the outbox.
    for reviewer in (editor, moderator):
        [message] = mailbox.wait_for(reviewer.email)
        assert "Repair café toolkit" in message["Subject"]
    assert mailbox.to(lead.email) == []

    task_state = resource.current_workflow_state.current_task_state
    approved = login(client, editor).post(
        f"/admin/snippets/stories/resource/workflow/action/{resource.pk}/approve/{task_state.pk}/"
    )
    client.logout()
    resource.refresh_from_db()

    assert approved.status_code in (200, 302)
    assert resource.live is True
    assert "Repair café toolkit" in client.get("/resources/").text
    assert "Repair café toolkit" in client.get("/clusters/repair/").text
    assert "Published" in login(client, lead).get("/dashboard/").text


def workflow_action_url(resource, action):
    task_state = resource.current_workflow_state.current_task_state
    return (
        f"/admin/snippets/stories/resource/workflow/action/{resource.pk}/{action}/{task_state.pk}/"
    )


def test_the_lead_hears_by_email_that_an_editor_approved_their_resource(
    client, lead, editor, cluster, mailbox
):
    login(client, lead).post(ADD_URL, resource_form(cluster, "action-submit"))
    client.logout()
    resource = Resource.objects.get()

    approved = login(client, editor).post(workflow_action_url(resource, "approve"))
    client.logout()
    [message] = mailbox.wait_for(lead.email)
    library = client.get(path_of(link_containing(message, "/resources/")))

    assert approved.status_code in (200, 302)
    assert message["Subject"].endswith('"Repair café toolkit" is published')
    assert "Hello Lia" in text_of(message)
    assert "approved the resource" in text_of(message)
    assert link_containing(message, "/resources/").startswith("http")
    # The link shows the approved resource: the library, filtered on its type.
    assert library.status_code == 200
    assert "Repair café toolkit" in library.text
    # The editor hears of the submission (Wagtail's notice), not of their own decision.
    assert all("is published" not in m["Subject"] for m in mailbox.to(editor.email))


def test_the_lead_hears_why_an_editor_rejected_their_resource_and_where_to_change_it(
    client, lead, editor, cluster, mailbox
):
    login(client, lead).post(ADD_URL, resource_form(cluster, "action-submit"))
    client.logout()
    resource = Resource.objects.get()

    rejected = login(client, editor).post(
        workflow_action_url(resource, "reject"),
        {"comment": "Please add the licence of the toolkit."},
    )
    client.logout()
    resource.refresh_from_db()
    [message] = mailbox.wait_for(lead.email)
    edit_link = link_containing(message, "/edit/")
    edit_page = login(client, lead).get(path_of(edit_link))

    assert rejected.status_code in (200, 302)
    assert resource.live is False
    assert message["Subject"].endswith('"Repair café toolkit" needs changes')
    assert "Please add the licence of the toolkit." in text_of(message)
    assert "kept as a draft" in text_of(message)
    assert edit_link.startswith("http")
    assert edit_page.status_code == 200
    assert "Repair café toolkit" in edit_page.text


def test_a_lead_cannot_publish_a_resource_directly(client, lead, cluster):
    login(client, lead).post(ADD_URL, resource_form(cluster, "action-publish"))

    resource = Resource.objects.get()
    assert resource.live is False
    assert Resource.objects.published().count() == 0


def test_an_editor_publishes_a_resource_directly(client, editor, cluster):
    login(client, editor).post(ADD_URL, resource_form(cluster, "action-publish"))
    client.logout()

    resource = Resource.objects.get()
    assert (resource.live, resource.submitted_by) == (True, editor)
    assert "Repair café toolkit" in client.get("/resources/").text


def test_a_lead_edits_only_their_own_resources_that_are_not_yet_published(client, lead, cluster):
    login(client, lead).post(ADD_URL, resource_form(cluster, "action-submit"))
    own = Resource.objects.get()
    published = ResourceFactory(title="Editors' pick")
    others = ResourceFactory(title="Another lead's draft", live=False)

    own_edit = client.get(f"/admin/snippets/stories/resource/edit/{own.pk}/")
    published_edit = client.get(f"/admin/snippets/stories/resource/edit/{published.pk}/")
    others_edit = client.get(f"/admin/snippets/stories/resource/edit/{others.pk}/")
    listing = client.get("/admin/snippets/stories/resource/")

    assert own_edit.status_code == 200
    assert published_edit.status_code == 404
    assert others_edit.status_code == 404
    assert "Repair café toolkit" in listing.text
    assert "Editors&#x27; pick" not in listing.text


def test_unpublished_resources_stay_out_of_the_author_filter(client, organisation):
    ResourceFactory(title="Hidden draft", author=organisation, live=False)

    response = client.get("/resources/")

    assert "Open Commons</option>" not in response.text
    assert "Hidden draft" not in response.text


@pytest.mark.parametrize("count", [1, 5])
def test_my_resources_on_the_dashboard_cost_the_same_queries_whatever_their_number(
    client, lead, cluster, count, django_assert_num_queries
):
    login(client, lead)
    for n in range(count):
        client.post(ADD_URL, resource_form(cluster, "action-submit", title=f"Toolkit {n}"))
    ResourceFactory(title="Published toolkit", submitted_by=lead)

    with django_assert_num_queries(NUM_DASHBOARD_QUERIES):
        response = client.get("/dashboard/")

    assert response.text.count('class="dashboard-resource"') == count + 1
    assert response.text.count("Awaiting review") == count
