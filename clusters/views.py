from django.views.generic import DetailView, ListView

from .models import Cluster
from .queries import directory_previews
from .sections import cluster_sections


class ClusterListView(ListView):
    queryset = Cluster.objects.for_listing()
    context_object_name = "clusters"
    cache_for_visitors = True


class ClusterDetailView(DetailView):
    queryset = Cluster.objects.for_page()
    context_object_name = "cluster"
    cache_for_visitors = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sections=cluster_sections(self.object),
            previews=directory_previews(self.object),
            **kwargs,
        )
