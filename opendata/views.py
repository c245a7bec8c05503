"""/open-data/: the page, and the downloads (everything published, or what a list shows)."""

from django.conf import settings
from django.http import Http404, StreamingHttpResponse
from django.utils import timezone
from django.views.generic import TemplateView

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
    return _stream(request, dataset, format, dataset.rows(), name=dataset.key)


def download_view(request, dataset, format):
    """ "Download what you see": the rows the list page shows for the same GET parameters (its
    FilterSet over the published rows), in the list's order."""
    dataset = _downloadable(dataset, format)
    rows, _errors = dataset.filtered(request.GET)  # the list shows what it understood, too
    return _stream(request, dataset, format, rows, name=f"{dataset.key}-selection")


def _downloadable(key, format):
    dataset = BY_KEY.get(key)
    if dataset is None or not dataset.downloadable or format not in dataset.formats:
        raise Http404
    return dataset


def _stream(request, dataset, format, rows, *, name):
    etag, last_modified = validators(request)
    response = not_modified(request, etag, last_modified)
    if response is None:
        response = StreamingHttpResponse(
            write(format, dataset, rows), content_type=CONTENT_TYPES[format]
        )
        day = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="dsihub-{name}-{day}.{format}"'
    return add_validators(response, etag, last_modified)
