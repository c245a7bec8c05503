"""The admin's "Load a DSI Index edition" page: a workbook or three CSV files, checked whole.

An edition is small (tens of cities × tens of indicators), so it is read, checked and written
in the request, in one transaction: either every row is right and the edition is computed, or
the page lists each refused row and nothing is written.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from moderation.roles import is_editor

from .loading import TablesError, load_edition, read_tables, rows_from_csv, rows_from_workbook

MAX_UPLOAD_MB = 10


class EditionUploadForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2200)
    title = forms.CharField(label=_("Title"), max_length=200)
    licence = forms.CharField(label=_("Licence"), max_length=200, initial="CC BY 4.0")
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    synthetic = forms.BooleanField(label=_("The figures are synthetic (made up)"), required=False)
    publish = forms.BooleanField(label=_("Publish at once"), required=False)
    workbook = forms.FileField(
        label=_("Excel workbook"),
        required=False,
        help_text=_("With the sheets “themes”, “indicators” and “values” (see the docs)."),
    )
    themes = forms.FileField(label=_("or: themes CSV"), required=False)
    indicators = forms.FileField(label=_("indicators CSV"), required=False)
    values = forms.FileField(label=_("values CSV"), required=False)

    def clean(self):
        data = super().clean()
        files = [data.get(name) for name in ("workbook", "themes", "indicators", "values")]
        for upload in filter(None, files):
            if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
                raise forms.ValidationError(
                    _("A file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_MB}
                )
        if not data.get("workbook") and not all(files[1:]):
            raise forms.ValidationError(_("Upload a workbook, or the three CSV files."))
        return data

    def tables(self):
        data = self.cleaned_data
        if data.get("workbook"):
            return rows_from_workbook(data["workbook"])
        return rows_from_csv({name: data[name] for name in ("themes", "indicators", "values")})


def upload_edition(request):
    if not is_editor(request.user):
        raise PermissionDenied
    form = EditionUploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            checked = read_tables(form.tables())
        except TablesError as error:
            form.add_error(None, str(error))
        else:
            problems = checked.problems
            if not problems:
                data = form.cleaned_data
                edition = load_edition(
                    checked,
                    year=data["year"],
                    title=data["title"],
                    licence=data["licence"],
                    source=data["source"],
                    synthetic=data["synthetic"],
                    published=data["publish"],
                )
                messages.success(
                    request,
                    _("%(edition)s is loaded: %(cities)s cities ranked.")
                    % {"edition": edition, "cities": edition.cities.count()},
                )
                return redirect("wagtailsnippets_dsiindex_edition:list")
    return TemplateResponse(
        request, "dsiindex/admin/upload.html", {"form": form, "problems": problems}
    )
