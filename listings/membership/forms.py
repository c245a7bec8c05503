"""Forms of the membership pages: they validate input; listings.membership.services acts on it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.antispam import HoneypotMixin
from listings.choices import Role

ROLE_CHOICES = [(Role.MEMBER, Role.MEMBER.label), (Role.ADMIN, Role.ADMIN.label)]


class InvitationForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_(
            "We e-mail a link to this address. Someone without an account can sign up with it "
            "and then join."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=ROLE_CHOICES,
        initial=Role.MEMBER,
        help_text=_("Admins can edit the listing and manage its members."),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class JoinRequestForm(HoneypotMixin, forms.Form):
    message = forms.CharField(
        label=_("Message to the owner and admins"),
        required=False,
        max_length=1000,
        help_text=_(
            "Optional: say who you are and how you are involved (at most 1,000 characters)."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES)


class TransferForm(forms.Form):
    new_owner = forms.ModelChoiceField(
        label=_("New owner"),
        queryset=None,
        empty_label=_("Choose a member"),
        help_text=_("You will stay on as an admin."),
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_owner"].queryset = memberships
        self.fields["new_owner"].label_from_instance = _member_label


def _member_label(membership):
    return f"{membership.user} ({membership.get_role_display()})"
