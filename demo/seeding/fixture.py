"""The hand-written demo content of `seed_demo --scale small` (what `make run` loads).

The content is data in demo/fixture/*.toml: people, organisations, projects, events, funding
calls, stories and resources, written to read like the hub's real directory (fictional, but
plausible), linked to each other (projects name their partner organisations, members come from
the partners' owners, events their organisers). Pictures are drawn at seed time
(demo.seeding.pictures). Every item is looked up by its slug (or e-mail address, or title)
first, so a second run adds nothing and a fixture that gained items adds only those.
Dates are relative to the day of seeding, so the demo always has upcoming events and open calls.
"""

import datetime as dt
import io
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.db.models import Q
from wagtail.images import get_image_model

from clusters.models import Cluster
from events.models import Event
from funding.models import FundingCall
from listings.choices import Role
from moderation.services import submit_for_review
from organisations.models import Membership, Organisation
from projects.choices import ProjectStatus
from projects.models import Project, ProjectMembership
from stories.models import (
    BlogAuthor,
    BlogPage,
    CaseStudyPage,
    HomePage,
    Resource,
    StandardPage,
    StoryIndexPage,
)
from taxonomy.models import AreaOfImpact, OrganisationSize, OrganisationType, Place, Technology

from . import DEMO_PASSWORD, add_links
from .pictures import colour_for, header_png, logo_png

FIXTURE_DIR = Path(__file__).resolve().parent.parent / "fixture"
RESOURCE_URL = "https://resources.example.org/demo/"


def read(name):
    """The items of demo/fixture/<name>.toml."""
    return tomllib.loads((FIXTURE_DIR / f"{name}.toml").read_text(encoding="utf-8"))


def paragraphs(text):
    """Blank-line separated paragraphs as rich text (the fixture's own text, no user input)."""
    return "".join(f"<p>{part.strip()}</p>" for part in text.strip().split("\n\n") if part.strip())


def place(city, country):
    return (
        Place.objects.filter(Q(name=city) | Q(ascii_name=city), country=country)
        .order_by("-population")
        .first()
    )


def save_picture(folder, slug, png):
    """Store a drawn picture under its public name (it is the demo's own, never pending)."""
    name = f"{folder}/demo-{slug}.png"
    if default_storage.exists(name):
        default_storage.delete(name)
    return default_storage.save(name, ContentFile(png))


# People ------------------------------------------------------------------------------------


def seed_people():
    """The fixture's people by key; demo logins get the demo password and a verified address."""
    return {key: _person(spec) for key, spec in read("people")["person"].items()}


def _person(spec):
    User = get_user_model()
    user = User.objects.filter(email=spec["email"]).first()
    if user is None:
        login = spec.get("login", False)
        user = User.objects.create_user(
            email=spec["email"],
            password=DEMO_PASSWORD if login else None,
            first_name=spec["first_name"],
            last_name=spec["last_name"],
            job_title=spec.get("job_title", ""),
        )
        if not login:
            user.password = f"{UNUSABLE_PASSWORD_PREFIX}demo"
            user.save(update_fields=["password"])
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    for cluster in Cluster.objects.filter(slug__in=spec.get("leads", [])):
        cluster.leads.add(user)
    return user


# Organisations and projects ----------------------------------------------------------------


def new_specs(model, specs):
    """The items of `specs` whose slug `model` does not have yet."""
    existing = set(
        model.objects.filter(slug__in=[spec["slug"] for spec in specs]).values_list(
            "slug", flat=True
        )
    )
    return [spec for spec in specs if spec["slug"] not in existing]


def seed_organisations(people, *, by):
    specs = new_specs(Organisation, read("organisations")["organisation"])
    return len([_organisation(spec, people, by) for spec in specs])


def _organisation(spec, people, by):
    organisation = Organisation(
        organisation_type=OrganisationType.objects.filter(slug=spec.get("type")).first(),
        size=OrganisationSize.objects.filter(slug=spec.get("size")).first(),
        founded=dt.date(spec["founded"], 1, 1) if spec.get("founded") else None,
        **_listing_fields(spec, "organisations"),
    )
    _publish(organisation, spec, by=by)
    Membership.objects.create(
        organisation=organisation, user=people[spec["owner"]], role=Role.OWNER
    )
    return organisation


def seed_projects(people, *, by):
    specs = new_specs(Project, read("projects")["project"])
    return len([_project(spec, people, by) for spec in specs])


def _project(spec, people, by):
    closed = spec.get("status") == "closed"
    project = Project(
        social_impact=paragraphs(spec.get("social_impact", "")),
        status=ProjectStatus.CLOSED if closed else ProjectStatus.LIVE,
        start_date=dt.date(spec["started"], 1, 1),
        end_date=dt.date(spec["ended"], 12, 31) if closed else None,
        **_listing_fields(spec, "projects"),
    )
    partners = list(Organisation.objects.filter(slug__in=spec["organisations"]))
    project.organisations = partners
    _publish(project, spec, by=by)
    owner = people[spec["owner"]]
    ProjectMembership.objects.create(project=project, user=owner, role=Role.OWNER)
    for partner in partners:
        for membership in partner.memberships.exclude(user=owner):
            ProjectMembership.objects.get_or_create(
                project=project, user=membership.user, defaults={"role": Role.MEMBER}
            )
    return project


def _listing_fields(spec, folder):
    city = place(spec["city"], spec["country"])
    colour = colour_for(spec["areas"])
    return {
        "slug": spec["slug"],
        "name": spec["name"],
        "short_description": spec["summary"],
        "description": paragraphs(spec["description"]),
        "website": f"https://{spec['slug']}.example.org/",
        "city": city,
        "country": spec["country"],
        "logo": save_picture(f"{folder}/logos", spec["slug"], logo_png(spec["name"], colour)),
        "header_image": save_picture(
            f"{folder}/headers", spec["slug"], header_png(spec["name"], colour)
        ),
    }


def _publish(listing, spec, *, by):
    listing.areas = list(AreaOfImpact.objects.filter(slug__in=spec["areas"]))
    listing.technologies = list(Technology.objects.filter(slug__in=spec["technologies"]))
    submit_for_review(listing, by=by)


# Events and funding calls ------------------------------------------------------------------


def seed_events(*, now):
    specs = new_specs(Event, read("events")["event"])
    events = [_event(spec, now) for spec in specs]
    Event.objects.bulk_create(events)
    _link(Event, "clusters", Cluster, events, specs)
    areas = dict(Cluster.objects.values_list("slug", "area_id"))
    add_links(
        Event,
        "areas",
        [(e.pk, areas[c]) for e, spec in zip(events, specs, strict=True) for c in spec["clusters"]],
    )
    return events


def _event(spec, now):
    city = place(spec["city"], spec["country"]) if spec.get("city") else None
    zone = spec.get("timezone") or city.timezone
    hour, minute = (int(part) for part in spec["at"].split(":"))
    day = now.astimezone(ZoneInfo(zone)).date() + dt.timedelta(days=spec["in_days"])
    start = dt.datetime.combine(day, dt.time(hour, minute), ZoneInfo(zone))
    online = spec["format"] != "in_person"
    published = min(now, start - dt.timedelta(days=21))
    colour = colour_for(spec.get("clusters", []))
    event = Event(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        body=paragraphs(spec["body"]),
        start=start,
        end=start + dt.timedelta(hours=spec["hours"]),
        timezone=zone,
        format=spec["format"],
        venue=spec.get("venue", ""),
        city=city,
        country=spec.get("country", ""),
        online_url=f"https://meet.example.org/{spec['slug']}" if online else "",
        registration_url=f"https://tickets.example.org/{spec['slug']}",
        is_free=spec.get("free", False),
        organiser=Organisation.objects.filter(slug=spec.get("organiser")).first(),
        image=save_picture("events/images", spec["slug"], header_png(spec["title"], colour)),
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
    )
    event.refresh_occurrences(now)
    return event


def seed_funding_calls(*, now):
    specs = new_specs(FundingCall, read("funding")["call"])
    calls = [_call(spec, now) for spec in specs]
    FundingCall.objects.bulk_create(calls)
    _link(FundingCall, "areas", AreaOfImpact, calls, specs)
    clusters = dict(Cluster.objects.values_list("area__slug", "pk"))
    add_links(
        FundingCall,
        "clusters",
        [
            (c.pk, clusters[a])
            for c, s in zip(calls, specs, strict=True)
            for a in s["areas"]
            if a in clusters
        ],
    )
    return calls


def _call(spec, now):
    today = now.date()
    closes = spec.get("closes_in")
    return FundingCall(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        body=paragraphs(spec["body"]),
        url=f"https://funding.example.org/calls/{spec['slug']}",
        funder=spec["funder"],
        funder_organisation=Organisation.objects.filter(
            slug=spec.get("funder_organisation")
        ).first(),
        call_type=spec["type"],
        audiences=spec["audiences"],
        countries=spec["countries"],
        amount_min=spec.get("amount_min"),
        amount_max=spec.get("amount_max"),
        currency=spec.get("currency", "EUR"),
        opens_on=today + dt.timedelta(days=spec["opens_in"]),
        closes_on=today + dt.timedelta(days=closes) if closes is not None else None,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now + dt.timedelta(days=min(0, spec["opens_in"])),
        last_published_at=now + dt.timedelta(days=min(0, spec["opens_in"])),
    )


def _link(model, field_name, target, rows, specs):
    """Link each of `rows` to the `target` rows whose slugs its spec lists under `field_name`."""
    ids = dict(target.objects.values_list("slug", "pk"))
    pairs = [
        (row.pk, ids[slug])
        for row, spec in zip(rows, specs, strict=True)
        for slug in spec.get(field_name, [])
    ]
    add_links(model, field_name, pairs)


# Stories, resources and the standard pages -------------------------------------------------


def seed_stories(*, now):
    index = StoryIndexPage.objects.get()
    existing = set(index.get_children().values_list("slug", flat=True))
    specs = [s for s in read("stories")["story"] if s["slug"] not in existing]
    for spec in specs:
        page = _story(spec, now)
        page.clusters = list(Cluster.objects.filter(slug__in=spec["clusters"]))
        page.areas = list(AreaOfImpact.objects.filter(slug__in=spec["areas"]))
        page.tags.add(*spec["tags"])
        index.add_child(instance=page)
        if isinstance(page, BlogPage):
            BlogAuthor.objects.create(page=page, name=spec["author"], sort_order=0)
    return len(specs)


def _story(spec, now):
    published = now - dt.timedelta(days=spec["days_ago"])
    common = {
        "title": spec["title"],
        "slug": spec["slug"],
        "date": published.date(),
        "intro": spec["intro"],
        "body": [{"type": "paragraph", "value": paragraphs(spec["body"])}],
        "listing_image": _story_image(spec),
        "first_published_at": published,
        "last_published_at": published,
    }
    if spec["kind"] != "case_study":
        return BlogPage(**common)
    return CaseStudyPage(
        **common,
        the_issue=paragraphs(spec["the_issue"]),
        the_solution=paragraphs(spec["the_solution"]),
        project=Project.objects.filter(slug=spec.get("project")).first(),
        colour=spec["colour"],
        featured=spec.get("featured", False),
    )


def _story_image(spec):
    Image = get_image_model()
    title = f"Demo picture: {spec['title']}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        png = header_png(spec["title"], colour_for(spec["clusters"]))
        alt = f"Illustration for the story “{spec['title']}”"
        image = Image(
            title=title,
            description=alt,
            file=ImageFile(io.BytesIO(png), name=f"demo-{spec['slug']}.png"),
        )
        image.save()
    return image


def seed_resources():
    specs = read("resources")["resource"]
    existing = set(
        Resource.objects.filter(link_url__startswith=RESOURCE_URL).values_list("title", flat=True)
    )
    authors = dict(Organisation.objects.values_list("slug", "pk"))
    resources = [
        Resource(
            title=spec["title"],
            description=spec["description"],
            link_url=f"{RESOURCE_URL}{number}",
            link_text="Read",
            resource_type=spec["type"],
            author_id=authors.get(spec["author"]),
            year=spec["year"],
        )
        for number, spec in enumerate(specs, start=1)
        if spec["title"] not in existing
    ]
    Resource.objects.bulk_create(resources)
    _link(
        Resource, "clusters", Cluster, resources, [s for s in specs if s["title"] not in existing]
    )
    return resources


def seed_standard_pages():
    """About, What is DSI, Privacy, Terms, Accessibility and Contact under the home page."""
    home = HomePage.objects.get()
    existing = set(home.get_children().values_list("slug", flat=True))
    specs = [s for s in read("pages")["page"] if s["slug"] not in existing]
    for spec in specs:
        body = [{"type": "paragraph", "value": paragraphs(spec["body"])}]
        home.add_child(
            instance=StandardPage(
                title=spec["title"], slug=spec["slug"], intro=spec["intro"], body=body
            )
        )
    return len(specs)
