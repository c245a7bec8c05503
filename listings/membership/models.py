"""The rows of membership, abstract: each kind of listing adds its foreign key to the listing.

The concrete models must use the related names `memberships`, `invitations` and
`join_requests`: the membership services reach every kind of listing through them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from listings.choices import MANAGER_ROLES, Role


class MembershipBase(models.Model):
    """A person's role in a listing: owner, admin or member."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="%(class)ss"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["joined_at"]

    @property
    def can_manage(self):
        return self.role in MANAGER_ROLES


class InvitationBase(models.Model):
    """An invitation to join a listing, by e-mail address (with or without an account yet).

    The link carries a signed, expiring token of the invitation's id (see membership.tokens).
    """

    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def is_open(self):
        return self.accepted_at is None and self.declined_at is None


class Decided(models.Model):
    """Something someone asks for and another person decides on (a join request, a claim of an
    organisation): open until decided."""

    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def is_open(self):
        return self.decided_at is None


class JoinRequestBase(Decided):
    """A person asks to join a listing; an owner or admin accepts or declines."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="%(class)ss"
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    accepted = models.BooleanField(_("accepted"), null=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]
