"""The privacy app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """What Wagtail's private pages, documents and collections need besides Wagtail: throttled passwords."""

    name = "privacy"
    verbose_name = _("Private content")
