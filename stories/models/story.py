"""Stories: the story index at /stories/ and the two kinds of story under it.

`StoryPage` is concrete (not creatable) so the index, the home page and the cluster page list
blog posts and case studies in one query, filtered on what they share (kind, clusters, areas,
tags, date). Each kind adds its own fields in its own table.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.text import PlainTextCharField
from moderation.people import PersonChooser
from stories.blocks import SHORT_FEATURES, StoryBodyBlock, refuse_unsafe_links
from stories.choices import Colour, StoryKind
from stories.choosers import (
    FormSafeOrganisationChooser,
    FormSafePlaceChooser,
    FormSafeProjectChooser,
)
from stories.structured_data import article_data

STORIES_PER_PAGE = 12


CARD_RENDITIONS = ("fill-400x200", "fill-800x400")  # components/story_card.html


def listing_images(lookup="listing_image"):
    """Prefetch of the listing images with the renditions a story card uses."""
    return Prefetch(
        lookup, queryset=get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
    )


class StoryPageQuerySet(PageQuerySet):
    def published(self):
        """The only public door: live pages without view restrictions."""
        return self.live().public()

    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")

    def for_cards(self):
        """What a story card shows: the listing image with its renditions preloaded, and not
        the body (a card never shows it; it is most of a story's row)."""
        return (
            self.defer_streamfields()
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
        )

    def of_cluster(self, cluster):
        return self.filter(clusters=cluster)


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryTag(TaggedItemBase):
    content_object = ParentalKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StoryPage(Page):
    """What every story has; created only as a BlogPage or a CaseStudyPage."""

    kind = models.CharField(_("kind"), max_length=20, choices=StoryKind.choices, editable=False)
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), max_length=400)
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("listing image"),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("social media image"),
        help_text=_("Shown when the page is shared (OpenGraph); the listing image otherwise."),
    )
    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("body"))
    clusters = ParentalManyToManyField(
        "clusters.Cluster", blank=True, related_name="stories", verbose_name=_("clusters")
    )
    areas = ParentalManyToManyField(
        "taxonomy.AreaOfImpact", blank=True, related_name="stories", verbose_name=_("areas")
    )
    tags = ClusterTaggableManager(through=StoryTag, blank=True, verbose_name=_("tags"))

    objects = StoryPageManager()

    is_creatable = False
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    story_kind = ""

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    themes_panel = MultiFieldPanel(
        [FieldPanel("clusters"), FieldPanel("areas"), FieldPanel("tags")], heading=_("Themes")
    )

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def save(self, *args, **kwargs):
        self.kind = self.story_kind or self.kind
        return super().save(*args, **kwargs)

    @cached_property
    def author_names(self):
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        image = self.social_image or self.listing_image
        image_url = (
            request.build_absolute_uri(image.get_rendition("fill-1200x630").url) if image else ""
        )
        page_url = request.build_absolute_uri(self.get_url(request))
        data = article_data(self, url=page_url, image_url=image_url, authors=self.author_names)
        return {**context, "page_url": page_url, "image_url": image_url, "structured_data": data}


class BlogPage(StoryPage):
    story_kind = StoryKind.BLOG

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        InlinePanel("authors", label=_("Authors"), min_num=1),
        FieldPanel("intro"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        StoryPage.themes_panel,
    ]

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")

    @cached_property
    def author_names(self):
        return [author.display_name for author in self.authors.select_related("user")]


class BlogAuthor(Orderable):
    """A hub user, or a guest author named in free text."""

    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="authors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hub member"),
    )
    name = PlainTextCharField(
        _("guest author"),
        max_length=120,
        blank=True,
        help_text=_("For authors without an account."),
    )

    panels = [FieldPanel("user", widget=PersonChooser), FieldPanel("name")]

    def clean(self):
        if not self.user_id and not self.name.strip():
            raise ValidationError(_("Choose a hub member or name a guest author."))

    @property
    def display_name(self):
        return self.name.strip() or (self.user.get_full_name() if self.user else "")


class CaseStudyPage(StoryPage):
    story_kind = StoryKind.CASE_STUDY

    the_issue = RichTextField(
        _("the issue"), features=SHORT_FEATURES, blank=True, validators=[refuse_unsafe_links]
    )
    the_solution = RichTextField(
        _("the solution"), features=SHORT_FEATURES, blank=True, validators=[refuse_unsafe_links]
    )
    info_box = RichTextField(
        _("info box"), features=SHORT_FEATURES, blank=True, validators=[refuse_unsafe_links]
    )
    cta_label = models.CharField(_("button label"), max_length=80, blank=True)
    cta_url = models.URLField(_("button web address"), blank=True)
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_studies",
        verbose_name=_("project"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_studies",
        verbose_name=_("organisation"),
    )
    place = models.ForeignKey(
        "taxonomy.Place",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("place"),
    )
    colour = models.CharField(
        _("listing colour"), max_length=10, choices=Colour.choices, default=Colour.TEAL
    )
    featured = models.BooleanField(_("featured"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("the_issue"),
        FieldPanel("the_solution"),
        FieldPanel("info_box"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("cta_label"), FieldPanel("cta_url")], heading=_("Call to action")
        ),
        MultiFieldPanel(
            [
                FieldPanel("project", widget=FormSafeProjectChooser),
                FieldPanel("organisation", widget=FormSafeOrganisationChooser),
                FieldPanel("place", widget=FormSafePlaceChooser),
            ],
            heading=_("Who and where"),
        ),
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("colour"), FieldPanel("featured")],
            heading=_("Listing"),
        ),
        StoryPage.themes_panel,
    ]

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def clean(self):
        super().clean()
        if bool(self.cta_label) != bool(self.cta_url):
            raise ValidationError(_("A call to action needs both a label and a web address."))


class StoryIndexPage(Page):
    """/stories/: every published story, newest first, with filters and feeds."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["stories.HomePage"]
    subpage_types = ["stories.BlogPage", "stories.CaseStudyPage"]
    max_count = 1

    class Meta:
        verbose_name = _("story index")

    def stories(self):
        return StoryPage.objects.published().child_of(self)

    def serve(self, request, *args, **kwargs):
        from stories.views import story_index

        return story_index(request, self)
