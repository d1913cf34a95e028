from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from sciencecity.registry import register_checklist


class TranslationsConfig(AppConfig):
    """What translators need: who may change what, and how far each translation is behind the Danish site."""

    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from sciencecity.upstream import localize_previous_translation, localize_published_source, localize_submit_form

        from . import checklist, notify
        from .upstream import localize_per_language, localize_segment_value

        localize_published_source.apply()
        localize_per_language.apply()
        localize_previous_translation.apply()
        localize_segment_value.apply()
        localize_submit_form.apply()
        register_checklist(checklist.translation_gaps)
        notify.connect()
