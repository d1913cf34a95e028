from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UploadsConfig(AppConfig):
    """Safe uploads: Wagtail's image and document forms, with each file's real type checked from its bytes, and who may
    change what visitors see of them."""

    name = "uploads"
    verbose_name = _("Uploads")

    def ready(self):
        from . import rules

        rules.register()
