"""Rate limits of the hub's forms: per-account limits do the real work, the per-address budget
lets a workshop behind one address register its projects, and the 429 page names the limit that
was hit (issue 16, item 10)."""

import pytest
from django.urls import reverse

from core.antispam import limit_message
from projects.models import Project
from tests.factories.accounts import UserFactory
from tests.support.forms import project_data

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("projects:project-create")


def create_project(client, user, name):
    client.force_login(user)
    return client.post(CREATE_URL, project_data(name=name))


def test_thirty_people_behind_one_address_each_register_a_project(client, private_cache):
    """A workshop: everyone forgets a field once, then registers their project."""
    people = [UserFactory(email=f"participant{n}@example.org") for n in range(30)]
    answers = []
    for n, person in enumerate(people):
        client.force_login(person)
        answers.append(client.post(CREATE_URL, project_data(name="")).status_code)
        answers.append(create_project(client, person, f"Workshop project {n}").status_code)

    assert answers == [200, 302] * 30
    assert Project.objects.count() == 30


def test_the_429_page_names_the_per_account_limit_when_that_was_hit(
    client, stranger, private_cache
):
    client.force_login(stranger)
    for _attempt in range(10):
        client.post(CREATE_URL, {"name": ""})

    response = client.post(CREATE_URL, {"name": ""})

    assert response.status_code == 429
    assert "Your account may send this form 10 times an hour." in response.text
    assert "internet address" not in response.text


def test_the_429_page_names_the_per_address_limit_when_that_was_hit(
    client, settings, private_cache
):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "moderated-create": {"per_user": "10/h", "per_ip": "3/h"},
    }
    for n in range(3):
        create_project(client, UserFactory(), f"Project {n}")

    response = create_project(client, UserFactory(), "One too many")

    assert response.status_code == 429
    assert (
        "This form accepts 3 submissions an hour from one internet address, shared by everyone "
        "on the same network." in response.text
    )
    assert "Your account may" not in response.text
    assert "10/h" not in response.text


@pytest.mark.parametrize(
    ("scope", "rate", "sentence"),
    [
        ("user", "1/h", "Your account may send this form 1 time an hour."),
        ("user", "5/m", "Your account may send this form 5 times a minute."),
        (
            "ip",
            "20/d",
            "This form accepts 20 submissions a day from one internet address, "
            "shared by everyone on the same network.",
        ),
        ("ip", "20/5m", "This form has a limit of 20/5m, and it was reached."),
    ],
)
def test_limits_are_named_in_whole_sentences(scope, rate, sentence):
    assert limit_message(scope, rate) == sentence
