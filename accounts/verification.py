"""Has this person proved they own an e-mail address? (allauth's EmailAddress.verified)

Logging in already requires it (ACCOUNT_EMAIL_VERIFICATION = "mandatory"); these helpers hold
the line for sessions that were opened another way (an older side door, a social login, an
address changed later): whatever changes public content asks `has_verified_email` first.
"""

from functools import wraps

from allauth.account.models import EmailAddress
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

CACHE_ATTRIBUTE = "_has_verified_email"


def has_verified_email(user):
    """True when `user` has at least one verified address; asked once per user object."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, CACHE_ATTRIBUTE):
        verified = EmailAddress.objects.filter(user=user, verified=True).exists()
        setattr(user, CACHE_ATTRIBUTE, verified)
    return getattr(user, CACHE_ATTRIBUTE)


def verified_email_required(view):
    """Like login_required, and people without a verified address get a page (403) that says
    so and offers to send the verification e-mail again, instead of the view."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if has_verified_email(request.user):
            return view(request, *args, **kwargs)
        return verification_required_response(request)

    return wrapped


def verification_required_response(request):
    """The page that says to verify first, with a button per address to send the link again
    (allauth's e-mail view adds a missing address row for the account's own e-mail first)."""
    unverified = EmailAddress.objects.filter(user=request.user, verified=False)
    emails = list(unverified.order_by("-primary", "email").values_list("email", flat=True))
    return render(
        request,
        "accounts/verification_required.html",
        {"emails": emails or [request.user.email]},
        status=403,
    )
