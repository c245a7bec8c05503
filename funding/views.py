"""Funding pages: the open calls and the archive, a call's page, submit and edit (declared on
moderation's base for reviewed content, moderation.kinds). Saved calls are in saved_views.py."""

from django.utils.translation import gettext_lazy as _

from moderation.kinds import ReviewedViews

from .filters import FundingCallFilterSet
from .forms import FundingCallForm
from .models import FundingCall
from .structured_data import call_data


class FundingViews(ReviewedViews):
    """/funding/ lists the open calls (closing soonest first, rolling last) and, with
    ?status=closed, the archive (funding.filters); a call's page adds the save button."""

    model = FundingCall
    form_class = FundingCallForm
    filterset_class = FundingCallFilterSet
    structured_data = staticmethod(call_data)
    create_title = _("Share a funding call")
    submit_label = _("Submit the call")
    list_name, object_name = "calls", "call"
    url_names = {
        "list": "index",
        "create": "call-create",
        "detail": "call-detail",
        "edit": "call-edit",
    }

    def page_context(self, call, user):
        return {"is_saved": user.is_authenticated and call.saves.filter(user=user).exists()}
