"""The database cache's table, where the shared cache is the database (no REDIS_URL): made by migrate itself."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    """``createcachetable`` for the database being migrated; it does nothing where the table exists or the cache is Redis."""
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("sciencecity", "0002_verbose_names")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
