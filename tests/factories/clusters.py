import factory

from clusters.models import Cluster
from tests.factories.taxonomy import AreaOfImpactFactory


class ClusterFactory(factory.django.DjangoModelFactory):
    """A cluster on a fresh area; pass `leads=[user, ...]` to set its leads."""

    class Meta:
        model = Cluster
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Cluster {n}")
    slug = factory.Sequence(lambda n: f"cluster-{n}")
    area = factory.SubFactory(AreaOfImpactFactory)
    coordinator = factory.Sequence(lambda n: f"Coordinating Organisation {n}")
    intro = "People working together on one field of digital social innovation."
    sort_order = factory.Sequence(lambda n: 100 + n)

    @factory.post_generation
    def leads(cluster, create, extracted, **kwargs):
        if create and extracted:
            cluster.leads.set(extracted)
