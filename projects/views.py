from django.utils.translation import gettext_lazy as _

from listings.services import create_listing, update_listing
from listings.views import ListingCreateView, ListingDetailView, ListingEditView, ListingListView

from .filters import ProjectFilterSet
from .forms import ProjectForm
from .models import Project
from .queries import project_for_page
from .structured_data import project_data


class ProjectListView(ListingListView):
    model = Project
    filterset_class = ProjectFilterSet
    template_name = "projects/project_list.html"


class ProjectDetailView(ListingDetailView):
    template_name = "projects/project_detail.html"

    def get_page_object(self, slug):
        return project_for_page(slug)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisations = [
            (organisation.name, self.request.build_absolute_uri(organisation.get_absolute_url()))
            for organisation in self.object.organisations.all()
        ]
        context["structured_data"] = project_data(
            self.object,
            url=context["page_url"],
            image_url=context["image_url"],
            organisation_urls=organisations,
        )
        return context


class ProjectFormMixin:
    model = Project
    form_class = ProjectForm
    template_name = "projects/project_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}


class ProjectCreateView(ProjectFormMixin, ListingCreateView):
    create_service = staticmethod(create_listing)
    create_title = _("Register a project")


class ProjectEditView(ProjectFormMixin, ListingEditView):
    update_service = staticmethod(update_listing)
