"""Reads for the membership pages and the dashboard, each in a fixed number of queries."""

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from listings.choices import MANAGER_ROLES, Role
from listings.kinds import listing_field, listing_kind, listing_models, related_model

from .rules import verified_emails
from .tokens import invitation_max_age, invitation_url


def members_for_page(listing):
    """Memberships with their people: owners first, then admins, then members by name."""
    rank = Case(
        When(role=Role.OWNER, then=Value(0)),
        When(role=Role.ADMIN, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        listing.memberships.select_related("user")
        .annotate(role_rank=rank)
        .order_by("role_rank", "user__first_name", "user__last_name", "pk")
    )


def open_invitation_filter():
    """Lookups for invitations nobody answered yet that have not expired."""
    return {
        "accepted_at__isnull": True,
        "declined_at__isnull": True,
        "created_at__gte": timezone.now() - invitation_max_age(),
    }


def open_invitations(listing):
    return listing.invitations.filter(**open_invitation_filter()).select_related("invited_by")


def open_join_requests(listing):
    return listing.join_requests.filter(decided_at__isnull=True).select_related("user")


def pending_for_user(user):
    """What waits for `user` on the dashboard, in 1 + 2 × (kinds of listing) = 5 queries.

    Returns {"invitations": [...], "join_requests": [...]}, newest first:
    - "invitations": open, unexpired invitations (organisations and projects) addressed to any
      of the user's verified e-mail addresses. Each has `.listing`, `.kind`
      ("organisation"/"project"), `.invited_by` loaded, and `.url` (the signed link to answer it).
    - "join_requests": open requests to join listings where the user is owner or admin. Each has
      `.listing`, `.kind`, `.user` (who asks) loaded, and `.url` (the members page to answer).
    """
    emails = verified_emails(user)
    invitations, join_requests = [], []
    for model in listing_models():
        invitations += _open_invitations_to(model, emails)
        join_requests += _open_requests_managed_by(model, user)
    invitations.sort(key=lambda invitation: invitation.created_at, reverse=True)
    join_requests.sort(key=lambda join_request: join_request.created_at, reverse=True)
    return {"invitations": invitations, "join_requests": join_requests}


def _open_invitations_to(listing_model, emails):
    if not emails:
        return []
    invitation_model = related_model(listing_model, "invitations")
    field = listing_field(invitation_model)
    # Addresses are stored lower-cased by invite_member; verified_emails lower-cases too.
    invitations = invitation_model.objects.filter(
        email__in=emails, **open_invitation_filter()
    ).select_related(field, "invited_by")
    return [
        _with_listing(invitation, field, invitation_url(invitation)) for invitation in invitations
    ]


def _open_requests_managed_by(listing_model, user):
    request_model = related_model(listing_model, "join_requests")
    field = listing_field(request_model)
    requests = request_model.objects.filter(
        decided_at__isnull=True,
        **{f"{field}__memberships__user": user, f"{field}__memberships__role__in": MANAGER_ROLES},
    ).select_related(field, "user")
    return [
        _with_listing(join_request, field, getattr(join_request, field).listing_url("members"))
        for join_request in requests
    ]


def _with_listing(obj, field, url):
    obj.listing = getattr(obj, field)
    obj.kind = listing_kind(obj.listing)
    obj.url = url
    return obj
