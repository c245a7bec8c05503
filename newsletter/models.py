"""Subscribers and what they agreed to, the monthly issues, and one Delivery per message.

A Delivery is the unit of "exactly once": it is unique per (issue, subscriber) for the monthly
newsletter and per (digest week, subscriber) for the event digest, so a second dispatch of the
same issue or week adds nothing, and its status says whether that message has left.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PreviewableMixin, RevisionMixin

from .blocks import IssueBodyBlock, IssueSectionBlock
from .choices import (
    BounceKind,
    ConsentAction,
    DeliveryKind,
    DeliveryStatus,
    IssueStatus,
    SubscriberStatus,
)


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Confirmed subscribers nobody has suppressed: the only ones mail is sent to."""
        return self.filter(status=SubscriberStatus.ACTIVE)

    def wanting_issues(self):
        return self.active().filter(wants_newsletter=True)

    def wanting_digest(self):
        return self.active().filter(wants_digest=True)

    def unconfirmed_since(self, moment):
        """Pending, and last asked to confirm before `moment` (an address that left and asked
        again long after it first subscribed counts from its new request)."""
        asked = Coalesce("confirmation_sent_at", "created_at")
        return self.alias(asked=asked).filter(status=SubscriberStatus.PENDING, asked__lt=moment)


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
        db_index=True,
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    wants_newsletter = models.BooleanField(_("monthly newsletter"), default=True)
    wants_digest = models.BooleanField(_("weekly event digest"), default=True)
    clusters = models.ManyToManyField(
        "clusters.Cluster",
        blank=True,
        related_name="+",
        verbose_name=_("clusters"),
        help_text=_("None chosen: all clusters."),
    )
    countries = CountryField(
        _("countries"), multiple=True, blank=True, help_text=_("None chosen: all countries.")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsletter_subscription",
    )
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.status == SubscriberStatus.ACTIVE

    @property
    def is_suppressed(self):
        """Bounced or complained: nothing is sent to this address any more."""
        return self.status in (SubscriberStatus.BOUNCED, SubscriberStatus.COMPLAINED)


class ConsentRecord(models.Model):
    """What a subscriber agreed to, when and from where: one row per change."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    action = models.CharField(_("action"), max_length=20, choices=ConsentAction.choices)
    at = models.DateTimeField(_("time"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    wording_version = models.CharField(_("wording version"), max_length=20, blank=True)
    preferences = models.JSONField(_("preferences"), default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return f"{self.subscriber} {self.action} {self.at:%Y-%m-%d %H:%M}"


class Bounce(models.Model):
    """A bounce or complaint reported by the e-mail provider's webhook."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="bounces")
    kind = models.CharField(max_length=20, choices=BounceKind.choices)
    at = models.DateTimeField(default=timezone.now)
    event_id = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["-at"]
        constraints = [
            models.UniqueConstraint(
                fields=["event_id"], condition=~Q(event_id=""), name="newsletter_bounce_event_once"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subscriber} ({self.at:%Y-%m-%d})"


class NewsletterIssueQuerySet(models.QuerySet):
    def with_delivery_counts(self):
        """Each issue with `queued_count`, `sent_count`, `failed_count` and `bounced_count`
        from its deliveries, in the same query: for the admin's list of issues."""
        counts = {
            f"{status}_count": models.Count("deliveries", filter=Q(deliveries__status=status))
            for status in (
                DeliveryStatus.QUEUED,
                DeliveryStatus.SENT,
                DeliveryStatus.FAILED,
                DeliveryStatus.BOUNCED,
            )
        }
        return self.annotate(**counts)


class NewsletterIssue(PreviewableMixin, RevisionMixin, models.Model):
    """One monthly newsletter: written in the admin, then scheduled or sent to every subscriber
    who wants it. `sections` starts as what was published in the period and the editor reorders
    or drops its blocks."""

    subject = models.CharField(_("subject"), max_length=150)
    preheader = models.CharField(
        _("preheader"),
        max_length=200,
        blank=True,
        help_text=_("The line mail programs show after the subject."),
    )
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(IssueBodyBlock(), blank=True, verbose_name=_("body"))
    sections = StreamField(IssueSectionBlock(), blank=True, verbose_name=_("sections"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    status = models.CharField(
        _("status"), max_length=20, choices=IssueStatus.choices, default=IssueStatus.DRAFT
    )
    send_at = models.DateTimeField(_("send at"), null=True, blank=True)
    sending_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = NewsletterIssueQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "-pk"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("newsletter:archive-issue", args=[self.pk])

    @property
    def is_editable(self):
        return self.status in (IssueStatus.DRAFT, IssueStatus.SCHEDULED)

    preview_modes = [("html", _("E-mail (HTML)")), ("text", _("E-mail (plain text)"))]

    def get_preview_template(self, request, mode_name):
        return "newsletter/admin/issue_preview.html"

    def get_preview_context(self, request, mode_name):
        from .rendering import preview_issue

        return {"issue": self, "mode": mode_name, "preview": preview_issue(self, mode_name)}

    def serve_preview(self, request, mode_name):
        response = super().serve_preview(request, mode_name)
        # The e-mail's CSS is inlined into style attributes (css-inline), which the public
        # policy that Wagtail's preview request gets would block (django-csp reads this).
        response._csp_update = {"style-src": ["'unsafe-inline'"]}
        return response


class DeliveryQuerySet(models.QuerySet):
    def queued(self):
        return self.filter(status=DeliveryStatus.QUEUED)

    def due(self, now, *, stale_before):
        """Queued deliveries whose next attempt has come and that no live worker holds."""
        return self.queued().filter(
            Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale_before), next_attempt_at__lte=now
        )

    def counts(self):
        """{status: n} with every status present."""
        counts = dict.fromkeys(DeliveryStatus.values, 0)
        for row in self.values("status").annotate(n=models.Count("pk")).order_by():
            counts[row["status"]] = row["n"]
        return counts


class Delivery(models.Model):
    kind = models.CharField(max_length=10, choices=DeliveryKind.choices)
    issue = models.ForeignKey(
        NewsletterIssue, on_delete=models.CASCADE, null=True, blank=True, related_name="deliveries"
    )
    period = models.DateField(null=True, blank=True, help_text="The digest's week (its Monday).")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=250, blank=True, db_index=True)
    error = models.TextField(blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"],
                condition=Q(kind=DeliveryKind.ISSUE),
                name="newsletter_delivery_once_per_issue",
            ),
            models.UniqueConstraint(
                fields=["period", "subscriber"],
                condition=Q(kind=DeliveryKind.DIGEST),
                name="newsletter_delivery_once_per_digest",
            ),
            models.CheckConstraint(
                condition=Q(kind=DeliveryKind.ISSUE, issue__isnull=False)
                | Q(kind=DeliveryKind.DIGEST, period__isnull=False),
                name="newsletter_delivery_has_issue_or_period",
            ),
        ]
        indexes = [
            models.Index(fields=["issue", "status"], name="newsletter_delivery_progress"),
            models.Index(
                fields=["kind", "next_attempt_at"],
                condition=Q(status=DeliveryStatus.QUEUED),
                name="newsletter_delivery_queued",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.subscriber_id} ({self.status})"
