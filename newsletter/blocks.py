"""The blocks of a newsletter issue. The body reuses the story blocks that work in e-mail; the
sections hold what the period brought, chosen by `collect_sections` and curated by the editor."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from stories.blocks import (
    BODY_FEATURES,
    CTA_HELP,
    IMAGE_HELP,
    QUOTE_HELP,
    TEXT_HELP,
    CallToActionBlock,
    FormSafeStreamBlock,
    QuoteBlock,
    SafeRichTextBlock,
    StoryImageBlock,
)


class IssueBodyBlock(FormSafeStreamBlock):
    paragraph = SafeRichTextBlock(features=BODY_FEATURES, label=_("Text"), help_text=TEXT_HELP)
    image = StoryImageBlock(label=_("Image"), help_text=IMAGE_HELP)
    quote = QuoteBlock(label=_("Quote"), help_text=QUOTE_HELP)
    call_to_action = CallToActionBlock(label=_("Call to action"), help_text=CTA_HELP)


def _heading():
    return blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        required=False,
        help_text=_("Leave empty for the usual heading."),
    )


class StoriesSectionBlock(blocks.StructBlock):
    heading = _heading()
    stories = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=["stories.BlogPage", "stories.CaseStudyPage"]),
        label=_("Stories"),
    )

    class Meta:
        icon = "doc-full"
        label = _("Stories")
        help_text = _("Stories published in the period: reorder or remove them.")


class EventsSectionBlock(blocks.StructBlock):
    heading = _heading()
    events = blocks.ListBlock(SnippetChooserBlock("events.Event"), label=_("Events"))

    class Meta:
        icon = "date"
        label = _("Upcoming events")
        help_text = _("Published events starting soon after the period.")


class FundingSectionBlock(blocks.StructBlock):
    heading = _heading()
    calls = blocks.ListBlock(SnippetChooserBlock("funding.FundingCall"), label=_("Funding calls"))

    class Meta:
        icon = "tag"
        label = _("Funding closing soon")
        help_text = _("Open calls whose deadline comes soon after the period.")


class NewListingsSectionBlock(blocks.StructBlock):
    heading = _heading()
    organisations = blocks.IntegerBlock(label=_("New organisations"), min_value=0)
    projects = blocks.IntegerBlock(label=_("New projects"), min_value=0)

    class Meta:
        icon = "group"
        label = _("New on the hub")
        help_text = _("How many organisations and projects joined in the period.")


class IssueSectionBlock(FormSafeStreamBlock):
    stories = StoriesSectionBlock()
    events = EventsSectionBlock()
    funding = FundingSectionBlock()
    new_listings = NewListingsSectionBlock()
