"""The accounts app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Two-factor sign-in and login throttling for staff accounts."""

    name = "accounts"
    verbose_name = _("Staff accounts")
