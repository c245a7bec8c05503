"""Wagtail admin: the "Claims" queue (in the Moderation menu).

Imported by organisations/wagtail_hooks.py, which is where Wagtail looks for hooks.
"""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from moderation.admin_views import AdminQueueView
from moderation.wagtail_hooks import MODERATION_MENU_HOOK, PermissionMenuItem

from . import claims
from .claim_forms import ClaimRejectForm

URL_NAMESPACE = "organisation_claims"


class ClaimPermissionMixin(PermissionRequiredMixin):
    """Moderators only (organisations/migrations/0004_claim_permissions.py); Wagtail's admin
    wrapper turns the PermissionDenied into a redirect with a message."""

    permission_required = "organisations.view_claim"


class OpenClaimMixin(ClaimPermissionMixin):
    permission_required = "organisations.change_claim"

    @cached_property
    def claim(self):
        return get_object_or_404(claims.open_claims(), pk=self.kwargs["pk"])

    def index_url(self):
        return reverse(f"{URL_NAMESPACE}:index")


class ClaimQueueView(ClaimPermissionMixin, AdminQueueView):
    template_name = "organisations/claim_queue.html"
    page_title = gettext_lazy("Claims")
    header_icon = "user"
    rows_name = "claims"

    def rows(self):
        return claims.open_claims().annotate(member_count=Count("organisation__memberships"))

    def annotate(self, rows, finder):
        for claim in rows:
            claim.edit_url = finder.get_edit_url(claim.organisation)
        return rows


class ClaimApproveView(OpenClaimMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            claims.approve_claim(self.claim, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(user)s is now the owner of “%(name)s”; they were told by e-mail.")
                % {"user": self.claim.user, "name": self.claim.organisation},
            )
        return redirect(self.index_url())


class ClaimRejectView(OpenClaimMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "organisations/claim_reject.html"
    form_class = ClaimRejectForm
    header_icon = "user"

    def get_page_title(self):
        return _("Reject the claim on “%(name)s”") % {"name": self.claim.organisation}

    def get_breadcrumbs_items(self):
        queue = {"url": self.index_url(), "label": _("Claims")}
        return [*self.breadcrumbs_items, queue, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(claim=self.claim, **kwargs)

    def form_valid(self, form):
        try:
            claims.reject_claim(
                self.claim, by=self.request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
        else:
            messages.success(
                self.request,
                _("The claim on “%(name)s” was rejected; %(user)s was told why by e-mail.")
                % {"user": self.claim.user, "name": self.claim.organisation},
            )
        return redirect(self.index_url())


class ClaimQueueMenuItem(PermissionMenuItem):
    permission = "organisations.view_claim"


class ClaimQueueViewSet(ViewSet):
    name = URL_NAMESPACE
    url_prefix = "moderation/claims"
    icon = "user"
    menu_label = gettext_lazy("Claims")
    menu_hook = MODERATION_MENU_HOOK
    menu_item_class = ClaimQueueMenuItem

    def get_urlpatterns(self):
        return [
            path("", ClaimQueueView.as_view(), name="index"),
            path("<int:pk>/approve/", ClaimApproveView.as_view(), name="approve"),
            path("<int:pk>/reject/", ClaimRejectView.as_view(), name="reject"),
        ]


@hooks.register("register_admin_viewset")
def register_claim_queue():
    return ClaimQueueViewSet()
