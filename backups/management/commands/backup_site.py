"""Write one archive of the database and the uploaded files (backups/README.md)."""

import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from backups.archive import DATABASE_PART, MEDIA_PART, applied_migrations, engine_name, prune, write_archive


class Command(BaseCommand):
    help = (
        "Write one archive (.tar.gz) of the database and the uploaded files to BACKUP_DIR (default: backups/), "
        "then delete archives older than BACKUP_KEEP_DAYS days."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, help="Where to write the archive (default: the BACKUP_DIR setting).")
        parser.add_argument(
            "--keep-days", type=int, help="Delete archives older than this many days; 0 keeps all (default: BACKUP_KEEP_DAYS)."
        )

    def handle(self, *args, **options):
        from dbbackup.db.base import get_connector

        directory = options["dir"] or Path(settings.BACKUP_DIR)
        keep_days = settings.BACKUP_KEEP_DAYS if options["keep_days"] is None else options["keep_days"]
        directory.mkdir(parents=True, exist_ok=True)
        quiet = options["verbosity"] < 2
        connector = get_connector()
        created = datetime.now(UTC)
        migrations = applied_migrations(connection)

        # Work beside the archive: a large dump does not fill /tmp, and the final rename stays on one disk.
        with tempfile.TemporaryDirectory(dir=directory, prefix=".backup-") as work:
            database, media = Path(work) / DATABASE_PART, Path(work) / MEDIA_PART
            call_command("dbbackup", database="default", output_path=str(database), quiet=quiet)
            self._ensure_media_store()
            call_command("mediabackup", output_path=str(media), quiet=quiet)
            if applied_migrations(connection) != migrations:
                raise CommandError("Migrations ran while the backup was being made; nothing was written. Run it again.")
            with tarfile.open(media) as tar:
                files = sum(1 for member in tar if member.isfile())
            manifest = {
                "site": "sciencecity",
                "release": settings.RELEASE,
                "created": created.isoformat(),
                "engine": connection.vendor,
                "connector": f"{type(connector).__module__}.{type(connector).__name__}",
                "migrations": migrations,
            }
            # Signed with the site's key: a restore refuses an archive changed or made elsewhere (backups/README.md).
            archive = write_archive(directory, manifest, {DATABASE_PART: database, MEDIA_PART: media}, settings.SECRET_KEY)

        size = archive.stat().st_size / 1_000_000
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {archive} ({size:.1f} MB): the {engine_name(connection.vendor)} database and {files} uploaded files.")
        )
        for old in prune(directory, keep_days, keep=archive):
            self.stdout.write(f"Deleted {old.name}: older than {keep_days} days.")

    def _ensure_media_store(self):
        """Create the media folder if no file was ever uploaded, so dbbackup's media backup finds it (empty)."""
        try:
            default_storage.listdir("")
        except FileNotFoundError:
            Path(default_storage.path("")).mkdir(parents=True, exist_ok=True)
