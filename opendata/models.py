from django.core.files.storage import default_storage
from django.db import models
from django.utils.translation import gettext_lazy as _


class Snapshot(models.Model):
    """One night's archive of every download (opendata.snapshots), in media storage."""

    day = models.DateField(_("day"), unique=True)
    file = models.CharField(_("file name in media storage"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("open-data snapshot")
        verbose_name_plural = _("open-data snapshots")

    def __str__(self):
        return self.file

    @property
    def url(self):
        return default_storage.url(self.file)

    @property
    def file_name(self):
        return self.file.rsplit("/", 1)[-1]
