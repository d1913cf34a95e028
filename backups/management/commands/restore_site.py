"""Restore an archive of backup_site into an empty database and media store, then migrate (backups/README.md)."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, connection

from backups.archive import (
    DATABASE_PART,
    MEDIA_PART,
    Refusal,
    check_compatible,
    engine_name,
    known_migrations,
    read_archive,
    stored_files,
)


class Command(BaseCommand):
    help = (
        "Restore an archive made by backup_site into an EMPTY database and media store, then run the migrations. "
        "Refuses, changing nothing, an archive not signed with this site's SECRET_KEY, a damaged one, one made on the "
        "other database engine, or one made by a newer release."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The archive, e.g. backups/sciencecity-20260101-030000-postgresql.tar.gz")
        parser.add_argument(
            "--accept-unsigned",
            action="store_true",
            help="Restore an archive whose manifest is not signed with SECRET_KEY or SECRET_KEY_FALLBACKS (one made "
            "before backups were signed, or under a lost key): only one you know where it comes from.",
        )

    def handle(self, *args, **options):
        path = options["archive"]
        if not path.is_file():
            raise CommandError(f"There is no archive at {path}.")
        quiet = options["verbosity"] < 2
        with tempfile.TemporaryDirectory(prefix="sciencecity-restore-") as work:
            try:
                secrets = None if options["accept_unsigned"] else [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
                # Everything is checked here, the media's file names included, before the database is touched.
                manifest = read_archive(path, Path(work), secrets)
                check_compatible(manifest, connection.vendor, known_migrations(), settings.RELEASE)
                self._check_empty()
            except Refusal as refusal:
                raise CommandError(f"{refusal} Nothing was changed.") from refusal

            try:
                call_command("dbrestore", database="default", input_path=str(Path(work) / DATABASE_PART), interactive=False, quiet=quiet)
            except Exception as error:
                raise CommandError(
                    f"The database restore failed: {error}\nThe database may be partly restored: empty it before trying again."
                ) from error
            try:
                call_command("mediarestore", input_path=str(Path(work) / MEDIA_PART), interactive=False, quiet=quiet)
            except Exception as error:
                raise CommandError(
                    f"The uploads' restore failed: {error}\nThe database is restored, the media store partly: "
                    "empty both before trying again."
                ) from error

        # An archive of the previous release is brought up to this code's schema.
        call_command("migrate", interactive=False, verbosity=options["verbosity"])
        # Pages cached before the disaster must not outlive it.
        for cache in caches.all():
            cache.clear()
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {path.name} (release {manifest.get('release', 'unknown')}, made {manifest.get('created', '?')}): "
                f"the {engine_name(manifest['engine'])} database and {len(list(stored_files(default_storage)))} uploaded files."
            )
        )

    def _check_empty(self):
        """Refuse to restore over anything: the database must have no tables, the media store no files."""
        try:
            tables = connection.introspection.table_names()
        except OperationalError as error:
            raise Refusal(f"The database cannot be opened ({error}). Create an empty one first (backups/README.md).") from error
        if tables:
            raise Refusal(
                f"The database is not empty ({len(tables)} tables, e.g. {tables[0]}). A restore only goes into an empty "
                "database, so that nothing is overwritten: create a new empty database (backups/README.md) and try again."
            )
        first_file = next(stored_files(default_storage), None)
        if first_file is not None:
            raise Refusal(
                f"The media store is not empty (it holds {first_file}, among others). A restore only goes into an empty "
                "media store, so that no upload is overwritten: move its files away and try again."
            )
