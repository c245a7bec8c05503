"""The admin's person chooser (moderation.people): editors search people by name or e-mail
address, ten at a time; nobody else opens it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.support.people import login

pytestmark = pytest.mark.django_db

CHOOSE_URL = reverse("person_chooser:choose")
RESULTS_URL = reverse("person_chooser:choose_results")


def test_editor_finds_a_person_by_part_of_the_email_or_name(client, editor):
    UserFactory(first_name="Ada", last_name="Lovelace", email="ada@example.org")
    UserFactory(first_name="Grace", last_name="Hopper", email="grace@navy.example")

    by_email = login(client, editor).get(RESULTS_URL, {"q": "navy"})
    by_name = client.get(RESULTS_URL, {"q": "lovel"})

    assert "Grace Hopper" in by_email.text
    assert "Ada Lovelace" not in by_email.text
    assert "Ada Lovelace" in by_name.text
    headers = [th.get_text(strip=True) for th in BeautifulSoup(by_name.text, "html.parser")("th")]
    assert headers == ["Name", "E-mail address"]
    assert "ada@example.org" in by_name.text


def test_chooser_modal_opens_for_editors_with_a_search_box(client, editor):
    response = login(client, editor).get(CHOOSE_URL)

    html = response.json()["html"]
    assert 'name="q"' in html
    assert "Name or e-mail address" in html


@pytest.mark.parametrize("who", ["moderator", "cluster_lead", "stranger"])
def test_people_who_are_not_editors_cannot_open_the_person_chooser(client, request, who):
    if who == "cluster_lead":
        user = UserFactory(groups=["Cluster leads"])
    else:
        user = request.getfixturevalue(who)
    UserFactory(email="secret@example.org")

    response = login(client, user).get(RESULTS_URL, {"q": "secret"}, follow=True)

    assert "secret@example.org" not in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_chooser_results_cost_the_same_queries_whatever_the_number_of_people(
    client, editor, django_assert_num_queries, count
):
    UserFactory.create_batch(count, last_name="Searchable")
    login(client, editor)

    with django_assert_num_queries(9):
        response = client.get(RESULTS_URL, {"q": "searchable"})

    assert response.text.count("Searchable") == count
