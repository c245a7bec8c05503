from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class StableSlugAdminForm(WagtailAdminModelForm):
    """Admin form whose slug is filled from `slug_source` on creation and locked afterwards.

    Slugs are part of URLs and filter parameters, so renaming an object must never change them.
    """

    slug_source = "name"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields.get("slug")
        if slug is None:
            return
        if self.instance.pk:
            slug.disabled = True
            slug.help_text = _("Fixed after creation so that existing links keep working.")
        else:
            slug.required = False
            slug.help_text = _("Leave blank to make one from the name. It cannot be changed later.")

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk and not cleaned_data.get("slug"):
            cleaned_data["slug"] = slugify(cleaned_data.get(self.slug_source, ""))
        return cleaned_data
