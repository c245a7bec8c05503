from moderation.roles import is_editor
from taxonomy.forms import StableSlugAdminForm

#: What only editors and superusers change: a lead edits the page, not who leads it.
EDITOR_ONLY_FIELDS = ("area", "leads", "coordinator", "sort_order")


class ClusterAdminForm(StableSlugAdminForm):
    slug_source = "title"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not (user.is_superuser or is_editor(user)):
            for name in EDITOR_ONLY_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
