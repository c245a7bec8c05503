"""Editors load, publish and delete DSI Index editions (the snippet's model permissions)."""

from django.db import migrations


def grant_editors(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="dsiindex", model="edition")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for action in ("add", "change", "delete", "view"):
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_edition",
            defaults={"name": f"Can {action} DSI Index edition"},
        )
        editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("dsiindex", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
