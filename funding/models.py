"""Funding and support calls (moderated like listings), the calls people save, and the
deadline reminders already sent."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.search import index

from core.text import PlainTextCharField
from listings.dates import validate_in_calendar_range
from moderation.models import ModeratedQuerySet, ReviewedModel, optional_link, optional_links

from .choices import Audience, Currency, FundingType
from .fields import ChoiceListField
from .policy import FundingCallPolicy


class FundingCallQuerySet(ModeratedQuerySet):
    def open(self, today=None):
        """Calls still taking applications: closing today or later, or rolling."""
        today = today or timezone.localdate()
        return self.filter(Q(closes_on__gte=today) | Q(closes_on__isnull=True))

    def closed(self, today=None):
        today = today or timezone.localdate()
        return self.filter(closes_on__lt=today)

    def by_deadline(self):
        """Closing soonest first, rolling calls last."""
        return self.order_by(F("closes_on").asc(nulls_last=True), "pk")

    def by_latest_deadline(self):
        """The archive: most recently closed first."""
        return self.order_by(F("closes_on").desc(nulls_last=True), "-pk")

    def eligible_in(self, country):
        """Calls open to applicants from `country` (an ISO code): listed, or any country."""
        return self.filter(Q(countries="") | Q(countries__contains=country))

    def for_cards(self):
        """What a card shows: funder and its organisation; no body."""
        return self.select_related("funder_organisation").defer("body")

    def for_page(self):
        return self.select_related("funder_organisation").prefetch_related("areas", "clusters")

    def matching(self, *, area_ids, country):
        """Open, published calls with an area in `area_ids`, open to applicants from `country`
        (an ISO code; with none, only calls open to any country): "open funding that fits"."""
        calls = self.published().open().filter(areas__in=area_ids)
        calls = calls.eligible_in(country) if country else calls.filter(countries="")
        return calls.distinct()


class FundingCall(index.Indexed, ReviewedModel):
    """A grant, investment, programme or other support that innovators can apply for."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown on cards and in feeds."),
    )
    body = models.TextField(_("details"), blank=True)
    url = models.URLField(_("web address of the call"), max_length=500)
    funder = PlainTextCharField(_("funder"), max_length=200, blank=True)
    funder_organisation = optional_link(
        "organisations.Organisation",
        related_name="funding_calls",
        verbose_name=_("funder on the hub"),
    )
    call_type = models.CharField(_("type"), max_length=20, choices=FundingType.choices)
    audiences = ChoiceListField(
        _("who can apply"), item_choices=Audience.choices, blank=False, max_length=100
    )
    countries = CountryField(
        _("eligible countries"),
        multiple=True,
        blank=True,
        help_text=_("Leave empty if applicants from any country may apply."),
    )
    amount_min = models.PositiveBigIntegerField(_("smallest amount"), null=True, blank=True)
    amount_max = models.PositiveBigIntegerField(_("largest amount"), null=True, blank=True)
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR
    )
    opens_on = models.DateField(
        _("opens on"), null=True, blank=True, validators=[validate_in_calendar_range]
    )
    closes_on = models.DateField(
        _("closes on"),
        null=True,
        blank=True,
        validators=[validate_in_calendar_range],
        help_text=_("Leave empty for a rolling call (applications any time)."),
    )
    clusters = optional_links(
        "clusters.Cluster", related_name="funding_calls", verbose_name=_("clusters")
    )
    areas = optional_links(
        "taxonomy.AreaOfImpact", related_name="funding_calls", verbose_name=_("areas of impact")
    )

    objects = FundingCallQuerySet.as_manager()
    publishing_policy = FundingCallPolicy()

    search_fields = [
        *ReviewedModel.search_fields,
        index.SearchField("summary"),
        index.SearchField("funder"),
    ]

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = ["closes_on", "pk"]
        indexes = [
            # /funding/ walks published calls by deadline.
            models.Index(
                fields=["closes_on", "id"], condition=Q(live=True), name="funding_open_by_deadline"
            ),
        ]

    def get_absolute_url(self):
        return reverse("funding:call-detail", kwargs={"slug": self.slug})

    def get_edit_url(self):
        return reverse("funding:call-edit", kwargs={"slug": self.slug})

    @property
    def funder_name(self):
        if self.funder:
            return self.funder
        return self.funder_organisation.name if self.funder_organisation_id else ""

    @property
    def rolling(self):
        return self.closes_on is None

    def days_left(self, today=None):
        """Days until the deadline (0 on the closing day, negative once closed), or None."""
        if self.closes_on is None:
            return None
        return (self.closes_on - (today or timezone.localdate())).days

    def is_open(self, today=None):
        left = self.days_left(today)
        return left is None or left >= 0

    def audience_labels(self):
        labels = dict(Audience.choices)
        return [labels[value] for value in self.audiences if value in labels]


class SavedCall(models.Model):
    """A call someone keeps an eye on; they are reminded before its deadline."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_funding_calls"
    )
    call = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="saves")
    saved_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        ordering = ["-saved_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "call"], name="one_save_per_user_and_call")
        ]

    def __str__(self):
        return f"{self.user} saved {self.call}"


class ReminderSent(models.Model):
    """A deadline reminder that went out: never twice for the same call and threshold."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="funding_reminders"
    )
    call = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="+")
    threshold = models.PositiveSmallIntegerField(_("days before the deadline"))
    sent_on = models.DateField(_("sent on"), default=timezone.localdate)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "call", "threshold"], name="one_reminder_per_threshold"
            )
        ]
        indexes = [models.Index(fields=["user", "sent_on"])]

    def __str__(self):
        return f"{self.threshold}-day reminder of {self.call} to {self.user}"
