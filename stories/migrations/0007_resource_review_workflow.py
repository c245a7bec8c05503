"""Resources are reviewed content: the "Resource review" workflow and who may do what.

- Existing resources stay published (the new `live` column defaulted to true); their publication
  dates are their creation dates.
- "Resource review": one GroupApprovalTask for the Editors and the Moderators groups, attached to
  stories.resource. A cluster lead's resource waits in it; editors and moderators publish.
- Editors and moderators may publish, lock and unlock resources (moderators also view and change
  them); cluster leads may change resources, which stories.permissions narrows to their own
  drafts and submissions. Editors follow every background job (core.view_job), so they see an
  import a colleague started.

Idempotent: every row is fetched or created.
"""

from django.db import migrations
from django.db.models import F

from moderation.workflow import grant_moderators

WORKFLOW_NAME = "Resource review"
TASK_NAME = "Editors or moderators approve"


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return perm


def publish_existing(apps):
    Resource = apps.get_model("stories.Resource")
    Resource.objects.filter(first_published_at__isnull=True).update(
        live=True,
        has_unpublished_changes=False,
        first_published_at=F("created_at"),
        last_published_at=F("created_at"),
    )


def create_workflow(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, created = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"active": True, "content_type": task_type}
    )
    if created:
        task.groups.set(
            [
                Group.objects.get_or_create(name="Editors")[0],
                Group.objects.get_or_create(name="Moderators")[0],
            ]
        )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    resource_type, _ = ContentType.objects.get_or_create(app_label="stories", model="resource")
    WorkflowContentType.objects.update_or_create(
        content_type=resource_type, defaults={"workflow": workflow}
    )


def grant(apps):
    Group = apps.get_model("auth.Group")
    grant_moderators(apps, "stories", "resource")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for action in ("publish", "lock", "unlock"):
        editors.permissions.add(permission(apps, "stories", "resource", f"{action}_resource"))
    editors.permissions.add(permission(apps, "core", "job", "view_job"))
    leads, _ = Group.objects.get_or_create(name="Cluster leads")
    leads.permissions.add(permission(apps, "stories", "resource", "change_resource"))


def forwards(apps, schema_editor):
    publish_existing(apps)
    create_workflow(apps)
    grant(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0006_resource_review"),
        ("core", "0001_initial"),
        ("moderation", "0001_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
