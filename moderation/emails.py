"""E-mails about moderation decisions, rendered from templates/moderation/email/."""

from accounts.mail import absolute_url, send_email


def send_review_outcome(obj, *, approved, comment):
    """Tell each owner of `obj` that it was approved or needs changes (with the comment).

    Any reviewed model can use it: it names the content by `str(obj)` and links to
    `get_absolute_url()` (where it is public; a kind without a page of its own gives the list
    that shows it) and `get_edit_url()` (where its submitter changes it), to the people
    `get_review_recipients()` returns.
    """
    recipients = [user for user in obj.get_review_recipients() if user.email]
    context = {
        "object": obj,
        "name": str(obj),
        "approved": approved,
        "comment": comment,
        "object_url": absolute_url(obj.get_absolute_url()),
        "edit_url": absolute_url(obj.get_edit_url()),
        "kind": obj._meta.verbose_name,
    }
    for user in recipients:
        send_email("moderation/email/review_outcome", to=user, context={**context, "user": user})
    return len(recipients)
