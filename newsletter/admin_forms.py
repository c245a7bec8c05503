"""Forms of the issue actions in the Wagtail admin (newsletter.admin_views): a test send and
scheduling. They validate; the views call newsletter.services."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TestSendForm(forms.Form):
    address = forms.EmailField(
        label=_("Send the test to"),
        help_text=_("Any address; links in the test lead to the newsletter page."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class ScheduleForm(forms.Form):
    send_at = forms.DateTimeField(
        label=_("Send at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["send_at"].help_text = _("Time zone: %(zone)s.") % {
            "zone": timezone.get_current_timezone_name()
        }

    def clean_send_at(self):
        send_at = self.cleaned_data["send_at"]
        if send_at <= timezone.now():
            raise forms.ValidationError(
                _("Choose a time in the future; to send at once, use “Send now”.")
            )
        return send_at
