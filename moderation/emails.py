"""E-mails about moderation, rendered from templates/moderation/email/."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def send_review_outcome(obj, *, approved, comment):
    """Tell each manager of `obj` that it was approved or needs changes (with the comment)."""
    recipients = [user for user in obj.get_review_recipients() if user.email]
    context = {
        "object": obj,
        "approved": approved,
        "comment": comment,
        "object_url": absolute_url(obj.get_absolute_url()),
        "edit_url": absolute_url(obj.get_edit_url()),
        "kind": obj._meta.verbose_name,
    }
    subject = render_to_string("moderation/email/review_outcome_subject.txt", context).strip()
    with get_connection() as connection:
        for user in recipients:
            body = render_to_string(
                "moderation/email/review_outcome.txt", {**context, "user": user}
            )
            EmailMultiAlternatives(
                subject=f"[DSI Hub] {subject}",
                body=body,
                to=[user.email],
                connection=connection,
            ).send()
    return len(recipients)
