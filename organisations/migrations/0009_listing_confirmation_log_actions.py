"""The yearly confirmation's audit-log actions are named after listings now that every kind of
listing is asked ("not asked in the last 30 days" reads them, so the old entries follow)."""

from django.db import migrations

RENAMED = {
    "organisations.confirmation_requested": "listings.confirmation_requested",
    "organisations.listing_confirmed": "listings.listing_confirmed",
}


def rename(apps, schema_editor, names):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    for old, new in names.items():
        ModelLogEntry.objects.filter(action=old).update(action=new)


def forwards(apps, schema_editor):
    rename(apps, schema_editor, RENAMED)


def backwards(apps, schema_editor):
    rename(apps, schema_editor, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0008_random_upload_names"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
