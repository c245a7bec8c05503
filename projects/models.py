from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from organisations.choices import LinkKind
from organisations.models import (
    InvitationBase,
    JoinRequestBase,
    Listing,
    ListingQuerySet,
    MembershipBase,
)

from .choices import ProjectStatus


class Project(Listing):
    social_impact = models.TextField(_("social impact"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.LIVE
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    areas = ParentalManyToManyField(
        "taxonomy.AreaOfImpact", related_name="projects", verbose_name=_("areas of impact")
    )
    technologies = ParentalManyToManyField(
        "taxonomy.Technology", related_name="projects", verbose_name=_("technologies")
    )
    focus = ParentalManyToManyField(
        "taxonomy.DSIFocus", blank=True, related_name="projects", verbose_name=_("DSI focus")
    )
    organisations = ParentalManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="projects",
        verbose_name=_("organisations"),
    )
    keywords = ClusterTaggableManager(
        through="projects.ProjectKeyword", blank=True, verbose_name=_("keywords")
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="projects.ProjectMembership", related_name="projects"
    )

    objects = ListingQuerySet.as_manager()

    class Meta(Listing.Meta):
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date must be after the start date.")})

    def get_absolute_url(self):
        return reverse("projects:project-detail", kwargs={"slug": self.slug})


class ProjectKeyword(TaggedItemBase):
    content_object = ParentalKey(Project, on_delete=models.CASCADE, related_name="tagged_keywords")


class ProjectLink(models.Model):
    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=20, choices=LinkKind.choices)
    url = models.URLField(_("address"))
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.url


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
