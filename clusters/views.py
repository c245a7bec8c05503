from django.views.generic import DetailView, ListView

from .models import Cluster


class ClusterListView(ListView):
    queryset = Cluster.objects.for_listing()
    context_object_name = "clusters"


class ClusterDetailView(DetailView):
    queryset = Cluster.objects.for_listing()
    context_object_name = "cluster"
