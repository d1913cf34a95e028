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
        from .upstream import localize_inline_lang

        localize_inline_lang.apply()
        registry.register_content_models(FooterText, OrganisationSettings, get_image_model())
        signals.connect()
