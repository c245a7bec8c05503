"""The admin's "Import resources" page: upload a CSV; the import runs as a background job
(core.jobs) and the page sends the editor to its progress page at once."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from core.jobs import check_header, start_job

from .models import StoryIndexPage
from .resource_import import COLUMNS, KIND, may_import

MAX_UPLOAD_MB = 50  # 100,000 rows with a paragraph of description each


class ResourceImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: %(columns)s. Separate several clusters or types with “;”. Up to %(mb)s MB."
        )
        % {"columns": ",".join(COLUMNS), "mb": MAX_UPLOAD_MB},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_MB}
            )
        try:
            check_header(upload, COLUMNS)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        return upload


def import_resources_view(request):
    if not may_import(request.user):
        raise PermissionDenied
    form = ResourceImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = start_job(KIND, file=form.cleaned_data["file"], by=request.user)
        return redirect("core_job", pk=job.pk)
    return TemplateResponse(request, "stories/admin/resource_import.html", {"form": form})


def write_story(request):
    """/admin/stories/write/: the "write a story" link of the dashboard, to a new blog post."""
    index = get_object_or_404(StoryIndexPage)
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return redirect("wagtailadmin_pages:add", "stories", "blogpage", index.pk)
