"""The admin's "Import from DSI4EU" page: a moderator uploads the export's two files; the import
runs as a background job (core.jobs) and the page sends them to its progress page at once.
The page lists the recent imports with their counts and each one's full report as CSV."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from core.jobs import start_job
from core.models import Job

from .export import load_list
from .jobs import KIND, export_as_csv, may_import
from .models import ImportOutcome, Outcome
from .report import write_report

MAX_UPLOAD_MB = 50  # the real export is 1.6 MB
RECENT_IMPORTS = 10


class ExportUploadForm(forms.Form):
    organisations = forms.FileField(
        label=_("organisations.json"),
        help_text=_("The organisations file of the original platform's export."),
    )
    projects = forms.FileField(
        label=_("projects.json"),
        help_text=_("The projects file of the original platform's export."),
    )

    def clean_organisations(self):
        return self._parsed("organisations")

    def clean_projects(self):
        return self._parsed("projects")

    def _parsed(self, name):
        upload = self.cleaned_data[name]
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_MB}
            )
        try:
            return load_list(upload, upload.name)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error


def import_view(request):
    if not may_import(request.user):
        raise PermissionDenied
    form = ExportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job = start_job(
            KIND,
            file=export_as_csv(data["organisations"], data["projects"]),
            by=request.user,
            file_name=f"{request.FILES['organisations'].name}, {request.FILES['projects'].name}",
        )
        return redirect("core_job", pk=job.pk)
    context = {"form": form, "imports": _recent_imports()}
    return TemplateResponse(request, "dsi4eu/admin/import.html", context)


def report_view(request, pk):
    """The full report of import `pk` as CSV: every record, created, updated or skipped."""
    if not may_import(request.user):
        raise PermissionDenied
    job = get_object_or_404(Job, pk=pk, kind=KIND)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="dsi4eu-import-{job.pk}.csv"'
    write_report(ImportOutcome.objects.filter(job=job), response)
    return response


def _recent_imports():
    """The last imports, each with `tallies` [(outcome, number)], in two queries."""
    jobs = list(Job.objects.filter(kind=KIND).select_related("created_by")[:RECENT_IMPORTS])
    rows = (
        ImportOutcome.objects.filter(job__in=jobs)
        .values("job_id", "outcome")
        .annotate(number=Count("pk"))
        .order_by("job_id", "outcome")
    )
    tallies = {}
    for row in rows:
        tallies.setdefault(row["job_id"], []).append((Outcome(row["outcome"]).label, row["number"]))
    for job in jobs:
        job.tallies = tallies.get(job.pk, [])
    return jobs
