"""The weekly event digest's messages: one rendering per language and matching content."""

from ..rendering import Rendered, build_message, stable_message_id
from ..sections import DigestContent


class DigestMessages:
    template = "newsletter/email/digest"

    def __init__(self, period, now=None):
        self.period = period
        self.content = DigestContent(now)
        self._rendered = {}

    def message_for(self, subscriber):
        """(message, message_id) with the subscriber's events, or None when none match now."""
        cluster_ids = [cluster.pk for cluster in subscriber.clusters.all()]
        countries = [country.code for country in subscriber.countries]
        events, calls = self.content.match(cluster_ids, countries)
        if not events:
            return None
        key = (subscriber.language, events, calls)
        if key not in self._rendered:
            context = {"period": self.period, **self.content.context(events, calls)}
            self._rendered[key] = Rendered(self.template, context, subscriber.language)
        message_id = stable_message_id(f"digest-{self.period:%Y-%m-%d}", subscriber)
        return build_message(self._rendered[key], subscriber, message_id=message_id)
