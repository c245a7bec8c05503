import datetime as dt

import factory
from django.utils import timezone

from newsletter.choices import SubscriberStatus
from newsletter.models import NewsletterIssue, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber to both the newsletter and the digest; `clusters=[...]` sets
    theirs, `status=...` another state."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    status = SubscriberStatus.ACTIVE
    language = "en"
    confirmed_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=10))

    @factory.post_generation
    def clusters(subscriber, create, extracted, **kwargs):
        if create and extracted:
            subscriber.clusters.set(extracted)


class NewsletterIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsletterIssue

    subject = factory.Sequence(lambda n: f"DSI newsletter no. {n}")
    preheader = "Stories, events and funding from the community"
    intro = "<p>Hello from the DSI Hub team.</p>"
    period_start = dt.date(2026, 10, 1)
    period_end = dt.date(2026, 10, 31)
    # One section, so that the issue may be sent (an issue without sections is refused).
    sections = factory.LazyFunction(
        lambda: [
            {"type": "new_listings", "value": {"heading": "", "organisations": 2, "projects": 1}}
        ]
    )
