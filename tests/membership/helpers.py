from urllib.parse import urlsplit

from tests.support.mail import links_in, text_of


def path_of(link):
    """The path (and query) of an absolute link from an e-mail, for the test client."""
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def link_containing(message, fragment):
    [link] = [link for link in links_in(message) if fragment in link]
    return link


def body(message):
    return text_of(message)
