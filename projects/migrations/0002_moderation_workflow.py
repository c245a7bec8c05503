import importlib

from django.db import migrations

workflow_migration = importlib.import_module("organisations.migrations.0002_moderation_workflow")


def add_projects_to_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    content_type = workflow_migration.grant_moderators(apps, "projects", "project")
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": Workflow.objects.get(name="Moderation")}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
        ("organisations", "0002_moderation_workflow"),
    ]
    operations = [migrations.RunPython(add_projects_to_workflow, migrations.RunPython.noop)]
