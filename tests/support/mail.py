"""A real SMTP server (aiosmtpd) that the hub sends to, and helpers to read what arrived.

Mail takes the production path: the message is written to the outbox (post_office's backend)
and `accounts.outbox.send_due_messages` delivers it over SMTP. In tests without a real worker,
`MailSink.wait_for` runs that sender itself (as the worker would right after the commit); tests
of the worker set `mailbox.flush_outbox = False`.
"""

import email
import re
import socket
import time
from email import policy
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller

from accounts.outbox import send_due_messages

LINK = re.compile(r"https?://[^\s\"'<>]+")


class MailSink:
    """What a test reads of the SMTP server (`_SmtpHandler` feeds it): every message received."""

    def __init__(self):
        self.received = []
        self.flush_outbox = True
        self.refuse = False  # answer 451 (try again later) to every message
        self.unknown = set()  # addresses answered 550 (no such user)
        self.on_message = None  # called with each stored message, before the server's "250"

    @property
    def messages(self):
        """Everything received so far (after sending what the outbox holds, unless told not to)."""
        if self.flush_outbox:
            send_due_messages()
        return list(self.received)

    def to(self, address):
        return [m for m in self.messages if address in m.envelope_recipients]

    def wait_for(self, address, *, count=1, timeout=15):
        """Wait for `count` messages to `address` (mail may be sent async) and return them."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            received = self.to(address)
            if len(received) >= count:
                return received
            time.sleep(0.05)
        raise AssertionError(f"expected {count} message(s) to {address}, got {self.to(address)}")


class _SmtpHandler:
    """aiosmtpd's handler for a MailSink. A class of its own, without properties: aiosmtpd runs
    `inspect.getmembers(handler)` for every connection, which would read `MailSink.messages`
    (and so run the outbox's sender) inside the server's thread; when that fails, aiosmtpd
    leaves the connection without a greeting until the client times out (30 s, then "retrying")."""

    def __init__(self, sink):
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address in self.sink.unknown:
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        sink = self.sink
        if sink.refuse:
            return "451 Try again later"
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        message.raw = envelope.content  # as it came over the wire, for strict parsers
        message.envelope_recipients = list(envelope.rcpt_tos)
        sink.received.append(message)
        if sink.on_message is not None:
            sink.on_message(message)
        return "250 Message accepted for delivery"


def text_of(message):
    return message.get_body(preferencelist=("plain", "html")).get_content()


def links_in(message):
    return LINK.findall(text_of(message))


def link_containing(message, fragment):
    """The one link in `message` that contains `fragment` (fails if there are none or several)."""
    [link] = [link for link in links_in(message) if fragment in link]
    return link


def path_of(link):
    """The path (and query) of an absolute link from an e-mail, for the test client."""
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def mailbox(settings):
    """Point the hub's SMTP backend at a real local SMTP server; yield its MailSink."""
    sink = MailSink()
    # server_hostname: without it aiosmtpd calls socket.getfqdn() for every connection, a reverse
    # DNS lookup that can stall the sink's loop for tens of seconds on a machine without DNS
    controller = Controller(
        _SmtpHandler(sink), hostname="127.0.0.1", port=free_port(), server_hostname="sink.test"
    )
    controller.start()
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_BACKEND = "accounts.outbox.OutboxBackend"
    settings.EMAIL_DELIVERY_BACKEND = smtp
    settings.POST_OFFICE = {**settings.POST_OFFICE, "BACKENDS": {"default": smtp}}
    settings.EMAIL_HOST = controller.hostname
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield sink
    finally:
        controller.stop()
