import factory

from taxonomy.models import (
    AreaOfImpact,
    DSIFocus,
    OrganisationSize,
    OrganisationType,
    Place,
    Technology,
)


class TermFactory(factory.django.DjangoModelFactory):
    """Terms for tests beyond the seeded vocabularies (those come from the data migrations)."""

    class Meta:
        abstract = True

    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.Sequence(lambda n: f"term-{n}")
    sort_order = factory.Sequence(lambda n: 100 + n)


class AreaOfImpactFactory(TermFactory):
    class Meta:
        model = AreaOfImpact


class TechnologyFactory(TermFactory):
    class Meta:
        model = Technology


class DSIFocusFactory(TermFactory):
    class Meta:
        model = DSIFocus


class OrganisationTypeFactory(TermFactory):
    class Meta:
        model = OrganisationType


class OrganisationSizeFactory(TermFactory):
    class Meta:
        model = OrganisationSize


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    # Far above real GeoNames ids, so factory places never collide with the gazetteer.
    geoname_id = factory.Sequence(lambda n: 900_000_000 + n)
    name = factory.Sequence(lambda n: f"Testville {n}")
    ascii_name = factory.SelfAttribute("name")
    country = "BE"
    latitude = "50.850000"
    longitude = "4.350000"
    population = 20_000
    timezone = "Europe/Brussels"


class GazetteerPlaceFactory(PlaceFactory):
    """A real city, looked up by country and name: the gazetteer's own row while the migrated
    places are there, a new row after a transactional test's flush emptied the table (serialized
    rollback does not restore the gazetteer, see tests/support/serialized_rollback.py)."""

    class Meta:
        django_get_or_create = ["country", "name"]
