"""What an admin screen must not show in a language, read from the interface catalogues themselves.

For an admin in language L, a text shown on a screen (a whole text node, or an ``aria-label``,
``title`` or ``placeholder``, whitespace collapsed) is a finding when it is

- **another language's**: the translation of a message in another admin language's catalogue
  (Danish or Swedish; for English, either) that differs from L's translation of the same message,
  and is not also a string of L's own catalogue;
- **untranslated English** (Danish and Swedish admins): a message's English source (msgid) that
  L's catalogue translates differently or not at all, and that is not one of L's own strings;
- **Python's** ``None``, ``True`` or ``False``.

The catalogues are Django's merged ones (``django`` and ``djangojs``, every installed app plus
``LOCALE_PATHS``: our strings, our translations of Wagtail and wagtail-localize, the packages'
own), so a string added upstream later is checked as soon as it is installed. Messages with
placeholders (``%(count)s``, ``%s``, ``{name}``) match any text with something in their place.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import polib

LANGUAGES = ("da", "sv")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}")
TAG = re.compile(r"<[^>]+>")
PYTHON_VALUES = re.compile(r"(?<![\w-])(None|True|False)(?![\w-])")
# A text without at least this many letters outside placeholders says nothing about its language.
MIN_LETTERS = 2


def normalise(text: str) -> str:
    """Whitespace collapsed, as a browser shows it."""
    return " ".join(text.split())


def _letters(text: str) -> int:
    return sum(character.isalpha() for character in PLACEHOLDER.sub("", text))


def _pattern(text: str) -> str:
    """A regular expression matching ``text`` with anything (on one line) in place of each placeholder."""
    parts = PLACEHOLDER.split(text)
    return ".+?".join(re.escape(part) for part in parts)


class Texts:
    """A set of texts, some of them templates with placeholders, matched whole."""

    def __init__(self, texts):
        self.exact = set()
        patterns = []
        for text in texts:
            if TAG.search(text) or _letters(text) < MIN_LETTERS:
                continue
            if PLACEHOLDER.search(text):
                # Templates need some words of their own, or they match almost anything.
                if _letters(text) >= 6:
                    patterns.append(_pattern(text))
            else:
                self.exact.add(text)
        self.template = re.compile("|".join(f"(?:{pattern})" for pattern in sorted(set(patterns))) or "(?!)")

    def __contains__(self, text: str) -> bool:
        return text in self.exact or (len(text) < 300 and self.template.fullmatch(text) is not None)


def _source_msgids() -> dict[str, set[str]]:
    """Plural English msgids (``msgid_plural``), which Django's compiled catalogues do not keep, by singular."""
    from django.apps import apps
    from django.conf import settings

    plurals = defaultdict(set)
    directories = [Path(path) for path in settings.LOCALE_PATHS]
    directories += [Path(app.path) / "locale" for app in apps.get_app_configs()]
    for directory in directories:
        for path in directory.glob("*/LC_MESSAGES/django*.po"):
            for entry in polib.pofile(str(path)):
                if entry.msgid_plural and not entry.obsolete:
                    plurals[normalise(entry.msgid)].add(normalise(entry.msgid_plural))
    return plurals


def _catalogue(language: str) -> dict[str, set[str]]:
    """msgid (context dropped, whitespace collapsed) -> the language's translations of it, both domains."""
    from django.utils.translation import trans_real

    merged = defaultdict(set)
    for translation in (trans_real.translation(language), trans_real.DjangoTranslation(language, domain="djangojs")):
        for key, value in translation._catalog.items():
            msgid = key[0] if isinstance(key, tuple) else key
            msgid = normalise(msgid.split("\x04")[-1])
            if msgid and value:
                merged[msgid].add(normalise(value))
    return merged


@dataclass
class Detector:
    """For one admin language: the texts of other languages, and the English left untranslated."""

    language: str
    foreign: Texts
    english: Texts
    own: Texts
    allowed: set = field(default_factory=set)

    def findings(self, texts) -> list[str]:
        """The texts that should not be on a screen in this language, each with what it is."""
        found = []
        for text in sorted({normalise(text) for text in texts}):
            if not text or text in self.allowed:
                continue
            if PYTHON_VALUES.search(text) and not (self.language == "en" and text in self.own):
                found.append(f"python: {text}")
            elif text in self.own:
                continue
            elif text in self.foreign:
                found.append(f"other language: {text}")
            elif text in self.english:
                found.append(f"english: {text}")
        return found


def detectors() -> dict[str, Detector]:
    """A detector for each admin language (Danish, Swedish, English), built from the installed catalogues."""
    catalogues = {language: _catalogue(language) for language in LANGUAGES}
    plurals = _source_msgids()
    msgids = set(catalogues["da"]) | set(catalogues["sv"]) | set(plurals)
    msgids |= {plural for values in plurals.values() for plural in values}
    result = {}
    for language in (*LANGUAGES, "en"):
        if language == "en":
            own = set(msgids)
        else:
            own = {value for values in catalogues[language].values() for value in values}
            # Django shows model names with their first letter capitalised ("innovationsdistrikt").
            own |= {value[:1].upper() + value[1:] for value in own}
        foreign = set()
        for other in LANGUAGES:
            if other == language:
                continue
            for msgid, values in catalogues[other].items():
                mine = {msgid} if language == "en" else catalogues[language].get(msgid, set())
                foreign |= {value for value in values if value not in mine and value not in own}
        english = set()
        if language != "en":
            for msgid in msgids:
                for text in (msgid, *plurals.get(msgid, ())):
                    if text not in own and text not in catalogues[language].get(msgid, set()):
                        english.add(text)
        result[language] = Detector(language, Texts(foreign), Texts(english), Texts(own))
    return result
