"""Everything the hub holds on a person, as one JSON document ("export my data").

`EXPORTERS` is a registry of callables `exporter(user) -> (key, data)`; each becomes one
top-level key. Apps above accounts add theirs with `register_exporter` from their
AppConfig.ready() (listings: memberships, invitations and join requests; organisations: claims;
the newsletter: subscriptions and consent records). The exporters here read only accounts' own
rows and the user's reports (a reverse relation), never another app's modules.
"""

import json

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
PROFILE_FIELDS = ["bio", "job_title", "company", "languages", "show_email", "language"]


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


EXPORTERS = [
    export_account,
    export_email_addresses,
    export_social_accounts,
    export_profile,
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
