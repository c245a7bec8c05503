from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country

from core.images import SafeImageField
from core.text import PlainTextField
from taxonomy.models import Place

from .models import User, UserLink

# The standard pages' fixed addresses (the footer links to them too).
TERMS_URL = "/terms/"
PRIVACY_URL = "/privacy/"


class SignupForm(forms.Form):
    """Extra sign-up fields on top of allauth's e-mail and password (ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = PlainTextField(label=_("First name"), max_length=150)
    last_name = PlainTextField(label=_("Last name"), max_length=150, required=False)
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and the privacy policy"),
        error_messages={"required": _("You need to accept the terms to create an account.")},
    )

    field_order = ["first_name", "last_name", "email", "password1", "password2", "accept_terms"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accept_terms"].label = format_html(
            _gettext(
                'I accept the <a href="{terms}">terms of use</a> and the '
                '<a href="{privacy}">privacy policy</a>'
            ),
            terms=TERMS_URL,
            privacy=PRIVACY_URL,
        )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.accepted_terms_at = timezone.now()
        user.language = _supported_language(getattr(request, "LANGUAGE_CODE", ""))
        user.save(update_fields=["first_name", "last_name", "accepted_terms_at", "language"])


def _supported_language(code):
    """The request's language if the hub speaks it, else the default (e-mails use it)."""
    codes = {language for language, _name in settings.LANGUAGES}
    return code if code in codes else settings.LANGUAGE_CODE


class ProfileForm(forms.ModelForm):
    """A person's public profile. The city is typed as a name and found in the offline gazetteer."""

    MAX_SKILLS = 30

    city = forms.CharField(
        label=_("City"),
        max_length=200,
        required=False,
        help_text=_("Type the name of your city; choose your country too."),
    )
    photo = SafeImageField(label=_("Photo"), required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages I speak"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", *User.PUBLIC_PROFILE_FIELDS, "language"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 6})}
        field_classes = dict.fromkeys(
            ["first_name", "last_name", "job_title", "company"], PlainTextField
        )
        help_texts = {
            "show_email": _("When ticked, anyone can see your address on your profile page."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo"].widget.attrs["accept"] = "image/png,image/jpeg,image/webp"
        if self.instance.city_id:
            self.initial["city"] = self.instance.city.name

    def clean_skills(self):
        skills = self.cleaned_data["skills"]
        if len(skills) > self.MAX_SKILLS:
            raise forms.ValidationError(
                _gettext("List at most %(max)s skills.") % {"max": self.MAX_SKILLS}, code="too_many"
            )
        if any(len(skill) > 100 for skill in skills):
            raise forms.ValidationError(
                _gettext("Each skill can be at most 100 characters long."), code="too_long"
            )
        return skills

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["city"] = self._find_city(
            cleaned_data.get("city", ""), cleaned_data.get("country")
        )
        return cleaned_data

    def _find_city(self, name, country):
        """The most populous gazetteer place of that name in the country ("Ghent, Belgium" too)."""
        name = name.split(",")[0].strip()
        if not name:
            return None
        if not country:
            self.add_error("city", _gettext("Choose the country your city is in."))
            return None
        matches = Place.objects.in_country(country).filter(
            Q(name__iexact=name) | Q(ascii_name__iexact=name)
        )
        place = matches.order_by("-population").first()
        if place is None:
            self.add_error("city", self._not_found_message(name, country))
        return place

    def _not_found_message(self, name, country):
        suggestions = list(
            Place.objects.search(name[:3], country=country).values_list("name", flat=True)[:5]
        )
        message = _gettext("We could not find “%(name)s” in %(country)s.") % {
            "name": name,
            "country": Country(country).name,
        }
        if suggestions:
            message += " " + _gettext("Did you mean: %(names)s?") % {
                "names": ", ".join(suggestions)
            }
        return message


class UserLinkForm(forms.ModelForm):
    url = forms.URLField(label=_("Web address"), max_length=500, assume_scheme="https")

    class Meta:
        model = UserLink
        fields = ["kind", "url"]


UserLinkFormSet = forms.inlineformset_factory(
    User,
    UserLink,
    form=UserLinkForm,
    extra=2,
    max_num=10,
    validate_max=True,
    can_delete=True,
)


class DeleteAccountForm(forms.Form):
    """Type your own e-mail address and password to confirm (the service checks the address)."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Type the address you log in with to confirm."),
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(
                _gettext("This is not the address of your account."), code="mismatch"
            )
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _gettext("This password is not correct."), code="wrong_password"
            )
        return password
