from django import forms
from django.utils.translation import gettext_lazy as _

from core.antispam import HoneypotMixin

from .models import Claim


class ClaimForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = Claim
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6, "maxlength": 2000})}
        help_texts = {
            "message": _(
                "Your role there, and anything that helps a moderator check it: for example an "
                "e-mail address at the organisation’s domain or a page that names you."
            )
        }


class ClaimRejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the claimant)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
