"""What survives of user-written rich text (moderation.richtext.sanitise_html)."""

import pytest

from moderation.richtext import sanitise_html


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        (
            "First line\nsecond line\n\nNew paragraph",
            "<p>First line<br>second line</p>\n\n<p>New paragraph</p>",
        ),
        ("Kids < 12 & adults", "<p>Kids &lt; 12 &amp; adults</p>"),
        ("<h2>Aims</h2><ul><li>one</li></ul>", "<h2>Aims</h2><ul><li>one</li></ul>"),
        ("<h1>Big</h1><p>text</p>", "Big<p>text</p>"),
        (
            '<p><a href="https://example.org" target="_blank">x</a></p>',
            '<p><a href="https://example.org" rel="noopener nofollow ugc">x</a></p>',
        ),
        (
            '<p><a href="javascript:alert(1)">x</a></p>',
            '<p><a rel="noopener nofollow ugc">x</a></p>',
        ),
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
        ('<p style="color:red" class="x">a</p><iframe src="//evil"></iframe>', "<p>a</p>"),
        ("", ""),
    ],
)
def test_sanitise_html_keeps_only_the_allow_list(written, kept):
    assert sanitise_html(written) == kept


def test_sanitise_html_is_stable_when_applied_again():
    once = sanitise_html("Hello\n\n<strong>world</strong> & friends")

    assert sanitise_html(once) == once
