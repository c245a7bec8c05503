"""Funding calls and the rows that hang on them (saved calls). One factory per model.

Calls are published unless `pending=True` (a draft nobody approved, outside the review
workflow); they close in 30 days unless `closes_on=` says otherwise (`None`: rolling).
`areas=[...]` and `clusters=[...]` set their themes.
"""

import datetime as dt

import factory
from django.utils import timezone
from django.utils.text import slugify

from funding.choices import Audience, FundingType
from funding.models import FundingCall, SavedCall
from tests.factories.accounts import UserFactory


def in_days(days):
    return timezone.localdate() + dt.timedelta(days=days)


class FundingCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingCall
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Civic Tech Fund {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "Grants for digital tools that help neighbourhoods."
    url = "https://funder.example.org/call"
    funder = "Fondation Exemple"
    call_type = FundingType.GRANT
    audiences = factory.LazyFunction(lambda: [Audience.NON_PROFIT])
    closes_on = factory.LazyFunction(lambda: in_days(30))
    live = True
    first_published_at = factory.LazyFunction(timezone.now)

    class Params:
        pending = factory.Trait(live=False, first_published_at=None)

    @factory.post_generation
    def areas(call, create, extracted, **kwargs):
        if create and extracted:
            call.areas.set(extracted)
            call.areas.commit()

    @factory.post_generation
    def clusters(call, create, extracted, **kwargs):
        if create and extracted:
            call.clusters.set(extracted)
            call.clusters.commit()


class SavedCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedCall

    user = factory.SubFactory(UserFactory)
    call = factory.SubFactory(FundingCallFactory)
