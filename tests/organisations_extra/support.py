"""Helpers for the moderation-extras tests (reports, claims, confirmation, duplicates)."""

from django.contrib.auth.models import Group

from tests.factories.accounts import UserFactory


def make_editor(**fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name="Editors"))
    return user
