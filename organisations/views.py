from django.utils.translation import gettext_lazy as _

from listings.views import ListingViews

from .filters import OrganisationFilterSet
from .forms import OrganisationForm
from .models import Organisation
from .queries import partner_organisations
from .structured_data import organisation_data


class OrganisationViews(ListingViews):
    model = Organisation
    form_class = OrganisationForm
    filterset_class = OrganisationFilterSet
    structured_data = staticmethod(organisation_data)
    create_title = _("Register an organisation")

    def page_context(self, organisation):
        return {"partners": list(partner_organisations(organisation))}
