"""Views shared by organisations and projects: directory, page, create and edit.

Subclasses name the model, form, FilterSet, page query and services; these classes translate
HTTP (login, verified e-mail, rate limits, 403/404) and render.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView
from django_filters.views import FilterView
from wagtail.models import WorkflowState

from moderation.antispam import rate_limit

from .access import can_edit, can_view, has_verified_email, is_moderator, membership_of

CREATE_RATES = {"per_user": "10/h", "per_ip": "30/h"}
EDIT_RATES = {"per_user": "60/h", "per_ip": "120/h"}
PAGE_SIZE = 20


class ListingListView(FilterView):
    """Published listings, newest first, filtered by GET parameters and paginated."""

    paginate_by = PAGE_SIZE
    context_object_name = "listings"

    def get_queryset(self):
        return self.model.objects.published().for_cards().order_by("-first_published_at", "-pk")


class ListingDetailView(DetailView):
    """A listing's page: public once published; before that, members and moderators only."""

    context_object_name = "listing"

    def get_page_object(self, slug):
        raise NotImplementedError

    def get_object(self, queryset=None):
        listing = self.get_page_object(self.kwargs["slug"])
        if not can_view(listing, self.request.user):
            raise Http404
        return listing

    def get_context_data(self, **kwargs):
        listing, user = self.object, self.request.user
        insider = membership_of(listing, user) is not None or is_moderator(user)
        return super().get_context_data(
            kind=listing._meta.verbose_name,
            can_edit=can_edit(listing, user),
            review=review_status(listing) if insider else None,
            image_url=self.absolute_media_url(listing.logo),
            page_url=self.request.build_absolute_uri(listing.get_absolute_url()),
            **kwargs,
        )

    def absolute_media_url(self, image):
        return self.request.build_absolute_uri(image.url) if image else ""


def review_status(listing):
    """What members see about moderation: the workflow state and the moderator's comment."""
    state = listing.current_workflow_state
    status = state.status if state else ""
    comment = ""
    if status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.task_states.order_by("-finished_at", "-pk").first()
        comment = task_state.comment if task_state else ""
    return {
        "live": listing.live,
        "in_review": status == WorkflowState.STATUS_IN_PROGRESS,
        "needs_changes": status == WorkflowState.STATUS_NEEDS_CHANGES,
        "changes_pending": listing.live and listing.has_unpublished_changes,
        "comment": comment,
    }


class ListingFormMixin(LoginRequiredMixin):
    """Form handling shared by create and edit; `submitted_message` depends on the outcome."""

    model = None
    template_name = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_form_instance()
        return kwargs

    def get_form_instance(self):
        return self.model()

    def form_valid(self, form):
        listing = form.save(commit=False)
        form.save_m2m()
        try:
            outcome = self.submit(listing)
        except PermissionDenied as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        messages.success(self.request, self.submitted_message(listing, outcome))
        return redirect(listing.get_absolute_url())

    def get_context_data(self, **kwargs):
        kind = self.model._meta.verbose_name
        return super().get_context_data(kind=kind, **kwargs)


@method_decorator(rate_limit("listing-create", **CREATE_RATES), name="dispatch")
class ListingCreateView(ListingFormMixin, FormView):
    """Register a listing: login and a verified e-mail address required."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not has_verified_email(request.user):
            context = {"kind": self.model._meta.verbose_name}
            return render(
                request, "organisations/listing_email_unverified.html", context, status=403
            )
        return super().dispatch(request, *args, **kwargs)

    def submit(self, listing):
        listing = self.create_service(listing, by=self.request.user)
        return "published" if listing.live else "pending"

    def submitted_message(self, listing, outcome):
        if outcome == "published":
            return _("“%(name)s” is published.") % {"name": listing.name}
        return _(
            "Thank you! “%(name)s” is saved and waiting for a moderator. Only you and other "
            "members can see it until it is approved; we will e-mail you then."
        ) % {"name": listing.name}


@method_decorator(rate_limit("listing-edit", **EDIT_RATES), name="dispatch")
class ListingEditView(ListingFormMixin, FormView):
    """Edit a listing: owners, admins, moderators. Others: 403, or 404 if they cannot see it."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = get_object_or_404(
            self.model.objects.prefetch_related("memberships"), slug=kwargs["slug"]
        )
        if not can_edit(self.object, request.user):
            if can_view(self.object, request.user):
                raise PermissionDenied
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_instance(self):
        """The latest version (the pending one, if any), on a copy the form may change freely."""
        if self.object.latest_revision_id:
            return self.object.get_latest_revision_as_object()  # a new instance, not self.object
        return self.model.objects.get(pk=self.object.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            listing=self.object, review=review_status(self.object), **kwargs
        )

    def submit(self, listing):
        return self.update_service(listing, by=self.request.user)

    def submitted_message(self, listing, outcome):
        if outcome == "published":
            return _("Your changes are published.")
        if self.object.live:
            return _(
                "Thank you! Your changes are waiting for a moderator. The public page shows "
                "the previous version until they are approved."
            )
        return _("Thank you! Your changes are saved and waiting for a moderator.")
