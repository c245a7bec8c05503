"""Each validator fails on a broken sample of its kind: the proof that the tests of the hub's
outputs (test_outputs.py) can fail."""

from tests.interop import validators

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Stories</title><id>urn:x</id>
<updated>2026-01-02T09:00:00Z</updated>
<entry><title>Repair</title><id>urn:y</id><link href="http://h/s/"/>
<published>2026-01-02T09:00:00Z</published><updated>2026-01-01T08:00:00Z</updated></entry>
</feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<url><loc>http://hub.example.org/events/a/</loc><changefreq>sometimes</changefreq>
<xhtml:link rel="alternate" hreflang="pl" href="http://hub.example.org/pl/events/a/"/></url>
</urlset>"""

EMPTY_CALENDAR = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR\r\n"

JSON_LD = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Event", "name": "Webinar",
 "startDate": "2026-05-01T19:00:00-04:00", "location": []}
</script><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "MonetaryGrant", "name": "Fund",
 "url": "http://h/f/", "expires": "2026-06-01"}
</script><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Article", "headline": "Repair",
 "datePublished": "2026-01-02"}
</script></head><body></body></html>"""

TEXT_ONLY_MAIL = (
    b"From: hub@example.org\r\nTo: ada@example.org\r\nSubject: Confirm\r\n"
    b"List-Unsubscribe: <http://hub.example.org/u/>\r\nMIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + b"x" * 1000 + b"\r\n"
)


def test_feed_validator_catches_a_missing_author_and_an_update_before_publication():
    errors = validators.feed_errors(ATOM)

    assert "entry 'Repair' lacks atom:author" in errors
    assert any("updated 2026-01-01T08:00:00Z before published" in error for error in errors)


def test_sitemap_schema_catches_an_unknown_change_frequency():
    errors = validators.sitemap_errors(SITEMAP)

    assert len(errors) == 1
    assert "sometimes" in errors[0]


def test_calendar_check_catches_a_calendar_without_components():
    assert validators.calendar_errors(EMPTY_CALENDAR) == ["VCALENDAR without any component"]


def test_calendar_check_catches_a_line_one_parser_lets_through():
    """icalendar skips a line that is no property; vobject refuses the calendar."""
    body = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\n"
        b"UID:a@x\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:A\r\nDTSTART:20260101T190000Z\r\n"
        b"DTEND:20260101T210000Z\r\ngarbage line\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )

    [error] = validators.calendar_errors(body)

    assert error.startswith("unparsable: ParseError")


def test_structured_data_check_catches_each_issue_20_failure():
    errors = validators.structured_data_errors(JSON_LD, "http://h/")

    assert "Event lacks location" in errors
    assert "MonetaryGrant has no property expires" in errors
    assert "Article lacks author" in errors
    assert "Article datePublished '2026-01-02' has no time" in errors


def test_email_check_catches_text_only_long_lines_and_plain_http_unsubscribe():
    errors = validators.email_errors(TEXT_ONLY_MAIL, bulk=True)

    assert "'Confirm' is text/plain, not multipart" in errors
    assert "a line of 1000 characters" in errors
    assert "List-Unsubscribe without an https address: '<http://hub.example.org/u/>'" in errors
    assert "no Precedence: bulk" in errors
    assert "'Confirm' lacks Auto-Submitted: auto-generated" in errors


@validators.needs_vnu
def test_nu_checker_catches_a_time_with_six_fraction_digits(tmp_path):
    page = (
        '<!doctype html><html lang="en"><head><title>t</title></head><body>'
        '<time datetime="2026-01-02T05:35:06.705690+01:00">2 January</time></body></html>'
    )

    errors = validators.html_errors({"__folder__": tmp_path, "/organisations/x/": page})

    assert list(errors) == ["/organisations/x/"]
    assert "datetime" in errors["/organisations/x/"][0]
