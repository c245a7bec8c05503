from django.utils.translation import gettext_lazy as _

from listings.services import create_listing, update_listing
from listings.views import ListingCreateView, ListingDetailView, ListingEditView, ListingListView

from .filters import OrganisationFilterSet
from .forms import OrganisationForm
from .models import Organisation
from .queries import organisation_for_page, partner_organisations
from .structured_data import organisation_data


class OrganisationListView(ListingListView):
    model = Organisation
    filterset_class = OrganisationFilterSet
    template_name = "organisations/organisation_list.html"


class OrganisationDetailView(ListingDetailView):
    template_name = "organisations/organisation_detail.html"

    def get_page_object(self, slug):
        return organisation_for_page(slug)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        context["partners"] = list(partner_organisations(organisation))
        context["structured_data"] = organisation_data(
            organisation, url=context["page_url"], image_url=context["image_url"]
        )
        return context


class OrganisationFormMixin:
    model = Organisation
    form_class = OrganisationForm
    template_name = "organisations/organisation_form.html"


class OrganisationCreateView(OrganisationFormMixin, ListingCreateView):
    create_service = staticmethod(create_listing)
    create_title = _("Register an organisation")


class OrganisationEditView(OrganisationFormMixin, ListingEditView):
    update_service = staticmethod(update_listing)
