from .home import FeaturedCaseStudy, HomePage
from .resource import Resource
from .standard import StandardPage
from .story import (
    BlogAuthor,
    BlogPage,
    CaseStudyPage,
    StoryIndexPage,
    StoryPage,
    StoryPageQuerySet,
    StoryTag,
)

__all__ = [
    "BlogAuthor",
    "BlogPage",
    "CaseStudyPage",
    "FeaturedCaseStudy",
    "HomePage",
    "Resource",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageQuerySet",
    "StoryTag",
]
