"""The one way the hub writes an e-mail: templated, in the recipient's language, via the outbox.

    send_email("membership/email/join_accepted", to=user, context={...})

renders three templates in the recipient's language (a User's `language`, else the site's):

- `<name>_subject.txt`: one line; "[DSI Hub] " is put in front; plain text, never HTML-escaped;
- `<name>.txt`: the plain-text body (the "text" template engine: no HTML escaping either);
- `<name>.html` if it exists, else the text body laid out by `email/base.html`.

Links in context should be absolute (`absolute_url`). The message goes through Django's e-mail
backend, which is the outbox (accounts.outbox): it is written in the caller's transaction and
sent by Celery after the commit, so an action and its e-mail are kept or lost together.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist, engines
from django.template.loader import render_to_string
from django.utils import translation

from core.text import one_line

SUBJECT_PREFIX = "[DSI Hub] "
# RFC 3834: every message the hub writes is written by a program, so vacation responders and
# other robots do not answer it.
AUTOMATIC_HEADERS = {"Auto-Submitted": "auto-generated"}


@dataclass(frozen=True)
class Recipient:
    address: str
    language: str
    user: object = None


def recipient(to):
    """A Recipient from a User (their address and language) or from a bare address."""
    if isinstance(to, Recipient):
        return to
    if isinstance(to, str):
        return Recipient(address=to, language=settings.LANGUAGE_CODE)
    language = getattr(to, "language", "") or settings.LANGUAGE_CODE
    return Recipient(address=to.email, language=language, user=to)


def absolute_url(path):
    """`path` on the public site (settings.SITE_URL), for links in e-mails."""
    return f"{settings.SITE_URL}{path}"


def render_text(template_name, context):
    """Render a plain-text template: the "text" engine does not HTML-escape."""
    return engines["text"].get_template(template_name).render(context)


def render_email(template, *, to, context=None, headers=None):
    """The message for `to` (a User, an address or a Recipient), rendered in their language."""
    person = recipient(to)
    context = {**(context or {}), "recipient": person.user, "site_url": settings.SITE_URL}
    with translation.override(person.language):
        # One line of plain text whatever the context holds (a name typed before names were
        # cleaned): a line break would make the message unsendable, a bidi control misleading.
        subject = " ".join(one_line(render_text(f"{template}_subject.txt", context)).split())
        body = render_text(f"{template}.txt", context)
        html = _render_html(template, context, body)
    message = EmailMultiAlternatives(
        subject=f"{SUBJECT_PREFIX}{subject}",
        body=body,
        to=[person.address],
        headers={**AUTOMATIC_HEADERS, **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    return message


def send_email(template, *, to, context=None, headers=None):
    """Render and send one message (queued in the outbox); returns 1."""
    render_email(template, to=to, context=context, headers=headers).send()
    return 1


def send_emails(template, messages):
    """Send `template` to each (to, context) pair of `messages`; returns how many."""
    for to, context in messages:
        send_email(template, to=to, context=context)
    return len(messages)


def _render_html(template, context, body):
    try:
        return render_to_string(f"{template}.html", context)
    except TemplateDoesNotExist:
        return render_to_string("email/base.html", {**context, "body": body})
