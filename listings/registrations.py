"""What listings add to the bottom apps' registries (called once, from ListingsConfig.ready).

- moderation: published organisations and projects can be reported;
- accounts' data export: memberships, join requests and invitations of every kind;
- accounts' deletion: the only owner of a listing cannot delete the account;
- accounts' dashboard: "My organisations", "My projects" and what waits for the person;
- accounts' public profile: the published listings the person belongs to.

Every reader costs a fixed number of queries per kind of listing.
"""

from django.db.models import Count, Prefetch, Q
from django.db.models.signals import post_save
from django.urls import reverse

from accounts.deletion import register_deletion_blocker
from accounts.export import register_exporter
from accounts.sections import Section, register_dashboard_section, register_profile_section
from core.search import reindex_after_commit
from moderation.reports import register_reportable
from moderation.status import active_workflow_states, review_state

from .choices import Role
from .kinds import listing_field, listing_models, related_model
from .membership.queries import pending_for_user


def register():
    for model in listing_models():
        register_reportable(model)
        # keywords are in the search fields and saved after the listing
        post_save.connect(reindex_after_commit, sender=model, dispatch_uid=f"reindex-{model}")
    register_exporter(export_memberships)
    register_exporter(export_join_requests)
    register_exporter(export_invitations)
    register_deletion_blocker(last_owned_listings)
    register_dashboard_section(Section("listings", "listings/dashboard_section.html", dashboard))
    register_profile_section(Section("listings", "listings/profile_section.html", profile))


def _rows(user, related_name):
    """(kind model, the user's rows of its `related_name` model, the rows' listing field)."""
    for model in listing_models():
        row_model = related_model(model, related_name)
        yield model, row_model.objects.filter(user=user), listing_field(row_model)


# Dashboard and profile ----------------------------------------------------------------------


def dashboard(user):
    """Per kind, the user's listings with role and review state; plus invitations and requests."""
    kinds = []
    for model, memberships, field in _rows(user, "memberships"):
        rows = memberships.select_related(field).prefetch_related(
            Prefetch(
                f"{field}__workflow_states",
                queryset=active_workflow_states(),
                to_attr="_current_workflow_states",
            )
        )
        entries = [_entry(row, field) for row in rows.order_by(f"{field}__name")]
        opts = model._meta
        kinds.append(
            {
                "template": f"{opts.app_label}/{opts.model_name}_dashboard.html",
                "create_url": reverse(f"{opts.app_label}:{opts.model_name}-create"),
                "entries": entries,
            }
        )
    return {"kinds": kinds, "pending": pending_for_user(user)}


def _entry(membership, field):
    listing = getattr(membership, field)
    return {
        "listing": listing,
        "role_label": membership.get_role_display(),
        "can_manage": membership.can_manage,
        "state": review_state(listing),
    }


def profile(person):
    """Per kind, the person's memberships of published listings, by listing name."""
    kinds = []
    for model, memberships, field in _rows(person, "memberships"):
        live = memberships.filter(**{f"{field}__live": True}).select_related(field)
        rows = [
            (getattr(row, field), row.get_role_display()) for row in live.order_by(f"{field}__name")
        ]
        kinds.append({"heading": model._meta.verbose_name_plural, "rows": rows})
    return {"kinds": kinds} if any(kind["rows"] for kind in kinds) else None


# Deletion -----------------------------------------------------------------------------------


def last_owned_listings(user):
    """Listings (live or not) whose only owner is `user`: handed over or deleted before they go."""
    listings = []
    for _model, memberships, field in _rows(user, "memberships"):
        owners = Count(
            f"{field}__memberships", filter=Q(**{f"{field}__memberships__role": Role.OWNER})
        )
        sole = memberships.filter(role=Role.OWNER).annotate(owners=owners).filter(owners=1)
        listings += [getattr(row, field) for row in sole.select_related(field)]
    return listings


# Personal-data export -----------------------------------------------------------------------

JOIN_REQUEST_COLUMNS = {
    "message": "message",
    "asked": "created_at",
    "decided": "decided_at",
    "accepted": "accepted",
}
INVITATION_COLUMNS = {
    "email": "email",
    "role": "role",
    "sent": "created_at",
    "accepted": "accepted_at",
    "declined": "declined_at",
}


def export_memberships(user):
    return "memberships", _exported(user, "memberships", _membership)


def export_join_requests(user):
    return "join_requests", _exported(user, "join_requests", _join_request)


def _exported(user, related_name, describe):
    """`user`'s rows of `related_name` in every kind of listing, each described by `describe`."""
    rows = []
    for _model, queryset, field in _rows(user, related_name):
        rows += [describe(row, field) for row in queryset.select_related(field)]
    return rows


def _row_of(row, field, columns):
    """An exported row: which kind of listing, its name, and the row's `columns` (export key:
    attribute)."""
    values = {key: getattr(row, attribute) for key, attribute in columns.items()}
    return {"kind": field, "name": getattr(row, field).name, **values}


def _membership(membership, field):
    return _row_of(membership, field, {"role": "role", "joined": "joined_at"})


def _join_request(join_request, field):
    return _row_of(join_request, field, JOIN_REQUEST_COLUMNS)


def export_invitations(user):
    sent, received = [], []
    addresses = list(user.emailaddress_set.values_list("email", flat=True)) or [user.email]
    for model in listing_models():
        invitation_model = related_model(model, "invitations")
        field = listing_field(invitation_model)
        invitations = invitation_model.objects.select_related(field)
        sent += [_invitation(i, field) for i in invitations.filter(invited_by=user)]
        received += [_invitation(i, field) for i in invitations.filter(email__in=addresses)]
    return "invitations", {"sent": sent, "received": received}


def _invitation(invitation, field):
    return _row_of(invitation, field, INVITATION_COLUMNS)
