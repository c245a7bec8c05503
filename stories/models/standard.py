from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from stories.blocks import StoryBodyBlock


class StandardPage(Page):
    """About, What is DSI, Partners, Privacy, Terms, Accessibility, Contact…"""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["stories.HomePage", "stories.StandardPage"]
    subpage_types = ["stories.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
