# The submitter has one name on every kind of reviewed content (moderation.models.ReviewedModel):
# a rename keeps the column's values.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_next_start_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="event", old_name="owner", new_name="submitted_by"),
        migrations.AlterField(
            model_name="event",
            name="submitted_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="submitted_%(class)ss",
                to=settings.AUTH_USER_MODEL,
                verbose_name="submitted by",
            ),
        ),
    ]
