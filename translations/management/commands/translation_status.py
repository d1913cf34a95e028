"""Print how far a translation (every target language by default) is behind the Danish site."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from sciencecity.languages import target_languages
from translations.status import State, filtered, target_locale_for, translation_statuses


class Command(BaseCommand):
    help = "Print every Danish page and translatable item with its state in each target language and the share translated."

    def add_arguments(self, parser):
        parser.add_argument("--state", choices=list(State.LABELS), help="Show only this state.")
        parser.add_argument("--fail-on-missing", action="store_true", help="Exit non-zero if a translation is missing.")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="Language of the report (a code of settings.LANGUAGES).")
        parser.add_argument("--target", choices=target_languages(), help="Report on this target language only.")

    def handle(self, *args, state=None, fail_on_missing=False, language=None, target=None, **options):
        missing = 0
        for code in [target] if target else target_languages():
            missing += self.report(code, state, language)
        if fail_on_missing and missing:
            with translation.override(language):
                raise CommandError(_("%(count)s translation(s) missing.") % {"count": missing})

    def report(self, code: str, state: str | None, language: str) -> int:
        """Print one target language's report; return how many translations it lacks."""
        with translation.override(language):
            statuses = translation_statuses(target_locale_for(code)) if target_locale_for(code) else []
            self.stdout.write(f"[{code}]")
            for status in filtered(statuses, state=state or "", ordering="state"):
                progress = f"{status.percent:3d}%" if status.total else "   –"
                self.stdout.write(f"{status.state_label:<14} {progress}  {status.kind_label:<22} {status.title}")
            counts = {key: sum(1 for s in statuses if s.state == key) for key in State.LABELS}
            self.stdout.write(
                _("%(missing)s missing, %(outdated)s out of date, %(current)s up to date.")
                % {"missing": counts[State.MISSING], "outdated": counts[State.OUT_OF_DATE], "current": counts[State.UP_TO_DATE]}
            )
            return counts[State.MISSING]
