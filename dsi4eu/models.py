"""What the import of the original platform remembers between runs.

`LegacyRecord` maps a record of the export (kind and original id) to the listing it became, or
to the listing it was found to duplicate, with a fingerprint of the record as it was imported:
a re-run knows what it did before without new fields on the listing models. `ImportOutcome`
is one line of an admin upload's report (created, updated or skipped, and why).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecordKind(models.TextChoices):
    ORGANISATION = "organisation", _("organisation")
    PROJECT = "project", _("project")


class Outcome(models.TextChoices):
    CREATED = "created", _("created")
    UPDATED = "updated", _("updated")
    SKIPPED = "skipped", _("skipped")


class LegacyRecord(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=RecordKind.choices)
    legacy_id = models.CharField(_("original id"), max_length=40)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    project = models.ForeignKey(
        "projects.Project", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # True when the record matched a listing that was already there (not made by the import).
    duplicate = models.BooleanField(_("duplicate of an existing listing"), default=False)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")
        constraints = [
            models.UniqueConstraint(fields=["kind", "legacy_id"], name="one_record_per_legacy_id")
        ]

    def __str__(self):
        return f"{self.kind} {self.legacy_id}"

    @property
    def listing(self):
        return self.organisation if self.kind == RecordKind.ORGANISATION else self.project


class ImportOutcome(models.Model):
    """One record's line in the report of an import run from the admin (a core.Job)."""

    job = models.ForeignKey("core.Job", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=RecordKind.choices)
    legacy_id = models.CharField(_("original id"), max_length=40)
    name = models.CharField(_("name"), max_length=255)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    reason = models.TextField(_("reason"), blank=True)
    url = models.CharField(_("listing"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("import outcome")
        verbose_name_plural = _("import outcomes")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.kind} {self.legacy_id}: {self.outcome}"
