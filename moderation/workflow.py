"""The "Moderation" workflow (Wagtail) and the models it reviews, set up from data migrations.

A moderated model's app attaches it in a data migration:

    from moderation.workflow import attach_to_moderation_workflow

    def attach(apps, schema_editor):
        attach_to_moderation_workflow(apps, "events", "event")

    operations = [migrations.RunPython(attach, migrations.RunPython.noop)]

with `("moderation", "0001_groups")` and `("wagtailcore", "0098_apitoken")` among the migration's
dependencies. The functions take the migration's `apps` (historical models) and are idempotent:
the first model attached creates the workflow.

WorkflowTask rows are created with WorkflowTask.objects.create: through the workflow's
ParentalKey manager they stay unsaved, and the workflow would then finish at once.
"""

WORKFLOW_NAME = "Moderation"
TASK_NAME = "Moderators approve"
MODERATOR_PERMISSIONS = ["view", "change", "publish", "lock", "unlock"]


def create_moderation_workflow(apps):
    """The workflow with one GroupApprovalTask for the Moderators group; returns the workflow."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, created = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"active": True, "content_type": task_type}
    )
    if created:
        task.groups.set([Group.objects.get(name="Moderators")])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def grant_moderators(apps, app_label, model_name):
    """Give the Moderators group what reviewing `app_label.model_name` in the admin needs."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    moderators = Group.objects.get(name="Moderators")
    for action in MODERATOR_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model_name}",
            defaults={"name": f"Can {action} {model_name}"},
        )
        moderators.permissions.add(permission)
    return content_type


def attach_to_moderation_workflow(apps, app_label, model_name):
    """Review `app_label.model_name` with the "Moderation" workflow (created if missing)."""
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    workflow = create_moderation_workflow(apps)
    content_type = grant_moderators(apps, app_label, model_name)
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )
