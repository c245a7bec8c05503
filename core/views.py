"""The progress page of a background job in the Wagtail admin (/admin/jobs/<id>/)."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from .jobs import known_job_kind
from .models import Job

REFRESH_SECONDS = 2


def job_detail(request, pk):
    """Progress while the job runs (the page reloads itself), then the per-row report.

    Only the person who started the job and holders of core.view_job (editors, superusers)
    see it; anyone else gets a 404, as for a job that does not exist.
    """
    job = get_object_or_404(Job.objects.visible_to(request.user), pk=pk)
    kind = known_job_kind(job.kind)
    return TemplateResponse(
        request,
        "core/job_detail.html",
        {
            "job": job,
            "kind": kind,
            "refresh_seconds": None if job.finished else REFRESH_SECONDS,
        },
    )
