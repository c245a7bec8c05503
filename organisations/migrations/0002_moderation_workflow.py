"""The "Moderation" workflow: one GroupApprovalTask for the Moderators group.

WorkflowTask rows are created with WorkflowTask.objects.create: through the workflow's
ParentalKey manager they stay unsaved, and the workflow would then finish at once.
"""

from django.db import migrations

MODERATOR_PERMISSIONS = ["view", "change", "publish", "lock", "unlock"]


def grant_moderators(apps, app_label, model):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    moderators = Group.objects.get(name="Moderators")
    for action in MODERATOR_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {model}"},
        )
        moderators.permissions.add(permission)
    return content_type


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    workflow, _ = Workflow.objects.get_or_create(name="Moderation", defaults={"active": True})
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, created = GroupApprovalTask.objects.get_or_create(
        name="Moderators approve", defaults={"active": True, "content_type": task_type}
    )
    if created:
        task.groups.set([Group.objects.get(name="Moderators")])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    content_type = grant_moderators(apps, "organisations", "organisation")
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("moderation", "0001_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
