from django.utils.translation import gettext_lazy as _

from listings.views import ListingViews

from .filters import ProjectFilterSet
from .forms import ProjectForm
from .models import Project
from .structured_data import project_data


class ProjectViews(ListingViews):
    """Projects add no page context of their own: their organisations come with for_page()."""

    model = Project
    form_class = ProjectForm
    structured_data = staticmethod(project_data)
    filterset_class = ProjectFilterSet
    create_title = _("Register a project")
