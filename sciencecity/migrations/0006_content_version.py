"""The content version's one row (sciencecity.models.ContentVersion)."""

import uuid

from django.db import migrations, models


def create_row(apps, schema_editor):
    """The row every change updates."""
    apps.get_model("sciencecity", "ContentVersion").objects.using(schema_editor.connection.alias).get_or_create(
        pk=1, defaults={"token": uuid.uuid4().hex}
    )


class Migration(migrations.Migration):
    dependencies = [("sciencecity", "0005_main_image_and_logo")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(max_length=32)),
            ],
            options={"verbose_name": "content version"},
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
