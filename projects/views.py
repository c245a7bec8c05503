from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from listings.views import ListingDetailView, ListingViews
from organisations.models import Organisation

from . import services
from .filters import ProjectFilterSet
from .forms import ProjectForm
from .models import Project
from .structured_data import project_data


class ProjectDetailView(ListingDetailView):
    """A project's page; a logged-in viewer also sees the partners that are their own
    organisations still awaiting review (the submitter's preview), which no one else sees."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        viewer = self.request.user
        own_pending = Organisation.objects.none()
        if self.standing.is_member:  # the project's own people, its submitter among them
            own_pending = Organisation.objects.filter(projects=self.object, live=False)
            own_pending = own_pending.with_member(viewer).order_by("name")
        context["own_pending_partners"] = own_pending
        return context


class ProjectViews(ListingViews):
    """Projects add no page context of their own: their organisations come with for_page().
    Naming partners tells them (projects.services), and their owners may decline."""

    model = Project
    form_class = ProjectForm
    structured_data = staticmethod(project_data)
    filterset_class = ProjectFilterSet
    create_title = gettext_lazy("Register a project")
    create_service = staticmethod(services.create_project)
    update_service = staticmethod(services.update_project)
    detail_view = ProjectDetailView

    def more_patterns(self):
        decline = path(
            "<slug:slug>/partners/<slug:org>/decline/",
            decline_partner,
            name="project-decline-partner",
        )
        return [*super().more_patterns(), decline]


@login_required
@require_http_methods(["GET", "POST"])
def decline_partner(request, slug, org):
    """An owner of `org` declines to be named as a partner of the project `slug`."""
    project = get_object_or_404(Project, slug=slug)
    organisation = get_object_or_404(Organisation, slug=org)
    if not services.may_decline(organisation, request.user):
        raise PermissionDenied(_("Only the organisation’s owners can decline this link."))
    if request.method == "POST" and services.decline_partnership(
        project, organisation, by=request.user
    ):
        messages.success(
            request,
            _("“%(project)s” no longer names %(organisation)s as a partner.")
            % {"project": project, "organisation": organisation},
        )
        return redirect(organisation.get_absolute_url())
    linked = organisation.pk in services.named_partner_ids(project)
    context = {"project": project, "organisation": organisation, "linked": linked}
    return render(request, "projects/project_decline_partner.html", context)
