"""The backups app: one archive of the database and the uploads, and its safe restore."""

from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """Adds the backup_site and restore_site management commands; it has no models."""

    name = "backups"
    verbose_name = "Backups"
