"""Load demo content for local development. Idempotent: a second run changes nothing.

Vocabularies, clusters and the gazetteer come from data migrations; this adds what a developer
needs to try the hub: demo accounts (only with DJANGO_DEBUG on) with verified e-mail addresses,
and a few published organisations and projects owned by the demo innovator. The listings are
invented for the demo.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from listings.choices import Role
from moderation.services import submit_for_review
from organisations.models import Membership, Organisation
from projects.models import Project, ProjectMembership
from taxonomy.models import AreaOfImpact, Place, Technology

DEMO_PASSWORD = "demo-admin-password"  # noqa: S105 - documented local-only demo login
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
    {"email": "innovator@example.org", "first_name": "Demo", "last_name": "Innovator"},
]


class Command(BaseCommand):
    help = "Load demo content for local development (idempotent)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stdout.write("DJANGO_DEBUG is off: demo accounts are not created.")
            return
        with transaction.atomic():
            created = [spec["email"] for spec in DEMO_USERS if self.ensure_user(**spec)]
            created += [
                spec["slug"] for spec in DEMO_ORGANISATIONS if self.ensure_organisation(**spec)
            ]
            created += [spec["slug"] for spec in DEMO_PROJECTS if self.ensure_project(**spec)]
        if created:
            self.stdout.write(
                f"Created demo data (account password {DEMO_PASSWORD!r}): " + ", ".join(created)
            )
        else:
            self.stdout.write("Demo data already present; nothing changed.")

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

    def ensure_organisation(self, *, slug, city, areas, technologies, **fields):
        if Organisation.objects.filter(slug=slug).exists():
            return False
        place = Place.objects.filter(name=city).order_by("-population").first()
        organisation = Organisation(
            slug=slug, city=place, country=place.country if place else "", **fields
        )
        self._publish(organisation, areas=areas, technologies=technologies)
        Membership.objects.create(organisation=organisation, user=self._owner(), role=Role.OWNER)
        return True

    def ensure_project(self, *, slug, city, areas, technologies, organisations, **fields):
        if Project.objects.filter(slug=slug).exists():
            return False
        place = Place.objects.filter(name=city).order_by("-population").first()
        project = Project(slug=slug, city=place, country=place.country if place else "", **fields)
        project.organisations = list(Organisation.objects.filter(slug__in=organisations))
        self._publish(project, areas=areas, technologies=technologies)
        ProjectMembership.objects.create(project=project, user=self._owner(), role=Role.OWNER)
        return True

    def _publish(self, listing, *, areas, technologies):
        listing.areas = list(AreaOfImpact.objects.filter(slug__in=areas))
        listing.technologies = list(Technology.objects.filter(slug__in=technologies))
        submit_for_review(listing, by=get_user_model().objects.get(email="admin@example.org"))

    def _owner(self):
        return get_user_model().objects.get(email="innovator@example.org")


DEMO_ORGANISATIONS = [
    {
        "slug": "open-streets-lab",
        "name": "Open Streets Lab",
        "short_description": "Citizens map safe cycling routes and share the data with their city.",
        "description": "<p>A volunteer network that turns everyday rides into open data for "
        "safer streets.</p>",
        "website": "https://example.org/open-streets-lab",
        "city": "Barcelona",
        "areas": ["cities-and-urban-development"],
        "technologies": ["open-data", "geotagging-gps-and-gis"],
    },
    {
        "slug": "care-circles",
        "name": "Care Circles",
        "short_description": "A cooperative platform connecting carers, families and neighbours.",
        "description": "<p>Care Circles helps people who care for a relative share the load.</p>",
        "website": "https://example.org/care-circles",
        "city": "Milan",
        "areas": ["health-and-care"],
        "technologies": ["mobile-and-web-apps", "peer-to-peer-networks"],
    },
]
DEMO_PROJECTS = [
    {
        "slug": "bike-safe-map",
        "name": "Bike Safe Map",
        "short_description": "A crowdsourced map of dangerous junctions, updated every week.",
        "description": "<p>Riders report near misses; the map shows where the city should act.</p>",
        "social_impact": "<p>Three junctions were redesigned after the first year.</p>",
        "city": "Barcelona",
        "areas": ["cities-and-urban-development"],
        "technologies": ["crowdsourcing-crowdmapping-and-crowdfunding", "open-data"],
        "organisations": ["open-streets-lab"],
    },
]
