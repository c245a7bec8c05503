"""Password-reset mail is limited per hour, not only per minute: one address gets at most 10
reset e-mails an hour, and one client address can ask for at most 100 (issue 16, item 7c).
Before, a request every 12 seconds sent about 300 an hour to one inbox."""

import time

import pytest
from allauth.core.internal import ratelimit

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


class Clock:
    """allauth's rate-limit clock, moved forward by the test (its `time` module, nothing else)."""

    def __init__(self):
        self.now = time.time()

    def time(self):
        return self.now

    def __getattr__(self, name):
        return getattr(time, name)


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(ratelimit, "time", fake)
    return fake


def ask_for_reset(client, email):
    return client.post("/accounts/password/reset/", {"email": email}).status_code


def test_one_address_gets_at_most_ten_reset_mails_an_hour(client, clock):
    UserFactory(email="grace@example.org")
    answers = []
    for _minute in range(12):  # one request a minute: the per-minute limit never bites
        answers.append(ask_for_reset(client, "grace@example.org"))
        clock.now += 61

    assert answers == [302] * 10 + [429] * 2

    clock.now += 3600
    assert ask_for_reset(client, "grace@example.org") == 302


def test_one_client_address_asks_for_at_most_a_hundred_resets_an_hour(client, clock):
    answers = []
    for n in range(101):
        answers.append(ask_for_reset(client, f"person{n}@example.org"))
        clock.now += 4  # 15 a minute: under the per-minute limit of 20

    assert answers == [302] * 100 + [429]
