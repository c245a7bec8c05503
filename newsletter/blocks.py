"""The blocks of a newsletter issue. The body reuses the story blocks that work in e-mail; the
sections hold what the period brought, chosen by `collect_sections` and curated by the editor."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from stories.blocks import (
    BODY_FEATURES,
    CallToActionBlock,
    FormSafeStreamBlock,
    QuoteBlock,
    SafeRichTextBlock,
    StoryImageBlock,
)


class IssueBodyBlock(FormSafeStreamBlock):
    paragraph = SafeRichTextBlock(features=BODY_FEATURES, label=_("text"))
    image = StoryImageBlock(label=_("image"))
    quote = QuoteBlock(label=_("quote"))
    call_to_action = CallToActionBlock(label=_("call to action"))


def _heading():
    return blocks.CharBlock(label=_("heading"), max_length=120, required=False)


class StoriesSectionBlock(blocks.StructBlock):
    heading = _heading()
    stories = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=["stories.BlogPage", "stories.CaseStudyPage"]),
        label=_("stories"),
    )

    class Meta:
        icon = "doc-full"
        label = _("Stories")


class EventsSectionBlock(blocks.StructBlock):
    heading = _heading()
    events = blocks.ListBlock(SnippetChooserBlock("events.Event"), label=_("events"))

    class Meta:
        icon = "date"
        label = _("Upcoming events")


class FundingSectionBlock(blocks.StructBlock):
    heading = _heading()
    calls = blocks.ListBlock(SnippetChooserBlock("funding.FundingCall"), label=_("funding calls"))

    class Meta:
        icon = "tag"
        label = _("Funding closing soon")


class NewListingsSectionBlock(blocks.StructBlock):
    heading = _heading()
    organisations = blocks.IntegerBlock(label=_("new organisations"), min_value=0)
    projects = blocks.IntegerBlock(label=_("new projects"), min_value=0)

    class Meta:
        icon = "group"
        label = _("New on the hub")


class IssueSectionBlock(FormSafeStreamBlock):
    stories = StoriesSectionBlock()
    events = EventsSectionBlock()
    funding = FundingSectionBlock()
    new_listings = NewListingsSectionBlock()
