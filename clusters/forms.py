from taxonomy.forms import StableSlugAdminForm


class ClusterAdminForm(StableSlugAdminForm):
    slug_source = "title"
