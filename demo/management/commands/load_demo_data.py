"""Load the demo accounts for local development. Idempotent: a second run changes nothing.

Vocabularies, clusters and the gazetteer come from data migrations; this adds the staff logins a
developer needs to try the hub (only with DJANGO_DEBUG on), with verified e-mail addresses.
`seed_demo --scale small` runs it first, then adds the demo content (demo/fixture/), whose
people include the demo innovator and the demo cluster lead.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.seeding import DEMO_PASSWORD

DEMO_USERS = [
    {"email": "admin@example.org", "first_name": "Demo", "last_name": "Admin", "superuser": True},
    {
        "email": "moderator@example.org",
        "first_name": "Demo",
        "last_name": "Moderator",
        "groups": ["Moderators"],
    },
    {
        "email": "editor@example.org",
        "first_name": "Demo",
        "last_name": "Editor",
        "groups": ["Editors"],
    },
]


class Command(BaseCommand):
    help = "Load demo content for local development (idempotent)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stdout.write("DJANGO_DEBUG is off: demo accounts are not created.")
            return
        with transaction.atomic():
            created = [spec["email"] for spec in DEMO_USERS if self.ensure_user(**spec)]
        if created:
            self.stdout.write(
                f"Created demo accounts (password {DEMO_PASSWORD!r}): " + ", ".join(created)
            )

    def ensure_user(self, *, email, first_name, last_name, superuser=False, groups=()):
        User = get_user_model()
        if User.objects.filter(email=email).exists():
            return False
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
            is_staff=superuser or bool(groups),
            is_superuser=superuser,
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return True
