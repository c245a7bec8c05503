"""Demo data at two sizes.

`--scale small` is what `make run` loads (the `load_demo_data` command). `--scale large` fills
the directory to the size the hub expects after a few years (see `demo.seeding.SCALES`) in
bulk inserts, then indexes it for search: the data set of `make bench-web`. A second run finds
the seeded rows and stops; `--reset` deletes seeded rows (and only those) first.
"""

import random
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from demo.seeding import RANDOM_SEED, SCALES, SEED_PREFIX, fixture
from demo.seeding.dsiindex import seed_dsi_index
from demo.seeding.events import delete_seeded_events, seed_events
from demo.seeding.funding import delete_seeded_funding_calls, seed_funding_calls
from demo.seeding.keywords import KeywordPool, delete_unused_seeded_keywords
from demo.seeding.listings import (
    Context,
    delete_seeded_listings,
    now,
    seed_organisations,
    seed_people,
    seed_projects,
    seeded_listing_counts,
)
from demo.seeding.newsletter import (
    delete_seeded_subscribers,
    seed_demo_subscribers,
    seed_sample_issue,
    seed_subscribers,
)
from demo.seeding.places import PlacePicker
from demo.seeding.search_index import index_seeded
from demo.seeding.stories import delete_seeded_stories, seed_resources, seed_stories
from demo.seeding.text import Writer
from events.models import Event
from organisations.models import Organisation
from projects.models import Project


class Command(BaseCommand):
    help = "Load demo data: small (make run) or large (benchmarks), in bulk; idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["small", *SCALES], default="small")
        parser.add_argument(
            "--factor",
            type=float,
            default=1.0,
            help="Multiply the scale's counts (e.g. 0.01 for a quick try; the tests use it).",
        )
        parser.add_argument(
            "--reset", action="store_true", help="Delete previously seeded rows first."
        )

    def handle(self, *args, scale, factor, reset, **options):
        if reset:
            self.reset()
        if scale == "small":
            call_command("load_demo_data", stdout=self.stdout, stderr=self.stderr)
            self.seed_small()
            if seed_dsi_index():
                self.stdout.write("Created the synthetic DSI Index demo edition.")
            return
        present = seeded_listing_counts()
        if any(present.values()):
            self.stdout.write(
                "Seeded data already present ({organisations} organisations, {projects} "
                "projects); nothing changed. Use --reset to replace it.".format(**present)
            )
            return
        self.seed(SCALES[scale].times(factor))

    def seed(self, scale):
        started = time.monotonic()
        rng = random.Random(RANDOM_SEED)  # noqa: S311 - reproducible demo data, not secrets
        with transaction.atomic():
            context = self.step("places, words and keywords", self.context, rng, scale)
            people = self.step(f"{scale.people} people", seed_people, context, scale.people)
            organisations = self.step(
                f"{scale.organisations} organisations",
                seed_organisations,
                context,
                scale.organisations,
                people=people,
            )
            self.step(
                f"{scale.projects} projects",
                seed_projects,
                context,
                scale.projects,
                people=people,
                organisations=organisations,
            )
            self.step(
                f"{scale.funding_calls} funding calls",
                seed_funding_calls,
                context.rng,
                context.writer,
                scale.funding_calls,
                now=context.now,
                funders=organisations.ids,
            )
            self.step(f"{scale.events} events", seed_events, context, scale.events)
            self.step(
                f"{scale.stories} stories",
                seed_stories,
                context.rng,
                context.writer,
                scale.stories,
                now=context.now,
                project_ids=self.seeded_ids(Project),
            )
            self.step(
                f"{scale.resources} resources",
                seed_resources,
                context.rng,
                context.writer,
                scale.resources,
                author_ids=organisations.ids,
            )
            self.step(
                f"{scale.subscribers} newsletter subscribers",
                seed_subscribers,
                context.rng,
                scale.subscribers,
                now=context.now,
                places=context.places,
            )
            self.step("the synthetic DSI Index edition (once)", seed_dsi_index)
            self.step("search index", self.index)
            self.step("planner statistics", self.analyze)
        self.stdout.write(f"Seeded in {time.monotonic() - started:.1f} s.")

    def seed_small(self):
        """The hand-written demo content (demo/fixture/), once; like the demo accounts, only
        with DJANGO_DEBUG on."""
        if not settings.DEBUG:
            return
        with transaction.atomic():
            added = self.seed_fixture()
        self.seed_small_newsletter()
        if any(added.values()):
            self.stdout.write(
                "Added demo content: {organisations} organisations, {projects} projects, "
                "{events} events, {funding_calls} funding calls, {stories} stories, "
                "{resources} resources, {pages} pages.".format(**added)
            )

    def seed_fixture(self):
        people = fixture.seed_people()
        publisher = get_user_model().objects.get(email="admin@example.org")
        now_ = now()
        organisations = fixture.seed_organisations(people, by=publisher)
        projects = fixture.seed_projects(people, by=publisher)
        # Bulk-inserted rows (Wagtail's signals index the published listings and pages).
        bulk = {
            "events": fixture.seed_events(now=now_),
            "funding_calls": fixture.seed_funding_calls(now=now_),
            "resources": fixture.seed_resources(),
        }
        for rows in bulk.values():
            if rows:
                index_seeded(type(rows[0]).objects.filter(pk__in=[row.pk for row in rows]))
        return {
            "organisations": organisations,
            "projects": projects,
            **{kind: len(rows) for kind, rows in bulk.items()},
            "stories": fixture.seed_stories(now=now_),
            "pages": fixture.seed_standard_pages(),
        }

    def seeded_ids(self, model):
        return self.published_ids(model, prefix=SEED_PREFIX)

    def published_ids(self, model, prefix=""):
        published = model.objects.published().filter(slug__startswith=prefix)
        return list(published.values_list("pk", flat=True)[:5000])

    def step(self, label, function, *args, **kwargs):
        started = time.monotonic()
        result = function(*args, **kwargs)
        self.stdout.write(f"  {label}: {time.monotonic() - started:.1f} s")
        return result

    def context(self, rng, scale):
        writer = Writer(rng)
        keywords = KeywordPool(rng, writer, scale.keywords)
        return Context(
            rng=rng, writer=writer, places=PlacePicker(rng), keywords=keywords, now=now()
        )

    def seed_small_newsletter(self):
        """A handful of subscribers and one sample issue marked sent, for /newsletter/archive/
        and the admin; once, and like the other demo people only with DJANGO_DEBUG on."""
        if not settings.DEBUG:
            return
        rng = random.Random(RANDOM_SEED)  # noqa: S311 - reproducible demo data, not secrets
        with transaction.atomic():
            subscribers = seed_demo_subscribers(rng, now=now(), places=PlacePicker(rng))
            issue = seed_sample_issue(now=now())
        if subscribers or issue:
            self.stdout.write(
                f"Created {subscribers} demo subscribers and {1 if issue else 0} sample issue."
            )

    def index(self):
        for model in (Organisation, Project):
            # place and keywords are searched too: read with the rows, not one query per row
            seeded = model.objects.filter(slug__startswith=SEED_PREFIX)
            index_seeded(seeded.select_related("city").prefetch_related("keywords"))
        index_seeded(Event.objects.filter(slug__startswith=SEED_PREFIX))

    def analyze(self):
        """Fresh statistics, so the first benchmark does not run on the planner's guesses."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def reset(self):
        with transaction.atomic():
            events = delete_seeded_events()
            deleted = delete_seeded_listings()
            deleted["funding_calls"] = delete_seeded_funding_calls()
            deleted["stories"], deleted["resources"] = delete_seeded_stories()
            deleted["keywords"] = delete_unused_seeded_keywords()
            deleted["subscribers"] = delete_seeded_subscribers()
        self.stdout.write(
            "Deleted seeded rows: {people} people, {organisations} organisations, "
            "{projects} projects, {funding_calls} funding calls, {stories} stories, "
            "{resources} resources, {keywords} keywords, {events} events, "
            "{subscribers} newsletter subscribers.".format(**deleted, events=events)
        )
