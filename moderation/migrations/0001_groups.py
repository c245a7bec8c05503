"""Moderators and Editors: the two staff roles.

wagtailcore.0002_initial_data creates both groups with page permissions, and wagtailimages /
wagtaildocs give them image and document permissions. This migration makes sure they exist
and adds what the hub's roles need on top: admin access for both, and tag curation
(merge, rename, delete keywords) for moderators.
"""

from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("taggit", "tag", "add_tag"),
    ("taggit", "tag", "change_tag"),
    ("taggit", "tag", "delete_tag"),
]
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
]


def grant(apps, group_name, permissions):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    group, _ = Group.objects.get_or_create(name=group_name)
    for app_label, model, codename in permissions:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )
        group.permissions.add(permission)


def create_groups(apps, schema_editor):
    grant(apps, "Moderators", MODERATOR_PERMISSIONS)
    grant(apps, "Editors", EDITOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
        ("taggit", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
