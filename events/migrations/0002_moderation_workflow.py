"""Events are reviewed with the "Moderation" workflow (see moderation.workflow)."""

from django.db import migrations

from moderation.workflow import attach_to_moderation_workflow


def attach(apps, schema_editor):
    attach_to_moderation_workflow(apps, "events", "event")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("moderation", "0001_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(attach, migrations.RunPython.noop)]
