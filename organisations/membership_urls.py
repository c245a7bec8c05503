"""Membership flows: invitations, join requests, roles (filled by the membership work)."""

urlpatterns = []
