"""The people most tests need, one per role, and the listings their roles are in.

| fixture | who |
|---|---|
| `owner` | Olga Owner, owner@example.org: owns `organisation` and `project` |
| `admin` | Ada Admin, admin@example.org: an admin of `organisation` |
| `member` | Mo Member, member@example.org: a plain member of `organisation` |
| `stranger` | Sam Stranger, stranger@example.org: belongs to nothing |
| `moderator` | Mona Moderator, moderator@example.org: in the Moderators group |
| `editor` | Eddie Editor, editor@example.org: in the Editors group |
| `staff` | Stef Staff, staff@example.org: Django staff in no group (no moderation powers) |
| `organisation` | Open Commons, /organisations/open-commons/, published |
| `project` | Repair Map, /projects/repair-map/, published |

A test module may override `organisation` (say, with more fields); `admin` and `member` then
belong to that one. `login(client, user)` logs someone in and returns the client.
"""

import pytest

from listings.choices import Role
from tests.factories.accounts import UserFactory
from tests.factories.listings import MembershipFactory, OrganisationFactory, ProjectFactory


def login(client, user):
    """Log `user` in on the test client; returns the client, so `login(client, user).get(url)`."""
    client.force_login(user)
    return client


@pytest.fixture
def owner():
    return UserFactory(email="owner@example.org", first_name="Olga", last_name="Owner")


@pytest.fixture
def organisation(owner):
    return OrganisationFactory(name="Open Commons", slug="open-commons", owner=owner)


@pytest.fixture
def project(owner):
    return ProjectFactory(name="Repair Map", slug="repair-map", owner=owner)


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
    return UserFactory(
        email="moderator@example.org",
        first_name="Mona",
        last_name="Moderator",
        groups=["Moderators"],
    )


@pytest.fixture
def editor():
    return UserFactory(
        email="editor@example.org", first_name="Eddie", last_name="Editor", groups=["Editors"]
    )


@pytest.fixture
def staff():
    return UserFactory(
        email="staff@example.org", first_name="Stef", last_name="Staff", is_staff=True
    )
