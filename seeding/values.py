"""Seeded content as the content modules write it: values in every language side by side, and how to read one.

``Translated`` texts, references to other seeded pages and objects, inline
children and stream blocks, and what an earlier seed wrote where this one
words it differently (``Translated.earlier``, ``Revised``).
"""

import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from wagtail.models import Page


# Stable identities for seeded content: the same key always gives the same
# translation_key, so a second run finds what the first one made.
SEED_NAMESPACE = uuid.UUID("5c1e4c3e-7d0b-4c0f-9a57-7e3c5d1f2b11")


def seed_key(name: str) -> uuid.UUID:
    """The stable UUID for a named piece of seeded content."""
    return uuid.uuid5(SEED_NAMESPACE, name)


# The languages the seeded content is written in, in the order ``Translated`` takes them: the source first.
SEED_LANGUAGES = ("da", "sv", "en")


class Translated:
    """A value written in the seed's languages, given in the order of ``SEED_LANGUAGES``.

    ``earlier`` holds, by language, what an earlier seed wrote where this one
    words it differently: a version still reading so gets the new wording.
    Delete an ``earlier`` once every install has run ``load_site_content`` since.
    """

    def __init__(self, *texts: Any, earlier: dict[str, Any] | None = None):
        self.texts = dict(zip(SEED_LANGUAGES, texts, strict=False))
        self.earlier = earlier or {}

    def __getitem__(self, language: str) -> Any:
        return self.texts[language]

    def __repr__(self) -> str:
        return f"Translated({self.texts!r})"


@dataclass(frozen=True)
class Revised:
    """A value (in every language) that an earlier seed gave as ``earlier``; see ``Translated.earlier``."""

    value: Any
    earlier: Any


def written_in(value: Any, language: str) -> bool:
    """Whether every ``Translated`` part of seeded content has text in ``language``."""
    if isinstance(value, Revised):
        return written_in(value.value, language)
    if isinstance(value, Translated):
        return language in value.texts and written_in(value.texts[language], language)
    if isinstance(value, Child):
        return written_in(value.fields, language)
    if isinstance(value, Block):
        return written_in(value.value, language)
    if isinstance(value, dict):
        return all(written_in(item, language) for item in value.values())
    if isinstance(value, list):
        return all(written_in(item, language) for item in value)
    return True


@dataclass(frozen=True)
class PageRef:
    """A link in seeded content to another seeded page, by its key; it resolves to the Danish page."""

    key: str


@dataclass(frozen=True)
class SnippetRef:
    """Seeded content's reference to another seeded object (a topic a workshop discussed), by its key.

    It resolves to the source-language object, as many-to-many choices point at source rows.
    """

    model: type
    key: str


@dataclass(frozen=True)
class Child:
    """An inline child object (a ParentalKey row) in seeded content, with a stable translation key."""

    model: type
    key: str
    fields: dict


@dataclass(frozen=True)
class Block:
    """A StreamField block in seeded content; its value may contain ``Translated`` parts."""

    type: str
    value: Any


def in_language(value: Any, language: str, key: str = "", earlier: bool = False) -> Any:
    """Pick one language out of seeded content; blocks get stable ids derived from ``key``.

    With ``earlier``, what an earlier seed wrote (``Translated.earlier``, ``Revised``) where it differs.
    """
    if isinstance(value, Revised):
        return in_language(value.earlier if earlier else value.value, language, key, earlier)
    if isinstance(value, Translated):
        text = value.earlier[language] if earlier and language in value.earlier else value[language]
        return in_language(text, language, key, earlier)
    if isinstance(value, Child):
        # Translations match child rows by translation key, so both languages' versions share one.
        return value.model(translation_key=seed_key(value.key), **in_language(value.fields, language, value.key, earlier))
    if isinstance(value, SnippetRef):
        return value.model.objects.get(translation_key=seed_key(value.key), locale__language_code=settings.LANGUAGE_CODE)
    if isinstance(value, PageRef):
        # Page choosers keep pointing at the source page in a translation;
        # templates show its version in the visitor's language (``.localized``).
        return Page.objects.get(translation_key=seed_key(value.key), locale__language_code=settings.LANGUAGE_CODE).pk
    if isinstance(value, dict):
        return {name: in_language(item, language, f"{key}.{name}", earlier) for name, item in value.items()}
    if isinstance(value, list):
        items = []
        for index, item in enumerate(value):
            if isinstance(item, Block):
                items.append(
                    {
                        "type": item.type,
                        "value": in_language(item.value, language, f"{key}.{index}", earlier),
                        "id": str(uuid.uuid5(SEED_NAMESPACE, f"{key}.{index}")),
                    }
                )
            else:
                items.append(in_language(item, language, f"{key}.{index}", earlier))
        return items
    return value


def revised(value: Any) -> bool:
    """Whether seeded content has any part an earlier seed wrote differently."""
    if isinstance(value, Revised) or (isinstance(value, Translated) and value.earlier):
        return True
    if isinstance(value, Translated):
        return any(revised(text) for text in value.texts.values())
    if isinstance(value, Child):
        return revised(value.fields)
    if isinstance(value, Block):
        return revised(value.value)
    if isinstance(value, dict):
        return any(revised(item) for item in value.values())
    if isinstance(value, list):
        return any(revised(item) for item in value)
    return False
