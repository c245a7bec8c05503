"""The e-mails membership events send, one template pair per event.

templates/membership/email/<event>.txt is the body and <event>_subject.txt the subject (see
accounts.mail: prefix, language, HTML part). Each builder below returns the messages an event
sends as (recipient, context) pairs; the services call `notify` inside their transaction, so the
messages are written to the outbox together with the change that caused them.
"""

from urllib.parse import urlencode

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.mail import absolute_url, send_email

from . import tokens


def notify(event, listing, *, object_id=None, user=None, actor=None):
    """Write the e-mails of `event` about `listing` to the outbox; returns how many."""
    messages = BUILDERS[event](listing, object_id=object_id, user=user, actor=actor)
    base = _base_context(listing, actor)
    for to, context in messages:
        send_email(f"membership/email/{event}", to=to, context={**base, **context})
    return len(messages)


def _base_context(listing, actor):
    return {
        "listing": listing,
        "kind": listing._meta.verbose_name,
        "actor": actor,
        "listing_url": absolute_url(listing.get_absolute_url()),
        "members_url": absolute_url(listing.listing_url("members")),
    }


def _managers(listing, *, exclude=None):
    return [
        user
        for user in listing.get_review_recipients()
        if user.email and (exclude is None or user.pk != exclude.pk)
    ]


def _to_managers(listing, context, *, exclude=None):
    return [(manager, context) for manager in _managers(listing, exclude=exclude)]


def _has_account(email):
    return (
        get_user_model().objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    )


def invitation_sent(listing, *, object_id, **_):
    invitation = listing.invitations.select_related("invited_by").filter(pk=object_id).first()
    if invitation is None or not invitation.is_open:
        return []
    path = tokens.invitation_url(invitation)
    query = urlencode({"email": invitation.email, "next": path})
    context = {
        "invitation": invitation,
        "inviter": invitation.invited_by,
        "has_account": _has_account(invitation.email),
        "invitation_link": absolute_url(path),
        "signup_url": absolute_url(f"{reverse('account_signup')}?{query}"),
        "expires_on": (invitation.created_at + tokens.invitation_max_age()).date(),
    }
    return [(invitation.email, context)]


def invitation_accepted(listing, *, user, **_):
    return _to_managers(listing, {"person": user}, exclude=user)


def invitation_declined(listing, *, object_id, user, **_):
    invitation = listing.invitations.filter(pk=object_id).first()
    return _to_managers(listing, {"person": user, "invitation": invitation})


def join_requested(listing, *, object_id, **_):
    join_request = listing.join_requests.select_related("user").filter(pk=object_id).first()
    if join_request is None:
        return []
    return _to_managers(listing, {"join_request": join_request, "person": join_request.user})


def _to_requester(listing, object_id):
    join_request = listing.join_requests.select_related("user").filter(pk=object_id).first()
    if join_request is None:
        return []
    person = join_request.user
    return [(person, {"join_request": join_request})]


def join_accepted(listing, *, object_id, **_):
    return _to_requester(listing, object_id)


def join_declined(listing, *, object_id, **_):
    return _to_requester(listing, object_id)


def member_left(listing, *, user, **_):
    return _to_managers(listing, {"person": user})


def member_removed(listing, *, user, **_):
    if user is None:
        return []
    return [(user, {})]


def role_changed(listing, *, object_id, user, **_):
    current = listing.memberships.filter(pk=object_id).first()
    if current is None or user is None:
        return []
    return [(user, {"membership": current})]


def ownership_transferred(listing, *, user, **_):
    """The new owner, and every other owner or admin (the previous owner is an admin now)."""
    if user is None:
        return []
    context = {"new_owner": user}
    return [(user, context)] + _to_managers(listing, context, exclude=user)


BUILDERS = {
    "invitation_sent": invitation_sent,
    "invitation_accepted": invitation_accepted,
    "invitation_declined": invitation_declined,
    "join_requested": join_requested,
    "join_accepted": join_accepted,
    "join_declined": join_declined,
    "member_left": member_left,
    "member_removed": member_removed,
    "role_changed": role_changed,
    "ownership_transferred": ownership_transferred,
}
