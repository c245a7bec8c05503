"""What organisations and projects share: the `Listing` base, its QuerySet and its links.

Abstract models only (no tables): each kind of listing is a concrete model in its own app, with
its own membership, invitation and join-request models built on `listings.membership.models`.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.search import index

from accounts.uploads import random_name
from core.text import PlainTextCharField
from moderation.models import ModeratedModel, ModeratedQuerySet
from taxonomy.models import Placed

from .choices import MANAGER_ROLES, LinkKind
from .policy import ListingPolicy


class ListingQuerySet(ModeratedQuerySet):
    def for_page(self):
        """A listing's page: place, vocabularies, links, keywords and members, prefetched."""
        from .queries import page_prefetches

        return self.select_related("city").prefetch_related(*page_prefetches(self.model))

    #: Long text a card never shows, left out of directory queries.
    card_deferred = ["description", "address", "website", "header_image"]

    def for_cards(self):
        """What a directory card shows: place and areas, in a fixed number of queries."""
        return self.select_related("city").prefetch_related("areas").defer(*self.card_deferred)

    def managed_by(self, user):
        return self.filter(memberships__user=user, memberships__role__in=MANAGER_ROLES)

    def with_member(self, user):
        return self.filter(memberships__user=user).distinct()


def directory_order_index(name):
    """The directory's order, published rows only: deep pages walk an index, not a sort."""
    return models.Index(
        fields=["-first_published_at", "-id"], condition=models.Q(live=True), name=name
    )


class Listing(index.Indexed, ModeratedModel, Placed):
    """Identity, description, place and images; vocabularies are declared by each kind."""

    name = PlainTextCharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    short_description = models.CharField(
        _("short description"),
        max_length=140,
        help_text=_("One sentence, at most 140 characters, shown on cards and in search results."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    # Private until published, then moved out of pending/ (moderation.uploads).
    logo = models.ImageField(_("logo"), upload_to=random_name("pending/listings/logos"), blank=True)
    header_image = models.ImageField(
        _("header image"), upload_to=random_name("pending/listings/headers"), blank=True
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    # related names are the kind's plural: area.organisations, area.projects
    areas = ParentalManyToManyField(
        "taxonomy.AreaOfImpact",
        blank=True,
        related_name="%(class)ss",
        verbose_name=_("areas of impact"),
    )
    technologies = ParentalManyToManyField(
        "taxonomy.Technology",
        blank=True,
        related_name="%(class)ss",
        verbose_name=_("technologies"),
    )
    focus = ParentalManyToManyField(
        "taxonomy.DSIFocus", blank=True, related_name="%(class)ss", verbose_name=_("DSI focus")
    )
    last_confirmed_at = models.DateTimeField(_("last confirmed current"), null=True, blank=True)

    objects = ListingQuerySet.as_manager()
    publishing_policy = ListingPolicy()

    #: Whether the owners are asked once a year to confirm the listing is current
    #: (listings.confirmation), and the e-mail they get (a kind may write its own).
    asks_yearly_confirmation = True
    confirmation_email_template = "listings/email/confirm_request"

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.SearchField("place_text"),
        index.RelatedFields("keywords", [index.SearchField("name")]),
        index.FilterField("live"),
    ]

    class Meta:
        abstract = True
        ordering = ["-first_published_at", "-created_at"]

    def __str__(self):
        return self.name

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        obj.last_confirmed_at = self.last_confirmed_at  # set by the yearly confirmation, not edits
        return obj

    def place_text(self):
        """The city and country in words, for search ("Barcelona Spain")."""
        city = self.city.name if self.city_id else ""
        return " ".join(part for part in (city, self.country.name if self.country else "") if part)

    def get_review_recipients(self):
        """Owners and admins: who hears about moderation decisions."""
        managers = self.memberships.filter(role__in=MANAGER_ROLES).select_related("user")
        return [membership.user for membership in managers]

    def get_absolute_url(self):
        return self.listing_url("detail")

    def get_edit_url(self):
        return self.listing_url("edit")

    def listing_url(self, name, **kwargs):
        """One of this listing's URLs by its short name: listing_url("members") etc."""
        opts = self._meta
        return reverse(
            f"{opts.app_label}:{opts.model_name}-{name}", kwargs={"slug": self.slug, **kwargs}
        )


class ListingLink(models.Model):
    """A link on a listing's page; the concrete model adds the ParentalKey to its listing."""

    kind = models.CharField(_("kind"), max_length=20, choices=LinkKind.choices)
    url = models.URLField(_("address"))
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.url
