"""Background jobs: long work started from a request (a CSV import) that runs in Celery.

A `Job` is the request's receipt: the uploaded file, who started it, where it stands
(queued → running → done or failed), its counts and a per-row report of the rows that were not
processed. The progress page reads it; `core.run_job` writes it once per batch, in the batch's
own transaction, so the counts always say exactly which rows are done (see core.jobs).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Uploaded job files are private: the `pending/` prefix of media storage is never served as it
# is (see docs/operations.md), so a job's file is read only by the worker.
JOB_FILES = "pending/jobs"
# The report keeps the first rows that failed; a file of 100,000 bad rows stores no more.
MAX_REPORTED_ROWS = 1000


def job_file_name(job, filename):
    return f"{JOB_FILES}/{uuid.uuid4().hex}.csv"


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class JobQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The jobs `user` may follow: their own, and every job for holders of core.view_job."""
        if user.is_superuser or user.has_perm("core.view_job"):
            return self
        return self.filter(created_by=user) if user.is_authenticated else self.none()


class Job(models.Model):
    kind = models.CharField(_("kind"), max_length=60)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    file = models.FileField(_("file"), upload_to=job_file_name, max_length=200)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    total = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    processed = models.PositiveIntegerField(_("rows processed"), default=0)
    succeeded = models.PositiveIntegerField(_("rows done"), default=0)
    failed = models.PositiveIntegerField(_("rows refused"), default=0)
    # [{"line": 12, "label": "Guide 3", "reasons": ["title: …"]}, …], at most MAX_REPORTED_ROWS.
    report = models.JSONField(_("report"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} #{self.pk}"

    @property
    def finished(self):
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self):
        if not self.total:
            return 100 if self.finished else 0
        return min(100, round(100 * self.processed / self.total))

    @property
    def unreported(self):
        """Refused rows beyond the stored report."""
        return max(0, self.failed - len(self.report))
