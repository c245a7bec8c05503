"""A real SMTP server (aiosmtpd) that the hub sends to, and helpers to read what arrived."""

import email
import re
import socket
import time
from email import policy

import pytest
from aiosmtpd.controller import Controller

LINK = re.compile(r"https?://[^\s\"'<>]+")


class MailSink:
    """aiosmtpd handler collecting every message it receives, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        message.envelope_recipients = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"

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


def text_of(message):
    return message.get_body(preferencelist=("plain", "html")).get_content()


def links_in(message):
    return LINK.findall(text_of(message))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def mailbox(settings):
    """Point the hub's SMTP backend at a real local SMTP server; yield its MailSink."""
    sink = MailSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = controller.hostname
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield sink
    finally:
        controller.stop()
