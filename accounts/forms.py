from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    """Extra sign-up fields on top of allauth's e-mail and password (ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and the privacy policy"),
        error_messages={"required": _("You need to accept the terms to create an account.")},
    )

    field_order = ["first_name", "last_name", "email", "password1", "password2", "accept_terms"]

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.accepted_terms_at = timezone.now()
        user.save(update_fields=["first_name", "last_name", "accepted_terms_at"])
