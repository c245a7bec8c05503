"""The admin's "Import resources" page: upload a CSV, see what was imported and what was not."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .models import StoryIndexPage
from .resource_import import COLUMNS, import_resources

MAX_UPLOAD = 2 * 1024 * 1024


class ResourceImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: %(columns)s. Separate several clusters or types with “;”.")
        % {"columns": ",".join(COLUMNS)},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The file must be UTF-8 text.")) from error


def import_resources_view(request):
    if not request.user.has_perm("stories.add_resource"):
        raise PermissionDenied
    report = None
    form = ResourceImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = import_resources(form.cleaned_data["file"])
        except ValueError as error:
            form.add_error("file", str(error))
    return TemplateResponse(
        request, "stories/admin/resource_import.html", {"form": form, "report": report}
    )


def write_story(request):
    """/admin/stories/write/: the "write a story" link of the dashboard, to a new blog post."""
    index = get_object_or_404(StoryIndexPage)
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return redirect("wagtailadmin_pages:add", "stories", "blogpage", index.pk)
