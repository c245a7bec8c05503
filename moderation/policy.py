"""Publishing policies: does this person's submission or edit publish at once, or wait for review?

Every moderated model names its policy (`ModeratedModel.publishing_policy`); the moderation
service asks it and nothing else. A model with its own rule (events: cluster leads publish for
their own clusters) subclasses `PublishingPolicy` and overrides what differs.
"""

from .roles import is_staff_member, is_trusted


class PublishingPolicy:
    """The default rule.

    Earned trust lets new submissions publish at once, but an edit to something already public is
    reviewed unless staff made it: the live page never changes behind a moderator's back (the
    "approved, then edited into spam" pattern that hit the original platform).
    """

    def publishes_directly(self, obj, user):
        """Whether `user`'s submission of `obj` (new, or an edit of a saved one) skips review."""
        if obj.live:
            return self.may_change_live(obj, user)
        return self.may_publish_new(obj, user)

    def may_publish_new(self, obj, user):
        return is_trusted(user)

    def may_change_live(self, obj, user):
        return is_staff_member(user)

    def is_capped(self, user):
        """Whether `user`'s waiting submissions count against the pending cap."""
        return not is_trusted(user)
