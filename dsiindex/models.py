"""The DSI Index: editions, their themes, indicators, cities and values, and the stored steps.

An edition is loaded whole (`dsiindex.loading`) and computed whole (`dsiindex.services`):
every step of the method is stored beside the raw value, so a city's page can show how each
score came about without recomputing.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.text import PlainTextCharField


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class EditionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def current(self):
        """The newest published edition, or None."""
        return self.published().order_by("-year", "-pk").first()


class Edition(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = PlainTextCharField(_("title"), max_length=200)
    method_notes = models.TextField(_("method notes"), blank=True)
    licence = PlainTextCharField(_("licence"), max_length=200, default="CC BY 4.0")
    source = PlainTextCharField(_("source"), max_length=300, blank=True)
    synthetic = models.BooleanField(
        _("synthetic data"),
        default=False,
        help_text=_("Made-up figures for demonstration; every page says so."),
    )
    published = models.BooleanField(_("published"), default=False)
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True, editable=False)

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("DSI Index edition")
        verbose_name_plural = _("DSI Index editions")

    def __str__(self):
        return f"{self.title} ({self.year})"


class Theme(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="themes")
    code = models.SlugField(_("code"), max_length=40)
    name = PlainTextCharField(_("name"), max_length=120)
    weight = models.FloatField(_("weight"), validators=[MinValueValidator(0)])
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["edition", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="dsiindex_theme_code")
        ]

    def __str__(self):
        return self.name


class Indicator(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="indicators")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="indicators")
    code = models.SlugField(_("code"), max_length=60)
    name = PlainTextCharField(_("name"), max_length=200)
    measure = models.SlugField(
        _("measure"),
        max_length=60,
        blank=True,
        help_text=_("Indicators with the same measure are its sub-measures and are averaged."),
    )
    weight = models.FloatField(_("weight inside the theme"), validators=[MinValueValidator(0)])
    unit = PlainTextCharField(_("unit"), max_length=80, blank=True)
    direction = models.CharField(
        _("direction"), max_length=6, choices=Direction.choices, default=Direction.HIGHER
    )
    source = PlainTextCharField(_("source"), max_length=300, blank=True)
    source_year = models.PositiveSmallIntegerField(_("year of the data"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["edition", "theme__position", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="dsiindex_indicator_code")
        ]

    def __str__(self):
        return self.name

    @property
    def higher_is_better(self):
        return self.direction == Direction.HIGHER


class CityQuerySet(models.QuerySet):
    def ranked(self):
        return self.select_related("place").order_by("rank", "name")


class City(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="cities")
    place = models.ForeignKey(
        "taxonomy.Place", on_delete=models.PROTECT, related_name="+", verbose_name=_("place")
    )
    name = PlainTextCharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120)
    # The stored results of the last computation.
    geometric_mean = models.FloatField(null=True, editable=False)
    score = models.FloatField(_("index"), null=True, editable=False)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, editable=False)

    objects = CityQuerySet.as_manager()

    class Meta:
        ordering = ["edition", "rank", "name"]
        verbose_name_plural = _("cities")
        constraints = [
            models.UniqueConstraint(fields=["edition", "place"], name="dsiindex_city_place"),
            models.UniqueConstraint(fields=["edition", "slug"], name="dsiindex_city_slug"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dsiindex:city", args=[self.slug])


class Value(models.Model):
    """One city's value of one indicator, and what each step of the method made of it."""

    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    raw = models.FloatField(_("raw value"), null=True, blank=True)
    capped = models.FloatField(null=True, editable=False)
    rescaled = models.FloatField(null=True, editable=False)
    imputed = models.BooleanField(default=False, editable=False)
    score = models.FloatField(null=True, editable=False)  # rescaled, or imputed where missing

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["city", "indicator"], name="dsiindex_value_cell")
        ]

    def __str__(self):
        return f"{self.city_id}/{self.indicator_id}: {self.raw}"


class ThemeScore(models.Model):
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="theme_scores")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="scores")
    mean = models.FloatField()  # the weighted arithmetic mean of the theme's measures
    score = models.FloatField()  # rescaled across cities to [0.1, 0.9]

    class Meta:
        ordering = ["theme__position", "theme__pk"]
        constraints = [
            models.UniqueConstraint(fields=["city", "theme"], name="dsiindex_theme_score")
        ]

    def __str__(self):
        return f"{self.city_id}/{self.theme_id}: {self.score:.3f}"
