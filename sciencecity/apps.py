from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScienceCityConfig(AppConfig):
    """Site-wide pieces: the base page, shared blocks, language links, content loading."""

    name = "sciencecity"
    verbose_name = _("Science City Lyngby")

    def ready(self):
        from . import signals
        from .upstream import locale_cache, localize_editor_text, localize_inline_lang, localize_menu_label

        locale_cache.apply()
        localize_inline_lang.apply()
        localize_editor_text.apply()
        localize_menu_label.apply()
        signals.connect()
