from django.template.response import TemplateResponse

from listings.views import CachedPaginator, cached_filter_form, filter_key
from moderation.kinds import ReviewedViews

from .filters import ResourceFilterSet, StoryFilterSet
from .models import Resource
from .models.story import STORIES_PER_PAGE


def story_index(request, index_page):
    """/stories/ (StoryIndexPage's main route): filtered, newest first, paginated."""
    filterset = StoryFilterSet(
        request.GET, queryset=index_page.stories().newest_first().for_cards()
    )
    stories = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    key = filter_key(filterset, request)
    paginator = CachedPaginator(stories, STORIES_PER_PAGE, key=key)
    page_obj = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "stories/story_index_page.html",
        {
            "page": index_page,
            "self": index_page,
            "filter": filterset,
            "filter_form": cached_filter_form(filterset, key, index_page.url),
            "stories": page_obj.object_list,
            "page_obj": page_obj,
            "paginator": page_obj.paginator,
            "list_url": index_page.url,
        },
    )


class ResourceViews(ReviewedViews):
    """/resources/: the resource library, filtered by cluster, type and author organisation.
    Its only public page: a resource has no page of its own and is added in the admin."""

    model = Resource
    filterset_class = ResourceFilterSet
    list_name = "resources"
    pages = ("list",)
