"""Claiming an organisation without members, and confirming a listing is still current."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from moderation.antispam import rate_limit

from . import claims, confirmation
from .claim_forms import ClaimForm
from .models import Organisation


@verified_email_required
@rate_limit("claim", per_user="5/h", per_ip="20/h")
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


@login_required
def confirm(request, slug, token):
    organisation = get_object_or_404(Organisation.objects.published(), slug=slug)
    if not Organisation.objects.managed_by(request.user).filter(pk=organisation.pk).exists():
        raise PermissionDenied(_("Only the organisation’s owners and admins can confirm it."))
    context = {"organisation": organisation}
    if not confirmation.token_is_valid(organisation, token):
        return render(request, "organisations/organisation_confirm.html", context, status=400)
    if request.method == "POST":
        confirmation.confirm_listing(organisation, by=request.user)
        messages.success(
            request,
            _("Thank you for confirming that “%(name)s” is up to date.") % {"name": organisation},
        )
        return redirect(organisation)
    return render(
        request, "organisations/organisation_confirm.html", {**context, "token_valid": True}
    )


def _claim_thanks(created):
    if created:
        return _("Thank you. A moderator will check your claim and let you know by e-mail.")
    return _("You had already claimed this organisation; we updated your message.")
