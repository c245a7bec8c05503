"""The "Cluster leads" group: admin access, and adding and choosing images for the gallery.
Editors may view and change every cluster (model permissions).

Membership follows Cluster.leads (clusters.leads); what a lead may edit is the clusters
permission policy (clusters.permissions), not a model permission.
"""

from django.db import migrations

GROUP = "Cluster leads"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    group.permissions.add(access)
    root = Collection.objects.filter(depth=1).first()
    image_type, _ = ContentType.objects.get_or_create(app_label="wagtailimages", model="image")
    for codename in ("add_image", "choose_image"):
        permission, _ = Permission.objects.get_or_create(
            content_type=image_type, codename=codename, defaults={"name": codename}
        )
        if root is not None:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )
    cluster_type, _ = ContentType.objects.get_or_create(app_label="clusters", model="cluster")
    editors = Group.objects.get(name="Editors")
    for action in ("view", "change"):
        permission, _ = Permission.objects.get_or_create(
            content_type=cluster_type,
            codename=f"{action}_cluster",
            defaults={"name": f"Can {action} cluster"},
        )
        editors.permissions.add(permission)
    leads = apps.get_model("clusters", "Cluster").leads.through.objects.values_list(
        "user", flat=True
    )
    group.user_set.add(*set(leads))


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0003_gallery"),
        ("moderation", "0001_groups"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
