import pytest

from tests.factories.accounts import UserFactory
from tests.factories.listings import make_moderator


@pytest.fixture
def owner():
    return UserFactory(email="owner@example.org", first_name="Olga", last_name="Owner")


@pytest.fixture
def moderator():
    return make_moderator(email="moderator@example.org", first_name="Mona", last_name="Moderator")


@pytest.fixture
def stranger():
    return UserFactory(email="stranger@example.org", first_name="Sam", last_name="Stranger")
