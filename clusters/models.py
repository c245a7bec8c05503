from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from core.text import PlainTextCharField

LEADS_GROUP = "Cluster leads"


class ClusterQuerySet(models.QuerySet):
    def for_listing(self):
        """Clusters with everything their cards and pages show: the area and the leads."""
        return self.select_related("area").prefetch_related("leads")

    def for_page(self):
        """A cluster's page: the area, the gallery (images and their renditions) and the leads
        with their published organisations, in a fixed number of queries."""
        user_model = self.model._meta.get_field("leads").related_model
        organisation_model = user_model._meta.get_field("organisations").related_model
        organisations = organisation_model.objects.published().only("name", "slug").order_by("name")
        leads = user_model.objects.order_by("last_name", "first_name").prefetch_related(
            Prefetch("organisations", queryset=organisations)
        )
        gallery = ClusterGalleryImage.objects.select_related("image").prefetch_related(
            "image__renditions"
        )
        return self.select_related("area").prefetch_related(
            Prefetch("leads", queryset=leads), Prefetch("gallery_images", queryset=gallery)
        )

    def led_by(self, user):
        return self.filter(leads=user)

    def led_by_with_slug(self, user, slug):
        """The cluster at `slug` if `user` leads it, else None (a form prefilled from a link
        names only a cluster its reader leads)."""
        if not user.is_authenticated or not isinstance(slug, str):
            return None
        return self.led_by(user).filter(slug=slug[:100]).first()


class Cluster(ClusterableModel):
    """A thematic cluster: one per cluster area of impact, coordinated by one organisation."""

    title = PlainTextCharField(_("title"), max_length=100)
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


class ClusterGalleryImage(Orderable):
    """A picture on a cluster's page, with its caption (also its text alternative)."""

    cluster = ParentalKey(Cluster, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    caption = models.CharField(
        _("caption"),
        max_length=250,
        help_text=_("Says what the picture shows; read aloud to people who cannot see it."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")

    def __str__(self):
        return self.caption
