"""The site's languages as the settings list them: the source language first, then the languages translated into."""

from django.conf import settings
from django.utils.translation import get_language_info, pgettext_lazy


def source_language() -> str:
    """The default language, in which editors write and from which every other language is translated."""
    return settings.LANGUAGE_CODE


def target_languages() -> list[str]:
    """Every configured language except the source, in the settings' order."""
    return [code for code, _name in settings.LANGUAGES if code != source_language()]


def language_name(code: str):
    """The language's name as a sentence uses it, in the active language ("Swedish", "svensk"), lazily.

    Our catalogues' plain "Swedish" is a label ("Svensk"); inside a sentence Danish and Swedish write it in
    lower case, hence the context. A language without an entry is named in English, or by its code.
    """
    try:
        return pgettext_lazy("language name in a sentence", get_language_info(code)["name"])
    except KeyError:
        return code
