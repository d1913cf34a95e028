"""The site's languages as the settings list them: the source language first, then the languages translated into."""

from django.conf import settings
from django.utils.translation import get_language_info


def source_language() -> str:
    """The default language, in which editors write and from which every other language is translated."""
    return settings.LANGUAGE_CODE


def target_languages() -> list[str]:
    """Every configured language except the source, in the settings' order."""
    return [code for code, _name in settings.LANGUAGES if code != source_language()]


def language_name(code: str):
    """The language's name in the active language ("Swedish", "svenska"), lazily; the code if Django knows none."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
