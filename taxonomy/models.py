from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Term(models.Model):
    """A controlled-vocabulary entry. The slug is part of URLs and filters, so it never changes."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Used in web addresses and filters; fixed once the term is created."),
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class AreaOfImpact(Term):
    class Meta(Term.Meta):
        verbose_name = _("area of impact")
        verbose_name_plural = _("areas of impact")


class Technology(Term):
    class Meta(Term.Meta):
        verbose_name = _("technology")
        verbose_name_plural = _("technologies")


class DSIFocus(Term):
    class Meta(Term.Meta):
        verbose_name = _("DSI focus")
        verbose_name_plural = _("DSI focus")


class OrganisationType(Term):
    class Meta(Term.Meta):
        verbose_name = _("organisation type")
        verbose_name_plural = _("organisation types")


class OrganisationSize(Term):
    class Meta(Term.Meta):
        verbose_name = _("organisation size")
        verbose_name_plural = _("organisation sizes")


class Network(Term):
    """A network or programme organisations belong to (e.g. a European living-labs network)."""

    class Meta(Term.Meta):
        verbose_name = _("network")
        verbose_name_plural = _("networks")


class PlaceQuerySet(models.QuerySet):
    def in_country(self, code):
        return self.filter(country=str(code).upper())

    def named(self, country, name):
        """The most populous place in `country` called `name` (any case, or its ASCII name)."""
        return self.in_country(country).named_anywhere(name)

    def named_anywhere(self, name):
        """The most populous place called `name` (any case, or its ASCII name) in any country."""
        return (
            self.filter(Q(name__iexact=name) | Q(ascii_name__iexact=name))
            .order_by("-population", "pk")
            .first()
        )

    def search(self, term, country=None):
        """Places whose name or ASCII name starts with `term`, most populous first.

        Built for the city autocomplete; matching is case-insensitive.
        """
        term = term.strip()
        if not term:
            return self.none()
        places = self.filter(Q(name__istartswith=term) | Q(ascii_name__istartswith=term))
        if country:
            places = places.in_country(country)
        return places.order_by("-population", "name")


class Place(models.Model):
    """A city from the offline GeoNames gazetteer, loaded by a data migration (no geocoding)."""

    geoname_id = models.PositiveIntegerField(_("GeoNames id"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    ascii_name = models.CharField(_("ASCII name"), max_length=200)
    country = CountryField(_("country"))
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    population = models.PositiveIntegerField(_("population"), default=0)
    timezone = models.CharField(_("time zone"), max_length=40)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["country", "name"]
        indexes = [models.Index(fields=["country", "name"], name="place_country_name_idx")]

    def __str__(self):
        # Codes django-countries does not name (e.g. XK, Kosovo) fall back to the code itself.
        return f"{self.name}, {self.country.name or self.country.code}"


class Placed(models.Model):
    """Where someone or something is, or where it happens: a country and, within it, a city of
    the gazetteer (both optional). People, listings and events have one."""

    country = CountryField(_("country"), blank=True)
    city = models.ForeignKey(
        Place,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("city"),
    )

    class Meta:
        abstract = True

    @property
    def place_label(self):
        if self.city_id:
            return str(self.city)
        return self.country.name if self.country else ""
