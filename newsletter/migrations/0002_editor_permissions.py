"""Editors write and send the newsletter: add, change and view issues, and view subscribers
(newsletter.wagtail_hooks). Nobody changes a subscriber's address in the admin; deleting
subscribers stays with superusers. Idempotent: every row is fetched or created."""

from django.db import migrations

EDITOR_PERMISSIONS = [
    ("newsletterissue", "add"),
    ("newsletterissue", "change"),
    ("newsletterissue", "view"),
    ("subscriber", "view"),
]


def grant_editors(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for model, action in EDITOR_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="newsletter", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {model}"},
        )
        editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("moderation", "0001_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
