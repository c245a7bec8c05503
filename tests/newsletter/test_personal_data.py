"""The newsletter in "export my data" and "delete my account" (newsletter.registrations)."""

import json

import pytest

from newsletter.choices import ConsentAction
from newsletter.models import ConsentRecord, Subscriber
from newsletter.services import subscriptions
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.newsletter import SubscriberFactory
from tests.support.people import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def me():
    return UserFactory(email="ada@example.org")


@pytest.fixture
def my_subscription(me):
    """Subscribed anonymously with the account's address in capitals, then confirmed."""
    subscriber = subscriptions.subscribe("Ada@Example.org", language="en", ip_address="192.0.2.7")
    return subscriptions.confirm(subscriber, ip_address="192.0.2.7")


def test_export_contains_the_subscription_and_its_consent_records(client, me, my_subscription):
    SubscriberFactory(email="someone@example.org")

    response = login(client, me).post("/account/export/")

    [subscription] = json.loads(response.content)["newsletter_subscriptions"]
    assert subscription["email"] == "ada@example.org"
    assert subscription["preferences"]["status"] == "active"
    assert [
        (record["action"], record["ip_address"], record["wording_version"])
        for record in subscription["consent_records"]
    ] == [
        (ConsentAction.SUBSCRIBE, "192.0.2.7", subscriptions.CONSENT_WORDING_VERSION),
        (ConsentAction.CONFIRM, "192.0.2.7", subscriptions.CONSENT_WORDING_VERSION),
    ]
    assert "someone@example.org" not in response.text


def test_export_without_a_subscription_has_an_empty_list(client, me):
    response = login(client, me).post("/account/export/")

    assert json.loads(response.content)["newsletter_subscriptions"] == []


def test_deleting_the_account_deletes_the_subscription_of_its_address(client, me, my_subscription):
    other = SubscriberFactory(email="someone@example.org")

    response = login(client, me).post(
        "/account/delete/", {"email": "ada@example.org", "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    assert list(Subscriber.objects.all()) == [other]
    assert not ConsentRecord.objects.filter(subscriber_id=my_subscription.pk).exists()


def test_deleting_the_account_deletes_the_subscription_linked_to_it(client, me):
    subscriber = SubscriberFactory(email="old-address@example.org", user=me)

    login(client, me).post(
        "/account/delete/", {"email": "ada@example.org", "password": DEFAULT_PASSWORD}
    )

    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
