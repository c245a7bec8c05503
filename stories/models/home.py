import functools

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from core.content_version import cached


class HomePage(Page):
    """The site root, served at /: hero, counts, featured and latest stories, sections."""

    intro = models.CharField(_("intro"), max_length=250, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("featured_case_studies", label=_("Featured case studies"), max_num=6),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["stories.StoryIndexPage", "stories.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_template(self, request, *args, **kwargs):
        return "stories/home_page.html"

    def route(self, request, path_components):
        """The pages below the home page are found once per content version: Wagtail's routing
        costs two queries per level of the tree (the page, then its specific kind), a third of a
        story's rendering time. Publishing, unpublishing and moves bump the version."""
        if not path_components:
            return super().route(request, path_components)
        find = functools.partial(super().route, request, path_components)
        return cached("page-route", (self.pk, *path_components), find)

    def get_context(self, request, *args, **kwargs):
        from stories.home import cached_home_context, home_context

        # A preview shows the draft's own featured case studies, never the live page's.
        is_preview = getattr(request, "is_preview", False)
        home = home_context(self) if is_preview else cached_home_context(self)
        return {**super().get_context(request, *args, **kwargs), **home}


class FeaturedCaseStudy(Orderable):
    """A case study the editors put on the home page, in their order."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_case_studies")
    case_study = models.ForeignKey(
        "stories.CaseStudyPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("case study"),
    )

    panels = [PageChooserPanel("case_study", "stories.CaseStudyPage")]
