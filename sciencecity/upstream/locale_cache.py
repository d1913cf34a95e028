"""Look up each Locale row once per process, not on every Locale.get_active() and get_default().

Upstream gap (Wagtail 8, ``wagtail/models/i18n.py``): ``LocaleManager.get_for_language``
queries the database on every call, and Wagtail calls it through
``Locale.get_active()`` several times per request (``Page.localized``,
``route_for_request``), as does every translatable look-up of ours. Locales
change only when an administrator adds a language, so the rows are kept per
process and dropped whenever a Locale is saved or deleted. Delete this module
(and its ``apply()`` in ``sciencecity.apps``) once Wagtail caches locales.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

_locales: dict[str, Locale] = {}
_original_get_for_language = LocaleManager.get_for_language


def get_for_language(manager, language_code):
    """The Locale for a language code, from the process's cache after the first look-up."""
    code = get_supported_content_language_variant(language_code)
    locale = _locales.get(code)
    if locale is None:
        locale = _original_get_for_language(manager, code)
        _locales[code] = locale
    return locale


def clear(**kwargs) -> None:
    """Forget every cached Locale (a Locale changed, or a test emptied the database)."""
    _locales.clear()


def apply() -> None:
    """Patch Wagtail's LocaleManager once, at start-up."""
    LocaleManager.get_for_language = get_for_language
    post_save.connect(clear, sender=Locale, dispatch_uid="sciencecity-locale-cache-save")
    post_delete.connect(clear, sender=Locale, dispatch_uid="sciencecity-locale-cache-delete")
