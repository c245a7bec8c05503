from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from core.text import PlainTextCharField
from moderation.models import ModeratedModel, ModeratedQuerySet
from stories.choices import ResourceType
from stories.choosers import FormSafeDocumentChooser, FormSafeOrganisationChooser
from stories.policy import ResourcePublishingPolicy


class ResourceQuerySet(ModeratedQuerySet):
    def for_cards(self):
        """What a resource card shows: author organisation, document and clusters preloaded."""
        return self.select_related("author", "document").prefetch_related("clusters")

    def newest_first(self):
        return self.order_by("-year", "-created_at", "-pk")


class Resource(index.Indexed, ModeratedModel):
    """A report, toolkit, guide, dataset or video in the resource library (/resources/).

    Reviewed content (moderation.ModeratedModel): editors and moderators publish directly, a
    cluster lead's resource waits in the "Resource review" workflow for one of them
    (stories.policy); `published()` is the only public door.
    """

    title = PlainTextCharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    link_url = models.URLField(_("web address"), max_length=500, blank=True)
    link_text = models.CharField(_("link text"), max_length=120, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )
    resource_type = models.CharField(
        _("type"), max_length=20, choices=ResourceType.choices, default=ResourceType.OTHER
    )
    author = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resources",
        verbose_name=_("author organisation"),
    )
    author_name = PlainTextCharField(
        _("author"),
        max_length=200,
        blank=True,
        help_text=_("When the author is not an organisation on the hub."),
    )
    # Parental: a pending edit's clusters and areas live in its revision, not on the live row.
    clusters = ParentalManyToManyField(
        "clusters.Cluster", blank=True, related_name="resources", verbose_name=_("clusters")
    )
    areas = ParentalManyToManyField(
        "taxonomy.AreaOfImpact", blank=True, related_name="resources", verbose_name=_("areas")
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )

    objects = ResourceQuerySet.as_manager()
    publishing_policy = ResourcePublishingPolicy()

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("link_url"),
                FieldPanel("link_text"),
                FieldPanel("document", widget=FormSafeDocumentChooser),
            ],
            heading=_("Where to find it"),
        ),
        FieldPanel("resource_type"),
        FieldPanel("author", widget=FormSafeOrganisationChooser),
        FieldPanel("author_name"),
        FieldPanel("clusters"),
        FieldPanel("areas"),
        FieldPanel("year"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-year", "-created_at"]

    def __str__(self):
        return self.title

    def clean(self):
        if not self.link_url and not self.document_id:
            raise ValidationError(_("Give a web address or upload a document."))

    def get_review_recipients(self):
        """Who hears the reviewers' decision (moderation.emails): the lead who submitted it."""
        return [self.submitted_by] if self.submitted_by_id else []

    def get_absolute_url(self):
        """A resource has no page of its own: the library showing resources of its type."""
        return f"{reverse('stories:resource-list')}?{urlencode({'type': self.resource_type})}"

    def get_edit_url(self):
        """Leads and editors change resources in the Wagtail admin."""
        return reverse("wagtailsnippets_stories_resource:edit", args=[self.pk])

    @property
    def href(self):
        return self.link_url or (self.document.url if self.document else "")

    @property
    def author_label(self):
        return self.author.name if self.author else self.author_name
