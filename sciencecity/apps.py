from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScienceCityConfig(AppConfig):
    """Site-wide pieces: the base page, shared blocks, language links, content loading."""

    name = "sciencecity"
    verbose_name = _("Science City Lyngby")

    def ready(self):
        from . import signals
        from .upstream import (
            csv_formulas,
            document_encoding,
            locale_cache,
            localize_editor_text,
            localize_inline_lang,
            localize_menu_label,
            private_collection_images,
            stream_management_fields,
        )

        csv_formulas.apply()
        document_encoding.apply()
        locale_cache.apply()
        localize_inline_lang.apply()
        private_collection_images.apply()
        stream_management_fields.apply()
        localize_editor_text.apply()
        localize_menu_label.apply()
        signals.connect()
