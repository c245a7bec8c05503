"""How every form on the site renders (settings.FORM_RENDERER)."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Render `{{ form }}` and `field.as_field_group` with the site's accessible templates.

    Templates resolve through settings.TEMPLATES ("django.forms" is installed so Django's own
    widget templates, which Wagtail's widgets include, are found there too).
    """

    form_template_name = "components/form_fields.html"
    field_template_name = "components/form_field.html"
