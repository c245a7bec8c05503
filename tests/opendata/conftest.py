"""Content for the open-data tests: one published row of each kind with people all around it,
and rows of each kind that must never be public (pending, rejected, withdrawn)."""

from dataclasses import dataclass

import pytest

from listings.choices import Role
from tests.factories.accounts import UserFactory
from tests.factories.clusters import ClusterFactory
from tests.factories.events import EventFactory
from tests.factories.funding import FundingCallFactory
from tests.factories.listings import MembershipFactory, OrganisationFactory, ProjectFactory
from tests.factories.stories import BlogPageFactory, ResourceFactory
from tests.factories.taxonomy import AreaOfImpactFactory, PlaceFactory
from tests.support.moderation import decide, submit

HIDDEN = "Hidden"  # every row that must stay out of the data has this word in its name


@dataclass
class Published:
    organisation: object
    project: object
    event: object
    call: object
    cluster: object
    story: object
    resource: object
    people: list


@pytest.fixture
def published(owner, moderator):
    """One published row of each kind; its owner, members, submitter, lead and blog author are
    people whose names and addresses must never be in the data."""
    member = UserFactory(email="ines.member@example.org", first_name="Inès", last_name="Quintero")
    lead = UserFactory(email="lead@example.org", first_name="Lale", last_name="Brightwater")
    area = AreaOfImpactFactory(name="Civic participation", slug="civic-participation")
    cluster = ClusterFactory(leads=[lead])
    organisation = OrganisationFactory(
        name="Helsinki Civic Lab",
        owner=owner,
        keywords=["open data"],
        areas=[area],
        country="FI",
        city=PlaceFactory(country="FI", name="Helsinki"),
    )
    MembershipFactory(organisation=organisation, user=member, role=Role.MEMBER)
    project = ProjectFactory(
        name="Street Repair", owner=owner, organisations=[organisation], city=PlaceFactory()
    )
    event = EventFactory(
        title="Open Data Day", organiser=organisation, submitted_by=owner, clusters=[cluster]
    )
    call = FundingCallFactory(title="Civic Fund", submitted_by=owner, areas=[area])
    story = BlogPageFactory(title="A year of civic tech", authors=[member])
    resource = ResourceFactory(title="Civic toolkit", author=organisation, submitted_by=owner)
    people = [owner, member, lead, moderator]
    return Published(organisation, project, event, call, cluster, story, resource, people)


@pytest.fixture
def hidden(stranger, moderator):
    """For each reviewed kind a pending row, a rejected one and a withdrawn (unpublished) one."""
    factories = {
        "organisation": lambda **kw: OrganisationFactory(
            name=kw.pop("title"), city=PlaceFactory(), **kw
        ),
        "project": lambda **kw: ProjectFactory(name=kw.pop("title"), city=PlaceFactory(), **kw),
        "event": EventFactory,
        "call": FundingCallFactory,
        "resource": lambda pending=False, **kw: ResourceFactory(live=not pending, **kw),
    }
    rows = []
    for kind, factory in factories.items():
        rows.append(factory(title=f"{HIDDEN} pending {kind}", pending=True))
        rejected = factory(title=f"{HIDDEN} rejected {kind}", pending=True)
        decide(submit(rejected, by=stranger), moderator, "reject")
        withdrawn = factory(title=f"{HIDDEN} withdrawn {kind}")
        withdrawn.unpublish()
        rows += [rejected, withdrawn]
    assert not any(row.live for row in rows)
    return rows
