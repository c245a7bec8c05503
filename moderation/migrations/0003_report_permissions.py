"""Moderators see the report queue in the Wagtail admin and resolve reports."""

from django.db import migrations

ACTIONS = ["view", "change"]


def grant_moderators(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="moderation", model="report")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_report",
            defaults={"name": f"Can {action} report"},
        )
        moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_report"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant_moderators, migrations.RunPython.noop)]
