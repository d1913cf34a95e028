from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScienceCityConfig(AppConfig):
    """Site-wide pieces: the base page, shared blocks, language links, content loading."""

    name = "sciencecity"
    verbose_name = _("Science City Lyngby")

    def ready(self):
        from .upstream import permission_labels, translation_fallback

        # First, before anything imports Wagtail's forms (see both modules).
        translation_fallback.apply()
        permission_labels.apply()

        from wagtail.images import get_image_model

        from . import registry, signals, visibility
        from .models import FooterText, OrganisationSettings
        from .upstream import (
            admin_labels,
            admin_object_ids,
            alias_publish,
            csv_formulas,
            document_encoding,
            inline_panel_order,
            localize_editor_text,
            localize_inline_lang,
            menu_labels,
            private_collection_images,
            rich_text_json,
            stream_management_fields,
            workflow_action_message,
        )

        admin_labels.apply()
        admin_object_ids.apply()
        alias_publish.apply()
        inline_panel_order.apply()
        rich_text_json.apply()
        csv_formulas.apply()
        document_encoding.apply()
        localize_inline_lang.apply()
        private_collection_images.apply()
        stream_management_fields.apply()
        localize_editor_text.apply()
        menu_labels.apply()
        workflow_action_message.apply()
        # A page that expires leaves the site then: menus, lists and the edge's copies last no longer.
        registry.register_next_change(visibility.next_expiry)
        registry.register_editorial_models(FooterText)
        registry.register_content_models(OrganisationSettings, get_image_model())
        signals.connect()
