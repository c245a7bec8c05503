"""Pages shared by organisations and projects: directory, listing page, create and edit.

Subclasses name the model, form, FilterSet, page query and services; the directory and page
views here translate HTTP (404 for hidden listings), the create and edit views are moderation's
(login, verified e-mail, rate limits, one-time form token) with the listing's access rules.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView

from core.content_version import cached
from moderation.kinds import ReviewedCreateView, ReviewedEditView, ReviewedListView, ReviewedViews
from moderation.lists import (  # noqa: F401 - imported from here by stories
    CachedFilterListMixin,
    CachedPaginator,
    cached_filter_form,
    filter_key,
)
from moderation.status import review_status

from . import access, confirmation
from .membership.urls import patterns_for
from .sections import listing_sections
from .services import create_listing, update_listing

MAX_PAGES = 100  # deeper than 2,000 listings, people are asked to narrow the filters


class ListingListView(ReviewedListView):
    """Published listings, newest first, filtered by GET parameters and paginated.

    What costs time on a page that is not cached whole is kept until the content changes: the
    total (one COUNT per filter), each page's rows, the list of countries, the rendered filter
    form and the cards. Pages past MAX_PAGES show a message instead of an expensive deep OFFSET.
    """

    context_object_name = "listings"
    too_deep = False

    def get_queryset(self):
        return self.model.objects.published().for_cards()

    def paginate_queryset(self, queryset, page_size):
        number = self.request.GET.get(self.page_kwarg, "")
        if number.isdigit() and int(number) > MAX_PAGES:
            self.too_deep = True
            return (None, None, [], False)
        return super().paginate_queryset(queryset, page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            kind_plural=self.model._meta.verbose_name_plural, max_pages=MAX_PAGES, **kwargs
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
    list_url_name = None
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
            list_url=reverse(self.list_url_name),
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


class ListingCreateView(ReviewedCreateView):
    """Register a listing; the person who does becomes its owner (see listings.services)."""


class ListingEditView(ReviewedEditView):
    """Edit a listing: owners, admins and moderators (listings.policy)."""

    def get_edit_queryset(self):
        return self.model.objects.prefetch_related("memberships")

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


class ListingViews(ReviewedViews):
    """The pages of one kind of listing, declared once: list, page, create, edit, membership.

        class OrganisationViews(ListingViews):
            model = Organisation
            ...

        urlpatterns = [*OrganisationViews().urlpatterns(), ...]

    gives /organisations/, /organisations/new/, /organisations/<slug>/, .../edit/ and the
    membership pages, named "<kind>-list", "<kind>-create", "<kind>-detail", "<kind>-edit"...
    A listing's page differs from other reviewed content (members, sections, a visitors' cache
    of the whole page): `page_context(listing)` takes no viewer.
    """

    structured_data = None  # staticmethod(listing, *, url, image_url, absolute) -> dict
    create_title = None  # a whole sentence: _("Register an organisation")
    create_service = staticmethod(create_listing)
    update_service = staticmethod(update_listing)

    list_view = ListingListView
    detail_view = ListingDetailView
    create_view = ListingCreateView
    edit_view = ListingEditView

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

    def more_patterns(self):
        return [*patterns_for(self.model), *self.confirmation_patterns()]

    def detail_page(self):
        context = {"structured_data": self.structured_data, "page_context": self.page_context}
        return self.page("<slug:slug>/", "detail", self.detail_view, **context)
