from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField


class ClusterQuerySet(models.QuerySet):
    def for_listing(self):
        """Clusters with everything their cards and pages show: the area and the leads."""
        return self.select_related("area").prefetch_related("leads")


class Cluster(models.Model):
    """A thematic cluster: one per cluster area of impact, coordinated by one organisation."""

    title = models.CharField(_("title"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Used in the cluster's web address; fixed once the cluster is created."),
    )
    area = models.OneToOneField(
        "taxonomy.AreaOfImpact",
        on_delete=models.PROTECT,
        related_name="cluster",
        verbose_name=_("area of impact"),
    )
    coordinator = models.CharField(
        _("coordinator"),
        max_length=200,
        help_text=_("The name of the organisation leading the cluster."),
    )
    intro = models.CharField(_("introduction"), max_length=300)
    body = RichTextField(_("body"), blank=True)
    leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="led_clusters",
        verbose_name=_("cluster leads"),
    )
    get_in_touch = models.EmailField(_("get-in-touch e-mail"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    objects = ClusterQuerySet.as_manager()

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("clusters:cluster-detail", kwargs={"slug": self.slug})
