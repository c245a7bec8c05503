import pytest
from django.contrib.auth.models import Group

from listings.choices import Role
from tests.factories.accounts import UserFactory
from tests.factories.membership import MembershipFactory, create_organisation, create_project


@pytest.fixture
def owner():
    return UserFactory(email="owner@example.org", first_name="Olga", last_name="Owner")


@pytest.fixture
def organisation(owner):
    return create_organisation(owner=owner, name="Open Commons", slug="open-commons")


@pytest.fixture
def project(owner):
    return create_project(owner=owner, name="Repair Map", slug="repair-map")


@pytest.fixture
def admin(organisation):
    user = UserFactory(email="admin@example.org", first_name="Ada", last_name="Admin")
    MembershipFactory(organisation=organisation, user=user, role=Role.ADMIN)
    return user


@pytest.fixture
def member(organisation):
    user = UserFactory(email="member@example.org", first_name="Mo", last_name="Member")
    MembershipFactory(organisation=organisation, user=user, role=Role.MEMBER)
    return user


@pytest.fixture
def stranger():
    return UserFactory(email="stranger@example.org", first_name="Sam", last_name="Stranger")


@pytest.fixture
def moderator():
    user = UserFactory(email="moderator@example.org", first_name="Mia", last_name="Moderator")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def login(client, user):
    client.force_login(user)
    return client
