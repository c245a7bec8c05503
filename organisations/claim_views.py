"""Claiming an organisation without members."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.antispam import rate_limit

from . import claims
from .claim_forms import ClaimForm
from .models import Organisation


@verified_email_required
@rate_limit("claim")
def claim(request, slug):
    organisation = get_object_or_404(Organisation.objects.published(), slug=slug)
    form = ClaimForm(request.POST or None)
    if form.is_valid():
        try:
            _, created = claims.claim_organisation(
                organisation, by=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _claim_thanks(created))
            return redirect(organisation)
    context = {
        "organisation": organisation,
        "form": form,
        "claimable": claims.can_be_claimed(organisation),
    }
    return render(request, "organisations/claim_form.html", context)


def _claim_thanks(created):
    if created:
        return _("Thank you. A moderator will check your claim and let you know by e-mail.")
    return _("You had already claimed this organisation; we updated your message.")
