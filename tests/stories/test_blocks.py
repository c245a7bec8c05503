import pytest
from django.core.exceptions import ValidationError
from wagtail.rich_text import RichText

from stories.blocks import StoryBodyBlock
from stories.models import CaseStudyPage
from tests.factories.stories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db


def paragraph(html):
    return StoryBodyBlock().child_blocks["paragraph"].clean(RichText(html))


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JavaScript:alert(1)", " java\tscript:alert(1)", "data:text/html,x"],
)
def test_rich_text_refuses_script_links(href):
    with pytest.raises(ValidationError, match="not allowed"):
        paragraph(f'<p><a href="{href}">click</a></p>')


def test_rich_text_accepts_web_and_mail_links():
    html = '<p><a href="https://example.org/">web</a> <a href="mailto:a@example.org">mail</a></p>'

    assert paragraph(html).source == html


def test_case_study_rich_text_field_refuses_script_links():
    page = CaseStudyPageFactory(live=False)
    page.the_issue = '<p><a href="javascript:alert(1)">x</a></p>'

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert "the_issue" in error.value.message_dict


def test_embed_from_an_unknown_provider_is_refused():
    embed = StoryBodyBlock().child_blocks["embed"]

    with pytest.raises(ValidationError):
        embed.clean(embed.to_python("https://videos.evil.example/watch?v=1"))


def test_image_block_requires_alt_text():
    image_block = StoryBodyBlock().child_blocks["image"]

    assert image_block.child_blocks["alt_text"].required is True


def test_rich_text_features_are_limited_per_field():
    body_features = StoryBodyBlock().child_blocks["paragraph"].features
    issue_features = CaseStudyPage._meta.get_field("the_issue").features

    assert "image" not in body_features and "embed" not in body_features
    assert issue_features == ["bold", "italic", "link"]
