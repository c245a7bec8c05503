"""Listings' answer to "who may preview and edit": their members, not one submitter.

Publishing is moderation's default rule (trusted people publish new listings at once; edits to
a live listing by anyone but staff are reviewed); only the people differ.
"""

from moderation.policy import PublishingPolicy

from . import access


class ListingPolicy(PublishingPolicy):
    def may_preview(self, listing, user):
        """Members and moderators see what waits for review (files of a pending edit too)."""
        insider = access.standing(listing, user)
        return insider.is_member or insider.site_moderator

    def may_edit(self, listing, user):
        """Owners, admins and moderators (access.Standing.can_manage)."""
        return access.standing(listing, user).can_manage
