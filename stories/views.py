from django.template.response import TemplateResponse
from django.views.generic import ListView

from listings.views import (
    CachedFilterListMixin,
    CachedPaginator,
    cached_filter_form,
    filter_key,
)

from .filters import ResourceFilterSet, StoryFilterSet
from .models import Resource
from .models.story import STORIES_PER_PAGE

RESOURCES_PER_PAGE = 20


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


class ResourceListView(CachedFilterListMixin, ListView):
    """/resources/: the resource library, filtered by cluster, type and author organisation."""

    cache_for_visitors = True
    template_name = "stories/resource_list.html"
    context_object_name = "resources"
    paginate_by = RESOURCES_PER_PAGE

    def get_queryset(self):
        self.filterset = ResourceFilterSet(
            self.request.GET, queryset=Resource.objects.published().for_listing().newest_first()
        )
        return self.filterset.qs if self.filterset.is_valid() else Resource.objects.none()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter=self.filterset, filter_form=self.filter_form_html(), **kwargs
        )
