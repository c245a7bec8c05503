"""Several choices in one column ("research,startup"), as django-countries stores several
countries: the same on PostgreSQL and on the embedded SQLite of `make run` (an ArrayField would
tie the app to PostgreSQL). The values are short slugs with no comma and none containing another,
so `field__contains="startup"` matches exactly one choice.
"""

from django import forms
from django.db import models

SEPARATOR = ","


class ChoiceListField(models.CharField):
    """A list of `item_choices` values; the form field is a list of checkboxes."""

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        return [item for item in (value or "").split(SEPARATOR) if item]

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            return SEPARATOR.join(value)
        return value  # a single value in a lookup (`audiences__contains="startup"`)

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        known = {key for key, _label in self.item_choices}
        unknown = [item for item in value if item not in known]
        if unknown:
            raise forms.ValidationError(f"Unknown choice(s): {', '.join(unknown)}")
        if not value and not self.blank:
            raise forms.ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.item_choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )
