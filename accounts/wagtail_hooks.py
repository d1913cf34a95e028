"""Wagtail admin hooks: the two-factor URLs, and a link to them on the user's account page."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    """Mount the two-factor screens under /admin/ (Wagtail checks admin access and sets the language)."""
    return [path("", include(urls))]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    """A button on /admin/account/ to the two-factor settings."""
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Set up an authenticator app, see and remove your devices, and get recovery codes."),
    }
