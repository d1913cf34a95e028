"""Import innovation districts from a CSV file (the columns the admin's export writes)."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.permissions import policy_registry

from districts.importing import EXPORT_COLUMNS, import_districts
from districts.models import District


class Command(BaseCommand):
    help = (
        "Import innovation districts from CSV. Every row is checked first; if any row is bad, nothing is "
        f"imported and each bad row and field is named. Columns: {', '.join(EXPORT_COLUMNS)}. Each new or changed "
        "district is a draft (by --user), submitted for approval; --publish publishes them at once instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)
        parser.add_argument("--user", help="Username of the person the import is by, for the districts' history.")
        parser.add_argument("--publish", action="store_true", help="Publish at once (only for someone who may publish districts).")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="Language of the messages (a code of settings.LANGUAGES).")

    def importer(self, username: str | None, publish: bool):
        """The user the import is by, if they may make it: change districts, and publish them for ``publish``."""
        if username is None:
            if publish:
                raise CommandError(_("Name the approver who publishes the districts with --user."))
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("There is no active user “%(username)s”.") % {"username": username})
        policy = policy_registry.get_by_type(District)
        example = District(locale=Locale.get_default(), live=True)
        if not policy.user_has_permission_for_instance(user, "change", example):
            raise CommandError(_("“%(username)s” may not change districts.") % {"username": username})
        if publish and not policy.user_has_permission_for_instance(user, "publish", example):
            raise CommandError(
                _("“%(username)s” may not publish districts: import without --publish, and an approver approves them.")
                % {"username": username}
            )
        return user

    def handle(self, csv_file: Path, language: str, user: str | None, publish: bool, **options):
        with translation.override(language):
            importer = self.importer(user, publish)
            try:
                content = csv_file.read_bytes()
            except OSError as error:
                raise CommandError(
                    _("Cannot read %(file)s: %(error)s") % {"file": csv_file, "error": error.strerror}
                ) from None
            result = import_districts(content, user=importer, publish=publish)
            if result.errors:
                for error in result.errors:
                    self.stderr.write(str(error))
                raise CommandError(_("Nothing was imported: %(count)s problem(s) in the file.") % {"count": len(result.errors)})
            self.stdout.write(
                _("Imported: %(created)s new, %(updated)s changed, %(unchanged)s unchanged.")
                % {"created": len(result.created), "updated": len(result.updated), "unchanged": len(result.unchanged)}
            )
            changed = len(result.created) + len(result.updated)
            if changed and publish:
                self.stdout.write(_("Published by %(user)s.") % {"user": importer.get_username()})
            elif changed:
                self.stdout.write(
                    _("Saved as drafts and submitted for approval: nothing is public until an approver approves it.")
                )
            if result.translations:
                self.stdout.write(
                    _("%(count)s rows of translations were left alone: translate in the translation editor.")
                    % {"count": len(result.translations)}
                )
