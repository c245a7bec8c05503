"""allauth's messages go through the hub's one e-mail path (accounts.mail and the outbox).

allauth renders its own `account/email/<name>_subject.txt` and `_message.txt` with the site's
domain in them ("Hello from 127.0.0.1:8000!") and, for most messages, no HTML part. Here each
message allauth sends is rendered from `accounts/email/allauth/<name>` instead: branded,
translatable, in the recipient's language, multipart like every other message of the hub.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model

from .mail import Recipient, recipient, send_email

TEMPLATE_FOLDER = "accounts/email/allauth"


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        name = template_prefix.rsplit("/", 1)[-1]
        send_email(f"{TEMPLATE_FOLDER}/{name}", to=_recipient_for(email), context=context)


def _recipient_for(address):
    """The account holder of `address` (their language), else the bare address."""
    user = get_user_model().objects.filter(email__iexact=address).first()
    if user is None:
        return recipient(address)
    return Recipient(address=address, language=recipient(user).language, user=user)
