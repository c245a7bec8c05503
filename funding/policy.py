"""Who publishes funding calls without review: moderators, editors, and cluster leads posting
into clusters they lead."""

from clusters.leads import ClusterLeadsPublishingPolicy
from moderation.roles import is_editor, is_moderator


def may_post_directly(user):
    """Moderators, editors and cluster leads: people the hub named (never capped)."""
    if not user.is_authenticated:
        return False
    return is_moderator(user) or is_editor(user) or user.led_clusters.exists()


class FundingCallPolicy(ClusterLeadsPublishingPolicy):
    """Calls point people at money: only people the hub named (moderators, editors, cluster
    leads) publish at once, new calls and edits alike. Earned trust is not enough here, and
    everyone else's edits to a published call are reviewed, as for listings. A lead's word
    counts for their own clusters only: a call that names another cluster, or none (the whole
    hub), waits for review like anyone's."""

    def is_capped(self, user):
        return not may_post_directly(user)
