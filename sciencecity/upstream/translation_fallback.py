"""What a catalogue lacks shows in English, its msgid, never in the default language (Danish).

Django's gap (5.2, ``trans_real.DjangoTranslation._add_fallback``): every language but English falls
back to ``LANGUAGE_CODE``'s catalogue, so the Swedish admin showed Danish wherever Swedish was missing,
and wagtail-localize's JavaScript catalogue, served with that fallback merged in and loaded after
Wagtail's, replaced Swedish the page already had ("Flere handlinger"). This drops the fallback for
every domain, so a string added upstream later shows in English until it is translated.

Upstream: https://code.djangoproject.com/ticket/28636 and https://github.com/django/django/pull/9248 (Allowed
customizing of translation fallback, not merged); English is exempt since ticket #24413 (django/django PR #4217).
"""

from django.utils.translation import trans_real


def _no_fallback(translation, localedirs=None):
    """Add no fallback catalogue: what the language lacks stays its English msgid."""


def apply() -> None:
    """Patch Django's translations once, at start-up, and forget any built before with the fallback."""
    trans_real.DjangoTranslation._add_fallback = _no_fallback
    trans_real._translations.clear()
