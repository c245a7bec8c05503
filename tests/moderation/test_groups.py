import pytest
from django.contrib.auth.models import Group

from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("group_name", ["Moderators", "Editors"])
def test_staff_groups_exist_and_open_the_wagtail_admin(client, group_name):
    user = UserFactory(email="staff@example.org")
    user.groups.add(Group.objects.get(name=group_name))

    client.post("/accounts/login/", {"login": "staff@example.org", "password": DEFAULT_PASSWORD})
    response = client.get("/admin/")

    assert response.status_code == 200
    assert "Dashboard" in response.text


def test_only_moderators_may_curate_keywords():
    moderators = Group.objects.get(name="Moderators")
    editors = Group.objects.get(name="Editors")

    assert moderators.permissions.filter(codename="change_tag").exists()
    assert not editors.permissions.filter(codename="change_tag").exists()
