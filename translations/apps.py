from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from sciencecity.registry import register_checklist


class TranslationsConfig(AppConfig):
    """What translators need: who may change what, and how far each translation is behind the Danish site."""

    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from sciencecity.upstream import localize_previous_translation, localize_published_source, localize_submit_form

        from . import checklist, notify, permissions

        localize_published_source.apply()
        localize_previous_translation.apply()
        localize_submit_form.apply()
        permissions.register()
        register_checklist(checklist.translation_gaps)
        notify.connect()
