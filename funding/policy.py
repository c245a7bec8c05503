"""Who publishes funding calls without review: moderators, editors and cluster leads."""

from moderation.policy import PublishingPolicy
from moderation.roles import is_editor, is_moderator


def may_post_directly(user):
    if not user.is_authenticated:
        return False
    return is_moderator(user) or is_editor(user) or user.led_clusters.exists()


class FundingCallPolicy(PublishingPolicy):
    """Calls point people at money: only people the hub named (moderators, editors, cluster
    leads) publish at once, new calls and edits alike. Earned trust is not enough here, and
    everyone else's edits to a published call are reviewed, as for listings."""

    def may_publish_new(self, obj, user):
        return may_post_directly(user)

    def may_change_live(self, obj, user):
        return may_post_directly(user)

    def is_capped(self, user):
        return not may_post_directly(user)
