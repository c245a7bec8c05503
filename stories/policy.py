"""Who publishes resources without review: editors and moderators. Everyone else who may add
resources (cluster leads, in the Wagtail admin) waits for one of them, as leads' stories wait
for the editors."""

from moderation.policy import PublishingPolicy
from moderation.roles import is_editor, is_moderator


class ResourcePublishingPolicy(PublishingPolicy):
    def may_publish_new(self, resource, user):
        return is_editor(user) or is_moderator(user)

    def may_change_live(self, resource, user):
        return is_editor(user) or is_moderator(user)
