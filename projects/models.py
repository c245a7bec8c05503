from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from listings.membership.models import InvitationBase, JoinRequestBase, MembershipBase
from listings.models import Listing, ListingLink, ListingQuerySet, directory_order_index

from .choices import ProjectStatus


class ProjectQuerySet(ListingQuerySet):
    card_deferred = [*ListingQuerySet.card_deferred, "social_impact"]

    def for_page(self):
        """Also the published organisations (`project.organisations`)."""
        organisation_model = self.model._meta.get_field("organisations").related_model
        published = organisation_model.objects.published().order_by("name")
        return super().for_page().prefetch_related(Prefetch("organisations", queryset=published))


class Project(Listing):
    social_impact = models.TextField(_("social impact"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.LIVE
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    # A project names at least one area of impact and one technology (optional for organisations).
    areas = ParentalManyToManyField(
        "taxonomy.AreaOfImpact", related_name="projects", verbose_name=_("areas of impact")
    )
    technologies = ParentalManyToManyField(
        "taxonomy.Technology", related_name="projects", verbose_name=_("technologies")
    )
    organisations = ParentalManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="projects",
        verbose_name=_("organisations"),
    )
    objects = ProjectQuerySet.as_manager()

    keywords = ClusterTaggableManager(
        through="projects.ProjectKeyword", blank=True, verbose_name=_("keywords")
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="projects.ProjectMembership", related_name="projects"
    )

    class Meta(Listing.Meta):
        indexes = [directory_order_index("project_directory_order")]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date must be after the start date.")})


class ProjectKeyword(TaggedItemBase):
    content_object = ParentalKey(Project, on_delete=models.CASCADE, related_name="tagged_keywords")


class ProjectLink(ListingLink):
    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="links")


class ProjectMembership(MembershipBase):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")

    class Meta(MembershipBase.Meta):
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="one_membership_per_project")
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}) in {self.project}"


class ProjectInvitation(InvitationBase):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="invitations")

    def __str__(self):
        return f"{self.email} to {self.project}"


class ProjectJoinRequest(JoinRequestBase):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="join_requests")

    def __str__(self):
        return f"{self.user} asks to join {self.project}"
