"""The StreamField blocks every story shares, and the rich-text rules of the stories pages.

Rich text is limited per field (`BODY_FEATURES`, `SHORT_FEATURES`); a link with a scheme other
than http(s), mailto or tel (`javascript:`, `data:`) is refused when the page is validated, in
the admin as anywhere else. Embeds go through Wagtail's oEmbed finders, limited to the
providers in `settings.WAGTAILEMBEDS_FINDERS`: a URL from any other site is refused.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StreamValue
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

BODY_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
SHORT_FEATURES = ["bold", "italic", "link"]

SAFE_SCHEMES = ("http", "https", "mailto", "tel")

# Shown to editors under each kind of block (stories and the newsletter's body share them).
TEXT_HELP = _("Paragraphs, headings, lists and links.")
IMAGE_HELP = _("A picture with its text alternative, and a caption and credit if needed.")
QUOTE_HELP = _("Someone's words, set apart from the text, with who said them.")
CTA_HELP = _("A button leading to one web address: sign up, apply, read more.")
HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)


def refuse_unsafe_links(html):
    """Raise ValidationError if `html` links anywhere but http(s), mailto, tel or a relative URL."""
    for groups in HREF.findall(str(html or "")):
        href = "".join(groups)
        compact = re.sub(r"[\x00-\x20]", "", href)
        match = SCHEME.match(compact)
        if match and match.group(1).lower() not in SAFE_SCHEMES:
            raise ValidationError(
                _("Links must be web addresses; %(scheme)s: links are not allowed."),
                params={"scheme": match.group(1).lower()},
                code="unsafe_link",
            )


class SafeRichTextBlock(blocks.RichTextBlock):
    def clean(self, value):
        value = super().clean(value)
        refuse_unsafe_links(value.source)
        return value


class StoryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=250,
        help_text=_("Shown under the image."),
    )
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=120,
        help_text=_("Who made the image, and its licence if it asks to be named."),
    )

    class Meta:
        icon = "image"
        template = "components/story_image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        label=_("Attribution"),
        required=False,
        max_length=200,
        help_text=_("Who said it, and where they work."),
    )

    class Meta:
        icon = "openquote"
        template = "components/story_quote.html"


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("Button label"), max_length=80, help_text=_("A few words saying where it leads.")
    )
    url = blocks.URLBlock(label=_("Web address"))

    class Meta:
        icon = "link"
        template = "components/story_cta.html"


class RelatedListingsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    organisations = blocks.ListBlock(
        SnippetChooserBlock("organisations.Organisation"), label=_("Organisations")
    )
    projects = blocks.ListBlock(SnippetChooserBlock("projects.Project"), label=_("Projects"))

    class Meta:
        icon = "list-ul"
        template = "components/story_related_listings.html"


class UnreadableStream(StreamValue):
    """What a stream reads from a form post that lacks its editor's keys: empty, and refused."""


class FormSafeStreamBlock(blocks.StreamBlock):
    """A StreamBlock whose form post may come without what the editor's JavaScript adds.

    Wagtail reads a stream from `<name>-count`, `<name>-<n>-type`, `-order`, `-deleted` and each
    child's own keys with `int(data[...])`: a post without them (a script, a half-loaded page,
    `body-count=x`) raised KeyError or ValueError, a 500. Here it is a form error at the field,
    and nothing is saved.
    """

    def value_from_datadict(self, data, files, prefix):
        try:
            return super().value_from_datadict(data, files, prefix)
        except (KeyError, ValueError, TypeError, OverflowError):
            return UnreadableStream(self, [])

    def clean(self, value):
        if isinstance(value, UnreadableStream):
            message = _(
                "This part of the page did not arrive complete. Reload the page and try again."
            )
            raise StreamBlockValidationError(non_block_errors=[ValidationError(message)])
        return super().clean(value)


class StoryBodyBlock(FormSafeStreamBlock):
    paragraph = SafeRichTextBlock(features=BODY_FEATURES, label=_("Text"), help_text=TEXT_HELP)
    image = StoryImageBlock(label=_("Image"), help_text=IMAGE_HELP)
    quote = QuoteBlock(label=_("Quote"), help_text=QUOTE_HELP)
    embed = EmbedBlock(label=_("Embed"), help_text=_("A video from YouTube or Vimeo."))
    call_to_action = CallToActionBlock(label=_("Call to action"), help_text=CTA_HELP)
    related_listings = RelatedListingsBlock(
        label=_("Related listings"),
        help_text=_("Organisations and projects on the hub that the story is about."),
    )
