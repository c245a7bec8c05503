from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from core.antispam import HoneypotMixin

from .models import Subscriber
from .services.subscriptions import normalise_address


class AddressField(forms.CharField):
    """An e-mail address, normalised: display names dropped, lower case."""

    widget = forms.EmailInput(attrs={"autocomplete": "email"})

    def clean(self, value):
        value = super().clean(value)
        try:
            return normalise_address(value)
        except ValidationError as error:
            raise ValidationError(_("Enter a valid e-mail address."), code="invalid") from error


class SubscribeForm(HoneypotMixin, forms.Form):
    email = AddressField(label=_("Your e-mail address"), max_length=254)
    wants_newsletter = forms.BooleanField(
        label=_("The monthly newsletter"), required=False, initial=True
    )
    wants_digest = forms.BooleanField(
        label=_("A weekly digest of upcoming events"), required=False, initial=True
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that DSI Hub sends me what I chose above and keeps my address for that "
            "purpose. I can unsubscribe with one click in every e-mail."
        ),
        error_messages={"required": _("Tick this box to subscribe: we need your agreement.")},
    )

    def clean(self):
        data = super().clean()
        if not data.get("wants_newsletter") and not data.get("wants_digest"):
            raise ValidationError(
                _("Choose the monthly newsletter, the weekly events digest or both."),
                code="nothing_chosen",
            )
        return data


class PreferencesForm(forms.ModelForm):
    clusters = forms.ModelMultipleChoiceField(
        queryset=Cluster.objects.order_by("sort_order"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Clusters"),
        help_text=_("Events and funding of these clusters in your digest. None ticked: all."),
    )

    class Meta:
        model = Subscriber
        fields = ["wants_newsletter", "wants_digest", "clusters", "countries", "language"]
        help_texts = {
            "countries": _("Events in these countries (online events always). None chosen: all.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["language"].help_text = _("The language of your e-mails.")
