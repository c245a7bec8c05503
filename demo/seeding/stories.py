"""Stories and resources at scale: blog posts and case studies under the story index, and the
resource library.

Stories are Wagtail pages in a multi-table hierarchy, which Django cannot bulk-insert: each is
added with treebeard's `add_child` (a few queries each; 500 take seconds), and their clusters,
areas and tags go in afterwards with bulk inserts into the link tables. Resources are plain rows,
inserted in bulk. Seeded stories have slugs starting with `seed-`; seeded resources link to
`https://resources.seed.example.org/`, so `--reset` finds both.
"""

import datetime as dt

from taggit.models import Tag

from clusters.models import Cluster
from stories.choices import Colour, ResourceType
from stories.models import (
    BlogAuthor,
    BlogPage,
    CaseStudyPage,
    HomePage,
    Resource,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    StoryTag,
)
from taxonomy.models import AreaOfImpact

from . import SEED_PREFIX, add_links

RESOURCE_URL = "https://resources.seed.example.org/"
STORY_TAGS = 30
CASE_STUDY_SHARE = 0.4
BATCH_SIZE = 2000


def seed_stories(rng, writer, count, *, now, project_ids=(), label="story", title_prefix=""):
    """`count` published stories (about 40 % case studies, some linked to `project_ids`);
    `title_prefix` marks them ("Sample: ") where people may take them for real ones."""
    index = StoryIndexPage.objects.get()
    tags = _story_tags(writer)
    clusters = list(Cluster.objects.values_list("pk", flat=True))
    areas = list(AreaOfImpact.objects.values_list("pk", flat=True))
    pages = []
    for number in range(1, count + 1):
        page = _story(
            rng, writer, f"{label}-{number}", now - dt.timedelta(days=number), project_ids
        )
        page.title = f"{title_prefix}{page.title}"[:255]
        index.add_child(instance=page)
        pages.append(page)
    BlogAuthor.objects.bulk_create(
        BlogAuthor(page_id=page.pk, name=" ".join(writer.words(2)).title(), sort_order=0)
        for page in pages
        if isinstance(page, BlogPage)
    )
    _link_themes(rng, pages, clusters, areas, tags)
    return len(pages)


def _story(rng, writer, name, published, project_ids):
    common = {
        "title": " ".join(writer.words(rng.randint(3, 7))).capitalize()[:250],
        "slug": f"{SEED_PREFIX}{name}",
        "date": published.date(),
        "intro": " ".join(writer.words(rng.randint(15, 30))).capitalize() + ".",
        "body": [{"type": "paragraph", "value": writer.rich_text(rng.randint(2, 4))}],
        "first_published_at": published,
        "last_published_at": published,
        "live": True,
    }
    if rng.random() < CASE_STUDY_SHARE:
        return CaseStudyPage(
            **common,
            the_issue=writer.rich_text(1),
            the_solution=writer.rich_text(1),
            project_id=rng.choice(project_ids) if project_ids and rng.random() < 0.7 else None,
            colour=rng.choice(Colour.values),
            featured=rng.random() < 0.05,
        )
    return BlogPage(**common)


def _story_tags(writer):
    tags = []
    for number in range(STORY_TAGS):
        name = f"{writer.words(1)[0]} {number}"
        tag, _ = Tag.objects.get_or_create(
            slug=f"{SEED_PREFIX}story-{number}", defaults={"name": name}
        )
        tags.append(tag)
    return tags


def _some(rng, items, least, most):
    """Between `least` and `most` of `items`, as many as there are at the most."""
    return rng.sample(items, k=min(len(items), rng.randint(least, most)))


def _link_themes(rng, pages, clusters, areas, tags):
    add_links(StoryPage, "clusters", [(p.pk, c) for p in pages for c in _some(rng, clusters, 0, 2)])
    add_links(StoryPage, "areas", [(p.pk, a) for p in pages for a in _some(rng, areas, 1, 2)])
    StoryTag.objects.bulk_create(
        [
            StoryTag(content_object_id=page.pk, tag=tag)
            for page in pages
            for tag in rng.sample(tags, k=rng.randint(1, 3))
        ],
        batch_size=BATCH_SIZE,
    )


def seed_resources(rng, writer, count, *, author_ids=()):
    resources = [
        Resource(
            title=" ".join(writer.words(rng.randint(3, 6))).capitalize()[:200],
            description=" ".join(writer.words(rng.randint(20, 40))).capitalize() + ".",
            link_url=f"{RESOURCE_URL}{number}",
            link_text="Read",
            resource_type=rng.choice(ResourceType.values),
            author_id=rng.choice(author_ids) if author_ids and rng.random() < 0.6 else None,
            author_name="" if author_ids else "DSI Hub",
            year=rng.randint(2016, 2026),
        )
        for number in range(1, count + 1)
    ]
    Resource.objects.bulk_create(resources, batch_size=BATCH_SIZE)
    clusters = list(Cluster.objects.values_list("pk", flat=True))
    links = [(resource.pk, c) for resource in resources for c in _some(rng, clusters, 1, 2)]
    add_links(Resource, "clusters", links)
    return len(resources)


def seeded_stories():
    return StoryPage.objects.filter(slug__startswith=SEED_PREFIX)


def delete_seeded_stories():
    """Delete seeded stories and resources; returns (stories, resources) counts."""
    stories = seeded_stories().count()
    seeded_stories().delete()
    resources, _ = Resource.objects.filter(link_url__startswith=RESOURCE_URL).delete()
    return stories, resources


STANDARD_PAGES = [
    ("about", "About the DSI Hub", "Who runs the hub and why."),
    ("what-is-dsi", "What is digital social innovation?", "Technology for the common good."),
    ("privacy", "Privacy", "What the hub stores about you and why."),
    ("terms", "Terms of use", "The rules of the hub."),
    ("accessibility", "Accessibility statement", "How the hub works for everyone."),
    ("contact", "Contact", "How to reach the hub's team."),
]


def seed_standard_pages(writer):
    """The standard pages under the home page, each once (sample text, marked as such)."""
    home = HomePage.objects.get()
    existing = set(home.get_children().values_list("slug", flat=True))
    created = 0
    for slug, title, intro in STANDARD_PAGES:
        if slug in existing:
            continue
        body = [{"type": "paragraph", "value": f"<p>Sample text.</p>{writer.rich_text(2)}"}]
        home.add_child(instance=StandardPage(title=title, slug=slug, intro=intro, body=body))
        created += 1
    return created
