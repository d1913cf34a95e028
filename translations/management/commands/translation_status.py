"""Print how far the Swedish site is behind the Danish one."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from translations.status import State, filtered, translation_statuses


class Command(BaseCommand):
    help = "Print every Danish page and translatable item with its Swedish state and the share translated."

    def add_arguments(self, parser):
        parser.add_argument("--state", choices=list(State.LABELS), help="Show only this state.")
        parser.add_argument("--fail-on-missing", action="store_true", help="Exit non-zero if a translation is missing.")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="Language of the report (da or sv).")

    def handle(self, *args, state=None, fail_on_missing=False, language=None, **options):
        with translation.override(language):
            statuses = translation_statuses()
            for status in filtered(statuses, state=state or "", ordering="state"):
                progress = f"{status.percent:3d}%" if status.total else "   –"
                self.stdout.write(f"{status.state_label:<14} {progress}  {status.kind_label:<22} {status.title}")
            counts = {key: sum(1 for s in statuses if s.state == key) for key in State.LABELS}
            self.stdout.write(
                _("%(missing)s missing, %(outdated)s out of date, %(current)s up to date.")
                % {"missing": counts[State.MISSING], "outdated": counts[State.OUT_OF_DATE], "current": counts[State.UP_TO_DATE]}
            )
            if fail_on_missing and counts[State.MISSING]:
                raise CommandError(_("%(count)s translation(s) missing.") % {"count": counts[State.MISSING]})
