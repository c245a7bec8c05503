"""Who publishes events without review: moderators, editors, and a cluster lead posting only
into clusters they lead (an event naming another cluster waits for review, and that cluster's
leads are told). Everyone else, earlier approvals or not, is reviewed, and an edit to a
published event by anyone else is reviewed too (as for listings)."""

from clusters.leads import ClusterLeadsPublishingPolicy
from moderation.roles import is_editor


class EventPublishingPolicy(ClusterLeadsPublishingPolicy):
    def may_preview(self, event, user):
        """Its submitter, the leads of its clusters and moderators see it before approval."""
        if super().may_preview(event, user):
            return True
        if not user.is_authenticated or event.pk is None:
            return False
        return event.clusters.filter(leads=user).exists()

    def may_edit(self, event, user):
        """Its submitter, moderators and editors edit it."""
        return super().may_edit(event, user) or is_editor(user)
