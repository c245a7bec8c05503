"""/open-data/: the page, and the downloads (everything published, or what a list shows)."""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.views.generic import TemplateView

from core.content_version import versioned_key

from .conditional import add_validators, not_modified, validators
from .dictionary import BY_KEY, DATASETS, downloadable
from .exports import CONTENT_TYPES, citation, write
from .models import Snapshot


class OpenDataView(TemplateView):
    template_name = "opendata/open_data.html"
    cache_for_visitors = True  # core.page_cache: the same page for every visitor

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            downloads=downloadable(),
            datasets=DATASETS,
            snapshots=Snapshot.objects.all(),
            licence_name=settings.OPEN_DATA_LICENCE_NAME,
            licence_url=settings.OPEN_DATA_LICENCE_URL,
            citation=citation(),
            **kwargs,
        )


def download(request, dataset, format):
    """Every published row of `dataset`, in `format`."""
    dataset = _downloadable(dataset, format)
    return _stream(request, dataset, format, dataset.rows, name=dataset.key)


def download_view(request, dataset, format):
    """ "Download what you see": the rows the list page shows for the same GET parameters (its
    FilterSet over the published rows), in the list's order."""
    dataset = _downloadable(dataset, format)

    def rows():
        return dataset.filtered(request.GET)[0]  # the list shows what it understood, too

    return _stream(request, dataset, format, rows, name=f"{dataset.key}-selection")


def _downloadable(key, format):
    dataset = BY_KEY.get(key)
    if dataset is None or not dataset.downloadable or format not in dataset.formats:
        raise Http404
    return dataset


def _stream(request, dataset, format, rows, *, name):
    """`rows()` in `format`: a 304 or a kept file without building the query at all."""
    etag, last_modified = validators(request)
    response = not_modified(request, etag, last_modified)
    if response is None:
        key = versioned_key("opendata-file", request.get_host(), request.get_full_path())
        body = cache.get(key)
        if body is not None:
            response = HttpResponse(body, content_type=CONTENT_TYPES[format])
        else:
            chunks = _kept(write(format, dataset, rows()), key)
            response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[format])
        day = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="dsihub-{name}-{day}.{format}"'
    return add_validators(response, etag, last_modified)


#: Files up to this size are kept in the cache until public content changes; larger ones
#: are streamed afresh each time (constant memory whatever the size).
CACHED_FILE_BYTES = 2 * 1024 * 1024


def _kept(chunks, key):
    """`chunks`, passed on as they come and, when the whole file stays small, kept under `key`."""
    kept, size = [], 0
    for chunk in chunks:
        data = chunk.encode() if isinstance(chunk, str) else chunk
        if kept is not None:
            size += len(data)
            if size <= CACHED_FILE_BYTES:
                kept.append(data)
            else:
                kept = None  # too large to keep: from here on, memory stays constant
        yield data
    if kept is not None:
        cache.set(key, b"".join(kept), settings.PAGE_CACHE_SECONDS)
