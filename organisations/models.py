from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.search import index

from moderation.models import ModeratedModel, ModeratedQuerySet

from .choices import MANAGER_ROLES, LinkKind, Role


class ListingQuerySet(ModeratedQuerySet):
    def for_cards(self):
        """What a directory card shows: place and areas, in a fixed number of queries."""
        return self.select_related("city").prefetch_related("areas")

    def managed_by(self, user):
        return self.filter(memberships__user=user, memberships__role__in=MANAGER_ROLES)

    def with_member(self, user):
        return self.filter(memberships__user=user).distinct()


class Listing(index.Indexed, ModeratedModel):
    """What organisations and projects share: identity, description, place, vocabularies."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    short_description = models.CharField(
        _("short description"),
        max_length=140,
        help_text=_("One sentence, at most 140 characters, shown on cards and in search results."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="listings/logos/", blank=True)
    header_image = models.ImageField(_("header image"), upload_to="listings/headers/", blank=True)
    country = CountryField(_("country"), blank=True)
    city = models.ForeignKey(
        "taxonomy.Place",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("city"),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.FilterField("live"),
    ]

    class Meta:
        abstract = True
        ordering = ["-first_published_at", "-created_at"]

    def __str__(self):
        return self.name

    def get_review_recipients(self):
        """Owners and admins: who hears about moderation decisions."""
        managers = self.memberships.filter(role__in=MANAGER_ROLES).select_related("user")
        return [membership.user for membership in managers]

    def get_edit_url(self):
        opts = self._meta
        return reverse(f"{opts.app_label}:{opts.model_name}-edit", kwargs={"slug": self.slug})

    @property
    def place_label(self):
        if self.city_id:
            return str(self.city)
        return self.country.name if self.country else ""


class Organisation(Listing):
    organisation_type = models.ForeignKey(
        "taxonomy.OrganisationType",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("type of organisation"),
    )
    size = models.ForeignKey(
        "taxonomy.OrganisationSize",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("size"),
    )
    founded = models.DateField(_("founded"), null=True, blank=True)
    areas = ParentalManyToManyField(
        "taxonomy.AreaOfImpact",
        blank=True,
        related_name="organisations",
        verbose_name=_("areas of impact"),
    )
    technologies = ParentalManyToManyField(
        "taxonomy.Technology",
        blank=True,
        related_name="organisations",
        verbose_name=_("technologies"),
    )
    focus = ParentalManyToManyField(
        "taxonomy.DSIFocus", blank=True, related_name="organisations", verbose_name=_("DSI focus")
    )
    networks = ParentalManyToManyField(
        "taxonomy.Network", blank=True, related_name="organisations", verbose_name=_("networks")
    )
    keywords = ClusterTaggableManager(
        through="organisations.OrganisationKeyword", blank=True, verbose_name=_("keywords")
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="organisations.Membership", related_name="organisations"
    )

    objects = ListingQuerySet.as_manager()

    class Meta(Listing.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def get_absolute_url(self):
        return reverse("organisations:organisation-detail", kwargs={"slug": self.slug})


class OrganisationKeyword(TaggedItemBase):
    content_object = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="tagged_keywords"
    )


class OrganisationLink(models.Model):
    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=20, choices=LinkKind.choices)
    url = models.URLField(_("address"))
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.url


class MembershipBase(models.Model):
    """A person's role in a listing: owner, admin or member."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="%(class)ss"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["joined_at"]

    @property
    def can_manage(self):
        return self.role in MANAGER_ROLES


class Membership(MembershipBase):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )

    class Meta(MembershipBase.Meta):
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_per_org")
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}) in {self.organisation}"


class InvitationBase(models.Model):
    """An invitation to join a listing, by e-mail address (with or without an account yet).

    The link carries a signed, expiring token of the invitation's id (see services).
    """

    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def is_open(self):
        return self.accepted_at is None and self.declined_at is None


class Invitation(InvitationBase):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )

    def __str__(self):
        return f"{self.email} to {self.organisation}"


class JoinRequestBase(models.Model):
    """A person asks to join a listing; an owner or admin accepts or declines."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="%(class)ss"
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    accepted = models.BooleanField(_("accepted"), null=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def is_open(self):
        return self.decided_at is None


class JoinRequest(JoinRequestBase):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="join_requests"
    )

    def __str__(self):
        return f"{self.user} asks to join {self.organisation}"


class Claim(models.Model):
    """Someone says an imported, memberless organisation is theirs; a moderator decides."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="claims")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="claims"
    )
    message = models.TextField(_("how you are connected to this organisation"), max_length=2000)
    created_at = models.DateTimeField(_("claimed"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    approved = models.BooleanField(_("approved"), null=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(decided_at__isnull=True),
                name="one_open_claim_per_user",
            )
        ]

    def __str__(self):
        return f"{self.user} claims {self.organisation}"
