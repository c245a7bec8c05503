"""Stories pages and resources. Pages go under the story index the migrations create.

`BlogPageFactory(authors=[user, "Guest Name"], tags=["repair"], clusters=[...], areas=[...])`;
`CaseStudyPageFactory(project=..., organisation=..., featured=True)`; pages are live unless
`live=False`; `listing_image=True` attaches a fresh image.
"""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Collection

from stories.choices import ResourceType
from stories.models import BlogAuthor, BlogPage, CaseStudyPage, Resource, StoryIndexPage


def story_index():
    return StoryIndexPage.objects.get()


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class _StoryFactory(wagtail_factories.PageFactory):
    parent = factory.LazyFunction(story_index)
    title = factory.Sequence(lambda n: f"Story {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    intro = "How a neighbourhood used open data to fix its streets."
    date = factory.Sequence(lambda n: timezone.localdate() - dt.timedelta(days=n))
    live = True
    first_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def listing_image(page, create, extracted, **kwargs):
        if create and extracted:
            page.listing_image = extracted if extracted is not True else ImageFactory()
            page.save()

    @factory.post_generation
    def tags(page, create, extracted, **kwargs):
        if create and extracted:
            page.tags.add(*extracted)
            page.save()

    @factory.post_generation
    def clusters(page, create, extracted, **kwargs):
        if create and extracted:
            page.clusters.set(extracted)
            page.save()

    @factory.post_generation
    def areas(page, create, extracted, **kwargs):
        if create and extracted:
            page.areas.set(extracted)
            page.save()


class BlogPageFactory(_StoryFactory):
    class Meta:
        model = BlogPage
        skip_postgeneration_save = True

    @factory.post_generation
    def authors(page, create, extracted, **kwargs):
        if not create:
            return
        for author in extracted or ["Guest Author"]:
            if isinstance(author, str):
                BlogAuthor.objects.create(page=page, name=author)
            else:
                BlogAuthor.objects.create(page=page, user=author)


class CaseStudyPageFactory(_StoryFactory):
    the_issue = "<p>Streets were unsafe.</p>"
    the_solution = "<p>A map of repairs.</p>"

    class Meta:
        model = CaseStudyPage
        skip_postgeneration_save = True


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Toolkit {n}")
    description = "A practical guide for civic technologists."
    link_url = factory.Sequence(lambda n: f"https://resources.example.org/{n}")
    resource_type = ResourceType.TOOLKIT
    year = 2025

    @factory.post_generation
    def clusters(resource, create, extracted, **kwargs):
        if create and extracted:
            resource.clusters.set(extracted)
            resource.save()  # a parental many-to-many is written when the resource is saved
