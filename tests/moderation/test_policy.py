"""A model's publishing policy decides who skips review (moderation.policy)."""

import pytest

from moderation.policy import PublishingPolicy
from moderation.services import submit_new
from projects.models import Project
from taxonomy.models import AreaOfImpact, Technology
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


class PartnersPublishDirectly(PublishingPolicy):
    """A custom rule: people from the partner domain publish at once, new or edited."""

    def may_publish_new(self, obj, user):
        return user.email.endswith("@partner.example")

    def may_change_live(self, obj, user):
        return self.may_publish_new(obj, user)


@pytest.fixture
def partner_policy(monkeypatch):
    monkeypatch.setattr(Project, "publishing_policy", PartnersPublishDirectly())


def new_project(name):
    project = Project(name=name, short_description="A map of repair cafés.")
    project.areas = [AreaOfImpact.objects.first()]
    project.technologies = [Technology.objects.first()]
    return project


def test_the_policy_lets_an_allowed_submitter_publish_at_once(partner_policy):
    partner = UserFactory(email="pat@partner.example")

    outcome = submit_new(new_project("Repair Map"), by=partner, slug_from="Repair Map")

    assert outcome == "published"
    assert list(Project.objects.published().values_list("name", flat=True)) == ["Repair Map"]


def test_the_policy_sends_anyone_else_to_review(partner_policy):
    outsider = UserFactory(email="sam@example.org")

    project = new_project("Repair Map")
    outcome = submit_new(project, by=outsider, slug_from="Repair Map")

    assert outcome == "pending"
    assert project.awaiting_review is True
    assert Project.objects.published().count() == 0


def test_the_policy_decides_about_edits_of_live_content_too(partner_policy):
    partner, outsider = UserFactory(email="pat@partner.example"), UserFactory()
    project = new_project("Repair Map")
    submit_new(project, by=partner, slug_from="Repair Map")

    decisions = [
        Project.publishing_policy.publishes_directly(project, user) for user in (partner, outsider)
    ]

    assert decisions == [True, False]


def test_without_a_custom_policy_a_new_person_is_reviewed():
    outcome = submit_new(new_project("Repair Map"), by=UserFactory(), slug_from="Repair Map")

    assert outcome == "pending"
