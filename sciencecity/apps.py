from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScienceCityConfig(AppConfig):
    """Site-wide pieces: the base page, shared blocks, language links, content loading."""

    name = "sciencecity"
    verbose_name = _("Science City Lyngby")

    def ready(self):
        from wagtail.images import get_image_model

        from . import registry, signals
        from .models import FooterText, OrganisationSettings
        from .upstream import (
            csv_formulas,
            document_encoding,
            localize_editor_text,
            localize_inline_lang,
            localize_menu_label,
            private_collection_images,
            stream_management_fields,
        )

        csv_formulas.apply()
        document_encoding.apply()
        localize_inline_lang.apply()
        private_collection_images.apply()
        stream_management_fields.apply()
        localize_editor_text.apply()
        localize_menu_label.apply()
        registry.register_editorial_models(FooterText)
        registry.register_content_models(OrganisationSettings, get_image_model())
        signals.connect()
