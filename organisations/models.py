from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from listings.membership.models import Decided, InvitationBase, JoinRequestBase, MembershipBase
from listings.models import Listing, ListingLink, ListingQuerySet, directory_order_index


class OrganisationQuerySet(ListingQuerySet):
    def for_page(self):
        """Also type, size, networks and the published projects (`organisation.projects`)."""
        project_model = self.model._meta.get_field("projects").related_model
        return (
            super()
            .for_page()
            .select_related("organisation_type", "size")
            .prefetch_related(
                "networks",
                Prefetch("projects", queryset=project_model.objects.published().order_by("name")),
            )
        )


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
    networks = ParentalManyToManyField(
        "taxonomy.Network", blank=True, related_name="organisations", verbose_name=_("networks")
    )
    objects = OrganisationQuerySet.as_manager()

    keywords = ClusterTaggableManager(
        through="organisations.OrganisationKeyword", blank=True, verbose_name=_("keywords")
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="organisations.Membership", related_name="organisations"
    )

    class Meta(Listing.Meta):
        indexes = [directory_order_index("org_directory_order")]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")


class OrganisationKeyword(TaggedItemBase):
    content_object = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="tagged_keywords"
    )


class OrganisationLink(ListingLink):
    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="links")


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


class Invitation(InvitationBase):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )

    def __str__(self):
        return f"{self.email} to {self.organisation}"


class JoinRequest(JoinRequestBase):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="join_requests"
    )

    def __str__(self):
        return f"{self.user} asks to join {self.organisation}"


class Claim(Decided):
    """Someone says an imported, memberless organisation is theirs; a moderator decides."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="claims")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="claims"
    )
    message = models.TextField(_("how you are connected to this organisation"), max_length=2000)
    created_at = models.DateTimeField(_("claimed"), auto_now_add=True)
    approved = models.BooleanField(_("approved"), null=True)

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
