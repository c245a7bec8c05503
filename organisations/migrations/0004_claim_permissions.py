"""Moderators see the claims queue in the Wagtail admin and approve or reject claims."""

from django.db import migrations

ACTIONS = ["view", "change"]


def grant_moderators(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="organisations", model="claim")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_claim",
            defaults={"name": f"Can {action} claim"},
        )
        moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_membership_flows"),
        ("moderation", "0001_groups"),
    ]
    operations = [migrations.RunPython(grant_moderators, migrations.RunPython.noop)]
