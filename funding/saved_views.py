"""Saved calls: save and unsave buttons (POST) and the person's list; reminders are in
funding.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from . import services
from .models import FundingCall


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
