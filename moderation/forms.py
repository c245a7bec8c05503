from django import forms
from django.utils.translation import gettext_lazy as _

from core.antispam import HoneypotMixin

from .models import Report


class ReportForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason", "text"]
        widgets = {
            "reason": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        }
        labels = {"reason": _("Why are you reporting it?"), "text": _("What is wrong?")}
        help_texts = {
            "text": _("Tell the moderators what they should look at (at most 2,000 characters).")
        }
