from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from sciencecity.registry import register_content, register_editorial_models


class DistrictsConfig(AppConfig):
    """The innovation districts of the GIID network, kept as data that pages show."""

    name = "districts"
    verbose_name = _("Innovation districts")

    def ready(self):
        from . import content
        from .models import District

        register_editorial_models(District)
        register_content(content.load, order=10)
