"""Publishing policies: does this person's submission or edit publish at once, or wait for review?
And the one rule of who may see a piece of content before it is published and who may edit it.

Every moderated model names its policy (`ModeratedModel.publishing_policy`); the moderation
service, the pages (moderation.kinds, listings.views), the templates (`can_edit`, the review
banner) and the private files of pending content (moderation.uploads) ask it and nothing else.
A model with its own rule (events: cluster leads publish for their own clusters) subclasses
`PublishingPolicy` and overrides what differs.
"""

from .roles import is_moderator, is_staff_member, is_trusted


class PublishingPolicy:
    """The default rule.

    Earned trust lets new submissions publish at once, but an edit to something already public is
    reviewed unless staff made it: the live page never changes behind a moderator's back (the
    "approved, then edited into spam" pattern that hit the original platform).

    Who previews and edits: the person who submitted it (`submitted_by`, see
    moderation.models.ReviewedModel) and moderators. Listings answer with their members instead
    (listings.policy).
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

    # Who sees and changes it -------------------------------------------------------------------

    def may_preview(self, obj, user):
        """Whether `user` sees `obj` (and its files) before it is published, and its review
        status on its page."""
        return is_moderator(user) or self.is_submitter(obj, user)

    def may_edit(self, obj, user):
        """Whether `user` may open `obj`'s edit form and submit changes."""
        return is_moderator(user) or self.is_submitter(obj, user)

    def may_view(self, obj, user):
        """Whether `obj`'s page exists for `user` (a 404 otherwise)."""
        return obj.live or self.may_preview(obj, user)

    @staticmethod
    def is_submitter(obj, user):
        submitter_id = getattr(obj, "submitted_by_id", None)
        return user.is_authenticated and submitter_id is not None and submitter_id == user.pk
