"""Funding pages: the open calls and the archive, a call's page, submit and edit, saved calls."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from listings.views import CachedFilterListMixin
from moderation.status import review_status
from moderation.views import ModeratedCreateView, ModeratedEditView

from . import services
from .choices import CallStatus
from .filters import FundingCallFilterSet
from .forms import FundingCallForm
from .models import FundingCall
from .structured_data import call_data

PAGE_SIZE = 20


class FundingCallListView(CachedFilterListMixin, FilterView):
    """Open calls, closing soonest first (rolling last); `?status=closed` is the archive."""

    filterset_class = FundingCallFilterSet
    template_name = "funding/fundingcall_list.html"
    context_object_name = "calls"
    paginate_by = PAGE_SIZE
    cache_for_visitors = True

    def showing_closed(self):
        return self.request.GET.get("status") == CallStatus.CLOSED

    def get_queryset(self):
        calls = FundingCall.objects.published().for_cards()
        if self.showing_closed():
            return calls.closed().by_latest_deadline()
        return calls.open().by_deadline()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            showing_closed=self.showing_closed(),
            list_url=self.request.path,
            filter_form=self.filter_form_html(),
            **kwargs,
        )


class FundingCallDetailView(DetailView):
    """A call's page: public once published; before that, its submitter and moderators."""

    template_name = "funding/fundingcall_detail.html"
    context_object_name = "call"
    cache_for_visitors = True

    def get_object(self, queryset=None):
        call = get_object_or_404(FundingCall.objects.for_page(), slug=self.kwargs["slug"])
        if not call.live and not call.may_preview(self.request.user):
            raise Http404
        return call

    def get_context_data(self, **kwargs):
        call, user = self.object, self.request.user
        page_url = self.request.build_absolute_uri(call.get_absolute_url())
        insider = call.may_preview(user)
        return super().get_context_data(
            can_edit=call.may_edit(user),
            review=review_status(call) if insider else None,
            is_saved=user.is_authenticated and call.saves.filter(user=user).exists(),
            structured_data=call_data(call, url=page_url),
            **kwargs,
        )


class FundingCallFormMixin:
    model = FundingCall
    form_class = FundingCallForm
    template_name = "funding/fundingcall_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}


class FundingCallCreateView(FundingCallFormMixin, ModeratedCreateView):
    create_service = staticmethod(services.create_call)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=gettext_lazy("Share a funding call"),
            cancel_url=reverse("funding:index"),
            **kwargs,
        )


class FundingCallEditView(FundingCallFormMixin, ModeratedEditView):
    update_service = staticmethod(services.update_call)

    def may_edit(self, obj, user):
        return obj.may_edit(user)

    def may_view(self, obj, user):
        return obj.live or obj.may_preview(user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Edit %(title)s") % {"title": self.object.title},
            cancel_url=self.object.get_absolute_url(),
            call=self.object,
            **kwargs,
        )


# Saved calls -------------------------------------------------------------------------------


@require_POST
@login_required
def save_call(request, slug):
    call = get_object_or_404(FundingCall.objects.published(), slug=slug)
    services.save_call(call, user=request.user)
    messages.success(
        request,
        _("“%(title)s” is saved. We will remind you before it closes.") % {"title": call},
    )
    return redirect(_back(request, call))


@require_POST
@login_required
def unsave_call(request, slug):
    call = get_object_or_404(FundingCall.objects.all(), slug=slug)
    services.unsave_call(call, user=request.user)
    messages.success(request, _("“%(title)s” is no longer saved.") % {"title": call})
    return redirect(_back(request, call))


def _back(request, call):
    """Where the button was (the call's page or the saved list), never another site."""
    target = request.POST.get("next", "")
    # A path only: redirect() would take anything else ("zz") for a view name to reverse.
    same_site = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    if same_site and target.startswith("/"):
        return target
    return call.get_absolute_url()


class SavedCallListView(LoginRequiredMixin, ListView):
    template_name = "funding/saved_list.html"
    context_object_name = "calls"
    paginate_by = 50

    def get_queryset(self):
        return (
            FundingCall.objects.published()
            .for_cards()
            .filter(saves__user=self.request.user)
            .by_deadline()
        )
