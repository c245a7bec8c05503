"""Newsletter and digest messages: rendered once per language and content, personalised by
substitution.

Rendering a Django template and inlining CSS for each of 100,000 recipients would cost more
than sending the mail, so a message is rendered (and its CSS inlined with css-inline) once per
language — and for the digest, once per distinct set of events — with placeholders where the
recipient's own links go; each recipient then costs two signatures and two string
replacements. The placeholders are plain words that survive HTML escaping and inlining.
"""

import hashlib
from email.utils import make_msgid
from urllib.parse import quote, urlsplit

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.mail import absolute_url, render_text

from .services.subscriptions import preferences_url, unsubscribe_url
from .tokens import make_token

PREFERENCES = "NEWSLETTERPREFERENCESURL"
UNSUBSCRIBE = "NEWSLETTERUNSUBSCRIBEURL"
_INLINER = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def list_id():
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"DSI Hub newsletter <newsletter.{host}>"


def message_domain():
    return urlsplit(settings.SITE_URL).hostname or "localhost"


class Rendered:
    """One rendering (subject, HTML with inlined CSS, text) with the placeholders left in."""

    def __init__(self, template, context, language):
        with translation.override(language):
            context = {
                **context,
                "preferences_url": PREFERENCES,
                "unsubscribe_url": UNSUBSCRIBE,
                "site_url": settings.SITE_URL,
                "language": language,
            }
            self.subject = " ".join(render_text(f"{template}_subject.txt", context).split())
            self.text = render_text(f"{template}.txt", context)
            self.html = _INLINER.inline(render_to_string(f"{template}.html", context))

    def personalise(self, subscriber, *, links):
        """(subject, html, text) with `links` ({placeholder: url}) put in."""
        html, text = self.html, self.text
        for placeholder, url in links.items():
            html = html.replace(placeholder, url)
            text = text.replace(placeholder, url)
        return self.subject, html, text


def stable_message_id(what, subscriber, *, started=None):
    """The Message-ID of `what` (say "issue-12") for `subscriber`, the same at every attempt:
    a message sent again after a worker died between the server's acceptance and marking the
    row sent carries the Message-ID of the first copy, so receiving systems can tell it is one
    message. The hash of the ids and of when sending `started` keeps it unique across
    databases that reuse the ids (a restored backup, a staging copy)."""
    key = f"{what}.sub-{subscriber.pk}"
    digest = hashlib.sha256(f"{key}.{started or ''}".encode()).hexdigest()[:16]
    return f"<{key}.{digest}@{message_domain()}>"


def build_message(rendered, subscriber=None, *, address=None, message_id=None):
    """The EmailMessage for `subscriber` with the RFC 8058 one-click unsubscribe headers; with
    only an `address` (a test send), the links lead to the newsletter page instead. Without a
    `message_id` the message gets a fresh, random one."""
    if subscriber is None:
        links = public_links()
        mailto = f"mailto:{settings.NEWSLETTER_UNSUBSCRIBE_MAILTO}"
    else:
        address = subscriber.email
        links = {PREFERENCES: preferences_url(subscriber), UNSUBSCRIBE: unsubscribe_url(subscriber)}
        mailto = _mailto(subscriber)
    subject, html, text = rendered.personalise(subscriber, links=links)
    message_id = message_id or make_msgid(domain=message_domain())
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[address],
        headers={
            "List-Unsubscribe": f"<{links[UNSUBSCRIBE]}>, <{mailto}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": list_id(),
            # bulk mail written by a program: no vacation replies (RFC 3834), and filters know
            "Auto-Submitted": "auto-generated",
            "Precedence": "bulk",
            "Message-ID": message_id,
        },
    )
    message.attach_alternative(html, "text/html")
    return message, message_id


def _mailto(subscriber):
    token = quote(make_token(subscriber, "unsubscribe"))
    return f"mailto:{settings.NEWSLETTER_UNSUBSCRIBE_MAILTO}?subject=unsubscribe%20{token}"


class IssueMessages:
    """Messages of one monthly issue, rendered once per language."""

    template = "newsletter/email/issue"

    def __init__(self, issue):
        self.issue = issue
        self._context = None
        self._by_language = {}

    def context(self):
        if self._context is None:
            from .sections import issue_context

            self._context = issue_context(self.issue)
        return self._context

    def rendered(self, language):
        if language not in self._by_language:
            self._by_language[language] = Rendered(self.template, self.context(), language)
        return self._by_language[language]

    def message_for(self, subscriber):
        message_id = stable_message_id(
            f"issue-{self.issue.pk}", subscriber, started=self.issue.sending_started_at
        )
        return build_message(self.rendered(subscriber.language), subscriber, message_id=message_id)


def public_links():
    """Links for a rendering nobody in particular receives (archive, preview, test)."""
    newsletter = absolute_url(reverse("newsletter:index"))
    return {PREFERENCES: newsletter, UNSUBSCRIBE: newsletter}


def preview_issue(issue, mode):
    """The issue as a subscriber in the site's language would see it (HTML or text)."""
    rendered = IssueMessages(issue).rendered(settings.LANGUAGE_CODE)
    _subject, html, text = rendered.personalise(None, links=public_links())
    return html if mode == "html" else text
