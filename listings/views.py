"""Pages shared by organisations and projects: directory, listing page, create and edit.

Subclasses name the model, form, FilterSet, page query and services; the directory and page
views here translate HTTP (404 for hidden listings), the create and edit views are moderation's
(login, verified e-mail, rate limits, one-time form token) with the listing's access rules.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.content_version import cached
from moderation.status import review_status
from moderation.views import ModeratedCreateView, ModeratedEditView

from . import access, confirmation
from .membership.urls import patterns_for
from .sections import listing_sections
from .services import create_listing, update_listing

PAGE_SIZE = 20
MAX_PAGES = 100  # deeper than 2,000 listings, people are asked to narrow the filters
FILTER_PARAMETERS = ("q", "area", "technology", "focus", "country", "status")


class CachedPaginator(Paginator):
    """A paginator that reads a filtered list once per content version: the total once per
    filter (`key`), and each page's rows once per filter and page number.

    `key` must name everything the list depends on (model, language, filter values). The day
    is part of a page's key, for lists that depend on the date (upcoming events, open calls);
    within a day the cache's expiry bounds how long an event that has just ended stays listed,
    as with the page cache.
    """

    def __init__(self, *args, key, **kwargs):
        super().__init__(*args, **kwargs)
        self.key = key

    @cached_property
    def count(self):
        return cached("directory-count", self.key, self._count_rows)

    def _count_rows(self):
        return Paginator.count.func(self)

    def page(self, number):
        page = super().page(number)
        day = timezone.localdate().isoformat()
        parts = (*self.key, page.number, self.per_page, day)
        page.object_list = cached("list-page", parts, lambda: list(page.object_list))
        return page


def filter_key(filterset, request):
    """What a filtered list's cached parts are kept under: the model, the language and the
    filter's own parameters with their values (not the page number, not junk)."""
    names = sorted(filterset.form.fields)
    values = tuple((name, tuple(request.GET.getlist(name))) for name in names)
    return (filterset.queryset.model._meta.label, get_language(), values)


def cached_filter_form(
    filterset, key, list_url, template_name="components/listing_filter_form.html"
):
    """The filter form rendered once per `key` (see `filter_key`), address and content version:
    its selects are most of a list page's rendering time."""
    context = {"filterset": filterset, "list_url": list_url}
    return cached("filter-form", (*key, list_url), lambda: render_to_string(template_name, context))


class CachedFilterListMixin:
    """For a list view with a FilterSet in `self.filterset`: what stays the same until the
    content changes is kept in the cache.

    The total and each page of rows are read once per filter values and content version
    (`CachedPaginator`), and the filter form is rendered once per filter values, language and
    content version (`cached_filter_form`). Used by the directory, events, funding and resources.
    """

    paginator_class = CachedPaginator
    filter_form_template = "components/listing_filter_form.html"

    def filter_key(self):
        return filter_key(self.filterset, self.request)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return self.paginator_class(
            queryset, per_page, orphans=orphans, key=self.filter_key(), **kwargs
        )

    def filter_form_html(self):
        key, path = self.filter_key(), self.request.path
        return cached_filter_form(self.filterset, key, path, self.filter_form_template)


class ListingListView(CachedFilterListMixin, FilterView):
    """Published listings, newest first, filtered by GET parameters and paginated.

    What costs time on a page that is not cached whole is kept until the content changes: the
    total (one COUNT per filter), each page's rows, the list of countries, the rendered filter
    form and the cards. Pages past MAX_PAGES show a message instead of an expensive deep OFFSET.
    """

    paginate_by = PAGE_SIZE
    context_object_name = "listings"
    template_name_suffix = "_list"  # organisations/organisation_list.html
    cache_for_visitors = True  # the same page for every anonymous visitor (core.page_cache)
    too_deep = False

    def get_queryset(self):
        return self.model.objects.published().for_cards().order_by("-first_published_at", "-pk")

    def filter_key(self):
        params = sorted((name, self.request.GET.get(name, "")) for name in FILTER_PARAMETERS)
        return (self.model._meta.label, get_language(), tuple(params))

    def paginate_queryset(self, queryset, page_size):
        number = self.request.GET.get(self.page_kwarg, "")
        if number.isdigit() and int(number) > MAX_PAGES:
            self.too_deep = True
            return (None, None, [], False)
        return super().paginate_queryset(queryset, page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            kind_plural=self.model._meta.verbose_name_plural,
            filter_form=self.filter_form_html(),
            max_pages=MAX_PAGES,
            **kwargs,
        )
        context["too_deep"] = self.too_deep  # known once super() has paginated
        return context


class ListingDetailView(DetailView):
    """A listing's page: public once published; before that, members and moderators only.

    The row and its relations come from `Model.objects.for_page()`; `structured_data(listing,
    url=, image_url=, absolute=)` gives the page's JSON-LD and `page_context(listing)` adds what
    only this kind shows.
    """

    context_object_name = "listing"
    structured_data = None
    page_context = None
    cache_for_visitors = True

    def get_object(self, queryset=None):
        viewer = self.request.user
        if viewer.is_authenticated:
            self.shown = None
            listing = self.read_listing()
        else:
            self.shown = self.shown_to_visitors()
            listing = self.shown["listing"]
        self.standing = access.standing(listing, viewer)
        if not self.standing.can_view(listing):
            raise Http404
        return listing

    def read_listing(self):
        return get_object_or_404(self.model.objects.for_page(), slug=self.kwargs["slug"])

    def shown_to_visitors(self):
        """The listing and what its page shows anyone not logged in, kept until the content
        changes (or the day does: events and funding sections look ahead). Logged-in people
        may be members or moderators and see more, so their pages are read afresh."""
        opts = self.model._meta
        parts = (opts.label, self.kwargs["slug"], get_language(), timezone.localdate().isoformat())
        return cached("listing-page", parts, self.read_for_visitors)

    def read_for_visitors(self):
        listing = self.read_listing()
        if not listing.live:  # visitors get a 404 (access.Standing.can_view)
            return {"listing": listing}
        return {
            "listing": listing,
            "kind_context": self.page_context(listing) if self.page_context else {},
            "sections": listing_sections(listing, self.request.user),
        }

    def get_context_data(self, **kwargs):
        listing, standing = self.object, self.standing
        insider = standing.is_member or standing.site_moderator
        opts = listing._meta
        context = super().get_context_data(
            kind=opts.verbose_name,
            listing_kind=opts.model_name,
            list_url=reverse(f"{opts.app_label}:{opts.model_name}-list"),
            can_edit=standing.can_manage,
            review=review_status(listing) if insider else None,
            image_url=self.absolute_media_url(listing.logo),
            page_url=self.request.build_absolute_uri(listing.get_absolute_url()),
            **kwargs,
        )
        if self.shown:
            context.update(self.shown["kind_context"])
            context["extra_sections"] = self.shown["sections"]
        else:
            context.update(self.page_context(listing) if self.page_context else {})
            context["extra_sections"] = listing_sections(listing, self.request.user)
        context["structured_data"] = self.structured_data(
            listing,
            url=context["page_url"],
            image_url=context["image_url"],
            absolute=self.request.build_absolute_uri,
        )
        return context

    def absolute_media_url(self, image):
        return self.request.build_absolute_uri(image.url) if image else ""


class ListingFormPageMixin:
    """What the shared form page (templates/listings/form.html) needs besides the form.

    The page is `<app>/<model>_form.html`; the form gets the person filling it in as `user`.
    """

    def get_template_names(self):
        opts = self.model._meta
        return [f"{opts.app_label}/{opts.model_name}_form.html"]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=self.page_title(),
            cancel_url=self.cancel_url(),
            places_url=reverse("taxonomy:place-search"),
            **kwargs,
        )


class ListingCreateView(ListingFormPageMixin, ModeratedCreateView):
    """Register a listing; the person who does becomes its owner (see listings.services)."""

    create_title = None  # a whole sentence per kind: _("Register an organisation")

    def page_title(self):
        return self.create_title

    def cancel_url(self):
        opts = self.model._meta
        return reverse(f"{opts.app_label}:{opts.model_name}-list")


class ListingEditView(ListingFormPageMixin, ModeratedEditView):
    """Edit a listing: owners, admins and moderators."""

    def page_title(self):
        return _("Edit %(name)s") % {"name": self.object.name}

    def cancel_url(self):
        return self.object.get_absolute_url()

    def get_edit_queryset(self):
        return self.model.objects.prefetch_related("memberships")

    def may_edit(self, obj, user):
        return access.can_edit(obj, user)

    def may_view(self, obj, user):
        return access.can_view(obj, user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(listing=self.object, **kwargs)


class ListingConfirmView(LoginRequiredMixin, View):
    """The yearly "still current?" link: GET asks, POST confirms (owners and admins only)."""

    listing_model = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.listing = get_object_or_404(
            self.listing_model.objects.published(), slug=kwargs["slug"]
        )
        if not self.listing_model.objects.managed_by(request.user).filter(pk=self.listing.pk):
            raise PermissionDenied(_("Only the owners and admins can confirm this listing."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, slug, token):
        return self.render(token_valid=confirmation.token_is_valid(self.listing, token))

    def post(self, request, slug, token):
        if not confirmation.token_is_valid(self.listing, token):
            return self.render(token_valid=False)
        confirmation.confirm_listing(self.listing, by=request.user)
        messages.success(
            request,
            _("Thank you for confirming that “%(name)s” is up to date.") % {"name": self.listing},
        )
        return redirect(self.listing)

    def render(self, *, token_valid):
        opts = self.listing._meta
        context = {
            "listing": self.listing,
            "token_valid": token_valid,
        }
        return render(
            self.request,
            f"{opts.app_label}/{opts.model_name}_confirm.html",
            context,
            status=200 if token_valid else 400,
        )


class ListingViews:
    """The pages of one kind of listing, declared once: list, page, create, edit, membership.

        class OrganisationViews(ListingViews):
            model = Organisation
            ...

        urlpatterns = [*OrganisationViews().urlpatterns(), ...]

    gives /organisations/, /organisations/new/, /organisations/<slug>/, .../edit/ and the
    membership pages, named "<kind>-list", "<kind>-create", "<kind>-detail", "<kind>-edit"...
    """

    model = None
    form_class = None
    filterset_class = None
    structured_data = None  # staticmethod(listing, *, url, image_url, absolute) -> dict
    create_title = None  # a whole sentence: _("Register an organisation")
    create_service = staticmethod(create_listing)
    update_service = staticmethod(update_listing)

    def page_context(self, listing):
        """What only this kind's page shows (a dict added to the template context)."""
        return {}

    def confirmation_patterns(self):
        """The yearly "still current?" link, for kinds that ask for it (listings.confirmation)."""
        if not self.model.asks_yearly_confirmation:
            return []
        return [
            path(
                "<slug:slug>/confirm/<str:token>/",
                ListingConfirmView.as_view(listing_model=self.model),
                name=f"{self.model._meta.model_name}-confirm",
            )
        ]

    def urlpatterns(self):
        kind = self.model._meta.model_name
        common = {"model": self.model}
        form = {**common, "form_class": self.form_class}
        return [
            path(
                "",
                ListingListView.as_view(**common, filterset_class=self.filterset_class),
                name=f"{kind}-list",
            ),
            path(
                "new/",
                ListingCreateView.as_view(
                    **form, create_service=self.create_service, create_title=self.create_title
                ),
                name=f"{kind}-create",
            ),
            *patterns_for(self.model),
            *self.confirmation_patterns(),
            path(
                "<slug:slug>/",
                ListingDetailView.as_view(
                    **common, structured_data=self.structured_data, page_context=self.page_context
                ),
                name=f"{kind}-detail",
            ),
            path(
                "<slug:slug>/edit/",
                ListingEditView.as_view(**form, update_service=self.update_service),
                name=f"{kind}-edit",
            ),
        ]
