"""The read API, /api/v1/ (django-ninja): each dataset of the data dictionary, list and detail.

Schemas are built from the dictionary (field names, types and descriptions), so the API, the
downloads and the open-data page describe the same fields. Lists take the list page's filters
(its FilterSet over the published rows, unknown parameters ignored, values it refuses a 422)
and are paged by a cursor over the id. Anonymous and read-only; throttled per client address
(OPEN_DATA_API_RATE). ETags and CORS headers are added by `opendata.middleware`. The versioning
and deprecation policy is in docs/api.md.
"""

import math
import re
import threading
from typing import Any

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Path, Query, Router, Schema
from ninja.errors import Throttled, ValidationError
from ninja.openapi.docs import Swagger
from ninja.pagination import CursorPagination, paginate
from ninja.throttling import AnonRateThrottle
from pydantic import Field
from pydantic import ValidationError as PydanticValidationError

from .dictionary import DATASETS

PAGE_SIZE, MAX_PAGE_SIZE = 50, 100
LARGEST_ID = 2**63 - 1
POSITION = re.compile(r"\d{1,18}")


class Error(Schema):
    detail: Any = Field(description="What went wrong.")
    retry_after: int | None = Field(None, description="Seconds to wait (429 only).")


#: Every operation may answer: 400 (control characters in the address, refused site-wide), 422
#: (a parameter it does not understand), 429 (over the rate).
ERRORS = {400: Error, 422: Error, 429: Error}


class IdCursorPagination(CursorPagination):
    """ninja's cursor pagination over the id, refusing a cursor that is not one of its own."""

    class Input(Schema):
        page_size: int | None = Field(
            None, ge=1, le=MAX_PAGE_SIZE, description=f"Rows per page (default {PAGE_SIZE})."
        )
        cursor: str | None = Field(None, description="The `next` or `previous` link's cursor.")

    def __init__(self, **kwargs):
        super().__init__(ordering=("pk",), page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)

    def paginate_queryset(self, queryset, pagination, request, **params):
        try:
            cursor = self.Cursor.from_encoded_param(pagination.cursor)
        except (PydanticValidationError, ValueError):
            cursor = None
        if cursor is None or (cursor.p is not None and not POSITION.fullmatch(cursor.p)):
            raise ValidationError([{"loc": ["query", "cursor"], "msg": "Invalid cursor"}])
        return super().paginate_queryset(queryset, pagination, request, **params)


class PerAddressThrottle(AnonRateThrottle):
    """OPEN_DATA_API_RATE per client address (RATELIMIT_IP_META_KEY, as the forms' limits),
    counted in the shared cache; its per-request state is kept per thread."""

    def __init__(self):
        self._state = threading.local()
        super().__init__(settings.OPEN_DATA_API_RATE)

    def allow_request(self, request):
        self.rate = settings.OPEN_DATA_API_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request):
        address = request.META.get(settings.RATELIMIT_IP_META_KEY) or request.META.get(
            "REMOTE_ADDR", ""
        )
        return f"api-throttle:{address}"

    key = property(lambda self: self._state.key, lambda self, v: setattr(self._state, "key", v))
    history = property(
        lambda self: self._state.history, lambda self, v: setattr(self._state, "history", v)
    )
    now = property(lambda self: self._state.now, lambda self, v: setattr(self._state, "now", v))


_throttle = PerAddressThrottle()


def answer_counts(request):
    """Count a request the API answers from its cache against the client's rate; False when
    the client is over it."""
    return _throttle.allow_request(request)


api = NinjaAPI(
    title="DSI Hub API",
    version="1.0.0",
    description=(
        "Read-only access to everything published on the DSI Hub, under the licence of its open "
        "data (see /open-data/). Field names and descriptions come from the data dictionary."
    ),
    urls_namespace="api-v1",
    docs=Swagger(settings={"defaultModelsExpandDepth": 0}),
    throttle=[_throttle],
)


@api.exception_handler(Throttled)
def too_many_requests(request, exc):
    seconds = math.ceil(exc.wait) if exc.wait else None
    detail = _(
        "Too many requests from your address: the API answers %(rate)s per address. "
        "Try again in %(seconds)s seconds."
    ) % {"rate": settings.OPEN_DATA_API_RATE, "seconds": seconds or 1}
    return api.create_response(request, {"detail": detail, "retry_after": seconds}, status=429)


def item_schema(dataset):
    """The dataset's row as a ninja Schema: one field per dictionary column, read by it."""
    namespace = {"__module__": __name__, "__annotations__": {}}
    for column in dataset.columns:
        namespace["__annotations__"][column.name] = column.python_type
        namespace[column.name] = Field(description=str(column.description))
        namespace[f"resolve_{column.name}"] = staticmethod(column.read)
    name = "".join(part.title() for part in dataset.key.split("-"))
    return type(name, (Schema,), namespace)


def filters_schema(dataset):
    """The list page's filters as optional query parameters (their values are the FilterSet's
    to check)."""
    filters = dataset.filterset_class.base_filters
    namespace = {"__module__": __name__, "__annotations__": {}}
    for name, filter in filters.items():
        many = "Multiple" in type(filter).__name__
        namespace["__annotations__"][name] = list[str] | None if many else str | None
        namespace[name] = Field(None, description=str(filter.label or name))
    return type(f"{dataset.key.title().replace('-', '')}Filters", (Schema,), namespace)


def filtered_rows(dataset, request):
    rows, errors = dataset.filtered(request.GET)
    if errors:
        raise ValidationError(
            [
                {"loc": ["query", name], "msg": " ".join(messages)}
                for name, messages in errors.items()
            ]
        )
    return rows


def add_list(router, dataset, item):
    options = {
        "response": {200: list[item], **ERRORS},
        "operation_id": f"list_{dataset.key.replace('-', '_')}",
        "summary": f"List {str(dataset.title).lower()}",
        "description": str(dataset.description),
    }
    if dataset.filterset_class is None:

        @router.get("/", **options)
        @paginate(IdCursorPagination)
        def list_rows(request):
            return dataset.rows()

    else:
        filters = filters_schema(dataset)

        @router.get("/", **options)
        @paginate(IdCursorPagination)
        def list_rows(request, filters: Query[filters]):
            return filtered_rows(dataset, request)


def add_detail(router, dataset, item):
    @router.get(
        "/{id}/",
        response={200: item, 404: Error, **ERRORS},
        operation_id=f"get_{dataset.key.replace('-', '_')}",
        summary=f"One of the {str(dataset.title).lower()}, by id",
    )
    def detail(request, id: int = Path(..., ge=1, le=LARGEST_ID)):  # noqa: B008 - ninja's way
        return get_object_or_404(dataset.rows(), pk=id)


for dataset in DATASETS:
    router = Router(tags=[str(dataset.title)])
    item = item_schema(dataset)
    add_list(router, dataset, item)
    add_detail(router, dataset, item)
    api.add_router(f"/{dataset.key}", router)
