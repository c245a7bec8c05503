from django.utils import timezone
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from core.content_version import cached

from .models import Cluster
from .queries import directory_previews
from .sections import cluster_sections


class ClusterListView(ListView):
    queryset = Cluster.objects.for_listing()
    context_object_name = "clusters"
    cache_for_visitors = True


class ClusterDetailView(DetailView):
    """A cluster's page. The cluster, its sections and its directory previews are the same for
    everyone, so they are read once and kept until the content changes; the day is in the key
    because the upcoming events and open calls move on with the date."""

    queryset = Cluster.objects.for_page()
    context_object_name = "cluster"
    cache_for_visitors = True

    def get_object(self, queryset=None):
        parts = (self.kwargs["slug"], get_language(), timezone.localdate().isoformat())
        self.shown = cached("cluster-page", parts, self.read_page)
        return self.shown["cluster"]

    def read_page(self):
        cluster = super().get_object()
        return {
            "cluster": cluster,
            "sections": cluster_sections(cluster),
            "previews": directory_previews(cluster),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sections=self.shown["sections"],
            previews=self.shown["previews"],
            viewer_leads=self.viewer_leads(),
            **kwargs,
        )

    def viewer_leads(self):
        """Whether the person reading leads this cluster (from the prefetched leads: no
        query), so that sections may offer leads their actions ("Post an event")."""
        user = self.request.user
        return user.is_authenticated and any(lead.pk == user.pk for lead in self.object.leads.all())
