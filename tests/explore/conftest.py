"""What the Explore tests share: content in every state that must never show."""

import pytest

from tests.factories.accounts import UserFactory
from tests.factories.taxonomy import PlaceFactory
from tests.support.moderation import decide, submit


@pytest.fixture
def hidden(moderator):
    """hidden(Factory, **fields): a pending, a rejected and a withdrawn row of the factory's
    kind, each with a place, all named "Hidden …"."""

    def make(factory, **fields):
        place = fields.pop("city", None) or PlaceFactory()
        pending = factory(name="Hidden pending", pending=True, city=place, **fields)
        rejected = factory(name="Hidden rejected", pending=True, city=place, **fields)
        submit(rejected, by=UserFactory())
        decide(rejected, moderator, "reject", comment="Not yet.")
        withdrawn = factory(name="Hidden withdrawn", city=place, **fields)
        withdrawn.unpublish()
        withdrawn.refresh_from_db()
        rows = [pending, rejected, withdrawn]
        assert [row.live for row in rows] == [False, False, False]
        return rows

    return make
