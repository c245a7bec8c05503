"""Signed links for people without an account: confirm, preferences and unsubscribe.

Each link carries the subscriber's random key signed with the site's secret and a purpose of
its own (the salt), so a preferences link cannot be replayed as a confirmation and a tampered
key fails the signature. Confirmation links expire; preference and unsubscribe links do not
(they sit in every e-mail, and unsubscribing must keep working from an old one).
"""

import uuid
from datetime import timedelta

from django.core import signing

CONFIRM_MAX_AGE = timedelta(days=7)


class InvalidToken(Exception):
    """The link is malformed, tampered with, expired or for a subscriber who is gone."""


def _signer(purpose):
    return signing.Signer(salt=f"newsletter.{purpose}")


def make_token(subscriber, purpose):
    if purpose == "confirm":
        return signing.TimestampSigner(salt="newsletter.confirm").sign(subscriber.key.hex)
    return _signer(purpose).sign(subscriber.key.hex)


def read_token(token, purpose):
    """The subscriber key in `token`, or InvalidToken."""
    try:
        if purpose == "confirm":
            signer = signing.TimestampSigner(salt="newsletter.confirm")
            value = signer.unsign(token, max_age=CONFIRM_MAX_AGE)
        else:
            value = _signer(purpose).unsign(token)
        return uuid.UUID(hex=value)
    except (signing.BadSignature, ValueError) as error:
        raise InvalidToken(str(error)) from error


def subscriber_for(token, purpose):
    from .models import Subscriber

    try:
        return Subscriber.objects.get(key=read_token(token, purpose))
    except Subscriber.DoesNotExist as error:
        raise InvalidToken("no such subscriber") from error
