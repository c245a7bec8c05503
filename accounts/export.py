"""Everything the hub holds on a person, as one JSON document ("export my data").

`EXPORTERS` is a registry of callables `exporter(user) -> (key, data)`; each becomes one
top-level key. Apps above accounts add theirs with `register_exporter` (e.g. the newsletter's
subscriptions and consent records) from their AppConfig.ready(). The exporters here read other
apps only through reverse relations on the user or the app registry, never by importing them.
"""

import json

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

EXPORT_FORMAT_VERSION = 1

ACCOUNT_FIELDS = [
    "id",
    "email",
    "first_name",
    "last_name",
    "is_active",
    "date_joined",
    "last_login",
    "accepted_terms_at",
    "trusted_at",
]
PROFILE_FIELDS = ["bio", "job_title", "company", "languages", "show_email"]
# (reverse relation on the user, listing field) for memberships and join requests
MEMBERSHIPS = [("memberships", "organisation"), ("projectmemberships", "project")]
JOIN_REQUESTS = [("joinrequests", "organisation"), ("projectjoinrequests", "project")]
# Invitations point at their sender with related_name="+", so they are found by model name.
INVITATIONS = [
    ("organisations", "Invitation", "organisation"),
    ("projects", "ProjectInvitation", "project"),
]


def export_account(user):
    return "account", {field: getattr(user, field) for field in ACCOUNT_FIELDS}


def export_email_addresses(user):
    addresses = user.emailaddress_set.order_by("-primary", "email")
    return "email_addresses", [
        {"email": a.email, "verified": a.verified, "primary": a.primary} for a in addresses
    ]


def export_social_accounts(user):
    accounts = user.socialaccount_set.order_by("provider")
    return "social_accounts", [
        {
            "provider": a.provider,
            "uid": a.uid,
            "date_joined": a.date_joined,
            "last_login": a.last_login,
        }
        for a in accounts
    ]


def export_profile(user):
    profile = {field: getattr(user, field) for field in PROFILE_FIELDS}
    profile["country"] = user.country.code or ""
    profile["city"] = str(user.city) if user.city_id else ""
    profile["photo"] = user.photo.url if user.photo else ""
    profile["skills"] = sorted(tag.name for tag in user.skills.all())
    profile["links"] = [{"kind": link.kind, "url": link.url} for link in user.links.all()]
    return "profile", profile


def export_memberships(user):
    rows = []
    for relation, field in _present(user, MEMBERSHIPS):
        for membership in getattr(user, relation).select_related(field):
            rows.append(
                {
                    "kind": field,
                    "name": getattr(membership, field).name,
                    "role": membership.role,
                    "joined": membership.joined_at,
                }
            )
    return "memberships", rows


def export_join_requests(user):
    rows = []
    for relation, field in _present(user, JOIN_REQUESTS):
        for join_request in getattr(user, relation).select_related(field):
            rows.append(
                {
                    "kind": field,
                    "name": getattr(join_request, field).name,
                    "message": join_request.message,
                    "asked": join_request.created_at,
                    "decided": join_request.decided_at,
                    "accepted": join_request.accepted,
                }
            )
    return "join_requests", rows


def export_invitations(user):
    sent, received = [], []
    addresses = list(user.emailaddress_set.values_list("email", flat=True)) or [user.email]
    for app_label, model_name, field in INVITATIONS:
        model = _model(app_label, model_name)
        if model is None:
            continue
        invitations = model.objects.select_related(field)
        sent += [_invitation(i, field) for i in invitations.filter(invited_by=user)]
        received += [_invitation(i, field) for i in invitations.filter(email__in=addresses)]
    return "invitations", {"sent": sent, "received": received}


def _invitation(invitation, field):
    return {
        "kind": field,
        "name": getattr(invitation, field).name,
        "email": invitation.email,
        "role": invitation.role,
        "sent": invitation.created_at,
        "accepted": invitation.accepted_at,
        "declined": invitation.declined_at,
    }


def export_claims(user):
    claims = getattr(user, "claims", None)
    if claims is None:
        return "claims", []
    return "claims", [
        {
            "organisation": claim.organisation.name,
            "message": claim.message,
            "claimed": claim.created_at,
            "decided": claim.decided_at,
            "approved": claim.approved,
        }
        for claim in claims.select_related("organisation")
    ]


def export_reports(user):
    return "reports", [
        {
            "reported_item": report.subject_label,
            "reason": report.reason,
            "details": report.text,
            "reported": report.created_at,
            "resolved": report.resolved_at,
        }
        for report in user.reports_made.all()
    ]


def _present(user, relations):
    return [(relation, field) for relation, field in relations if hasattr(user, relation)]


def _model(app_label, model_name):
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


EXPORTERS = [
    export_account,
    export_email_addresses,
    export_social_accounts,
    export_profile,
    export_memberships,
    export_join_requests,
    export_invitations,
    export_claims,
    export_reports,
]


def register_exporter(exporter):
    """Add `exporter(user) -> (key, data)` to the export (usable as a decorator)."""
    if exporter not in EXPORTERS:
        EXPORTERS.append(exporter)
    return exporter


def export_user_data(user):
    """Everything the hub holds on `user`, as a dict ready for JSON (no password hash)."""
    data = {"format_version": EXPORT_FORMAT_VERSION, "exported_at": timezone.now()}
    for exporter in EXPORTERS:
        key, value = exporter(user)
        data[key] = value
    return data


def export_user_data_json(user):
    return json.dumps(export_user_data(user), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def export_filename(today=None):
    today = today or timezone.localdate()
    return f"dsihub-export-{today.isoformat()}.json"
