"""Import innovation districts from a CSV file (the columns the admin's export writes)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from districts.importing import EXPORT_COLUMNS, import_districts


class Command(BaseCommand):
    help = (
        "Import innovation districts from CSV. Every row is checked first; if any row is bad, nothing is "
        f"imported and each bad row and field is named. Columns: {', '.join(EXPORT_COLUMNS)}."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="Language of the messages (a code of settings.LANGUAGES).")

    def handle(self, csv_file: Path, language: str, **options):
        with translation.override(language):
            try:
                content = csv_file.read_bytes()
            except OSError as error:
                raise CommandError(
                    _("Cannot read %(file)s: %(error)s") % {"file": csv_file, "error": error.strerror}
                ) from None
            result = import_districts(content)
            if result.errors:
                for error in result.errors:
                    self.stderr.write(str(error))
                raise CommandError(_("Nothing was imported: %(count)s problem(s) in the file.") % {"count": len(result.errors)})
            self.stdout.write(
                _("Imported: %(created)s new, %(updated)s changed, %(unchanged)s unchanged.")
                % {"created": len(result.created), "updated": len(result.updated), "unchanged": len(result.unchanged)}
            )
            if result.translations:
                self.stdout.write(
                    _("%(count)s rows of translations were left alone: translate in the translation editor.")
                    % {"count": len(result.translations)}
                )
