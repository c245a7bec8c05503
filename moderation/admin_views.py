"""The moderators' pages in the Wagtail admin: the report queue (open reports grouped per subject,
and resolving them) and the pending changes, each with its field-by-field review page."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import moderated_models
from .queries import describe_report_groups, open_report_groups, open_reports_about
from .reports import reportable_labels, resolve_reports_about
from .review import compare, pending_changes
from .roles import is_moderator


class ReportPaginator(WagtailPaginator):
    verbose_name = gettext_lazy("reported item")
    verbose_name_plural = gettext_lazy("reported items")


class ReportPermissionMixin(PermissionRequiredMixin):
    """Moderators only: the Moderators group holds these permissions (see migration 0003).

    Wagtail's admin wrapper turns the PermissionDenied into a redirect with a message.
    """

    permission_required = "moderation.view_report"


class AdminQueueView(WagtailAdminTemplateMixin, TemplateView):
    """A queue page in the Wagtail admin (reports here, organisation claims): `rows()` paginated
    50 a page (`?p=`), each given its admin links by `annotate(rows, finder)` (the page:
    templates/moderation/admin_queue.html)."""

    paginate_by = 50
    paginator_class = WagtailPaginator
    rows_name = "rows"  # the page's rows in the template

    def rows(self):
        raise NotImplementedError

    def annotate(self, rows, finder):
        """Add what the template links to (the admin's edit pages); `rows` is the page's."""
        return rows

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = self.paginator_class(self.rows(), self.paginate_by)
        page_number = self.request.GET.get("p", 1)
        page = paginator.get_page(page_number)
        finder = AdminURLFinder(self.request.user)
        context.update(
            {self.rows_name: self.annotate(page.object_list, finder)},
            page_obj=page,
            elided_page_range=paginator.get_elided_page_range(page_number),
        )
        return context


class ReportQueueView(ReportPermissionMixin, AdminQueueView):
    template_name = "moderation/report_queue.html"
    page_title = gettext_lazy("Reports")
    header_icon = "warning"
    paginator_class = ReportPaginator
    rows_name = "groups"

    def rows(self):
        return open_report_groups()

    def annotate(self, rows, finder):
        groups = describe_report_groups(rows)
        for group in groups:
            _add_links(group, finder)
        return groups


class ReportSubjectView(ReportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every open report about one subject, with the reporters' words."""

    template_name = "moderation/report_subject.html"
    header_icon = "warning"

    @cached_property
    def content_type(self):
        return _reportable_content_type(self.kwargs["content_type_id"])

    @cached_property
    def reports(self):
        reports = list(open_reports_about(self.content_type, self.kwargs["object_id"]))
        if not reports:
            raise Http404
        return reports

    def get_page_title(self):
        return _("Reports about “%(label)s”") % {"label": self.reports[0].subject_label}

    def get_breadcrumbs_items(self):
        queue = {"url": reverse("moderation_reports:index"), "label": _("Reports")}
        return [*self.breadcrumbs_items, queue, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        model = self.content_type.model_class()
        subject = model._default_manager.filter(pk=self.kwargs["object_id"]).first()
        context.update(
            reports=self.reports,
            subject=subject,
            public_url=_public_url(subject),
            edit_url=AdminURLFinder(self.request.user).get_edit_url(subject) if subject else None,
            content_type_id=self.content_type.pk,
            object_id=self.kwargs["object_id"],
        )
        return context


class ResolveReportsView(ReportPermissionMixin, View):
    """POST: mark every open report about one subject resolved."""

    permission_required = "moderation.change_report"
    http_method_names = ["post"]

    def post(self, request, content_type_id, object_id):
        content_type = _reportable_content_type(content_type_id)
        count = resolve_reports_about(content_type, object_id, by=request.user)
        messages.success(
            request,
            ngettext(
                "%(count)d report marked resolved.", "%(count)d reports marked resolved.", count
            )
            % {"count": count},
        )
        return redirect("moderation_reports:index")


def _reportable_content_type(content_type_id):
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    if f"{content_type.app_label}.{content_type.model}" not in reportable_labels():
        raise Http404
    return content_type


def _public_url(subject):
    if subject is None or not hasattr(subject, "get_absolute_url"):
        return None
    return subject.get_absolute_url()


def _add_links(group, finder):
    group.public_url = _public_url(group.subject)
    group.edit_url = finder.get_edit_url(group.subject) if group.subject else None
    group.detail_url = reverse(
        "moderation_reports:subject", args=[group.content_type.pk, group.object_id]
    )
    group.resolve_url = reverse(
        "moderation_reports:resolve", args=[group.content_type.pk, group.object_id]
    )


class ModeratorRequiredMixin:
    """Moderators only (roles.is_moderator): anyone else with admin access gets a 403."""

    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PendingChangesView(ModeratorRequiredMixin, AdminQueueView):
    """Every submission and edit awaiting review, whatever its kind, each with its review page."""

    template_name = "moderation/pending_changes.html"
    page_title = gettext_lazy("Pending changes")
    header_icon = "tasks"

    def rows(self):
        return pending_changes()

    def annotate(self, rows, finder):
        return [_with_review_link(state) for state in rows]


class ReviewChangesView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """One pending change, field by field: the live version against the proposed one."""

    template_name = "moderation/review_changes.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = None  # found in get(), after the moderator check in dispatch()

    def get(self, request, content_type_id, object_id):
        self.object = _moderated_object(content_type_id, object_id)
        return super().get(request)

    def get_page_title(self):
        return _("Review “%(name)s”") % {"name": self.object}

    def get_breadcrumbs_items(self):
        queue = {"url": reverse("moderation_reviews:index"), "label": _("Pending changes")}
        return [*self.breadcrumbs_items, queue, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            object=self.object,
            comparison=compare(self.object),
            kind=self.object._meta.verbose_name,
            workflow_state=self.object.current_workflow_state,
            edit_url=AdminURLFinder(self.request.user).get_edit_url(self.object),
            public_url=_public_url(self.object),
        )


def _with_review_link(state):
    obj = state.content_object
    state.review_url = review_url(obj) if obj is not None else None
    state.is_new = obj is not None and not obj.live
    return state


def _moderated_object(content_type_id, object_id):
    model = get_object_or_404(ContentType, pk=content_type_id).model_class()
    if model not in moderated_models():
        raise Http404
    return get_object_or_404(model, pk=object_id)


def review_url(obj):
    """The review page of `obj`'s pending change (any moderated model)."""
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("moderation_reviews:review", args=[content_type.pk, obj.pk])
